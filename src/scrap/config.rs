//! Workspace configuration: `scrapls.toml` at the workspace root, and the
//! same settings as JSON from an editor (`initializationOptions`,
//! `workspace/didChangeConfiguration`).
//!
//! The file's JSON Schema is `schemas/scrapls.schema.json`; keep the two in
//! step (a test checks the schema names every key this module reads).

use std::collections::BTreeMap;
use std::path::Path;

use jiff::tz::TimeZone;
use serde::Deserialize;

use super::dates;
use super::diagnostic::{Code, Level, Severity};
use super::template::{Kind, Role, Rules, SectionSpec, Template};
use crate::i18n::Locale;

/// File name looked up at the workspace root.
pub const CONFIG_FILE: &str = "scrapls.toml";

/// Everything validation needs besides the text.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The resolved template.
    pub template: Template,
    /// Per-code severity overrides; absent codes use their defaults.
    pub levels: BTreeMap<Code, Level>,
    /// Language of messages.
    pub locale: Locale,
    /// The time zone "today" is taken in; `None` is the system's (`TZ`).
    pub time_zone: Option<TimeZone>,
}

impl Config {
    /// The severity `code` is reported with, or `None` when turned off.
    pub fn severity(&self, code: Code, default: Severity) -> Option<Severity> {
        match self.levels.get(&code) {
            Some(level) => level.severity(),
            None => Some(default),
        }
    }

    /// Today's date (`YYYY-MM-DD`) in the configured time zone, else the
    /// system's: the `date` of a new scrap.
    pub fn today(&self) -> String {
        let zone = self.time_zone.clone().unwrap_or_else(TimeZone::system);
        dates::day_at(dates::now(), &zone)
    }
}

/// The shape of `scrapls.toml` (and of the editor settings).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct ConfigFile {
    /// `false` replaces the default template by `sections`; `true` (the
    /// default) merges `sections` into it by id.
    #[serde(default)]
    pub extends_default: Option<bool>,
    /// Language of messages (`ko` or `en`).
    #[serde(default)]
    pub locale: Option<Locale>,
    /// IANA time zone for dates (`Asia/Seoul`); default: the system's.
    #[serde(default)]
    pub timezone: Option<String>,
    /// Severity per diagnostic code.
    #[serde(default)]
    pub severity: BTreeMap<String, Level>,
    /// Sections to add, override (by id) or define.
    #[serde(default)]
    pub sections: Vec<SectionPatch>,
}

/// A section in `scrapls.toml`: a full definition for a new id, or the
/// fields to change for an existing one.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct SectionPatch {
    /// Stable id; matches a default section to override it.
    pub id: String,
    /// Canonical title.
    pub title: Option<String>,
    /// English title.
    pub title_en: Option<String>,
    /// Other names.
    pub aliases: Option<Vec<String>>,
    /// What the section is for (features look sections up by role).
    pub role: Option<Role>,
    /// Whether the section must be present and filled.
    pub required: Option<bool>,
    /// Content kind.
    pub kind: Option<Kind>,
    /// Guidance text.
    pub guidance: Option<String>,
    /// English guidance.
    pub guidance_en: Option<String>,
    /// Extra checks (replace the section's rules as a whole).
    pub rules: Option<Rules>,
}

/// A configuration problem, with a message meant for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

impl ConfigFile {
    /// Parses TOML text.
    pub fn from_toml(text: &str) -> Result<ConfigFile, ConfigError> {
        toml::from_str(text).map_err(|e| ConfigError(format!("{CONFIG_FILE}: {e}")))
    }

    /// Reads the file at `path`; a missing file is an empty configuration.
    pub fn load(path: &Path) -> Result<ConfigFile, ConfigError> {
        match std::fs::read_to_string(path) {
            Ok(text) => ConfigFile::from_toml(&text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ConfigFile::default()),
            Err(e) => Err(ConfigError(format!("{}: {e}", path.display()))),
        }
    }

    /// Layers `other` over `self`: its sections, severities and locale win.
    pub fn merge(mut self, other: ConfigFile) -> ConfigFile {
        if other.extends_default.is_some() {
            self.extends_default = other.extends_default;
        }
        if other.locale.is_some() {
            self.locale = other.locale;
        }
        if other.timezone.is_some() {
            self.timezone = other.timezone;
        }
        self.severity.extend(other.severity);
        self.sections.extend(other.sections);
        self
    }

    /// Resolves against the default template.
    pub fn resolve(&self) -> Result<Config, ConfigError> {
        let mut sections: Vec<SectionSpec> = if self.extends_default.unwrap_or(true) {
            Template::default().sections().to_vec()
        } else {
            Vec::new()
        };
        for patch in &self.sections {
            match sections.iter_mut().find(|s| s.id == patch.id) {
                Some(spec) => patch.apply(spec),
                None => {
                    let Some(title) = patch.title.clone() else {
                        return Err(ConfigError(format!(
                            "{CONFIG_FILE}: section `{}` is new and needs a `title`",
                            patch.id
                        )));
                    };
                    let mut spec = SectionSpec {
                        id: patch.id.clone(),
                        title,
                        title_en: None,
                        aliases: Vec::new(),
                        role: None,
                        required: false,
                        kind: Kind::Text,
                        guidance: String::new(),
                        guidance_en: None,
                        rules: Rules::default(),
                    };
                    patch.apply(&mut spec);
                    sections.push(spec);
                }
            }
        }
        if sections.is_empty() {
            return Err(ConfigError(format!(
                "{CONFIG_FILE}: the template has no sections"
            )));
        }
        let mut levels = BTreeMap::new();
        for (name, level) in &self.severity {
            let code = Code::parse(name).ok_or_else(|| {
                ConfigError(format!("{CONFIG_FILE}: unknown diagnostic code `{name}`"))
            })?;
            levels.insert(code, *level);
        }
        let time_zone = match &self.timezone {
            None => None,
            Some(name) => Some(TimeZone::get(name).map_err(|e| {
                ConfigError(format!("{CONFIG_FILE}: unknown time zone `{name}`: {e}"))
            })?),
        };
        Ok(Config {
            template: Template::new(sections),
            levels,
            locale: self.locale.unwrap_or_default(),
            time_zone,
        })
    }
}

