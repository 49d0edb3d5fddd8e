//! Editor settings: `initializationOptions` and
//! `workspace/didChangeConfiguration` (`{"settings": {"scrapls": {…}}}`),
//! layered over the workspace's `scrapls.toml`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::Locale;
use crate::scrap::config::{CONFIG_FILE, Config, ConfigFile};
use crate::scrap::diagnostic::Level;

/// Settings an editor may send. Unknown keys are ignored (editors send
/// their own settings alongside ours).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// A `scrapls.toml`-format file to use instead of the workspace's.
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

    /// The configuration for a workspace rooted at `root`: its
    /// `scrapls.toml` (or the `templateFile`), then these settings on top.
    /// The client's locale applies unless a setting or the file names one.
    pub fn resolve(&self, root: Option<&Path>, client_locale: Locale) -> Result<Config, String> {
        let file_path = match (&self.template_file, root) {
            (Some(path), Some(root)) if path.is_relative() => Some(root.join(path)),
            (Some(path), _) => Some(path.clone()),
            (None, Some(root)) => Some(root.join(CONFIG_FILE)),
            (None, None) => None,
        };
        let mut file = match &file_path {
            Some(path) => ConfigFile::load(path).map_err(|e| e.to_string())?,
            None => ConfigFile::default(),
        };
        if let Some(path) = &self.template_file
            && file_path.as_ref().is_some_and(|p| !p.exists())
        {
            return Err(format!("templateFile {}: not found", path.display()));
        }
        file.severity.extend(self.severity.clone());
        let mut config = file.resolve().map_err(|e| e.to_string())?;
        config.locale = self.locale.or(file.locale).unwrap_or(client_locale);
        Ok(config)
    }
}
