//! The command line: `check`, `convert`, `new`, `fetch`, `extract`,
//! `figures`, `export`, `list`, `stats`, `serve`.
//!
//! Each subcommand is a thin shell over the pure layers; exit statuses are
//! part of the interface: 0 fine, 1 findings that are errors (or a failed
//! operation), 2 bad usage or unreadable input.

pub mod batch;
pub mod check;
pub mod convert;
pub mod export;
pub mod fetch;
pub mod figures;
pub mod list;
pub mod report;
pub mod stats;

use std::path::Path;

use crate::i18n::{Locale, Message};
use crate::scrap::config::Config;
use crate::scrap::resolve::{Layers, resolve_for};

/// Exit status for bad usage and unreadable input (clap uses 2 as well).
pub const EXIT_USAGE: i32 = 2;

/// Reads a scrap file as text: UTF-8 when it is, otherwise decoded from the
/// detected legacy encoding (a scrap saved as EUC-KR by an old editor still
/// reads as Hangul). `-` reads standard input.
pub fn read_text(path: &Path) -> std::io::Result<String> {
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)?;
        buf
    } else {
        std::fs::read(path)?
    };
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.into_bytes();
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(&bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
            encoding.decode(&bytes).0.into_owned()
        }
    })
}

/// How the CLI layers configuration: `--config` over the nearest
/// `scrapls.toml`, the environment's locale when no file names one.
pub fn layers(explicit: Option<&Path>, locale: Locale) -> Layers {
    Layers {
        explicit: explicit.map(Path::to_path_buf),
        fallback_locale: locale,
        ..Layers::default()
    }
}

/// The configuration for files under `dir` ([`resolve_for`], the rule the
/// language server uses too).
pub fn config_for(dir: &Path, explicit: Option<&Path>, locale: Locale) -> Result<Config, String> {
    resolve_for(Some(dir), &layers(explicit, locale))
}

/// Writes `bytes` to `path`; without `force`, an existing file is never
/// touched (`create_new` makes the check and the creation one step).
pub fn write_output(path: &Path, bytes: &[u8], force: bool, locale: Locale) -> i32 {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let result = options
        .open(path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, bytes));
    match result {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "scrapls: {}: {}",
                path.display(),
                Message::FileExists.render(locale)
            );
            1
        }
        Err(e) => {
            eprintln!("scrapls: {}: {e}", path.display());
            1
        }
    }
}

/// The configuration for one file given on the command line (`-` and bare
/// names use the current folder's).
pub fn config_for_file(file: &Path, locale: Locale) -> Result<Config, String> {
    let dir = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    config_for(dir, None, locale)
}
