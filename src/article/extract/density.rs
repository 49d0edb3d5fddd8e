//! The last-resort candidate: every block of the page that holds text of
//! its own with few links, in reading order. Crude, but never empty when
//! the page has paragraphs, so the referee always has an answer to set
//! against a near-empty body.

use super::generic::trim_edges;
use super::prune::prune;
use super::stats::Stats;
use crate::article::dom::{Dom, Ix, is_block};

/// A block counts when it holds at least this many characters of its own.
const MIN_OWN_CHARS: u32 = 40;

/// The text-density fallback (prunes page chrome first; changes `dom`'s
/// removal flags). `page` holds the statistics of the unpruned page.
pub(super) fn density(dom: &mut Dom, page: &Stats) -> Vec<String> {
    prune(dom, page, true);
    let stats = Stats::compute(dom);
    let removed = dom.removed_mask();
    let mut out = Vec::new();
    let mut taken: Option<Ix> = None;
    for (i, &gone) in removed.iter().enumerate() {
        if gone || taken.is_some_and(|t| dom.contains(t, i)) {
            continue;
        }
        let Some(e) = dom.element(i) else {
            continue;
        };
        if !is_block(&e.tag) || matches!(&*e.tag, "body" | "html") {
            continue;
        }
        let c = &stats.0[i];
        // Mostly its own text (not a wrapper of other blocks), few links.
        if c.inline_chars >= MIN_OWN_CHARS
            && c.inline_chars * 10 >= c.chars * 6
            && c.link_density() < 0.3
        {
            dom.paragraphs(i, &mut out);
            taken = Some(i);
        }
    }
    trim_edges(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    #[test]
    fn keeps_prose_drops_link_lists_and_chrome() {
        let html = "<html><body><nav><p>메뉴 항목이 여기에 길게 나열되어 있어서 글자 수가 많다</p></nav>\
            <div><div><p>첫 문단은 충분히 길어서 본문으로 보일 만한 문장이다. 쉼표, 그리고 마침표가 있고 글자 수도 넉넉하게 채운다.</p></div>\
            <ul><li><a href=/1>관련 기사 제목이 링크로만 된 목록의 첫 줄이다</a></li></ul>\
            <div>둘째 문단도 마찬가지로 길게 써서 밀도 기준을 넘는 문장으로 만든다. 링크가 없는 자기 글이 대부분이다.</div></div></body></html>";
        let doc = Html::parse_document(html);
        let mut dom = Dom::from_html(&doc);
        let page = Stats::compute(&dom);
        let out = density(&mut dom, &page);
        assert_eq!(out.len(), 2, "{out:?}");
        assert!(out[0].starts_with("첫 문단"));
        assert!(out[1].starts_with("둘째 문단"));
    }
}
