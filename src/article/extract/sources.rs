//! The body sources that read selected parts of the DOM: a site rule's
//! selectors, and `[itemprop=articleBody]` microdata.

use scraper::Html;

use super::MIN_BODY;
use super::prune::{clean_subtree, prune};
use super::select::{select_ix, text_len};
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

/// The text of `[itemprop=articleBody]`, pruned and cleaned like the
/// container (changes `dom`'s removal flags); a block the page repeats (a
/// hidden copy for crawlers) counts once. `page` holds the statistics of
/// the unpruned page.
pub(super) fn microdata_body(doc: &Html, dom: &mut Dom, page: &Stats) -> Vec<String> {
    let roots = select_ix(doc, dom, "[itemprop=\"articleBody\"]");
    let mut out = Vec::new();
    if roots.is_empty() {
        return out;
    }
    prune(dom, page, true);
    let mut stats = Stats::compute(dom);
    let mut seen: Vec<Vec<String>> = Vec::new();
    for &r in &roots {
        clean_subtree(dom, &mut stats, r);
        let mut paras = Vec::new();
        dom.paragraphs(r, &mut paras);
        if !seen.contains(&paras) {
            out.extend(paras.iter().cloned());
            seen.push(paras);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_microdata_body_loses_the_chrome_inside_it() {
        let para = "Die Stadt hat am Montag beschlossen, die Brücke zu sanieren, und die Arbeiten beginnen schon im Frühjahr.";
        let doc = Html::parse_document(&format!(
            "<body><div itemprop=articleBody><p>{para}</p>\
             <aside class=embed><span>Foto: Archiv, domena publiczna</span></aside>\
             <div class=related-articles><a href=/a>Neue Radwege im Norden</a></div><p>{para}</p></div></body>"
        ));
        let mut dom = Dom::from_html(&doc);
        let page = Stats::compute(&dom);
        let out = microdata_body(&doc, &mut dom, &page);
        assert_eq!(out, vec![para.to_owned(), para.to_owned()]);
    }
}
