//! What the page says about itself: `<meta>` tags, JSON-LD, the canonical
//! URL and the press name Naver shows.

use scraper::Html;
use serde_json::Value;
use url::Url;

use super::select::{collapse, first_attr, fragment_text, selector};

/// `<meta>` values by lower-cased `property`/`name`/`itemprop`; first wins.
pub(super) struct Meta(pub(super) Vec<(String, String)>);

impl Meta {
    pub(super) fn collect(doc: &Html) -> Meta {
        let mut v = Vec::new();
        if let Some(sel) = selector("meta[content]") {
            for el in doc.select(&sel) {
                let e = el.value();
                let Some(content) = e.attr("content") else {
                    continue;
                };
                for key in ["property", "name", "itemprop"] {
                    if let Some(k) = e.attr(key) {
                        v.push((k.trim().to_ascii_lowercase(), collapse(content)));
                    }
                }
            }
        }
        Meta(v)
    }

    pub(super) fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, v)| k == key && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }
}

/// What the page's JSON-LD says about its article.
#[derive(Default)]
pub(super) struct JsonLd {
    pub(super) headline: Option<String>,
    pub(super) body: Option<String>,
    pub(super) author: Option<String>,
    pub(super) published: Option<String>,
    pub(super) publisher: Option<String>,
}

impl JsonLd {
    pub(super) fn collect(doc: &Html) -> JsonLd {
        let mut out = JsonLd::default();
        let Some(sel) = selector("script[type]") else {
            return out;
        };
        for el in doc.select(&sel) {
            if !el
                .value()
                .attr("type")
                .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
            {
                continue;
            }
            let raw: String = el.text().collect();
            let Ok(value) = serde_json::from_str::<Value>(raw.trim()) else {
                continue;
            };
            // Flatten arrays and @graph, iteratively.
            let mut stack = vec![&value];
            let mut budget = 10_000;
            while let Some(v) = stack.pop() {
                budget -= 1;
                if budget == 0 {
                    break;
                }
                match v {
                    Value::Array(items) => stack.extend(items.iter().rev()),
                    Value::Object(map) => {
                        if let Some(g) = map.get("@graph") {
                            stack.push(g);
                        }
                        if is_article_type(map.get("@type")) || map.contains_key("articleBody") {
                            out.absorb(map);
                        }
                    }
                    _ => {}
                }
            }
        }
        out
    }

    pub(super) fn absorb(&mut self, map: &serde_json::Map<String, Value>) {
        let s = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_owned);
        if self.headline.is_none() {
            self.headline = s("headline")
                .map(|h| fragment_text(&h))
                .filter(|h| !h.is_empty());
        }
        if self.body.is_none() {
            self.body = s("articleBody").filter(|b| !b.trim().is_empty());
        }
        if self.published.is_none() {
            self.published = s("datePublished").or_else(|| s("dateCreated"));
        }
        if self.author.is_none() {
            self.author = map.get("author").and_then(person_names);
        }
        if self.publisher.is_none() {
            self.publisher = map.get("publisher").and_then(person_names);
        }
    }
}

pub(super) fn is_article_type(t: Option<&Value>) -> bool {
    let check = |s: &str| {
        s.ends_with("Article") || s == "BlogPosting" || s == "Report" || s == "LiveBlogPosting"
    };
    match t {
        Some(Value::String(s)) => check(s),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(check),
        _ => false,
    }
}

/// `"name"`, `{"name": …}` or a list of either, joined with ", ".
pub(super) fn person_names(v: &Value) -> Option<String> {
    let one = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(m) => m.get("name").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    };
    let names: Vec<String> = match v {
        Value::Array(a) => a.iter().filter_map(one).collect(),
        other => one(other).into_iter().collect(),
    };
    let names: Vec<String> = names
        .into_iter()
        .map(|n| fragment_text(&n))
        .filter(|n| !n.is_empty() && !n.starts_with("http"))
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

pub(super) fn canonical_url(doc: &Html, meta: &Meta, base: Option<&Url>) -> Option<String> {
    let raw = first_attr(doc, "link[rel~=\"canonical\"][href]", "href")
        .or_else(|| meta.get("og:url").map(str::to_owned))?;
    let resolved = match base {
        Some(b) => b.join(raw.trim()).ok()?,
        None => Url::parse(raw.trim()).ok()?,
    };
    matches!(resolved.scheme(), "http" | "https").then(|| resolved.to_string())
}

/// Naver News names the original press in its logo's `alt`/`title`.
pub(super) fn naver_press(doc: &Html) -> Option<String> {
    let sel = selector(".media_end_head_top_logo img")?;
    doc.select(&sel).find_map(|e| {
        e.value()
            .attr("title")
            .or_else(|| e.value().attr("alt"))
            .map(str::to_owned)
    })
}
