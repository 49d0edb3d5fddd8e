//! The generic extractor: scores paragraph-holding elements readability's
//! way (no stop words, so it works on Korean), picks the best container and
//! its sibling paragraphs, cleans and renders them.

use super::prune::{clean_subtree, element_weight, prune};
use super::select::text_len;
use super::stats::Stats;
use crate::article::dom::{Dom, Ix};

/// The generic extractor: score paragraph-holding elements, pick the best
/// container, add its sibling paragraphs, clean it, render it. `page`
/// holds the statistics of the unpruned page.
pub(super) fn generic(dom: &mut Dom, page: &Stats) -> Vec<String> {
    let snapshot: Vec<bool> = dom.nodes.iter().map(|n| n.removed).collect();
    let mut best = Vec::new();
    for strip_unlikely in [true, false] {
        for (n, &was) in dom.nodes.iter_mut().zip(&snapshot) {
            n.removed = was;
        }
        prune(dom, page, strip_unlikely);
        let out = score_and_render(dom);
        if text_len(&out) > text_len(&best) {
            best = out;
        }
        if text_len(&best) >= 250 {
            break;
        }
    }
    best
}

pub(super) fn score_and_render(dom: &mut Dom) -> Vec<String> {
    let mut stats = Stats::compute(dom);
    let n = dom.nodes.len();
    let mut score = vec![0f32; n];
    let mut initialised = vec![false; n];
    let removed = dom.removed_mask();
    for i in 0..n {
        if removed[i] {
            continue;
        }
        let Some(e) = dom.element(i) else {
            continue;
        };
        let c = &stats.0[i];
        let len = match &*e.tag {
            "p" | "pre" | "td" => c.chars,
            "div" | "section" | "article" | "span" | "li" | "dd" | "font" | "center" | "main"
                if c.inline_chars >= 25 =>
            {
                c.inline_chars
            }
            _ => continue,
        };
        if len < 25 || c.link_density() > 0.5 {
            continue;
        }
        let content = 1.0 + c.commas.min(len / 10) as f32 + (len as f32 / 100.0).min(3.0);
        let mut level = 0usize;
        let mut cur = dom.nodes[i].parent;
        // A div scored for its own text is its own first candidate.
        if matches!(&*e.tag, "div" | "section" | "article" | "main") {
            init_score(dom, i, &mut score, &mut initialised);
            score[i] += content;
            level = 1;
            cur = dom.nodes[i].parent;
        }
        while let Some(a) = cur {
            if level > 4 || dom.element(a).is_none() {
                break;
            }
            init_score(dom, a, &mut score, &mut initialised);
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[a] += content / divider;
            level += 1;
            cur = dom.nodes[a].parent;
        }
    }
    let mut top: Option<Ix> = None;
    let mut top_score = 0f32;
    for i in 0..n {
        if !initialised[i] {
            continue;
        }
        score[i] *= 1.0 - stats.0[i].link_density();
        if score[i] > top_score {
            top_score = score[i];
            top = Some(i);
        }
    }
    let Some(mut top) = top else {
        let mut out = Vec::new();
        let body = dom.body();
        dom.paragraphs(body, &mut out);
        return out;
    };
    // Wrappers that add nothing: climb while the parent holds the same text.
    while let Some(p) = dom.nodes[top].parent {
        if dom.element(p).is_none() || matches!(dom.tag(p), "body" | "html") {
            break;
        }
        if stats.0[p].chars as f32 <= stats.0[top].chars as f32 * 1.05 {
            top = p;
        } else {
            break;
        }
    }
    // Several strong candidates under one ancestor: the article is split
    // into blocks (ads between them); take the ancestor.
    let strong: Vec<Ix> = (0..n)
        .filter(|&i| initialised[i] && i != top && score[i] >= top_score * 0.75)
        .collect();
    if strong.len() >= 2 {
        let mut cur = dom.nodes[top].parent;
        while let Some(a) = cur {
            if matches!(dom.tag(a), "body" | "html") || dom.element(a).is_none() {
                break;
            }
            if strong.iter().filter(|&&s| dom.contains(a, s)).count() >= 2 {
                top = a;
                break;
            }
            cur = dom.nodes[a].parent;
        }
    }
    let top_score = score[top].max(top_score);

    // Siblings that belong to the article.
    let mut selected: Vec<Ix> = Vec::new();
    match dom.nodes[top].parent {
        Some(parent) if dom.element(parent).is_some() => {
            let threshold = (top_score * 0.2).max(10.0);
            let top_class = dom
                .element(top)
                .map(|e| e.class_id.clone())
                .unwrap_or_default();
            for &s in &dom.nodes[parent].children.clone() {
                if dom.nodes[s].removed {
                    continue;
                }
                if s == top {
                    selected.push(s);
                    continue;
                }
                let Some(e) = dom.element(s) else {
                    continue;
                };
                let mut bonus = 0.0;
                if !top_class.is_empty() && e.class_id == top_class {
                    bonus = top_score * 0.2;
                }
                let c = &stats.0[s];
                let ld = c.link_density();
                let append = (initialised[s] && score[s] + bonus >= threshold)
                    // A paragraph, or a div that is one (its own text, no
                    // nested blocks): sibling blocks of one article.
                    || ((e.tag.as_ref() == "p"
                        || (e.tag.as_ref() == "div" && c.inline_chars * 10 >= c.chars * 9))
                        && ((c.chars > 80 && ld < 0.25)
                            || (c.chars > 0 && ld == 0.0 && ends_sentence(&dom.text(s)))));
                if append {
                    selected.push(s);
                }
            }
        }
        _ => selected.push(top),
    }

    for &s in &selected {
        clean_subtree(dom, &mut stats, s);
    }
    let mut out = Vec::new();
    for &s in &selected {
        dom.paragraphs(s, &mut out);
    }
    trim_edges(&mut out);
    out
}

/// Drops label-like scraps at the start and end of a generic extraction:
/// "TRENDING:", "Comments", a date, a view count. Short (under four words),
/// no sentence end. Only at the edges: inside the text such lines are
/// subheadings.
pub(super) fn trim_edges(out: &mut Vec<String>) {
    let is_label = |p: &str| p.split_whitespace().count() < 4 && !ends_sentence(p);
    while out.len() > 1 && out.last().is_some_and(|p| is_label(p)) {
        out.pop();
    }
    let lead = out.iter().take_while(|p| is_label(p)).count();
    if lead < out.len() {
        out.drain(..lead);
    }
}

pub(super) fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end();
    // Latin, CJK and full-width stops, quotes, Korean's final "다", the
    // Indic danda and the Arabic question mark.
    t.ends_with(['.', '。', '!', '?', '"', '”', '다', '！', '？', '।', '؟'])
}

pub(super) fn init_score(dom: &Dom, i: Ix, score: &mut [f32], initialised: &mut [bool]) {
    if initialised[i] {
        return;
    }
    initialised[i] = true;
    let Some(e) = dom.element(i) else {
        return;
    };
    let base: f32 = match &*e.tag {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let mut w = element_weight(e) as f32;
    if e.attr("itemprop")
        .is_some_and(|v| v.contains("articleBody"))
    {
        w += 50.0;
    }
    score[i] = base + w;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends_in_several_scripts() {
        for t in [
            "A sentence.",
            "문장이다",
            "質問？",
            "বাক্য।",
            "سؤال؟",
            "He said \"no\"",
        ] {
            assert!(ends_sentence(t), "{t}");
        }
        for t in ["TRENDING", "Lesen Sie auch:", "2019-09-21"] {
            assert!(!ends_sentence(t), "{t}");
        }
    }
}
