//! A flat, index-based copy of the parsed document.
//!
//! `scraper` gives a tree of reference-counted names and attribute vectors;
//! the extractor walks the tree many times (statistics, scoring, cleaning,
//! rendering) and marks nodes as removed. A `Vec` of plain nodes indexed by
//! `usize` makes every one of those passes a loop instead of a recursion (no
//! stack overflow on 100,000 nested elements) and lets "remove" be a flag.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use ego_tree::NodeId;
use scraper::{Html, Node as SNode};

/// Index of a node in [`Dom::nodes`].
pub type Ix = usize;

/// One node of the flat document.
#[derive(Debug)]
pub struct Node {
    pub parent: Option<Ix>,
    pub children: Vec<Ix>,
    pub data: Data,
    /// Set by cleaning passes; removed nodes and their subtrees are skipped.
    pub removed: bool,
}

/// What a node holds.
#[derive(Debug)]
pub enum Data {
    Element(Element),
    Text(String),
    /// The document itself, comments, doctypes: containers or nothing.
    Other,
}

/// An element's name and the attributes the extractor reads.
#[derive(Debug)]
pub struct Element {
    /// Lower-case local name.
    pub tag: Box<str>,
    /// `class` and `id`, lower-cased and joined by a space: what the
    /// boilerplate heuristics look at.
    pub class_id: Box<str>,
    pub attrs: Vec<(Box<str>, Box<str>)>,
    /// What the extractor made of `class_id`, kept so the word lists are
    /// scanned once per element, not once per pass (0: not read yet).
    pub class_memo: std::cell::Cell<u8>,
}

impl Element {
    /// The value of an attribute.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| &**v)
    }
}

/// Hashes `NodeId`s (arena indices) by one multiplication instead of
/// SipHash: the map is filled for every node of every page.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// `scraper` node id → flat index.
pub type IdMap = HashMap<NodeId, Ix, BuildHasherDefault<IdHasher>>;

/// Attributes the extractor reads; the rest are not copied.
const KEPT_ATTRS: &[&str] = &["hidden", "aria-hidden", "style", "role", "itemprop"];

/// The flat document plus the map back from `scraper`'s node ids, so that
/// CSS selectors (evaluated by `scraper`) can address flat nodes.
pub struct Dom {
    pub nodes: Vec<Node>,
    pub by_id: IdMap,
    /// The last index inside each node's subtree. Indices are in document
    /// pre-order, so a subtree is the range `i..=end[i]` and "contains" is
    /// two comparisons, whatever the depth.
    end: Vec<Ix>,
}

impl Dom {
    /// Copies the parsed document. Iterative: depth costs no stack.
    pub fn from_html(html: &Html) -> Dom {
        let mut nodes: Vec<Node> = Vec::with_capacity(html.tree.values().len());
        let mut by_id = IdMap::with_capacity_and_hasher(nodes.capacity(), Default::default());
        let root = html.tree.root();
        // (scraper node, parent flat index)
        let mut stack = vec![(root, None::<Ix>)];
        while let Some((node, parent)) = stack.pop() {
            let data = match node.value() {
                SNode::Element(e) => {
                    let mut class_id = String::new();
                    if let Some(c) = e.attr("class") {
                        class_id.push_str(&c.to_ascii_lowercase());
                    }
                    if let Some(i) = e.attr("id") {
                        class_id.push(' ');
                        class_id.push_str(&i.to_ascii_lowercase());
                    }
                    // A picture's source tells an icon from a photo.
                    let img = e.name().eq_ignore_ascii_case("img");
                    Data::Element(Element {
                        tag: e.name().to_ascii_lowercase().into_boxed_str(),
                        class_id: class_id.into_boxed_str(),
                        attrs: e
                            .attrs()
                            .filter(|(k, _)| KEPT_ATTRS.contains(k) || (img && *k == "src"))
                            .map(|(k, v)| (Box::from(k), Box::from(v)))
                            .collect(),
                        class_memo: Default::default(),
                    })
                }
                SNode::Text(t) => Data::Text(t.text.to_string()),
                _ => Data::Other,
            };
            let ix = nodes.len();
            nodes.push(Node {
                parent,
                children: Vec::new(),
                data,
                removed: false,
            });
            by_id.insert(node.id(), ix);
            if let Some(p) = parent {
                nodes[p].children.push(ix);
            }
            // Push children in reverse so they are visited (and appended to
            // the parent's list) in document order.
            let children: Vec<_> = node.children().collect();
            for child in children.into_iter().rev() {
                stack.push((child, Some(ix)));
            }
        }
        let mut end: Vec<Ix> = (0..nodes.len()).collect();
        for i in (0..nodes.len()).rev() {
            if let Some(&last) = nodes[i].children.last() {
                end[i] = end[last];
            }
        }
        Dom { nodes, by_id, end }
    }

