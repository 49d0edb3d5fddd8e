//! The command line: `check`, `convert`, `new`, `fetch`, `extract`, `list`,
//! `stats`, `serve`.
//!
//! Each subcommand is a thin shell over the pure layers; exit statuses are
//! part of the interface: 0 fine, 1 findings that are errors (or a failed
//! operation), 2 bad usage or unreadable input.

pub mod batch;
pub mod check;
pub mod convert;
pub mod fetch;
pub mod list;
pub mod report;
pub mod stats;

use std::path::{Path, PathBuf};

use crate::i18n::Locale;
use crate::scrap::config::{CONFIG_FILE, Config, ConfigFile};

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

/// The configuration for files under `dir`: the nearest `scrapls.toml` in
/// `dir` or an ancestor, layered under an explicit `--config` file.
pub fn config_for(dir: &Path, explicit: Option<&Path>, locale: Locale) -> Result<Config, String> {
    let mut file = match find_config(dir) {
        Some(path) => ConfigFile::load(&path).map_err(|e| e.to_string())?,
        None => ConfigFile::default(),
    };
    if let Some(path) = explicit {
        if !path.exists() {
            return Err(format!("{}: not found", path.display()));
        }
        file = file.merge(ConfigFile::load(path).map_err(|e| e.to_string())?);
    }
    let mut config = file.resolve().map_err(|e| e.to_string())?;
    if file.locale.is_none() {
        config.locale = locale;
    }
    Ok(config)
}

/// The nearest `scrapls.toml` at or above `dir`.
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    dir.ancestors()
        .map(|d| d.join(CONFIG_FILE))
        .find(|p| p.is_file())
}
