//! Ranking scraps against each other: related links for a scrap (shared
//! tags, then Hangul-aware headline similarity, newest first among equals)
//! and symbol search by headline, tag or press with initial-consonant
//! queries (ㅂㄷㅊ finds 반도체).

use std::cmp::Ordering;

use super::entry::Entry;
use super::index::Index;
use crate::text::hangul::{InitialsFinder, is_consonant};
use crate::text::title_key;

/// A ranked scrap.
#[derive(Debug, Clone, Copy)]
pub struct Ranked<'a> {
    /// The scrap.
    pub entry: &'a Entry,
    /// Higher is better; comparable only within one answer.
    pub score: f64,
}

/// Newest first; undated last; then by path, so answers are stable.
fn newest_first(a: &Entry, b: &Entry) -> Ordering {
    b.date
        .cmp(&a.date)
        .then_with(|| a.path_bytes().cmp(b.path_bytes()))
}

/// Keeps the best `limit` of `ranked` (score, then newest), sorted.
fn top(mut ranked: Vec<Ranked<'_>>, limit: usize) -> Vec<Ranked<'_>> {
    let order = |a: &Ranked, b: &Ranked| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| newest_first(a.entry, b.entry))
    };
    if ranked.len() > limit && limit > 0 {
        ranked.select_nth_unstable_by(limit - 1, order);
        ranked.truncate(limit);
    }
    ranked.truncate(limit);
    ranked.sort_by(order);
    ranked
}

/// How many of two sorted lists' items they share.
fn shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The scraps most related to `to`: each shared tag counts one, the
/// headlines' bigram similarity (Dice, 0–1) is added; newest first among
/// equals. Other scraps of the same article and scraps without a link are
/// left out.
pub fn related<'a>(index: &'a Index, to: &Entry, limit: usize) -> Vec<Ranked<'a>> {
    let ranked = index
        .entries()
        .filter(|e| {
            e.url.is_some()
                && !e.key_ids.iter().any(|k| to.key_ids.contains(k))
                && e.path_bytes() != to.path_bytes()
        })
        .map(|e| {
            let common_tags = shared(&e.tag_ids, &to.tag_ids);
            let grams = e.grams.len() + to.grams.len();
            let dice = if grams == 0 {
                0.0
            } else {
                2.0 * shared(&e.grams, &to.grams) as f64 / grams as f64
            };
            Ranked {
                entry: e,
                score: common_tags as f64 + dice,
            }
        })
        .collect();
    top(ranked, limit)
}

/// Scraps whose headline, a tag or the press matches `query` (NFC, case
/// and spacing forgiven; a consonant stands for a syllable starting with
/// it). A match at the start of the headline ranks first, then anywhere
/// in it, then tags and press; newest first among equals. An empty query
/// lists the newest scraps.
pub fn search<'a>(index: &'a Index, query: &str, limit: usize) -> Vec<Ranked<'a>> {
    let query = title_key(query);
    // Where the query matches a key: `Some(true)` at its start. A query
    // without initials is a plain substring search, its searcher built once.
    // With initials, the keys' initials are searched first.
    let finder = memchr::memmem::Finder::new(query.as_bytes());
    let by_initials = query
        .chars()
        .any(is_consonant)
        .then(|| InitialsFinder::new(&query));
    let matches = |key: &str, initials: &str| -> Option<bool> {
        match &by_initials {
            None => finder.find(key.as_bytes()),
            Some(f) => f.find(key, initials),
        }
        .map(|at| at == 0)
    };
    let ranked = index
        .entries()
        .filter_map(|e| {
            let i = &e.initials;
            let score = match matches(&e.headline_key, &i.headline) {
                Some(true) => 3.0,
                Some(false) => 2.0,
                None if e
                    .tag_keys
                    .iter()
                    .zip(&i.tags)
                    .chain(e.press_key.iter().zip(&i.press))
                    .any(|(k, i)| matches(k, i).is_some()) =>
                {
                    1.0
                }
                None => return None,
            };
            Some(Ranked { entry: e, score })
        })
        .collect();
    top(ranked, limit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scrap::config::Config;

    fn entry(path: &str, date: &str, tags: &str, headline: &str, press: &str) -> Entry {
        let text = format!(
            "---\ndate: {date}\npress: {press}\ntags: [{tags}]\n---\n## 헤드라인\n{headline}\n\n## 기사링크\nhttps://ex.com/{path}\n"
        );
        Entry::from_text(path.into(), &text, &Config::default())
    }

    fn paths(ranked: &[Ranked]) -> Vec<String> {
        ranked
            .iter()
            .map(|r| r.entry.path.display().to_string())
            .collect()
    }

    fn index() -> Index {
        Index::from_entries([
            entry(
                "me",
                "2026-11-20",
                "반도체, 수출",
                "반도체 수출 20% 증가",
                "한빛경제",
            ),
            entry(
                "tags2",
                "2026-11-01",
                "반도체, 수출",
                "조선 수주 늘어",
                "새벽일보",
            ),
            entry("tags1-old", "2026-11-02", "반도체", "환율 급등", "새벽일보"),
            entry("tags1-new", "2026-11-10", "반도체", "환율 하락", "누리비즈"),
            entry(
                "title",
                "2026-11-05",
                "경제",
                "반도체가 수출을 이끌다",
                "가람뉴스",
            ),
            entry("none", "2026-11-30", "유통", "편의점 매출", "가람뉴스"),
        ])
    }

    #[test]
    fn related_by_tags_then_titles_then_date() {
        let index = index();
        let me = index.get("me".as_ref()).unwrap();
        let ranked = related(&index, me, 10);
        assert_eq!(
            paths(&ranked),
            ["tags2", "tags1-new", "tags1-old", "title", "none"]
        );
        assert!(ranked[3].score > 0.0 && ranked[4].score == 0.0);
        assert_eq!(related(&index, me, 2).len(), 2);
    }

    #[test]
    fn search_by_initials_tag_and_press() {
        let index = index();
        assert_eq!(paths(&search(&index, "ㅂㄷㅊ", 10))[..2], ["me", "title"]);
        assert_eq!(paths(&search(&index, "ㅂㄷㅊ", 10)).len(), 5);
        assert_eq!(paths(&search(&index, "가람", 10)), ["none", "title"]);
        assert_eq!(paths(&search(&index, "ㅍㅇㅈ", 10)), ["none"]);
        assert!(search(&index, "없는말", 10).is_empty());
        assert_eq!(search(&index, "", 3).len(), 3);
    }
}
