//! The notebook's numbers: scraps per ISO week and per month, the daily
//! streak, top presses and tags, and how many scraps still miss which
//! section. Pure: `today` is given, so the rules are testable.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use super::entry::Entry;

/// The daily streak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Streak {
    /// Consecutive days with a scrap, ending today, or yesterday while
    /// today has none yet (the day is not over).
    pub current: usize,
    /// The longest run of consecutive days with a scrap.
    pub longest: usize,
}

/// One period's count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    /// `2026-W48` (ISO week) or `2026-11` (month).
    #[serde(rename = "week", skip_serializing_if = "String::is_empty")]
    pub week: String,
    /// Same, for months.
    #[serde(rename = "month", skip_serializing_if = "String::is_empty")]
    pub month: String,
    /// Scraps dated in it.
    pub count: usize,
}

/// A name and how many scraps carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    /// The press or tag, as first written.
    pub name: String,
    /// How many scraps.
    pub count: usize,
}

/// Everything `scrapls stats` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Scraps in all.
    pub total: usize,
    /// Scraps without a readable date.
    pub undated: usize,
    /// The daily streak.
    pub streak: Streak,
    /// Per ISO week, oldest first.
    pub per_week: Vec<Period>,
    /// Per month, oldest first.
    pub per_month: Vec<Period>,
    /// Presses, most scraps first.
    pub presses: Vec<Count>,
    /// Tags, most scraps first.
    pub tags: Vec<Count>,
    /// Section id → how many scraps still miss it (missing, empty or only
    /// guidance).
    pub missing: BTreeMap<String, usize>,
}

/// The ISO week of a day, as `2026-W48`.
pub fn iso_week(date: Date) -> String {
    let week = date.iso_week_date();
    format!("{:04}-W{:02}", week.year(), week.week())
}

/// Counts names case- and spacing-insensitively, keeping the first
/// spelling; most frequent first, then by name.
fn counts<'a>(names: impl Iterator<Item = &'a str>) -> Vec<Count> {
    let mut by_key: HashMap<String, Count> = HashMap::new();
    for name in names {
        by_key
            .entry(crate::text::title_key(name))
            .or_insert_with(|| Count {
                name: name.to_string(),
                count: 0,
            })
            .count += 1;
    }
    let mut out: Vec<Count> = by_key.into_values().collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    out
}

impl Stats {
    /// The numbers of `entries` as of `today`.
    pub fn compute<'a>(entries: impl IntoIterator<Item = &'a Entry>, today: Date) -> Stats {
        let entries: Vec<&Entry> = entries.into_iter().collect();
        let days: BTreeSet<Date> = entries.iter().filter_map(|e| e.date).collect();
        let mut weeks: BTreeMap<String, usize> = BTreeMap::new();
        let mut months: BTreeMap<String, usize> = BTreeMap::new();
        for date in entries.iter().filter_map(|e| e.date) {
            *weeks.entry(iso_week(date)).or_default() += 1;
            *months
                .entry(format!("{:04}-{:02}", date.year(), date.month()))
                .or_default() += 1;
        }
        let mut missing: BTreeMap<String, usize> = BTreeMap::new();
        for id in entries.iter().flat_map(|e| &e.missing) {
            *missing.entry(id.clone()).or_default() += 1;
        }
        Stats {
            total: entries.len(),
            undated: entries.iter().filter(|e| e.date.is_none()).count(),
            streak: streak(&days, today),
            per_week: weeks
                .into_iter()
                .map(|(week, count)| Period {
                    week,
                    month: String::new(),
                    count,
                })
                .collect(),
            per_month: months
                .into_iter()
                .map(|(month, count)| Period {
                    week: String::new(),
                    month,
                    count,
                })
                .collect(),
            presses: counts(entries.iter().filter_map(|e| e.press.as_deref())),
            tags: counts(
                entries
                    .iter()
                    .flat_map(|e| e.tags.iter().map(String::as_str)),
            ),
            missing,
        }
    }
}

/// The current and longest streak over the days that have a scrap.
fn streak(days: &BTreeSet<Date>, today: Date) -> Streak {
    let next = |d: Date| d.checked_add(1.day()).ok();
    let prev = |d: Date| d.checked_sub(1.day()).ok();
    let (mut longest, mut run, mut last) = (0, 0, None::<Date>);
    for &day in days {
        run = if last.and_then(next) == Some(day) {
            run + 1
        } else {
            1
        };
        longest = longest.max(run);
        last = Some(day);
    }
    let mut current = 0;
    let mut day = if days.contains(&today) {
        Some(today)
    } else {
        prev(today)
    };
    while let Some(d) = day.filter(|d| days.contains(d)) {
        current += 1;
        day = prev(d);
    }
    Streak { current, longest }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scrap::config::Config;
    use jiff::civil::date;

    fn entry(n: usize, day: &str, press: &str) -> Entry {
        let text =
            format!("---\ndate: {day}\npress: {press}\ntags: [반도체]\n---\n## 헤드라인\n제목\n");
        Entry::from_text(format!("{n}").into(), &text, &Config::default())
    }

    #[test]
    fn streaks_weeks_and_counts() {
        let days = [
            "2026-11-01",
            "2026-11-02",
            "2026-11-03",
            "2026-11-04", // 4 in a row
            "2026-11-20",
            "2026-11-20",
            "2026-11-21", // two on one day
            "2026-12-01",
        ];
        let entries: Vec<Entry> = days
            .iter()
            .enumerate()
            .map(|(n, d)| {
                entry(
                    n,
                    d,
                    if n % 2 == 0 {
                        "한빛경제"
                    } else {
                        "새벽일보"
                    },
                )
            })
            .collect();
        let s = Stats::compute(&entries, date(2026, 11, 22));
        assert_eq!(s.total, 8);
        assert_eq!(
            s.streak,
            Streak {
                current: 2,
                longest: 4
            }
        );
        // Today without a scrap yet keeps yesterday's run; a gap ends it.
        assert_eq!(
            Stats::compute(&entries, date(2026, 11, 21)).streak.current,
            2
        );
        assert_eq!(
            Stats::compute(&entries, date(2026, 11, 23)).streak.current,
            0
        );
        assert_eq!(
            Stats::compute(&entries, date(2026, 12, 1)).streak.current,
            1
        );
        assert_eq!(
            s.per_week
                .iter()
                .map(|p| (p.week.as_str(), p.count))
                .collect::<Vec<_>>(),
            [
                ("2026-W44", 1),
                ("2026-W45", 3),
                ("2026-W47", 3),
                ("2026-W49", 1)
            ]
        );
        assert_eq!(s.per_month[0].month, "2026-11");
        assert_eq!(s.per_month[0].count, 7);
        assert_eq!(s.presses[0].count, 4);
        assert_eq!(
            s.tags[0],
            Count {
                name: "반도체".into(),
                count: 8
            }
        );
        assert_eq!(s.missing.get("link"), Some(&8));
    }

    #[test]
    fn iso_weeks_cross_years() {
        assert_eq!(iso_week(date(2026, 1, 1)), "2026-W01");
        assert_eq!(iso_week(date(2027, 1, 1)), "2026-W53");
        assert_eq!(iso_week(date(2024, 12, 30)), "2025-W01");
    }
}
