//! `scrapls figures FILE|-`: the figures the parser finds, one line each for
//! people, or one JSON object each (JSON Lines) for scripts.

use std::path::PathBuf;

use serde::Serialize;

use super::report::{JsonPosition, JsonRange};
use super::{EXIT_USAGE, config_for_file, read_text};
use crate::figures::format::{change_parts, direction_word, grouped};
use crate::figures::{Figure, change_start, figures, figures_in};
use crate::i18n::Locale;
use crate::scrap::parse::parse;
use crate::text::position::{Encoding, LineIndex};

/// Output format of `figures`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per figure.
    Human,
    /// One JSON object per figure, one per line.
    Json,
}

/// Arguments of `scrapls figures`.
#[derive(Debug, clap::Args)]
pub struct FiguresArgs {
    /// A scrap file (`-` for standard input).
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Read plain text, not a scrap: every figure, no sections.
    #[arg(long)]
    pub text: bool,
}

/// One figure in JSON.
#[derive(Serialize)]
struct JsonFigure<'a> {
    text: &'a str,
    #[serde(serialize_with = "number")]
    value: f64,
    unit: &'a str,
    approx: bool,
    bounds: Option<[f64; 2]>,
    change: Option<JsonChange>,
    section: Option<&'a str>,
    range: JsonRange,
}

/// Whole values as JSON integers (`1200000000000`, not `1200000000000.0`).
fn number<S: serde::Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 9.007_199_254_740_992e15 {
        s.serialize_i64(*value as i64)
    } else {
        s.serialize_f64(*value)
    }
}

/// A change in JSON.
#[derive(Serialize)]
struct JsonChange {
    from: Option<f64>,
    to: Option<f64>,
    delta: Option<f64>,
    ratio: Option<f64>,
    direction: &'static str,
}

/// Prints the figures of a scrap (by section) or of plain text.
pub fn run(args: FiguresArgs) -> i32 {
    let locale = Locale::from_env();
    let text = match read_text(&args.file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("scrapls: {}: {e}", args.file.display());
            return EXIT_USAGE;
        }
    };
    let found: Vec<(Option<String>, Vec<Figure>)> = if args.text {
        vec![(None, figures(&text))]
    } else {
        let config = match config_for_file(&args.file, locale) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("scrapls: {e}");
                return EXIT_USAGE;
            }
        };
        let scrap = parse(&text, &config.template);
        scrap
            .sections
            .iter()
            .map(|s| {
                let id = config.template.section(s.spec).id.clone();
                (Some(id), figures_in(&text, s.content.clone()))
            })
            .collect()
    };
    let index = LineIndex::new(&text);
    let mut out = String::new();
    for (section, list) in &found {
        for (i, f) in list.iter().enumerate() {
            let start = index.position(&text, f.span.start, Encoding::Utf16);
            let end = index.position(&text, f.span.end, Encoding::Utf16);
            match args.format {
                Format::Json => {
                    let json = JsonFigure {
                        text: &text[f.span.clone()],
                        value: f.value,
                        unit: f.unit,
                        approx: f.approx,
                        bounds: f.bounds.map(|(lo, hi)| [lo, hi]),
                        change: f.change.as_ref().map(|c| JsonChange {
                            from: c.from,
                            to: c.to,
                            delta: c.delta,
                            ratio: c.ratio,
                            direction: c.direction.as_str(),
                        }),
                        section: section.as_deref(),
                        range: JsonRange {
                            start: JsonPosition::from(start),
                            end: JsonPosition::from(end),
                        },
                    };
                    out.push_str(&serde_json::to_string(&json).unwrap_or_default());
                }
                Format::Human => out.push_str(&format!(
                    "{}:{}: {}",
                    start.line + 1,
                    start.character + 1,
                    human_line(&text, list, i, section.as_deref(), locale)
                )),
            }
            out.push('\n');
        }
    }
    print!("{out}");
    0
}

/// `[body] 200~300명 = 200~300명 (약) — +300명, 2.5배`.
fn human_line(
    text: &str,
    list: &[Figure],
    i: usize,
    section: Option<&str>,
    locale: Locale,
) -> String {
    let f = &list[i];
    let mut line = String::new();
    if let Some(s) = section {
        line.push_str(&format!("[{s}] "));
    }
    line.push_str(&text[f.span.clone()]);
    line.push_str(" = ");
    match f.bounds {
        Some((lo, hi)) => line.push_str(&format!("{}~{}", grouped(lo), grouped(hi))),
        None => line.push_str(&grouped(f.value)),
    }
    line.push_str(f.unit);
    if f.approx {
        line.push_str(locale.pick(" (어림값)", " (approximate)"));
    }
    if let Some(c) = &f.change {
        line.push_str(" — ");
        match change_start(list, i).map(|s| &list[s]) {
            Some(from) => line.push_str(&format!(
                "{} → {}: ",
                &text[from.span.clone()],
                &text[f.span.clone()]
            )),
            None => line.push_str(&format!("{}: ", direction_word(c.direction, locale))),
        }
        line.push_str(&change_parts(c, f.unit, locale, true).join(", "));
    }
    line
}