    /// The element data of a node, if it is an element.
    pub fn element(&self, ix: Ix) -> Option<&Element> {
        match &self.nodes[ix].data {
            Data::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The tag name of an element node, or `""`.
    pub fn tag(&self, ix: Ix) -> &str {
        self.element(ix).map_or("", |e| &e.tag)
    }

    /// The first `<body>` element, or the root.
    pub fn body(&self) -> Ix {
        self.nodes
            .iter()
            .position(|n| matches!(&n.data, Data::Element(e) if &*e.tag == "body"))
            .unwrap_or(0)
    }

    /// Nodes of the subtree under `ix` (itself included) in document order,
    /// skipping removed subtrees.
    pub fn descendants(&self, ix: Ix) -> Vec<Ix> {
        let mut out = Vec::new();
        let mut stack = vec![ix];
        while let Some(n) = stack.pop() {
            if self.nodes[n].removed {
                continue;
            }
            out.push(n);
            for &c in self.nodes[n].children.iter().rev() {
                stack.push(c);
            }
        }
        out
    }

    /// For every node, whether it or one of its ancestors was removed: one
    /// forward pass, parents come before children.
    pub fn removed_mask(&self) -> Vec<bool> {
        let mut mask = vec![false; self.nodes.len()];
        for (i, n) in self.nodes.iter().enumerate() {
            mask[i] = n.removed || n.parent.is_some_and(|p| mask[p]);
        }
        mask
    }

    /// Whether `ancestor` contains `ix` (or is it). O(1).
    pub fn contains(&self, ancestor: Ix, ix: Ix) -> bool {
        ancestor <= ix && ix <= self.end[ancestor]
    }

    /// The visible text of a subtree with whitespace collapsed, inline
    /// boundaries kept as they are.
    pub fn text(&self, ix: Ix) -> String {
        let mut out = String::new();
        for n in self.descendants(ix) {
            if let Data::Text(t) = &self.nodes[n].data
                && !self.skipped_text_parent(n)
            {
                push_collapsed(&mut out, t);
            }
        }
        out.trim().to_string()
    }

    fn skipped_text_parent(&self, n: Ix) -> bool {
        self.nodes[n]
            .parent
            .is_some_and(|p| is_invisible(self.tag(p)))
    }

    /// Renders a subtree as paragraphs: block elements and `<br><br>` end a
    /// paragraph, a single `<br>` is a line break inside one, inline elements
    /// add no spaces of their own (Naver splits words across `<span>`s).
    pub fn paragraphs(&self, ix: Ix, out: &mut Vec<String>) {
        let mut r = Renderer::default();
        // Explicit stack of (node, entering?) to close blocks after their
        // children.
        let mut stack = vec![(ix, true)];
        while let Some((n, entering)) = stack.pop() {
            let node = &self.nodes[n];
            if node.removed {
                continue;
            }
            match &node.data {
                Data::Text(t) => {
                    if entering {
                        r.text(t);
                    }
                }
                Data::Other => {
                    if entering {
                        for &c in node.children.iter().rev() {
                            stack.push((c, true));
                        }
                    }
                }
                Data::Element(e) => {
                    let tag = &*e.tag;
                    if is_invisible(tag) {
                        continue;
                    }
                    if tag == "br" {
                        r.br();
                        continue;
                    }
                    let block = is_block(tag);
                    if entering {
                        if block {
                            r.flush(out);
                        }
                        if tag == "img" || tag == "hr" {
                            continue;
                        }
                        stack.push((n, false));
                        for &c in node.children.iter().rev() {
                            stack.push((c, true));
                        }
                    } else if block {
                        r.flush(out);
                    } else if matches!(tag, "td" | "th") {
                        r.text(" ");
                    }
                }
            }
        }
        r.flush(out);
    }
}

/// Elements whose content is never article text.
pub fn is_invisible(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "iframe"
            | "object"
            | "embed"
            | "svg"
            | "canvas"
            | "button"
            | "input"
            | "select"
            | "option"
            | "textarea"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "video"
            | "audio"
            | "map"
    )
}

/// Elements that start and end a paragraph.
pub fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "caption"
            | "figure"
            | "figcaption"
            | "address"
            | "hr"
            | "center"
            | "form"
            | "fieldset"
            | "details"
            | "summary"
            | "body"
            | "html"
    )
}

