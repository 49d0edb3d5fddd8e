//! Per-node text statistics (characters, link characters, paragraphs,
//! pictures, …) over the flat DOM, kept current as nodes are removed: what
//! the scorer and the cleaners judge by.

use crate::article::dom::{Data, Dom, Ix, is_block, is_invisible};

/// Per-node counts over a subtree, kept current as nodes are removed.
#[derive(Clone, Copy, Default)]
pub(super) struct Count {
    /// Non-whitespace characters of visible text.
    pub(super) chars: u32,
    /// Of which inside links.
    pub(super) link_chars: u32,
    /// Characters not inside a nested block element: text "of its own".
    pub(super) inline_chars: u32,
    pub(super) commas: u32,
    pub(super) p: u32,
    pub(super) img: u32,
    pub(super) li: u32,
    pub(super) input: u32,
    pub(super) embed: u32,
    pub(super) heading_chars: u32,
    /// Characters inside `<blockquote>`: quoted posts (tweets) that
    /// articles embed in widget boxes.
    pub(super) quote_chars: u32,
    /// Pictures as parsed, not reduced when empty picture wrappers are
    /// removed: what the photo-box test looks at.
    pub(super) pics: u32,
}

impl Count {
    pub(super) fn add(&mut self, o: &Count) {
        self.chars += o.chars;
        self.link_chars += o.link_chars;
        self.commas += o.commas;
        self.p += o.p;
        self.img += o.img;
        self.li += o.li;
        self.input += o.input;
        self.embed += o.embed;
        self.heading_chars += o.heading_chars;
        self.quote_chars += o.quote_chars;
        self.pics += o.pics;
    }

    pub(super) fn sub(&mut self, o: &Count) {
        self.chars = self.chars.saturating_sub(o.chars);
        self.link_chars = self.link_chars.saturating_sub(o.link_chars);
        self.commas = self.commas.saturating_sub(o.commas);
        self.p = self.p.saturating_sub(o.p);
        self.img = self.img.saturating_sub(o.img);
        self.li = self.li.saturating_sub(o.li);
        self.input = self.input.saturating_sub(o.input);
        self.embed = self.embed.saturating_sub(o.embed);
        self.heading_chars = self.heading_chars.saturating_sub(o.heading_chars);
        self.quote_chars = self.quote_chars.saturating_sub(o.quote_chars);
    }

    pub(super) fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

pub(super) struct Stats(pub(super) Vec<Count>);

impl Stats {
    /// One reverse pass: flat indices are in document (pre-)order, so every
    /// child comes after its parent.
    pub(super) fn compute(dom: &Dom) -> Stats {
        let n = dom.nodes.len();
        let mut c = vec![Count::default(); n];
        for i in (0..n).rev() {
            let node = &dom.nodes[i];
            if node.removed {
                continue;
            }
            match &node.data {
                // Script and style text (often megabytes) never counts:
                // skip it here rather than count it and zero it above.
                Data::Text(_) if node.parent.is_some_and(|p| is_invisible(dom.tag(p))) => {}
                Data::Text(t) => {
                    for ch in t.chars() {
                        if !ch.is_whitespace() && ch != '\u{a0}' {
                            c[i].chars += 1;
                            if matches!(ch, ',' | '，' | '、') {
                                c[i].commas += 1;
                            }
                        }
                    }
                    c[i].inline_chars = c[i].chars;
                }
                Data::Element(e) => {
                    let tag = &*e.tag;
                    if is_invisible(tag)
                        && !matches!(
                            tag,
                            "input"
                                | "select"
                                | "textarea"
                                | "iframe"
                                | "embed"
                                | "object"
                                | "video"
                        )
                    {
                        c[i] = Count::default();
                        continue;
                    }
                    match tag {
                        "a" => c[i].link_chars = c[i].chars,
                        "p" => c[i].p += 1,
                        // An SVG picture is an icon (a check mark, a logo),
                        // not a photo: it does not make a box a gallery.
                        "img" if !is_icon(e.attr("src")) => {
                            c[i].img += 1;
                            c[i].pics += 1;
                        }
                        "li" => c[i].li += 1,
                        "input" | "select" | "textarea" => {
                            c[i] = Count {
                                input: 1,
                                ..Count::default()
                            };
                        }
                        "iframe" | "embed" | "object" | "video" => {
                            c[i] = Count {
                                embed: 1,
                                ..Count::default()
                            };
                        }
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => c[i].heading_chars = c[i].chars,
                        "blockquote" => c[i].quote_chars = c[i].chars,
                        _ => {}
                    }
                }
                Data::Other => {}
            }
            if let Some(p) = node.parent {
                let mine = c[i];
                c[p].add(&mine);
                let inline_child = match &node.data {
                    Data::Element(e) => !is_block(&e.tag),
                    _ => true,
                };
                if inline_child {
                    c[p].inline_chars += mine.inline_chars;
                }
            }
        }
        Stats(c)
    }

    /// Takes a removed node's counts out of its ancestors.
    pub(super) fn remove(&mut self, dom: &Dom, ix: Ix) {
        let mine = self.0[ix];
        let mut cur = dom.nodes[ix].parent;
        while let Some(p) = cur {
            self.0[p].sub(&mine);
            cur = dom.nodes[p].parent;
        }
    }
}

/// Does an `<img src>` name an icon? Vector images on the web are icons,
/// logos and check marks; photos are raster.
fn is_icon(src: Option<&str>) -> bool {
    src.is_some_and(|s| {
        let path = s.split(['?', '#']).next().unwrap_or(s);
        path.get(path.len().saturating_sub(4)..)
            .is_some_and(|ext| ext.eq_ignore_ascii_case(".svg"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    #[test]
    fn an_svg_picture_is_an_icon_not_a_photo() {
        let dom = Dom::from_html(&Html::parse_document(
            "<body><table><tr><td><img src=/icons/check.svg?v=2></td><td>Steuerlich absetzbar</td></tr>\
             <tr><td><img src=/fotos/bruecke.JPG></td><td>Die Brücke im Winter</td></tr></table></body>",
        ));
        let stats = Stats::compute(&dom);
        let table = (0..dom.nodes.len())
            .find(|&i| dom.tag(i) == "table")
            .expect("a table");
        assert_eq!(stats.0[table].img, 1);
        assert!(!is_icon(Some("/a.svg.jpg")) && is_icon(Some("/a.SVG#x")) && !is_icon(None));
    }
}
