//! `scrapls export`: scraps back to the group, as the sheet's rows (one
//! scrap, `--to table`), a weekly TSV/CSV or `.xlsx` sheet, or a printable
//! HTML digest. Files and folders are gathered as `check` gathers them.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::check::collect;
use super::{EXIT_USAGE, config_for, read_text, write_output};
use crate::export::csv::{Delimiter, delimited};
use crate::export::select::Selection;
use crate::export::{Record, html, rows, sort_by_date, table, xlsx};
use crate::i18n::{Locale, Message};
use crate::scrap::dates::is_iso_date;

/// What to export to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    /// One scrap as the sheet's rows (`label<TAB>value`), to paste into a sheet.
    Table,
    /// One row per scrap, tab-separated.
    Tsv,
    /// One row per scrap, RFC 4180 CSV.
    Csv,
    /// One row per scrap, an Excel workbook (needs -o).
    Xlsx,
    /// A printable digest, one self-contained HTML file.
    Html,
}

/// Arguments of `scrapls export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Files and folders; folders are searched for `*.scrap.md` and `*.scrap`.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The format.
    #[arg(long, value_enum)]
    pub to: Target,
    /// Write to FILE instead of standard output (refuses to overwrite an
    /// existing file unless --force).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Start CSV/TSV with a byte order mark, so that Excel reads Hangul.
    #[arg(long)]
    pub excel: bool,
    /// Put each scrap's body (folded) in the digest.
    #[arg(long)]
    pub with_body: bool,
    /// Only scraps dated on or after DATE (YYYY-MM-DD, front matter `date`).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only scraps dated on or before DATE.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only scraps with this tag (front matter `tags`).
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
    /// A `scrapls.toml` to use on top of the one found next to the files.
    #[arg(long)]
    pub config: Option<PathBuf>,
}

/// Runs `export`. Exit status: 0 written, 1 the write failed, 2 bad usage
/// or unreadable input.
pub fn run(args: ExportArgs) -> i32 {
    let locale = Locale::from_env();
    match export(&args, locale) {
        Ok(bytes) => match &args.output {
            Some(path) => write_output(path, &bytes, args.force, locale),
            None => {
                let mut stdout = std::io::stdout().lock();
                i32::from(
                    stdout
                        .write_all(&bytes)
                        .and_then(|_| stdout.flush())
                        .is_err(),
                )
            }
        },
        Err(e) => {
            eprintln!("scrapls: {e}");
            EXIT_USAGE
        }
    }
}

/// The exported bytes, or a usage error's message.
fn export(args: &ExportArgs, env_locale: Locale) -> Result<Vec<u8>, String> {
    for date in [&args.since, &args.until].into_iter().flatten() {
        if !is_iso_date(date) || date.len() != 10 {
            return Err(Message::NotADay { value: date }.render(env_locale));
        }
    }
    let files = collect(&args.paths)?;
    if args.to == Target::Table && files.len() != 1 {
        return Err(Message::TableTakesOneFile.render(env_locale));
    }
    if args.to == Target::Xlsx && args.output.is_none() && std::io::stdout().is_terminal() {
        return Err(Message::XlsxNeedsOutput.render(env_locale));
    }
    let first = args.paths.first().map(PathBuf::as_path);
    let dir = match first {
        Some(p) if p.is_dir() => p,
        Some(p) => p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new(".")),
        None => Path::new("."),
    };
    let config = config_for(dir, args.config.as_deref(), env_locale)?;
    let (template, locale) = (&config.template, config.locale);
    let selection = Selection {
        since: args.since.clone(),
        until: args.until.clone(),
        tag: args.tag.clone(),
    };
    let mut records = Vec::with_capacity(files.len());
    for file in &files {
        let text = read_text(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let record = Record::read(&text, template);
        if args.to == Target::Table || selection.selects(&record.meta) {
            records.push(record);
        }
    }
    if records.is_empty() {
        eprintln!("scrapls: {}", Message::NoScrapSelected.render(locale));
    }
    sort_by_date(&mut records);
    Ok(match args.to {
        Target::Table => table::sheet_rows(&records[0], template, locale).into_bytes(),
        Target::Tsv | Target::Csv => {
            let delimiter = match args.to {
                Target::Csv => Delimiter::Comma,
                _ => Delimiter::Tab,
            };
            delimited(
                &rows::sheet(&records, template, locale),
                delimiter,
                args.excel,
            )
        }
        Target::Xlsx => {
            let sheet = rows::sheet(&records, template, locale);
            let book = xlsx::workbook(&sheet, &Message::SheetName.render(locale))
                .map_err(|e| e.to_string())?;
            for &(row, col) in &book.truncated {
                let column = &sheet.header[col];
                eprintln!(
                    "scrapls: {}",
                    Message::CellCut { row, column }.render(locale)
                );
            }
            book.bytes
        }
        Target::Html => html::digest(&records, template, locale, args.with_body).into_bytes(),
    })
}
