//! Translation between pure values (byte spans, [`Diagnostic`]s) and LSP
//! types. Nothing here decides anything.

use std::collections::HashMap;

use serde_json::json;
use tower_lsp_server::ls_types as lsp;

use super::document::Analysis;
use crate::scrap::diagnostic::{Diagnostic, Severity};
use crate::text::Span;
use crate::text::position::{Encoding, Place, Position};

/// A byte span as an LSP range.
pub fn range(analysis: &Analysis, span: &Span, encoding: Encoding) -> lsp::Range {
    lsp::Range {
        start: to_lsp(analysis.position(span.start, encoding)),
        end: to_lsp(analysis.position(span.end, encoding)),
    }
}

/// A [`Place`] in another file as an LSP range.
pub fn place_range(place: &Place, encoding: Encoding) -> lsp::Range {
    let (start, end) = match encoding {
        Encoding::Utf8 => place.utf8,
        Encoding::Utf16 => place.utf16,
    };
    let at = |character| lsp::Position {
        line: place.line,
        character,
    };
    lsp::Range {
        start: at(start),
        end: at(end),
    }
}

/// A pure position as an LSP one.
pub fn to_lsp(p: Position) -> lsp::Position {
    lsp::Position {
        line: p.line,
        character: p.character,
    }
}

/// An LSP position as a pure one.
pub fn from_lsp(p: lsp::Position) -> Position {
    Position {
        line: p.line,
        character: p.character,
    }
}

/// An LSP range as a byte span of the analysed text (clamped, ordered).
pub fn span(analysis: &Analysis, range: lsp::Range, encoding: Encoding) -> Span {
    let a = analysis.offset(from_lsp(range.start), encoding);
    let b = analysis.offset(from_lsp(range.end), encoding);
    a.min(b)..a.max(b)
}

/// A diagnostic in LSP terms. `data` carries `{"section": id}` (and the
/// suggestion for `unknown-section`) so code actions can act on it without
/// re-deriving it from the message.
pub fn diagnostic(analysis: &Analysis, d: &Diagnostic, encoding: Encoding) -> lsp::Diagnostic {
    let severity = match d.severity {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Information => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Hint => lsp::DiagnosticSeverity::HINT,
    };
    let mut data = serde_json::Map::new();
    if let Some(section) = &d.section {
        data.insert("section".into(), json!(section));
    }
    if let Some(suggestion) = &d.suggestion {
        data.insert("suggestion".into(), json!(suggestion));
    }
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .related
        .iter()
        .filter_map(|r| {
            Some(lsp::DiagnosticRelatedInformation {
                location: lsp::Location {
                    uri: lsp::Uri::from_file_path(&r.path)?,
                    range: place_range(&r.place, encoding),
                },
                message: r.message.clone(),
            })
        })
        .collect();
    lsp::Diagnostic {
        range: range(analysis, &d.span, encoding),
        related_information: (!related.is_empty()).then_some(related),
        severity: Some(severity),
        code: Some(lsp::NumberOrString::String(d.code.as_str().to_string())),
        source: Some("scrapls".into()),
        message: d.message.clone(),
        data: (!data.is_empty()).then_some(serde_json::Value::Object(data)),
        ..lsp::Diagnostic::default()
    }
}

/// A versioned edit of one document: the client refuses it if the document
/// has changed since `version`, so an edit computed against an old text is
/// never applied in the wrong place.
pub fn versioned_edit(
    uri: &lsp::Uri,
    version: i32,
    edits: Vec<lsp::TextEdit>,
) -> lsp::WorkspaceEdit {
    lsp::WorkspaceEdit {
        changes: None::<HashMap<lsp::Uri, Vec<lsp::TextEdit>>>,
        document_changes: Some(lsp::DocumentChanges::Edits(vec![lsp::TextDocumentEdit {
            text_document: lsp::OptionalVersionedTextDocumentIdentifier {
                uri: uri.clone(),
                version: Some(version),
            },
            edits: edits.into_iter().map(lsp::OneOf::Left).collect(),
        }])),
        change_annotations: None,
    }
}

/// A text edit replacing a byte span.
pub fn text_edit(
    analysis: &Analysis,
    span: &Span,
    new_text: String,
    encoding: Encoding,
) -> lsp::TextEdit {
    lsp::TextEdit {
        range: range(analysis, span, encoding),
        new_text,
    }
}
