//! `scrapls stats [DIR]`: the folder's numbers (per week and month, the
//! daily streak, top presses and tags, sections still missing) for people,
//! or as one JSON object for scripts.

use std::fmt::Write as _;
use std::io::Write;

use jiff::civil::Date;

use super::list::FolderArgs;
use crate::i18n::Locale;
use crate::notebook::stats::{Count, Stats};

/// Output format of `stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatsFormat {
    /// Plain text for people.
    Text,
    /// One JSON object.
    Json,
}

/// Arguments of `scrapls stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Folder and configuration.
    #[command(flatten)]
    pub folder: FolderArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: StatsFormat,
}

/// Today in the local time zone (`TZ`, else the system's): the day streaks
/// are counted back from.
pub fn local_today() -> Date {
    jiff::Zoned::now().date()
}

/// Runs `stats`; returns the exit status.
pub fn run(args: StatsArgs) -> i32 {
    let locale = Locale::from_env();
    let (config, index) = match args.folder.open(locale) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let stats = Stats::compute(index.entries(), local_today());
    let out = match args.format {
        StatsFormat::Json => serde_json::to_string_pretty(&stats).unwrap_or_default() + "\n",
        StatsFormat::Text => {
            let title = |id: &str| {
                config
                    .template
                    .index_of(id)
                    .map(|i| config.template.section(i).display_title(locale))
                    .unwrap_or_else(|| id.to_string())
            };
            text(&stats, locale, title)
        }
    };
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    0
}

/// How many names `stats` shows in its top lists.
const TOP: usize = 10;

/// `name count, name count, …` for the first [`TOP`] counts.
fn top(counts: &[Count]) -> String {
    let shown: Vec<String> = counts
        .iter()
        .take(TOP)
        .map(|c| format!("{} {}", c.name, c.count))
        .collect();
    if shown.is_empty() {
        "-".into()
    } else {
        shown.join(", ")
    }
}

/// The report for people.
fn text(stats: &Stats, locale: Locale, title: impl Fn(&str) -> String) -> String {
    let ko = locale == Locale::Ko;
    let mut out = String::new();
    let _ = if ko {
        writeln!(
            out,
            "스크랩 {}개 (날짜 없음 {}개)",
            stats.total, stats.undated
        )
    } else {
        writeln!(out, "{} scraps ({} undated)", stats.total, stats.undated)
    };
    let s = stats.streak;
    let _ = if ko {
        writeln!(out, "연속 기록: 지금 {}일, 최장 {}일", s.current, s.longest)
    } else {
        writeln!(
            out,
            "daily streak: current {} day(s), longest {}",
            s.current, s.longest
        )
    };
    let max = stats.per_week.iter().map(|p| p.count).max().unwrap_or(1);
    let _ = writeln!(out, "\n{}", locale.pick("주별", "per week"));
    for p in &stats.per_week {
        let bar = "█".repeat((p.count * 30).div_ceil(max));
        let _ = writeln!(out, "  {}  {:>4}  {bar}", p.week, p.count);
    }
    let _ = writeln!(out, "\n{}", locale.pick("월별", "per month"));
    for p in &stats.per_month {
        let _ = writeln!(out, "  {}  {:>4}", p.month, p.count);
    }
    let _ = writeln!(
        out,
        "\n{}: {}",
        locale.pick("언론사", "presses"),
        top(&stats.presses)
    );
    let _ = writeln!(out, "{}: {}", locale.pick("태그", "tags"), top(&stats.tags));
    let _ = writeln!(out, "\n{}", locale.pick("빠진 섹션", "missing sections"));
    if stats.missing.is_empty() {
        let _ = writeln!(out, "  -");
    }
    for (id, n) in &stats.missing {
        let _ = writeln!(out, "  {}  {n}", title(id));
    }
    out
}
