//! `scrapls list [DIR]`: one row per scrap of a folder (date, press,
//! headline, path, status), filtered and sorted by date, as a table that
//! fits the terminal (Hangul counted two columns wide), JSON Lines or CSV.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use jiff::civil::Date;
use serde::Serialize;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{EXIT_USAGE, config_for, layers};
use crate::i18n::Locale;
use crate::notebook::entry::{Entry, parse_date};
use crate::notebook::filter::Filter;
use crate::notebook::index::Index;
use crate::scrap::config::Config;
use crate::scrap::resolve::ConfigCache;

/// The folder and configuration a notebook command reads.
#[derive(Debug, clap::Args)]
pub struct FolderArgs {
    /// The folder of scraps (default: the current one).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// A `scrapls.toml` to use on top of the one found from the folder.
    #[arg(long)]
    pub config: Option<PathBuf>,
}

impl FolderArgs {
    /// Reads the folder's configuration and indexes its scraps; on failure
    /// prints why and returns the exit status.
    pub fn open(&self, locale: Locale) -> Result<(Config, Index), i32> {
        if !self.dir.is_dir() {
            eprintln!(
                "scrapls: {}: {}",
                self.dir.display(),
                locale.pick("폴더가 아닙니다", "not a folder")
            );
            return Err(EXIT_USAGE);
        }
        let config = config_for(&self.dir, self.config.as_deref(), locale).map_err(|e| {
            eprintln!("scrapls: {e}");
            EXIT_USAGE
        })?;
        let configs = ConfigCache::new(layers(self.config.as_deref(), locale));
        let index = Index::scan(&self.dir, &configs);
        Ok((config, index))
    }
}

/// Output format of `list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    /// Aligned columns for people.
    Table,
    /// One JSON object per scrap, one per line.
    Json,
    /// Comma-separated values with a header row.
    Csv,
}

/// Arguments of `scrapls list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Folder and configuration.
    #[command(flatten)]
    pub folder: FolderArgs,
    /// Only scraps dated on or after DATE (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    pub since: Option<Date>,
    /// Only scraps dated on or before DATE (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    pub until: Option<Date>,
    /// Only scraps from this press.
    #[arg(long, value_name = "PRESS")]
    pub press: Option<String>,
    /// Only scraps with this tag.
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
    /// Only scraps still missing this required section (id or title).
    #[arg(long, value_name = "SECTION")]
    pub missing: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: ListFormat,
}

/// Parses a `--since`/`--until` value.
pub fn date_arg(value: &str) -> Result<Date, String> {
    parse_date(value)
        .filter(|_| value.trim().len() == 10)
        .ok_or_else(|| format!("'{value}': expected a date such as 2026-11-22"))
}

/// One scrap as `list --format json` prints it.
#[derive(Serialize)]
struct Row<'a> {
    path: String,
    date: Option<String>,
    press: Option<&'a str>,
    headline: Option<&'a str>,
    url: Option<&'a str>,
    article_key: Option<&'a str>,
    tags: &'a [String],
    missing: &'a [String],
    duplicates: Vec<String>,
}

