//! The diagnostics scrapls reports: stable codes, severities, and the pure
//! diagnostic value that the CLI renders and the LSP translates.

use serde::{Deserialize, Serialize};

use std::path::PathBuf;

use crate::text::Span;
use crate::text::position::Place;

/// A diagnostic's stable code. The strings are part of the public interface
/// (configuration keys, JSON output, tests): never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// A required section is absent.
    MissingSection,
    /// A required section has a heading but no content.
    EmptySection,
    /// A section still holds only the template's guidance.
    PlaceholderText,
    /// A link that is not an http(s) URL.
    InvalidUrl,
    /// The same section appears twice.
    DuplicateSection,
    /// A heading that looks like a mistyped section title.
    UnknownSection,
    /// Sections out of template order.
    SectionOrder,
    /// The headline is longer than its limit, or spans several lines.
    HeadlineTooLong,
    /// The insight section holds no figure.
    NoFigures,
    /// The questions section asks nothing.
    NoQuestion,
    /// A section other than the headline exceeds its length rule.
    TooLong,
    /// The YAML front matter does not parse, or a key's value is wrong.
    InvalidFrontMatter,
    /// The article is already scrapped in another file of the folder.
    DuplicateArticle,
}

impl Code {
    /// Every code, in a stable order (for docs, schemas and config checks).
    pub const ALL: [Code; 13] = [
        Code::MissingSection,
        Code::EmptySection,
        Code::PlaceholderText,
        Code::InvalidUrl,
        Code::DuplicateSection,
        Code::UnknownSection,
        Code::SectionOrder,
        Code::HeadlineTooLong,
        Code::NoFigures,
        Code::NoQuestion,
        Code::TooLong,
        Code::InvalidFrontMatter,
        Code::DuplicateArticle,
    ];

    /// The stable string, e.g. `missing-section`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::MissingSection => "missing-section",
            Code::EmptySection => "empty-section",
            Code::PlaceholderText => "placeholder-text",
            Code::InvalidUrl => "invalid-url",
            Code::DuplicateSection => "duplicate-section",
            Code::UnknownSection => "unknown-section",
            Code::SectionOrder => "section-order",
            Code::HeadlineTooLong => "headline-too-long",
            Code::NoFigures => "no-figures",
            Code::NoQuestion => "no-question",
            Code::TooLong => "too-long",
            Code::InvalidFrontMatter => "invalid-front-matter",
            Code::DuplicateArticle => "duplicate-article",
        }
    }

    /// Parses a stable string.
    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How loudly a diagnostic is shown. Ordered from most to least severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks: the scrap is incomplete (`scrapls check` exits 1).
    Error,
    /// Probably wrong.
    Warning,
    /// Worth knowing.
    Information,
    /// A gentle nudge, shown faintly by editors.
    Hint,
}

impl Severity {
    /// The lower-case name used in JSON output and configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }
}

/// A configured severity: a level, or `off` to silence a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Report as error.
    Error,
    /// Report as warning.
    Warning,
    /// Report as information.
    #[serde(alias = "info")]
    Information,
    /// Report as hint.
    Hint,
    /// Do not report.
    Off,
}

impl Level {
    /// The severity, or `None` for `off`.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Information => Some(Severity::Information),
            Level::Hint => Some(Severity::Hint),
            Level::Off => None,
        }
    }
}

/// One finding, in byte offsets of the text it was computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable code.
    pub code: Code,
    /// Severity after configuration.
    pub severity: Severity,
    /// What the finding points at: a heading or the offending text, never
    /// the whole file.
    pub span: Span,
    /// The template section concerned, by id.
    pub section: Option<String>,
    /// The localised message.
    pub message: String,
    /// For `unknown-section`: the id of the section the heading most likely
    /// meant (the quick fix renames the heading to its title).
    pub suggestion: Option<String>,
    /// Places in other files the finding refers to (for
    /// `duplicate-article`: the other scraps' link lines).
    pub related: Vec<Related>,
}

/// A place in another file that a diagnostic refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// The other file.
    pub path: PathBuf,
    /// Where in it.
    pub place: Place,
    /// What is there, localised.
    pub message: String,
}
