//! The extraction pipeline: metadata, then the body from the most trusted
//! source that has one — a site rule, then the page's own structured data
//! (JSON-LD `articleBody`, `[itemprop=articleBody]`), then a generic
//! content-scoring extractor that knows no language (no stop words: they
//! fail on Korean, whose particles glue onto words).

mod cleanup;
mod embedded;
mod fields;
mod generic;
mod metadata;
mod prune;
mod select;
mod sources;
mod stats;

use scraper::Html;
use url::Url;

use super::Article;
use super::dom::Dom;
use super::sites::{self, BodySource};
use cleanup::clean_paragraphs;
use embedded::Fusion;
use fields::{clean_author, clean_title, heading_texts, iso_date};
use generic::generic;
use metadata::{JsonLd, Meta, canonical_url, naver_press};
use select::{collapse, first_attr, first_text, host_of, text_len};
use sources::{site_body, structured_body};

/// Pages whose body is shorter than this (in characters) are treated as
/// "no body found" by a source, and the next source is tried.
pub(super) const MIN_BODY: usize = 60;

/// A site rule's body shorter than this (in characters) is checked against
/// the general sources, in case the rule is stale.
const STALE_RULE_BELOW: usize = 400;

/// Extracts everything from an already decoded document. `site_rules`
/// false skips the site table (to measure the generic path alone).
pub fn extract_str(html: &str, url: Option<&Url>, site_rules: bool) -> Article {
    let doc = Html::parse_document(html);
    let meta = Meta::collect(&doc);
    let ld = JsonLd::collect(&doc);
    let mut dom = Dom::from_html(&doc);

    let canonical = canonical_url(&doc, &meta, url);
    let host = url
        .and_then(|u| u.host_str().map(str::to_owned))
        .or_else(|| canonical.as_deref().and_then(host_of));
    let rule = host
        .as_deref()
        .and_then(sites::rule_for_host)
        .or_else(|| sites::rule_for_page(&doc))
        .filter(|_| site_rules);

    let fusion = match rule {
        Some(r) if r.source == BodySource::FusionJson => Fusion::find(&doc),
        _ => None,
    };

    // Body, by order of trust.
    let mut body: Vec<String> = Vec::new();
    if let Some(f) = &fusion {
        body = f.paragraphs.clone();
    }
    if let Some(r) = rule
        && text_len(&body) < MIN_BODY
        && r.source == BodySource::Html
    {
        body = site_body(&doc, &mut dom, r);
    }
    // A site rule that finds only a short text may have gone stale with a
    // redesign (its selector now hits a teaser or a caption): when the
    // general sources find several times more, trust them instead.
    if rule.is_some() && (MIN_BODY..STALE_RULE_BELOW).contains(&text_len(&body)) {
        let mut general = structured_body(&doc, &mut dom, &ld);
        if text_len(&general) < MIN_BODY {
            general = generic(&mut dom);
        }
        if text_len(&general) > 3 * text_len(&body) {
            body = general;
        }
    }
    if text_len(&body) < MIN_BODY {
        body = structured_body(&doc, &mut dom, &ld);
    }
    if text_len(&body) < MIN_BODY {
        body = generic(&mut dom);
    }
    let cleanups = rule.map_or(&[][..], |r| r.cleanups);
    let body = clean_paragraphs(body, cleanups);

    // Names the site uses for itself, stripped from titles.
    let mut names: Vec<String> = Vec::new();
    if let Some(r) = rule {
        if !r.press.is_empty() {
            names.push(r.press.to_owned());
        }
        names.extend(r.aliases.iter().map(|s| (*s).to_owned()));
    }
    if let Some(s) = meta.get("og:site_name") {
        names.push(s.to_owned());
    }
    if let Some(p) = &ld.publisher {
        names.push(p.clone());
    }
    if let Some(h) = &host {
        let h = h.trim_start_matches("www.");
        if let Some(label) = h.split('.').next() {
            names.push(label.to_owned());
        }
    }
    names.retain(|n| !n.trim().is_empty());

    let headings = heading_texts(&doc, rule);
    let headline = fusion
        .as_ref()
        .and_then(|f| f.headline.clone())
        .or_else(|| ld.headline.clone())
        .or_else(|| meta.get("headline").map(str::to_owned))
        .or_else(|| meta.get("og:title").map(str::to_owned))
        .or_else(|| meta.get("twitter:title").map(str::to_owned))
        .or_else(|| headings.first().cloned())
        .or_else(|| first_text(&doc, "title"))
        .map(|t| clean_title(&t, &names, &headings))
        .filter(|t| !t.is_empty());

    let press = rule
        .map(|r| r.press)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .or_else(|| naver_press(&doc))
        .or_else(|| meta.get("og:site_name").map(str::to_owned))
        .or_else(|| ld.publisher.clone())
        .map(|p| collapse(&p))
        .filter(|p| !p.is_empty());

    let author = fusion
        .as_ref()
        .and_then(|f| f.author.clone())
        .or_else(|| ld.author.clone())
        .or_else(|| {
            [
                "author",
                "article:author",
                "dable:author",
                "byl",
                "sailthru.author",
                "parsely-author",
            ]
            .iter()
            .find_map(|k| {
                meta.get(k)
                    .filter(|v| !v.starts_with("http"))
                    .map(str::to_owned)
            })
        })
        .or_else(|| rule.and_then(|r| r.author.iter().find_map(|s| first_text(&doc, s))))
        .map(|a| clean_author(&a))
        .filter(|a| !a.is_empty());

    let published = fusion
        .as_ref()
        .and_then(|f| f.published.clone())
        .or_else(|| ld.published.clone())
        .or_else(|| {
            [
                "article:published_time",
                "og:article:published_time",
                "datepublished",
                "pubdate",
                "publishdate",
                "og:regdate",
                "date",
                "dc.date.issued",
            ]
            .iter()
            .find_map(|k| meta.get(k).map(str::to_owned))
        })
        .or_else(|| first_attr(&doc, "[data-date-time]", "data-date-time"))
        .or_else(|| first_attr(&doc, "time[datetime]", "datetime"))
        .and_then(|d| iso_date(&d, rule.is_some()));

    Article {
        headline,
        body: body.join("\n\n"),
        press,
        author,
        published,
        url: canonical.or_else(|| url.map(|u| u.to_string())),
    }
}
