//! Which configuration a scrap is checked with: one rule for the CLI and
//! the language server, so a file gets the same diagnostics in the terminal
//! and in the editor.
//!
//! The rule: the nearest `scrapls.toml` at or above the scrap's folder (a
//! study folder per group, each with its own template), then an explicit
//! file layered on top (the CLI's `--config`, the editor's `templateFile`),
//! then overrides (the editor's `severity` and `locale` settings). The
//! locale falls back to the caller's (the environment's, the client's)
//! when neither a setting nor a file names one.
//!
//! [`ConfigCache`] resolves each folder once and is cleared when any
//! `scrapls.toml` changes (the server watches `**/scrapls.toml`).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::config::{CONFIG_FILE, Config, ConfigFile};
use super::diagnostic::Level;
use crate::i18n::Locale;

/// What is layered over the nearest `scrapls.toml`.
#[derive(Debug, Clone, Default)]
pub struct Layers {
    /// A `scrapls.toml`-format file whose settings win over the nearest one;
    /// it must exist.
    pub explicit: Option<PathBuf>,
    /// Severity per diagnostic code, over both files.
    pub severity: BTreeMap<String, Level>,
    /// Message language, over both files.
    pub locale: Option<Locale>,
    /// Message language when nothing names one.
    pub fallback_locale: Locale,
}

/// The nearest `scrapls.toml` at or above `dir`.
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    dir.ancestors()
        .map(|d| d.join(CONFIG_FILE))
        .find(|p| p.is_file())
}

/// Resolves the configuration for scraps in `dir` (see the module docs);
/// `None` (a document that is not a file, outside any workspace) takes the
/// layers alone.
pub fn resolve_for(dir: Option<&Path>, layers: &Layers) -> Result<Config, String> {
    let mut file = match dir.and_then(find_config) {
        Some(path) => ConfigFile::load(&path).map_err(|e| e.to_string())?,
        None => ConfigFile::default(),
    };
    if let Some(path) = &layers.explicit {
        if !path.is_file() {
            return Err(format!("{}: not found", path.display()));
        }
        file = file.merge(ConfigFile::load(path).map_err(|e| e.to_string())?);
    }
    file.severity.extend(layers.severity.clone());
    let mut config = file.resolve().map_err(|e| e.to_string())?;
    config.locale = layers
        .locale
        .or(file.locale)
        .unwrap_or(layers.fallback_locale);
    Ok(config)
}

/// A resolution: the configuration, or why it could not be read.
pub type Resolved = Result<Arc<Config>, String>;

/// Resolutions by folder, shared by threads (the CLI's parallel check, the
/// server's workers).
#[derive(Debug, Default)]
pub struct ConfigCache {
    layers: Layers,
    by_dir: Mutex<HashMap<PathBuf, Resolved>>,
}

impl ConfigCache {
    /// An empty cache resolving with `layers`.
    pub fn new(layers: Layers) -> ConfigCache {
        ConfigCache {
            layers,
            by_dir: Mutex::default(),
        }
    }

    /// The layers this cache resolves with.
    pub fn layers(&self) -> &Layers {
        &self.layers
    }

    /// The configuration for scraps in `dir`, resolved once per folder
    /// (`None`: no folder, the layers alone).
    pub fn for_dir(&self, dir: Option<&Path>) -> Resolved {
        let dir = dir.map(|d| {
            if d.as_os_str().is_empty() {
                Path::new(".")
            } else {
                d
            }
        });
        let key = dir.map(Path::to_path_buf).unwrap_or_default();
        if let Some(hit) = self.by_dir.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return hit;
        }
        let resolved = resolve_for(dir, &self.layers).map(Arc::new);
        if let Ok(mut map) = self.by_dir.lock() {
            map.insert(key, resolved.clone());
        }
        resolved
    }

    /// The configuration used when resolution fails: the defaults, in the
    /// layers' language (the failure itself is reported separately).
    pub fn fallback(&self) -> Arc<Config> {
        Arc::new(Config {
            locale: self.layers.locale.unwrap_or(self.layers.fallback_locale),
            ..Config::default()
        })
    }

    /// The configuration for the scrap at `file` (its folder's).
    pub fn for_file(&self, file: &Path) -> Resolved {
        self.for_dir(Some(file.parent().unwrap_or(Path::new("."))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_file_then_explicit_then_overrides() {
        let root = tempfile::tempdir().unwrap();
        let group = root.path().join("group");
        std::fs::create_dir_all(group.join("week1")).unwrap();
        std::fs::write(
            root.path().join(CONFIG_FILE),
            "locale = \"en\"\n[severity]\nno-figures = \"error\"\n",
        )
        .unwrap();
        std::fs::write(
            group.join(CONFIG_FILE),
            "[severity]\nno-figures = \"off\"\n",
        )
        .unwrap();
        let cache = ConfigCache::new(Layers::default());
        // The nearest file wins, and only it counts (no merging of ancestors).
        let nested = cache.for_dir(Some(&group.join("week1"))).unwrap();
        assert_eq!(
            nested
                .levels
                .get(&crate::scrap::diagnostic::Code::NoFigures),
            Some(&Level::Off)
        );
        assert_eq!(nested.locale, Locale::Ko);
        let top = cache.for_dir(Some(root.path())).unwrap();
        assert_eq!(top.locale, Locale::En);

        let explicit = root.path().join("other.toml");
        std::fs::write(&explicit, "[severity]\nno-figures = \"hint\"\n").unwrap();
        let layers = Layers {
            explicit: Some(explicit),
            locale: Some(Locale::En),
            ..Layers::default()
        };
        let config = resolve_for(Some(&group), &layers).unwrap();
        assert_eq!(
            config
                .levels
                .get(&crate::scrap::diagnostic::Code::NoFigures),
            Some(&Level::Hint)
        );
        assert_eq!(config.locale, Locale::En);
        let missing = Layers {
            explicit: Some(root.path().join("nope.toml")),
            ..Layers::default()
        };
        assert!(
            resolve_for(Some(&group), &missing)
                .unwrap_err()
                .contains("not found")
        );
    }
}