impl SectionPatch {
    fn apply(&self, spec: &mut SectionSpec) {
        if let Some(v) = &self.title {
            spec.title = v.clone();
        }
        if let Some(v) = &self.title_en {
            spec.title_en = Some(v.clone());
        }
        if let Some(v) = &self.aliases {
            spec.aliases = v.clone();
        }
        if let Some(v) = self.role {
            spec.role = Some(v);
        }
        if let Some(v) = self.required {
            spec.required = v;
        }
        if let Some(v) = self.kind {
            spec.kind = v;
        }
        if let Some(v) = &self.guidance {
            spec.guidance = v.clone();
        }
        if let Some(v) = &self.guidance_en {
            spec.guidance_en = Some(v.clone());
        }
        if let Some(v) = &self.rules {
            spec.rules = v.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extends_and_overrides() {
        let file = ConfigFile::from_toml(
            r#"
            [severity]
            section-order = "off"
            no-figures = "error"

            [[sections]]
            id = "research"
            required = true

            [[sections]]
            id = "job"
            title = "직무 연관성"
            aliases = ["직무"]
            required = true
            rules = { max-length = 300 }
            "#,
        )
        .unwrap();
        let config = file.resolve().unwrap();
        let t = &config.template;
        assert!(t.section(t.index_of("research").unwrap()).required);
        assert_eq!(t.lookup("직무"), t.index_of("job"));
        assert_eq!(t.sections().len(), 9);
        assert_eq!(config.severity(Code::SectionOrder, Severity::Hint), None);
        assert_eq!(
            config.severity(Code::NoFigures, Severity::Warning),
            Some(Severity::Error)
        );
    }

    #[test]
    fn replaces_and_reports_errors() {
        let config = ConfigFile::from_toml(
            "extends-default = false\n[[sections]]\nid = \"a\"\ntitle = \"가\"\n",
        )
        .unwrap()
        .resolve()
        .unwrap();
        assert_eq!(config.template.sections().len(), 1);
        let err = ConfigFile::from_toml("[severity]\nnope = \"off\"\n")
            .unwrap()
            .resolve()
            .unwrap_err();
        assert!(err.0.contains("nope"));
        assert!(
            ConfigFile::from_toml("[[sections]]\nid = \"x\"\n")
                .unwrap()
                .resolve()
                .is_err()
        );
        assert!(ConfigFile::from_toml("bogus = 1").is_err());
    }

    #[test]
    fn time_zone_setting() {
        let config = ConfigFile::from_toml("timezone = \"Asia/Seoul\"\n")
            .unwrap()
            .resolve()
            .unwrap();
        assert_eq!(
            config
                .time_zone
                .and_then(|z| z.iana_name().map(str::to_owned)),
            Some("Asia/Seoul".to_owned())
        );
        assert!(ConfigFile::default().resolve().unwrap().time_zone.is_none());
        let err = ConfigFile::from_toml("timezone = \"Mars/Olympus\"\n")
            .unwrap()
            .resolve()
            .unwrap_err();
        assert!(err.0.contains("Mars/Olympus"), "{err}");
    }
}

#[cfg(test)]
mod schema_tests {
    use super::super::diagnostic::Code;

    const SCHEMA: &str = include_str!("../../schemas/scrapls.schema.json");

    /// The JSON Schema editors use must know every code and section key.
    #[test]
    fn schema_names_every_code_and_key() {
        let schema: serde_json::Value = serde_json::from_str(SCHEMA).unwrap();
        let severity = &schema["properties"]["severity"]["properties"];
        for code in Code::ALL {
            assert!(
                severity.get(code.as_str()).is_some(),
                "{code} missing from schema"
            );
        }
        for key in [
            "extends-default",
            "locale",
            "timezone",
            "severity",
            "sections",
        ] {
            assert!(
                schema["properties"].get(key).is_some(),
                "{key} missing from schema"
            );
        }
        let section = &schema["definitions"]["section"]["properties"];
        for key in [
            "id",
            "title",
            "title-en",
            "aliases",
            "role",
            "required",
            "kind",
            "guidance",
            "guidance-en",
            "rules",
        ] {
            assert!(section.get(key).is_some(), "{key} missing from schema");
        }
        let rules = &section["rules"]["properties"];
        for key in [
            "max-length",
            "single-line",
            "must-contain-number",
            "must-ask-question",
        ] {
            assert!(rules.get(key).is_some(), "{key} missing from schema");
        }
    }
}
