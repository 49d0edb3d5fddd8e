//! Article text that lives in a script instead of the DOM: Arc Publishing's
//! `Fusion.globalContent`, and the hydration state of Next.js / React /
//! Nuxt / Apollo front ends (`__NEXT_DATA__`, `self.__next_f.push(...)`
//! RSC chunks, dehydrated React Query state, `window["__…"] = {…}` stores),
//! whose JSON carries the article as an HTML string.

use scraper::Html;
use serde_json::Value;

use super::metadata::person_names;
use super::prune::{clean_subtree, prune};
use super::referee::{Hints, found_in, word_set};
use super::select::{fragment_paragraphs, fragment_text, selector};
use super::stats::Stats;
use crate::article::dom::Dom;

/// Scripts shorter than this hold no article.
const MIN_SCRIPT: usize = 200;
/// A string value shorter than this (bytes) is not an article body.
const MIN_VALUE: usize = 200;
/// Parse attempts and JSON nodes visited per page: hostile pages stay cheap.
const MAX_PARSES: usize = 400;
const MAX_NODES: usize = 200_000;

/// The article body from the page's hydration state, rendered and cleaned
/// as HTML (photo boxes, ad slots and captions dropped); empty when no
/// script holds a long text that agrees with the page.
pub(super) fn hydration_paragraphs(doc: &Html, hints: &Hints) -> Vec<String> {
    let Some(raw) = hydration_body(doc, hints) else {
        return Vec::new();
    };
    if !raw.contains('<') {
        return fragment_paragraphs(&raw);
    }
    let frag = Html::parse_fragment(&raw);
    let mut dom = Dom::from_html(&frag);
    let page = Stats::compute(&dom);
    prune(&mut dom, &page, true);
    let mut stats = Stats::compute(&dom);
    clean_subtree(&mut dom, &mut stats, 0);
    let mut out = Vec::new();
    dom.paragraphs(0, &mut out);
    out
}

/// The longest string under a content-like key (`contentHtml`, `body`,
/// `articleBody`, `__html`, `text`…) in any script's JSON that agrees with
/// the headline or description; agreeing values beat longer ones.
fn hydration_body(doc: &Html, hints: &Hints) -> Option<String> {
    let sel = selector("script")?;
    let mut walk = Walk {
        hints,
        head_words: hints.headline.map(word_set).unwrap_or_default(),
        desc_words: hints.description.map(word_set).unwrap_or_default(),
        best: None,
        parses: 0,
        nodes: 0,
    };
    for el in doc.select(&sel) {
        let ty = el.value().attr("type").unwrap_or("").to_ascii_lowercase();
        if ty.contains("ld+json") {
            continue;
        }
        let text: String = el.text().collect();
        if text.len() < MIN_SCRIPT {
            continue;
        }
        if ty.contains("json") {
            if let Ok(v) = serde_json::from_str::<Value>(text.trim()) {
                walk.value(&v, 0);
            }
        } else {
            walk.script(&text, 0);
        }
        if walk.parses >= MAX_PARSES || walk.nodes >= MAX_NODES {
            break;
        }
    }
    // Components that hydrate from an attribute (`data-react-props`,
    // `data-props`, `data-state`…) carry the same JSON outside any script.
    if walk.best.is_none() {
        for el in doc
            .root_element()
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
        {
            for (name, value) in el.value().attrs() {
                let v = value.trim_start();
                if name.starts_with("data-") && v.len() >= MIN_SCRIPT && v.starts_with(['{', '[']) {
                    walk.parses += 1;
                    if let Ok(json) = serde_json::from_str::<Value>(v) {
                        walk.value(&json, 0);
                    }
                }
            }
            if walk.parses >= MAX_PARSES || walk.nodes >= MAX_NODES {
                break;
            }
        }
    }
    walk.best.map(|(_, _, s)| s)
}

struct Walk<'a> {
    hints: &'a Hints<'a>,
    head_words: std::collections::HashSet<String>,
    desc_words: std::collections::HashSet<String>,
    /// (agrees, text length, raw value).
    best: Option<(bool, usize, String)>,
    parses: usize,
    nodes: usize,
}

