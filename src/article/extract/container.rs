//! The container candidate, trafilatura's "main" extraction: the first
//! element whose class or id names the article's container (`entry-content`,
//! `article-body`, `post-content`…, then the first `<article>`, then looser
//! names like `story`, `content`, `main`), rendered whole after the page's
//! chrome is pruned and the conditional cleaning has run inside it.
//!
//! The generic scorer keeps the best-scoring block and the siblings that
//! look like it; when the truth is several differently shaped blocks
//! (a recipe's ingredients and steps, a lead paragraph outside the text
//! block, headings between sections) it loses some. The container keeps
//! everything the site itself put in the article's box, so the referee can
//! set a recall-oriented reading against the scorer's precise one.

use super::generic::trim_edges;
use super::prune::{clean_subtree, prune};
use super::select::text_len;
use super::stats::Stats;
use crate::article::dom::{Dom, Ix};

/// A container whose text is shorter than this is passed over for the
/// next, looser name (trafilatura's minimum extracted size).
const MIN_CONTAINER: usize = 250;

/// Class/id words naming the article's own box, strongest first.
const STRONG: &[&str] = &[
    "post-text",
    "post_text",
    "post-body",
    "post-entry",
    "postentry",
    "post-content",
    "post_content",
    "postcontent",
    "post_inner_wrapper",
    "article-text",
    "articletext",
    "entry-content",
    "article-content",
    "article__content",
    "article-body",
    "article__body",
    "articlebody",
    "articlecontent",
    "page-content",
    "text-content",
    "body-text",
    "article__container",
    "art-content",
];

/// Looser names: a story or blog body, a single post.
const LOOSE: &[&str] = &[
    "post-bodycopy",
    "storycontent",
    "story-content",
    "story-body",
    "art-postcontent",
    "theme-content",
    "blog-content",
    "section-content",
    "single-content",
    "single-post",
    "main-column",
    "wpb_text_column",
    "field-body",
    "fulltext",
];

/// The loosest: the page's main content area.
const MAIN: &[&str] = &[
    "content-main",
    "content_main",
    "content-body",
    "contentbody",
    "content__body",
    "main-content",
];

/// Which tier of container name `class_id` carries (0 strongest), if any.
/// `class_id` is the element's class and id, lower-cased, space-joined.
fn tier(tag: &str, class_id: &str, itemprop: Option<&str>) -> Option<u8> {
    if !matches!(tag, "article" | "div" | "main" | "section") {
        return None;
    }
    let tokens = || class_id.split_ascii_whitespace();
    let whole = |w: &str| tokens().any(|t| t == w);
    if STRONG.iter().any(|w| class_id.contains(w))
        || itemprop.is_some_and(|v| v.contains("articleBody"))
        || whole("post")
        || whole("entry")
    {
        return Some(0);
    }
    if tag == "article" {
        return Some(1);
    }
    if LOOSE.iter().any(|w| class_id.contains(w)) || whole("story") || whole("text") {
        return Some(2);
    }
    if MAIN.iter().any(|w| class_id.contains(w)) || whole("content") {
        return Some(3);
    }
    if tag == "main" || tokens().any(|t| t.starts_with("main")) {
        return Some(4);
    }
    None
}

/// The container candidate (prunes page chrome first; changes `dom`'s
/// removal flags). `page` holds the statistics of the unpruned page.
pub(super) fn container(dom: &mut Dom, page: &Stats) -> Vec<String> {
    prune(dom, page, true);
    let removed = dom.removed_mask();
    // The first element of each tier, in document order.
    let mut firsts: [Option<Ix>; 5] = [None; 5];
    for (i, &gone) in removed.iter().enumerate() {
        if gone {
            continue;
        }
        let Some(e) = dom.element(i) else {
            continue;
        };
        if let Some(t) = tier(&e.tag, &e.class_id, e.attr("itemprop")) {
            let slot = &mut firsts[usize::from(t)];
            if slot.is_none() {
                *slot = Some(i);
            }
        }
    }
    let mut stats = Stats::compute(dom);
    for root in firsts.into_iter().flatten() {
        clean_subtree(dom, &mut stats, root);
        let mut out = Vec::new();
        dom.paragraphs(root, &mut out);
        trim_edges(&mut out);
        if text_len(&out) >= MIN_CONTAINER {
            return out;
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn run(html: &str) -> Vec<String> {
        let doc = Html::parse_document(html);
        let mut dom = Dom::from_html(&doc);
        let page = Stats::compute(&dom);
        container(&mut dom, &page)
    }

    const LONG: &str = "Die Zutaten werden in einer großen Schüssel verrührt, bis ein glatter Teig entsteht, der dann eine Stunde ruhen muss.";

    #[test]
    fn keeps_every_block_of_the_named_box() {
        let html = format!(
            "<body><div class=sidebar><p>{LONG}</p></div>\
             <div class=\"entry-content\"><h2>Zutaten für den Teig</h2><ul><li>200 g Mehl, gesiebt</li><li>100 g Butter, kalt</li></ul>\
             <p>{LONG}</p><div><p>{LONG}</p></div><div class=related><a href=/x>Mehr Rezepte</a></div></div></body>"
        );
        let out = run(&html);
        assert_eq!(out[0], "Zutaten für den Teig", "{out:?}");
        assert!(out.contains(&"200 g Mehl, gesiebt".to_owned()), "{out:?}");
        assert_eq!(out.iter().filter(|p| p.as_str() == LONG).count(), 2);
        assert!(!out.iter().any(|p| p.contains("Mehr Rezepte")), "{out:?}");
    }

    #[test]
    fn a_short_box_gives_way_to_a_looser_name() {
        let html = format!(
            "<body><div class=article-body><p>Kurz.</p></div>\
             <main><p>{LONG}</p><p>{LONG}</p><p>{LONG}</p></main></body>"
        );
        assert_eq!(run(&html).len(), 3);
    }

    #[test]
    fn no_named_box_no_candidate() {
        let html =
            format!("<body><div class=x><p>{LONG}</p><p>{LONG}</p><p>{LONG}</p></div></body>");
        assert!(run(&html).is_empty());
    }
}
