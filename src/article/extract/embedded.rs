//! Article text that lives in a script instead of the DOM: Arc Publishing's
//! `Fusion.globalContent`, and the hydration state of Next.js / React
//! front ends.

use scraper::Html;
use serde_json::Value;

use super::metadata::person_names;
use super::select::{fragment_paragraphs, fragment_text, selector};

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
