//! Rendering diagnostics for people (rustc-style snippets via
//! `annotate-snippets`) and for programs (JSON Lines).

use std::path::Path;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use crate::i18n::{Locale, Message};
use crate::scrap::diagnostic::{Diagnostic, Related, Severity};
use crate::text::position::{Encoding, LineIndex, Position};

/// A file's diagnostics as JSON: one object per file.
#[derive(Serialize)]
pub struct FileReport<'a> {
    /// The path as given on the command line (or found under it).
    pub path: String,
    /// Findings, sorted by position.
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
}

/// One diagnostic in JSON. Positions are 0-based lines and UTF-16 columns,
/// the same as LSP's default, so editors and scripts agree.
#[derive(Serialize)]
pub struct JsonDiagnostic<'a> {
    /// Stable code, e.g. `missing-section`.
    pub code: &'static str,
    /// `error`, `warning`, `information` or `hint`.
    pub severity: &'static str,
    /// Template section id, if any.
    pub section: Option<&'a str>,
    /// Localised message.
    pub message: &'a str,
    /// For `unknown-section`: the suggested section id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<&'a str>,
    /// Start and end positions.
    pub range: JsonRange,
    /// Places in other files the finding refers to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<JsonRelated<'a>>,
}

/// A place in another file, in JSON.
#[derive(Serialize)]
pub struct JsonRelated<'a> {
    /// The other file.
    pub path: String,
    /// What is there.
    pub message: &'a str,
    /// Where, in 0-based lines and UTF-16 columns.
    pub range: JsonRange,
}

impl<'a> From<&'a Related> for JsonRelated<'a> {
    fn from(r: &'a Related) -> JsonRelated<'a> {
        let at = |character| JsonPosition {
            line: r.place.line,
            character,
        };
        JsonRelated {
            path: r.path.display().to_string(),
            message: &r.message,
            range: JsonRange {
                start: at(r.place.utf16.0),
                end: at(r.place.utf16.1),
            },
        }
    }
}

/// A range in JSON.
#[derive(Serialize)]
pub struct JsonRange {
    /// Start position.
    pub start: JsonPosition,
    /// End position.
    pub end: JsonPosition,
}

/// A position in JSON.
#[derive(Serialize)]
pub struct JsonPosition {
    /// 0-based line.
    pub line: u32,
    /// 0-based UTF-16 column.
    pub character: u32,
}

impl From<Position> for JsonPosition {
    fn from(p: Position) -> JsonPosition {
        JsonPosition {
            line: p.line,
            character: p.character,
        }
    }
}

/// Builds the JSON report of one file.
pub fn json_report<'a>(path: &Path, text: &str, diagnostics: &'a [Diagnostic]) -> FileReport<'a> {
    let index = LineIndex::new(text);
    FileReport {
        path: path.display().to_string(),
        diagnostics: diagnostics
            .iter()
            .map(|d| JsonDiagnostic {
                code: d.code.as_str(),
                severity: d.severity.as_str(),
                section: d.section.as_deref(),
                message: &d.message,
                suggestion: d.suggestion.as_deref(),
                range: JsonRange {
                    start: index.position(text, d.span.start, Encoding::Utf16).into(),
                    end: index.position(text, d.span.end, Encoding::Utf16).into(),
                },
                related: d.related.iter().map(JsonRelated::from).collect(),
            })
            .collect(),
    }
}

/// Renders one file's diagnostics with source snippets.
pub fn human_report(
    path: &Path,
    text: &str,
    diagnostics: &[Diagnostic],
    color: bool,
    locale: Locale,
) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let path = path.display().to_string();
    let mut out = String::new();
    for d in diagnostics {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Information => Level::INFO,
            Severity::Hint => Level::HELP,
        };
        let mut groups = vec![
            level
                .primary_title(d.message.as_str())
                .id(d.code.as_str())
                .element(
                    Snippet::source(text)
                        .path(path.as_str())
                        .fold(true)
                        .annotation(AnnotationKind::Primary.span(d.span.clone())),
                ),
        ];
        if let Some(section) = &d.section {
            let note = Message::SectionNote { section }.render(locale);
            groups.push(Group::with_title(Level::NOTE.secondary_title(note)));
        }
        for r in &d.related {
            // 1-based line and column, as editors show them.
            let note = format!(
                "{}: {}:{}:{}",
                r.message,
                r.path.display(),
                r.place.line + 1,
                r.place.utf16.0 + 1
            );
            groups.push(Group::with_title(Level::NOTE.secondary_title(note)));
        }
        out.push_str(&renderer.render(&groups));
        out.push_str("\n\n");
    }
    out
}
