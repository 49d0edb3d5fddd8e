//! The extraction pipeline: metadata, then the body from the most trusted
//! source that has one — a site rule, then the page's own structured data
//! (JSON-LD `articleBody`, `[itemprop=articleBody]`), then a generic
//! content-scoring extractor that knows no language (no stop words: they
//! fail on Korean, whose particles glue onto words).

mod cleanup;
mod container;
mod density;
mod embedded;
mod fields;
mod generic;
mod lead;
mod metadata;
mod prune;
mod referee;
mod select;
mod sources;
mod stats;

pub use referee::Source;

use scraper::Html;
use url::Url;

use super::Article;
use super::dom::Dom;
use super::sites::{self, BodySource, SiteRule};
use cleanup::clean_paragraphs;
use container::container;
use density::density;
use embedded::{Fusion, hydration_paragraphs};
use fields::{clean_author, clean_title, heading_texts, iso_date};
use generic::generic;
use lead::missing_lead;
use metadata::{JsonLd, Meta, canonical_url, naver_press};
use referee::{Candidate, Hints, Verdict, choose, reads_like_prose};
use select::{collapse, first_attr, first_text, fragment_paragraphs, host_of, text_len};
use sources::{microdata_body, site_body};
use stats::Stats;

/// Pages whose body is shorter than this (in characters) are treated as
/// "no body found" by a source, and the next source is tried.
pub(super) const MIN_BODY: usize = 60;

/// A site rule's body shorter than this (in characters) is checked against
/// the general sources, in case the rule is stale.
const STALE_RULE_BELOW: usize = 400;

/// The text-density fallback is consulted when no candidate is this long.
const DENSITY_BELOW: usize = 200;

/// Extracts everything from an already decoded document. `site_rules`
/// false skips the site table (to measure the generic path alone).
pub fn extract_str(html: &str, url: Option<&Url>, site_rules: bool) -> (Article, Trace) {
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

    let description = ["og:description", "description", "twitter:description"]
        .iter()
        .find_map(|k| meta.get(k));
    let hints = Hints {
        headline: headline.as_deref(),
        description,
    };
    let (body, verdict, trace) = body(&doc, &mut dom, &ld, rule, fusion.as_ref(), &hints);

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

    let article = Article {
        headline,
        body: body.join("\n\n"),
        confidence: verdict.confidence,
        press,
        author,
        published,
        url: canonical.or_else(|| url.map(|u| u.to_string())),
    };
    (article, trace)
}

/// Gathers the body candidates and lets the referee choose. The site rule
/// comes first; when it finds a full body the general sources are not
/// consulted (they cost time and only ever lose to it). Hydration JSON is
/// read only when the DOM gave no full article, and the text-density
/// fallback only when nothing else found real text.
fn body(
    doc: &Html,
    dom: &mut Dom,
    ld: &JsonLd,
    rule: Option<&SiteRule>,
    fusion: Option<&Fusion>,
    hints: &Hints,
) -> (Vec<String>, Verdict, Trace) {
    let cleanups = rule.map_or(&[][..], |r| r.cleanups);
    let pristine: Vec<bool> = dom.nodes.iter().map(|n| n.removed).collect();
    let restore = |dom: &mut Dom| {
        for (n, &was) in dom.nodes.iter_mut().zip(&pristine) {
            n.removed = was;
        }
    };
    let mut cands: Vec<Candidate> = Vec::new();
    let push = |cands: &mut Vec<Candidate>, source: Source, paras: Vec<String>| {
        let paras = clean_paragraphs(paras, cleanups);
        if !paras.is_empty() {
            cands.push(Candidate { source, paras });
        }
    };
    if let Some(f) = fusion {
        push(&mut cands, Source::Site, f.paragraphs.clone());
    } else if let Some(r) = rule.filter(|r| r.source == BodySource::Html) {
        push(&mut cands, Source::Site, site_body(doc, dom, r));
        restore(dom);
    }
    // A full, prose-like site body is trusted as it is; a short one or a
    // list of titles (a stale selector) is set against the general sources.
    let site_trusted = cands
        .first()
        .is_some_and(|c| text_len(&c.paras) >= STALE_RULE_BELOW && reads_like_prose(&c.paras));
    let mut page_stats = None;
    if !site_trusted {
        if let Some(b) = ld.body.as_deref() {
            push(&mut cands, Source::JsonLd, fragment_paragraphs(b));
        }
        let page = Stats::compute(dom);
        push(
            &mut cands,
            Source::Microdata,
            microdata_body(doc, dom, &page),
        );
        restore(dom);
        push(&mut cands, Source::Generic, generic(dom, &page));
        restore(dom);
        push(&mut cands, Source::Container, container(dom, &page));
        restore(dom);
        // Scripts are read only when the DOM gave no full article: pages
        // carry megabytes of script, and the DOM copy agrees when it is there.
        let full =
            |c: &Candidate| text_len(&c.paras) >= STALE_RULE_BELOW && reads_like_prose(&c.paras);
        if !cands.iter().any(full) {
            push(
                &mut cands,
                Source::Embedded,
                hydration_paragraphs(doc, hints),
            );
        }
        if cands.iter().all(|c| text_len(&c.paras) < DENSITY_BELOW) {
            push(&mut cands, Source::Density, density(dom, &page));
            restore(dom);
        }
        page_stats = Some(page);
    }
    let verdict = choose(&cands, hints);
    // The lead set apart from the body's box goes back at its head.
    if let (Some(i), Some(page), Some(desc)) = (verdict.chosen, &page_stats, hints.description)
        && cands[i].source != Source::Site
        && let Some(lead) = missing_lead(dom, page, &cands[i].paras, desc)
    {
        let lead = clean_paragraphs(lead, cleanups);
        cands[i].paras.splice(0..0, lead);
    }
    let trace = Trace {
        winner: verdict.chosen.map(|i| cands[i].source),
        candidates: cands
            .iter()
            .map(|c| (c.source, text_len(&c.paras)))
            .collect(),
    };
    let body = verdict
        .chosen
        .map(|i| std::mem::take(&mut cands[i].paras))
        .unwrap_or_default();
    (body, verdict, trace)
}

/// Which candidates an extraction had and which one won: for the quality
/// benchmark and for explaining a choice.
#[derive(Debug, Clone, Default)]
pub struct Trace {
    /// The chosen candidate's source, `None` when no body was found.
    pub winner: Option<Source>,
    /// Every candidate with a body, and its length in characters.
    pub candidates: Vec<(Source, usize)>,
}
