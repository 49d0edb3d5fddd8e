//! Small queries over the parsed page shared by every source: CSS
//! selection into flat indices, first text or attribute of a selector, and
//! the text of an HTML fragment (JSON strings that hold markup).

use scraper::{Html, Selector};
use url::Url;

use crate::article::dom::{Dom, Ix, push_collapsed};

pub(super) fn text_len(paras: &[String]) -> usize {
    paras.iter().map(|p| p.chars().count()).sum()
}

pub(super) fn host_of(u: &str) -> Option<String> {
    Url::parse(u).ok()?.host_str().map(str::to_owned)
}

pub(super) fn collapse(s: &str) -> String {
    let mut out = String::new();
    push_collapsed(&mut out, s);
    out.trim().to_owned()
}

pub(super) fn selector(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

/// Flat indices of the elements matching a selector, outermost only.
pub(super) fn select_ix(doc: &Html, dom: &Dom, sel: &str) -> Vec<Ix> {
    let Some(sel) = selector(sel) else {
        return Vec::new();
    };
    let mut out: Vec<Ix> = Vec::new();
    // Matches come in document order: a match is nested exactly when it
    // lies inside the last outermost one.
    for el in doc.select(&sel) {
        if let Some(&ix) = dom.by_id.get(&el.id())
            && !out.last().is_some_and(|&o| dom.contains(o, ix))
        {
            out.push(ix);
        }
    }
    out
}

pub(super) fn first_text(doc: &Html, sel: &str) -> Option<String> {
    let sel = selector(sel)?;
    doc.select(&sel)
        .map(|e| collapse(&e.text().collect::<String>()))
        .find(|t| !t.is_empty())
}

pub(super) fn first_attr(doc: &Html, sel: &str, attr: &str) -> Option<String> {
    let sel = selector(sel)?;
    doc.select(&sel)
        .find_map(|e| e.value().attr(attr).map(str::to_owned))
}

/// Text of an HTML snippet (JSON-LD and Fusion strings may hold tags and
/// entities), as paragraphs.
pub(super) fn fragment_paragraphs(s: &str) -> Vec<String> {
    // Some CMSs escape the HTML of `articleBody` twice: "&lt;p&gt;…".
    if ["&lt;p", "&lt;div", "&lt;a ", "&lt;br", "&lt;span"]
        .iter()
        .any(|t| s.contains(t))
    {
        let once = Html::parse_fragment(s);
        let unescaped: String = once.root_element().text().collect();
        if !unescaped.contains("&lt;") {
            return fragment_paragraphs(&unescaped);
        }
    }
    if !s.contains(['<', '&']) {
        return s
            .split("\n\n")
            .flat_map(|p| p.split('\n'))
            .map(collapse)
            .filter(|p| !p.is_empty())
            .collect();
    }
    let frag = Html::parse_fragment(&s.replace("\n\n", "<br><br>").replace('\n', "<br><br>"));
    let dom = Dom::from_html(&frag);
    let mut out = Vec::new();
    dom.paragraphs(0, &mut out);
    out
}

pub(super) fn fragment_text(s: &str) -> String {
    fragment_paragraphs(s).join(" ")
}
