//! Editor settings: `initializationOptions` and
//! `workspace/didChangeConfiguration` (`{"settings": {"scrapls": {…}}}`),
//! layered over each document's nearest `scrapls.toml`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::Locale;
use crate::scrap::diagnostic::Level;
use crate::scrap::resolve::Layers;

/// Settings an editor may send. Unknown keys are ignored (editors send
/// their own settings alongside ours).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// A `scrapls.toml`-format file layered over the nearest one (as the
    /// CLI's `--config`).
    pub template_file: Option<PathBuf>,
    /// Message language.
    pub locale: Option<Locale>,
    /// Severity per diagnostic code.
    pub severity: BTreeMap<String, Level>,
    /// Article fetching.
    pub fetch: FetchSettings,
}

/// Fetch settings.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FetchSettings {
    /// Total timeout in milliseconds.
    pub timeout_ms: Option<u64>,
    /// User-Agent header.
    pub user_agent: Option<String>,
}

impl Settings {
    /// Reads settings from a JSON value: either the settings themselves or
    /// an object with a `scrapls` key (the shape of `didChangeConfiguration`).
    /// Malformed settings fall back to defaults, with the reason.
    pub fn from_json(value: &serde_json::Value) -> (Settings, Option<String>) {
        let inner = value.get("scrapls").unwrap_or(value);
        if inner.is_null() {
            return (Settings::default(), None);
        }
        match serde_json::from_value(inner.clone()) {
            Ok(s) => (s, None),
            Err(e) => (Settings::default(), Some(format!("scrapls settings: {e}"))),
        }
    }

    /// How these settings layer over the nearest `scrapls.toml` (the rule
    /// the CLI uses too, [`crate::scrap::resolve`]): `templateFile`
    /// (relative to the workspace root) over it, then `severity` and
    /// `locale`; the client's locale when nothing names one.
    pub fn layers(&self, root: Option<&Path>, client_locale: Locale) -> Layers {
        let explicit = self.template_file.as_ref().map(|path| match root {
            Some(root) if path.is_relative() => root.join(path),
            _ => path.clone(),
        });
        Layers {
            explicit,
            severity: self.severity.clone(),
            locale: self.locale,
            fallback_locale: client_locale,
        }
    }
}