/// Appends `t` with runs of whitespace collapsed to one space, and no
/// leading space where `out` already ends in whitespace.
pub fn push_collapsed(out: &mut String, t: &str) {
    let mut last_space = out.is_empty() || out.ends_with([' ', '\n']);
    for c in t.chars() {
        if c.is_whitespace() || c == '\u{a0}' {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else if matches!(c, '\u{200b}' | '\u{200c}' | '\u{feff}' | '\u{ad}') {
            // Zero-width and soft-hyphen characters: invisible, and they
            // break searches and the shingle metric alike.
        } else {
            out.push(c);
            last_space = false;
        }
    }
}

#[derive(Default)]
struct Renderer {
    buf: String,
    /// `<br>`s seen since the last text.
    brs: u32,
}

impl Renderer {
    fn text(&mut self, t: &str) {
        if self.brs > 0 && t.chars().any(|c| !c.is_whitespace() && c != '\u{a0}') {
            self.brs = 0;
        }
        push_collapsed(&mut self.buf, t);
    }

    fn br(&mut self) {
        self.brs += 1;
        if self.brs >= 2 {
            // `<br><br>` is how many Korean CMSs separate paragraphs.
            self.paragraph_break();
        } else {
            let trimmed = self.buf.trim_end_matches(' ').len();
            self.buf.truncate(trimmed);
            if !self.buf.is_empty() && !self.buf.ends_with('\n') {
                self.buf.push('\n');
            }
        }
    }

    fn paragraph_break(&mut self) {
        let trimmed = self.buf.trim_end().len();
        self.buf.truncate(trimmed);
        if !self.buf.is_empty() && !self.buf.ends_with("\n\n") {
            self.buf.push_str("\n\n");
        }
    }

    fn flush(&mut self, out: &mut Vec<String>) {
        self.brs = 0;
        for para in self.buf.split("\n\n") {
            let lines: Vec<&str> = para
                .split('\n')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            if !lines.is_empty() {
                out.push(lines.join("\n"));
            }
        }
        self.buf.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(html: &str) -> Vec<String> {
        let doc = Html::parse_document(html);
        let dom = Dom::from_html(&doc);
        let mut out = Vec::new();
        dom.paragraphs(dom.body(), &mut out);
        out
    }

    #[test]
    fn inline_boundaries_add_no_space() {
        assert_eq!(
            paras("<p><span>경제</span><span>신문</span> 스크랩</p>"),
            vec!["경제신문 스크랩"]
        );
    }

    #[test]
    fn br_br_is_a_paragraph_break() {
        assert_eq!(
            paras(
                "<div>첫 문단이다.<br><br>둘째 문단이다.<br>같은 문단의 줄.<br/>\n<br/>셋째.</div>"
            ),
            vec!["첫 문단이다.", "둘째 문단이다.\n같은 문단의 줄.", "셋째."]
        );
    }

    #[test]
    fn deep_nesting_is_iterative() {
        let html = "<span>".repeat(50_000) + "깊다" + &"</span>".repeat(50_000);
        let doc = Html::parse_document(&html);
        let dom = Dom::from_html(&doc);
        assert_eq!(dom.text(dom.body()), "깊다");
    }
}