impl Walk<'_> {
    /// Parses every JSON object or array that a script assigns or passes
    /// (`= {`, `= [`, `({`, `push([`), one value at each such place.
    fn script(&mut self, text: &str, depth: u8) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while self.parses < MAX_PARSES {
            let Some(off) = memchr::memchr2(b'=', b'(', &bytes[i..]) else {
                break;
            };
            let mut j = i + off + 1;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            i = j;
            if j < bytes.len() && matches!(bytes[j], b'{' | b'[') {
                self.parses += 1;
                if let Some((v, end)) = parse_at(text, j) {
                    self.value(&v, depth);
                    i = end;
                }
            }
        }
    }

    /// Walks one JSON value iteratively, judging every string under a
    /// content-like key; long strings elsewhere may be RSC chunks holding
    /// more JSON, searched once more.
    fn value(&mut self, root: &Value, depth: u8) {
        let mut stack = vec![root];
        while let Some(v) = stack.pop() {
            self.nodes += 1;
            if self.nodes >= MAX_NODES {
                return;
            }
            match v {
                Value::Array(items) => {
                    for item in items {
                        if let Value::String(s) = item {
                            self.chunk(s, depth);
                        } else {
                            stack.push(item);
                        }
                    }
                }
                Value::Object(map) => {
                    for (k, item) in map {
                        match item {
                            Value::String(s) if s.len() >= MIN_VALUE => {
                                if is_content_key(k) {
                                    self.judge(s, map);
                                } else {
                                    self.chunk(s, depth);
                                }
                            }
                            Value::Array(_) | Value::Object(_) => stack.push(item),
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// A long string outside a content key: an RSC chunk ("1a:{…}") or a
    /// JSON document in a string.
    fn chunk(&mut self, s: &str, depth: u8) {
        if depth < 2 && s.len() >= MIN_VALUE && s.contains("{\"") {
            self.objects(s, depth + 1);
        }
    }

    /// Parses the JSON objects that start at each `{"` of a chunk.
    fn objects(&mut self, text: &str, depth: u8) {
        let mut i = 0;
        while self.parses < MAX_PARSES {
            let Some(off) = memchr::memmem::find(&text.as_bytes()[i..], b"{\"") else {
                break;
            };
            let j = i + off;
            self.parses += 1;
            i = match parse_at(text, j) {
                Some((v, end)) => {
                    self.value(&v, depth);
                    end
                }
                None => j + 1,
            };
        }
    }

    fn judge(&mut self, s: &str, siblings: &serde_json::Map<String, Value>) {
        let len = visible_len(s);
        let lower = s.to_lowercase();
        let titled = siblings.iter().any(|(k, v)| {
            matches!(
                k.to_ascii_lowercase().as_str(),
                "title" | "headline" | "subject" | "name" | "seotitle" | "articletitle"
            ) && v
                .as_str()
                .zip(self.hints.headline)
                .is_some_and(|(t, h)| same_title(t, h))
        });
        let agrees = titled
            || (self.head_words.len() >= 2 && found_in(&self.head_words, &lower) >= 0.6)
            || (self.desc_words.len() >= 4 && found_in(&self.desc_words, &lower) >= 0.6);
        let no_hints = self.head_words.is_empty() && self.desc_words.is_empty();
        if !(agrees || (no_hints && len >= 500)) {
            return;
        }
        if self
            .best
            .as_ref()
            .is_none_or(|(a, l, _)| (agrees, len) > (*a, *l))
        {
            self.best = Some((agrees, len, s.to_owned()));
        }
    }
}

/// The one JSON value that starts at byte `at`, and the byte after it.
fn parse_at(text: &str, at: usize) -> Option<(Value, usize)> {
    let mut stream = serde_json::Deserializer::from_str(text.get(at..)?).into_iter::<Value>();
    match stream.next() {
        Some(Ok(v)) => Some((v, at + stream.byte_offset().max(1))),
        _ => None,
    }
}

fn is_content_key(k: &str) -> bool {
    let k = k.to_ascii_lowercase();
    k.contains("body")
        || k.contains("content")
        || k.contains("html")
        || matches!(k.as_str(), "text" | "fulltext" | "story" | "maintext")
}

/// Characters outside tags, roughly: what a reader would see.
fn visible_len(s: &str) -> usize {
    let mut n = 0;
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag && !c.is_whitespace() => n += 1,
            _ => {}
        }
    }
    n
}

/// Titles that are the same headline (one may carry a site suffix).
fn same_title(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (a, b) = (norm(a), norm(b));
    a.chars().count() >= 4 && b.chars().count() >= 4 && (a.contains(&b) || b.contains(&a))
}

/// Arc Publishing's `Fusion.globalContent` (Chosun Ilbo).
pub(super) struct Fusion {
    pub(super) paragraphs: Vec<String>,
    pub(super) headline: Option<String>,
    pub(super) author: Option<String>,
    pub(super) published: Option<String>,
}

impl Fusion {
    pub(super) fn find(doc: &Html) -> Option<Fusion> {
        let sel = selector("script")?;
        const KEY: &str = "Fusion.globalContent=";
        for el in doc.select(&sel) {
            let raw: String = el.text().collect();
            let Some(pos) = raw.find(KEY) else {
                continue;
            };
            let rest = raw[pos + KEY.len()..].trim_start();
            // Parse the one JSON value that starts here; the script goes on
            // with more assignments after it.
            let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
            let Some(Ok(value)) = stream.next() else {
                continue;
            };
            let mut paragraphs = Vec::new();
            if let Some(items) = value.get("content_elements").and_then(Value::as_array) {
                for item in items {
                    match item.get("type").and_then(Value::as_str) {
                        Some("text") | Some("header") => {
                            if let Some(c) = item.get("content").and_then(Value::as_str) {
                                paragraphs.extend(fragment_paragraphs(c));
                            }
                        }
                        Some("list") => {
                            for li in item
                                .get("items")
                                .and_then(Value::as_array)
                                .into_iter()
                                .flatten()
                            {
                                if let Some(c) = li.get("content").and_then(Value::as_str) {
                                    paragraphs.extend(fragment_paragraphs(c));
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
            let headline = value
                .pointer("/headlines/basic")
                .and_then(Value::as_str)
                .map(fragment_text)
                .filter(|h| !h.is_empty());
            let author = value.pointer("/credits/by").and_then(person_names);
            let published = value
                .get("first_publish_date")
                .or_else(|| value.get("display_date"))
                .and_then(Value::as_str)
                .map(str::to_owned);
            return Some(Fusion {
                paragraphs,
                headline,
                author,
                published,
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADLINE: &str = "반도체 수출 석 달째 증가";
    const PARA: &str = "반도체 수출이 석 달 연속 증가했다. 인공지능 서버용 메모리 주문이 몰리면서 단가도 함께 올랐다는 분석이 나온다.";

    fn body_of(scripts: &str) -> Vec<String> {
        let html = format!("<html><head></head><body><div id=app></div>{scripts}</body></html>");
        let doc = Html::parse_document(&html);
        let hints = Hints {
            headline: Some(HEADLINE),
            description: None,
        };
        hydration_paragraphs(&doc, &hints)
    }

    #[test]
    fn rsc_chunks_are_searched() {
        let html = format!("<p>{PARA}</p>").repeat(3);
        let inner = serde_json::to_string(&serde_json::json!(
            ["$", "div", null, {"dangerouslySetInnerHTML": {"__html": html}}]
        ))
        .unwrap();
        let chunk = serde_json::to_string(&format!("2a:{inner}\n")).unwrap();
        let out = body_of(&format!("<script>self.__next_f.push([1,{chunk}])</script>"));
        assert_eq!(out, vec![PARA; 3]);
    }

    #[test]
    fn apollo_state_and_disagreeing_text() {
        let state = serde_json::json!({
            "Article:1": {"headline": HEADLINE, "bodyHtml": format!("<p>{PARA}</p>").repeat(2)},
            "Comment:9": {"content": "전혀 다른 이야기를 길게 늘어놓는 댓글이다. ".repeat(12)},
        });
        let out = body_of(&format!(
            "<script>window.__APOLLO_STATE__ = {state};</script>"
        ));
        assert_eq!(out, vec![PARA; 2]);
        // Only the comment: it does not agree with the page, so nothing.
        let only = serde_json::json!({"c": {"content": "전혀 다른 이야기를 길게 늘어놓는 댓글이다. ".repeat(12)}});
        assert!(body_of(&format!("<script>window[\"__S__\"]={only}</script>")).is_empty());
    }

    #[test]
    fn json_in_a_data_attribute_is_read_when_no_script_has_it() {
        let props = serde_json::json!({"project": {"title": HEADLINE, "text": format!("<p>{PARA}</p>").repeat(2)}});
        let attr = props
            .to_string()
            .replace('&', "&amp;")
            .replace('"', "&quot;");
        let out = body_of(&format!("<div data-react-props=\"{attr}\"></div>"));
        assert_eq!(out, vec![PARA; 2]);
        // An attribute that is not JSON, or not data-*, is not read.
        let out = body_of(&format!(
            "<div title=\"{attr}\" data-x=\"{PARA}{PARA}{PARA}\"></div>"
        ));
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn hostile_scripts_stay_bounded() {
        let junk = "x=(".repeat(50_000) + &"{\"a\":".repeat(1_000);
        assert!(body_of(&format!("<script>{junk}</script>")).is_empty());
    }
}
