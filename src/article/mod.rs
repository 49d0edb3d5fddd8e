//! Article extraction: HTML bytes in, headline/body/metadata out (pure), and a
//! thin fetching layer on top ([`fetch`]).
//!
//! The pure half never touches the network and never panics: the language
//! server, the CLI (`scrapls extract`) and the benchmarks all call
//! [`extract`]. See `docs/extraction.md` for how it decides.

mod decode;
mod depth;
mod dom;
mod extract;
pub mod fetch;
pub mod quality;
pub mod sites;

pub use decode::{decode_html, sniff};
pub use extract::{Source, Trace};
pub use fetch::{FetchError, FetchOptions, fetch_article, fetch_article_cancellable};

use serde::Serialize;

/// What a scrap needs from an article page. Fields the page does not give
/// are `None`; `body` is empty when no article text was found.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Article {
    /// The headline, without the site's " - 매일경제"-style suffix.
    pub headline: Option<String>,
    /// The article's paragraphs in reading order, joined by one blank line.
    pub body: String,
    /// The publication ("한국경제").
    pub press: Option<String>,
    /// The byline, e-mail addresses removed.
    pub author: Option<String>,
    /// Publication time, ISO 8601 where the page says enough.
    pub published: Option<String>,
    /// 0–1: how sure the extraction is that `body` is the whole article.
    /// Under [`PARTIAL_BELOW`] the page may show only part of it (a teaser,
    /// a paywall cut, a list instead of the text).
    pub confidence: f32,
    /// The canonical URL (`<link rel=canonical>`, `og:url`), else the one
    /// the page came from.
    pub url: Option<String>,
}

/// Bodies with a confidence under this may be only part of the article:
/// the editor says so when it fills them in.
pub const PARTIAL_BELOW: f32 = 0.5;

/// Extracts an article from raw HTML bytes.
///
/// `url` is where the bytes came from (picks the site rule, resolves the
/// canonical link); `http_charset` is the response's declared charset.
/// Pure and bounded: hostile nesting is flattened before parsing (see
/// `depth::limit_depth`), every pass over the tree is iterative.
pub fn extract(html: &[u8], url: Option<&url::Url>, http_charset: Option<&str>) -> Article {
    let (text, _) = decode_html(html, http_charset);
    let text = depth::limit_depth(&text);
    extract::extract_str(&text, url, true).0
}

/// [`extract`], and which body candidates the page had and which one won.
pub fn extract_traced(
    html: &[u8],
    url: Option<&url::Url>,
    http_charset: Option<&str>,
) -> (Article, Trace) {
    let (text, _) = decode_html(html, http_charset);
    let text = depth::limit_depth(&text);
    extract::extract_str(&text, url, true)
}

/// [`extract`] without the site rules: structured data and the generic
/// extractor only. For measuring how the generic path does on the Korean
/// set (the quality benchmark), and for comparing when a rule looks stale.
pub fn extract_without_site_rules(
    html: &[u8],
    url: Option<&url::Url>,
    http_charset: Option<&str>,
) -> Article {
    let (text, _) = decode_html(html, http_charset);
    let text = depth::limit_depth(&text);
    extract::extract_str(&text, url, false).0
}
