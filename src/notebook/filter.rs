//! The one place where scraps are filtered (by date range, press, tag and
//! missing section), for `scrapls list`, `stats` and the editors' lists.

use jiff::civil::Date;

use super::entry::Entry;
use super::index::Index;
use crate::text::title_key;

/// Which scraps to keep. Every field set must match.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Dated on or after this day.
    pub since: Option<Date>,
    /// Dated on or before this day.
    pub until: Option<Date>,
    /// From this press (spacing and case forgiven).
    pub press: Option<String>,
    /// Carrying this tag (spacing and case forgiven).
    pub tag: Option<String>,
    /// Still missing this required section (by id).
    pub missing: Option<String>,
}

impl Filter {
    /// Whether `entry` passes.
    pub fn matches(&self, entry: &Entry) -> bool {
        let in_range = |bound: Option<Date>, ok: fn(Date, Date) -> bool| {
            bound.is_none_or(|b| entry.date.is_some_and(|d| ok(d, b)))
        };
        in_range(self.since, |d, b| d >= b)
            && in_range(self.until, |d, b| d <= b)
            && self.press.as_deref().is_none_or(|p| {
                let p = title_key(p);
                entry.press_key.as_deref() == Some(p.as_str())
            })
            && self.tag.as_deref().is_none_or(|t| {
                let t = title_key(t);
                entry.tag_keys.contains(&t)
            })
            && self
                .missing
                .as_deref()
                .is_none_or(|m| entry.missing.iter().any(|id| id == m))
    }

    /// The matching scraps, oldest first (undated last), then by path.
    pub fn apply<'a>(&self, index: &'a Index) -> Vec<&'a Entry> {
        let mut found: Vec<&Entry> = index.entries().filter(|e| self.matches(e)).collect();
        found.sort_by(|a, b| {
            (a.date.is_none(), a.date, a.path_bytes()).cmp(&(
                b.date.is_none(),
                b.date,
                b.path_bytes(),
            ))
        });
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scrap::config::Config;

    fn entry(path: &str, front: &str, body: &str) -> Entry {
        let text = format!("---\n{front}\n---\n## 헤드라인\n제목\n{body}");
        Entry::from_text(path.into(), &text, &Config::default())
    }

    #[test]
    fn every_filter_in_one_place() {
        let index = Index::from_entries([
            entry(
                "a",
                "date: 2026-11-01\npress: 한빛 경제\ntags: [반도체]",
                "",
            ),
            entry(
                "b",
                "date: 2026-11-15\npress: 새벽일보",
                "## 인사이트\n수출 20% 증가\n",
            ),
            entry("c", "press: 새벽일보", ""),
        ]);
        let paths = |f: Filter| -> Vec<String> {
            f.apply(&index)
                .iter()
                .map(|e| e.path.display().to_string())
                .collect()
        };
        assert_eq!(paths(Filter::default()), ["a", "b", "c"]);
        let nov10 = jiff::civil::date(2026, 11, 10);
        let since = Filter {
            since: Some(nov10),
            ..Filter::default()
        };
        assert_eq!(paths(since), ["b"]);
        let until = Filter {
            until: Some(nov10),
            ..Filter::default()
        };
        assert_eq!(paths(until), ["a"]);
        let press = Filter {
            press: Some("한빛경제".into()),
            ..Filter::default()
        };
        assert_eq!(paths(press), ["a"]);
        let tag = Filter {
            tag: Some("반도체".into()),
            ..Filter::default()
        };
        assert_eq!(paths(tag), ["a"]);
        let missing = Filter {
            missing: Some("insight".into()),
            press: Some("새벽일보".into()),
            ..Filter::default()
        };
        assert_eq!(paths(missing), ["c"]);
    }
}