impl<'a> Row<'a> {
    fn new(entry: &'a Entry, index: &Index) -> Row<'a> {
        Row {
            path: entry.path.display().to_string(),
            date: entry.date.map(|d| d.to_string()),
            press: entry.press.as_deref(),
            headline: entry.headline.as_deref(),
            url: entry.url.as_deref(),
            article_key: entry.keys.first().map(String::as_str),
            tags: &entry.tags,
            missing: &entry.missing,
            duplicates: index
                .duplicates(entry)
                .iter()
                .map(|d| d.path.display().to_string())
                .collect(),
        }
    }

    /// The status column: complete, or what is wrong.
    fn status(&self, locale: Locale) -> String {
        let mut parts = Vec::new();
        if !self.duplicates.is_empty() {
            parts.push(locale.pick("중복", "duplicate").to_string());
        }
        if !self.missing.is_empty() {
            let label = locale.pick("빠짐", "missing");
            parts.push(format!("{label}: {}", self.missing.join(", ")));
        }
        if parts.is_empty() {
            locale.pick("완료", "complete").to_string()
        } else {
            parts.join("; ")
        }
    }
}

/// Runs `list`; returns the exit status.
pub fn run(args: ListArgs) -> i32 {
    let locale = Locale::from_env();
    let (config, index) = match args.folder.open(locale) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let missing = match args.missing.as_deref() {
        None => None,
        Some(name) => {
            let template = &config.template;
            match template.index_of(name).or_else(|| template.lookup(name)) {
                Some(i) => Some(template.section(i).id.clone()),
                None => {
                    eprintln!(
                        "scrapls: {name}: {}",
                        locale.pick(
                            "템플릿에 없는 섹션입니다",
                            "no such section in the template"
                        )
                    );
                    return EXIT_USAGE;
                }
            }
        }
    };
    let filter = Filter {
        since: args.since,
        until: args.until,
        press: args.press,
        tag: args.tag,
        missing,
    };
    let rows: Vec<Row> = filter
        .apply(&index)
        .into_iter()
        .map(|e| Row::new(e, &index))
        .collect();
    let out = match args.format {
        ListFormat::Json => rows
            .iter()
            .map(|r| serde_json::to_string(r).unwrap_or_default() + "\n")
            .collect(),
        ListFormat::Csv => csv_text(&rows),
        ListFormat::Table => table(&rows, terminal_width(), locale),
    };
    // A closed pipe (`scrapls list | head`) is not an error.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    0
}

/// The rows as CSV; lists are joined with `;`.
fn csv_text(rows: &[Row]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record([
        "path",
        "date",
        "press",
        "headline",
        "url",
        "article_key",
        "tags",
        "missing",
        "duplicates",
    ]);
    for r in rows {
        let _ = writer.write_record([
            r.path.as_str(),
            r.date.as_deref().unwrap_or_default(),
            r.press.unwrap_or_default(),
            r.headline.unwrap_or_default(),
            r.url.unwrap_or_default(),
            r.article_key.unwrap_or_default(),
            &r.tags.join(";"),
            &r.missing.join(";"),
            &r.duplicates.join(";"),
        ]);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The width to fit: `COLUMNS` when set, else the terminal's, else 120.
fn terminal_width() -> usize {
    if let Some(n) = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()) {
        return n;
    }
    if std::io::stdout().is_terminal()
        && let Some((_, cols)) = console::Term::stdout().size_checked()
    {
        return usize::from(cols);
    }
    120
}

/// `text` cut to `width` display columns (East Asian wide characters count
/// two) with `…` where it was cut, padded with spaces to `width`.
fn fit(text: &str, width: usize) -> String {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut out = String::new();
    let mut used = 0;
    if text.width() <= width {
        out.push_str(&text);
        used = text.width();
    } else if width > 0 {
        for c in text.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > width - 1 {
                break;
            }
            out.push(c);
            used += w;
        }
        out.push('…');
        used += 1;
    }
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

/// The rows as aligned columns no wider than `width` (down to a minimum
/// per column): the date keeps its width, the other columns shrink.
fn table(rows: &[Row], width: usize, locale: Locale) -> String {
    let header = [
        locale.pick("날짜", "date"),
        locale.pick("언론사", "press"),
        locale.pick("헤드라인", "headline"),
        locale.pick("파일", "path"),
        locale.pick("상태", "status"),
    ];
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|r| {
            [
                r.date.clone().unwrap_or_else(|| "-".into()),
                r.press.unwrap_or("-").to_string(),
                r.headline.unwrap_or("-").to_string(),
                r.path.clone(),
                r.status(locale),
            ]
        })
        .collect();
    let natural = |i: usize| {
        cells
            .iter()
            .map(|c| c[i].width())
            .chain(std::iter::once(header[i].width()))
            .max()
            .unwrap_or(0)
    };
    const GAP: usize = 2;
    // Natural widths (press and status capped), then, while too wide, take a
    // column from whichever flexible cell has the most to spare; the
    // headline gives up columns at half the rate of the others.
    let mut widths = [
        natural(0),
        natural(1).min(12),
        natural(2),
        natural(3),
        natural(4).min(24),
    ];
    const MIN: [usize; 5] = [10, 4, 8, 8, 6];
    let room = width.saturating_sub(4 * GAP);
    while widths.iter().sum::<usize>() > room {
        let spare = |i: usize| {
            let slack = widths[i].saturating_sub(MIN[i]);
            if i == 2 { slack / 2 } else { slack }
        };
        let Some(i) = (1..5).filter(|&i| spare(i) > 0).max_by_key(|&i| spare(i)) else {
            break;
        };
        widths[i] -= 1;
    }
    let mut out = String::new();
    let header_cells = header.map(str::to_string);
    for row in std::iter::once(&header_cells).chain(&cells) {
        let line: Vec<String> = row.iter().zip(widths).map(|(c, w)| fit(c, w)).collect();
        out.push_str(line.join(&" ".repeat(GAP)).trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_counts_hangul_as_two_columns() {
        assert_eq!(fit("반도체", 6), "반도체");
        assert_eq!(fit("반도체 수출", 8), "반도체 …");
        assert_eq!(fit("반도체 수출", 8).width(), 8);
        assert_eq!(fit("abc", 5), "abc  ");
        // A wide character that would overflow is not split.
        assert_eq!(fit("가나다", 4), "가… ");
        assert_eq!(fit("가나다", 4).width(), 4);
        assert_eq!(fit("x", 0), "");
    }

    #[test]
    fn table_fits_the_width() {
        let tags = Vec::new();
        let missing = vec!["insight".to_string()];
        let row = Row {
            path: "2026/11/반도체-수출이-크게-늘었다.scrap.md".into(),
            date: Some("2026-11-20".into()),
            press: Some("한빛경제신문사"),
            headline: Some("반도체 수출 20% 증가, 석 달 만에 반등했다는 분석"),
            url: None,
            article_key: None,
            tags: &tags,
            missing: &missing,
            duplicates: Vec::new(),
        };
        for width in [60, 80, 200] {
            let out = table(std::slice::from_ref(&row), width, Locale::Ko);
            for line in out.lines() {
                assert!(line.width() <= width, "{width}: {line}");
            }
        }
        let wide = table(std::slice::from_ref(&row), 200, Locale::Ko);
        assert!(wide.contains("석 달 만에 반등했다는 분석"));
        assert!(table(&[row], 60, Locale::Ko).contains('…'));
    }
}
