//! `scrapls check PATH...`: lint files and folders, in parallel, and
//! report the articles scrapped twice among them (`duplicate-article`).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::report::{human_report, json_report};
use super::{EXIT_USAGE, layers, read_text};
use crate::i18n::{Locale, Message};
use crate::notebook::duplicate::duplicate_article;
use crate::notebook::entry::Entry;
use crate::notebook::index::Index;
use crate::notebook::walk::scrap_files;
use crate::scrap::diagnostic::{Diagnostic, Severity};
use crate::scrap::resolve::ConfigCache;
use crate::scrap::validate::check;
use crate::text::position::LineIndex;

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style snippets.
    Human,
    /// One JSON object per file, one per line.
    Json,
}

/// Arguments of `scrapls check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files and folders; folders are searched for `*.scrap.md` and `*.scrap`.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// A `scrapls.toml` to use on top of the one found next to the files.
    #[arg(long)]
    pub config: Option<PathBuf>,
}

/// Expands the arguments into files: explicit files as given (any name),
/// folders recursively (scrap names only, `.gitignore` respected).
pub fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        if path == Path::new("-") || path.is_file() {
            files.push(path.clone());
        } else if path.is_dir() {
            files.extend(scrap_files(path));
        } else {
            return Err(format!("{}: no such file or directory", path.display()));
        }
    }
    Ok(files)
}

/// One file read and checked: its text, its diagnostics, its notebook entry.
type Analysed = (String, Vec<Diagnostic>, Entry);

/// Runs `check`; returns the exit status.
pub fn run(args: CheckArgs) -> i32 {
    let locale = Locale::from_env();
    let files = match collect(&args.paths) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("scrapls: {e}");
            return EXIT_USAGE;
        }
    };
    // Resolve configuration once per folder, before the parallel part, so
    // a broken scrapls.toml is a usage error, not a per-file one.
    let configs = ConfigCache::new(layers(args.config.as_deref(), locale));
    for file in &files {
        if let Err(e) = configs.for_file(file) {
            eprintln!("scrapls: {e}");
            return EXIT_USAGE;
        }
    }
    let color = std::io::stdout().is_terminal();
    // First every file's diagnostics and notebook entry, then the
    // folder-wide findings (the same article scrapped twice), then output.
    let analysed: Vec<Result<Analysed, String>> = files
        .par_iter()
        .map(|file| {
            let config = configs.for_file(file)?;
            let text = read_text(file).map_err(|e| format!("{}: {e}", file.display()))?;
            let (scrap, diagnostics) = check(&text, &config);
            let lines = LineIndex::new(&text);
            let entry = Entry::from_parsed(file.clone(), &text, &scrap, &lines, &config);
            Ok((text, diagnostics, entry))
        })
        .collect();
    let index = Index::from_entries(
        analysed
            .iter()
            .filter_map(|a| a.as_ref().ok())
            .map(|(_, _, entry)| entry.clone()),
    );
    let results: Vec<Result<(String, usize, usize), String>> = analysed
        .into_par_iter()
        .map(|analysed| {
            let (text, mut diagnostics, entry) = analysed?;
            let file = &entry.path;
            let config = configs.for_file(file)?;
            let shown = |p: &Path| p.display().to_string();
            if let Some(d) = duplicate_article(&entry, &index, &config, shown) {
                let at = diagnostics.partition_point(|o| o.span.start <= d.span.start);
                diagnostics.insert(at, d);
            }
            let errors = diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let out = match args.format {
                Format::Json => {
                    let report = json_report(file, &text, &diagnostics);
                    let mut line = serde_json::to_string(&report).unwrap_or_default();
                    line.push('\n');
                    line
                }
                Format::Human => human_report(file, &text, &diagnostics, color, config.locale),
            };
            Ok((out, errors, diagnostics.len() - errors))
        })
        .collect();
    let stdout = std::io::stdout();
    let mut stdout = stdout.lock();
    let (mut errors, mut others, mut unreadable) = (0, 0, false);
    for result in results {
        match result {
            Ok((out, e, o)) => {
                // A closed pipe (`scrapls check | head`) is not an error.
                if stdout.write_all(out.as_bytes()).is_err() {
                    break;
                }
                errors += e;
                others += o;
            }
            Err(e) => {
                eprintln!("scrapls: {e}");
                unreadable = true;
            }
        }
    }
    if args.format == Format::Human {
        let summary = Message::CheckSummary {
            files: files.len(),
            errors,
            others,
        }
        .render(locale);
        let _ = writeln!(stdout, "{summary}");
    }
    if unreadable {
        EXIT_USAGE
    } else if errors > 0 {
        1
    } else {
        0
    }
}
