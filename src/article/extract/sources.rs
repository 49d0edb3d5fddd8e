//! The body sources that read selected parts of the DOM: a site rule's
//! selectors, and the page's structured data (JSON-LD `articleBody`,
//! `[itemprop=articleBody]`).

use scraper::Html;

use super::MIN_BODY;
use super::metadata::JsonLd;
use super::prune::clean_subtree;
use super::select::{fragment_paragraphs, select_ix, text_len};
use super::stats::Stats;
use crate::article::dom::Dom;
use crate::article::sites::{self, SiteRule};

pub(super) fn site_body(doc: &Html, dom: &mut Dom, rule: &SiteRule) -> Vec<String> {
    for sel in rule.body {
        let roots = select_ix(doc, dom, sel);
        if roots.is_empty() {
            continue;
        }
        for rsel in sites::COMMON_REMOVE.iter().chain(rule.remove) {
            for ix in select_ix(doc, dom, rsel) {
                if roots.iter().any(|&r| r != ix && dom.contains(r, ix)) {
                    dom.nodes[ix].removed = true;
                }
            }
        }
        let mut out = Vec::new();
        for &r in &roots {
            dom.paragraphs(r, &mut out);
        }
        if text_len(&out) >= MIN_BODY {
            return out;
        }
    }
    Vec::new()
}

/// JSON-LD `articleBody`, then `[itemprop=articleBody]`.
pub(super) fn structured_body(doc: &Html, dom: &mut Dom, ld: &JsonLd) -> Vec<String> {
    let mut from_ld = ld
        .body
        .as_deref()
        .map(fragment_paragraphs)
        .unwrap_or_default();
    // A teaser cut with an ellipsis is not the article.
    if from_ld
        .last()
        .is_some_and(|p| p.ends_with('…') || p.ends_with("...") || p.ends_with("[…]"))
    {
        from_ld.clear();
    }
    let roots = select_ix(doc, dom, "[itemprop=\"articleBody\"]");
    let mut from_item = Vec::new();
    if !roots.is_empty() {
        let mut stats = Stats::compute(dom);
        let mut seen: Vec<Vec<String>> = Vec::new();
        for &r in &roots {
            clean_subtree(dom, &mut stats, r);
            let mut paras = Vec::new();
            dom.paragraphs(r, &mut paras);
            // Pages repeat their microdata block (a hidden copy for
            // crawlers): the same body twice is one body.
            if !seen.contains(&paras) {
                from_item.extend(paras.iter().cloned());
                seen.push(paras);
            }
        }
    }
    // The two usually agree; JSON-LD bodies are sometimes cut to a teaser,
    // so the longer one wins.
    if text_len(&from_item) > text_len(&from_ld) {
        from_item
    } else {
        from_ld
    }
}
