//! The figures in the editor: semantic tokens (full and delta) for the
//! figures of the body and insight sections, hover on a figure, and the
//! code action "본문의 수치로 초안 만들기 / Draft figures from the body".
//!
//! Each function takes the document's [`Analysis`], the [`Config`] and the
//! negotiated [`Encoding`], like [`super::features`]; the pure work is in
//! [`crate::figures`].
//!
//! Legend: one token type, `number`, and one modifier, `unit`: a figure's
//! number part is a `number` token, its unit a `number` token with `unit`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use tower_lsp_server::ls_types as lsp;

use crate::i18n::Message;

use super::actions::workspace_edit;
use super::document::Analysis;
use super::proto::{diagnostic, range};
use crate::figures::draft::draft_edit;
use crate::figures::memo::Memo;
use crate::figures::tokens::{TokenKind, tokens};
use crate::figures::{figures_in, format};
use crate::scrap::config::Config;
use crate::scrap::diagnostic::Code;
use crate::scrap::template::{Kind, Role};
use crate::text::Span;
use crate::text::position::Encoding;

/// The token types and modifiers the server reports.
pub fn legend() -> lsp::SemanticTokensLegend {
    lsp::SemanticTokensLegend {
        token_types: vec![lsp::SemanticTokenType::NUMBER],
        token_modifiers: vec![lsp::SemanticTokenModifier::new("unit")],
    }
}

/// The semantic-tokens capability: full documents, with deltas.
pub fn capability() -> lsp::SemanticTokensServerCapabilities {
    lsp::SemanticTokensServerCapabilities::SemanticTokensOptions(lsp::SemanticTokensOptions {
        legend: legend(),
        full: Some(lsp::SemanticTokensFullOptions::Delta { delta: Some(true) }),
        range: None,
        work_done_progress_options: lsp::WorkDoneProgressOptions::default(),
    })
}

/// Per document, the last tokens sent (so a delta request can be answered
/// with the edits since then) and the figures of its lines (so the tokens
/// of the next version re-read only the lines that changed).
#[derive(Default)]
pub struct TokenCache {
    docs: Mutex<HashMap<lsp::Uri, Arc<Mutex<Tokens>>>>,
}

/// One document's entry in the [`TokenCache`].
#[derive(Default)]
struct Tokens {
    id: String,
    data: Vec<lsp::SemanticToken>,
    memo: Memo,
}

impl TokenCache {
    /// The document's entry, locked; a panic in an earlier request leaves
    /// only cached pure results behind, so a poisoned lock is taken as is.
    fn with<R>(&self, uri: &lsp::Uri, f: impl FnOnce(&mut Tokens) -> R) -> R {
        let entry = {
            let mut docs = self.docs.lock().unwrap_or_else(PoisonError::into_inner);
            docs.entry(uri.clone()).or_default().clone()
        };
        let mut tokens = entry.lock().unwrap_or_else(PoisonError::into_inner);
        f(&mut tokens)
    }

    /// Forgets a closed document.
    pub fn forget(&self, uri: &lsp::Uri) {
        self.docs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(uri);
    }
}

/// The content spans of the sections with these roles, in document order.
fn sections_of<'a>(
    analysis: &'a Analysis,
    config: &'a Config,
    roles: &'a [Role],
) -> impl Iterator<Item = Span> + 'a {
    analysis
        .scrap
        .sections
        .iter()
        .filter(move |section| {
            config
                .template
                .section(section.spec)
                .role
                .is_some_and(|r| roles.contains(&r))
        })
        .map(|section| section.content.clone())
}

/// The tokens of the body's and insight's figures, encoded relative to
/// each other as LSP wants them. The figures come through `memo`, which
/// re-reads only the lines its last call did not see. Positions are
/// counted incrementally along each line, so a long line costs one pass,
/// not one pass per token.
pub fn encode(
    analysis: &Analysis,
    config: &Config,
    encoding: Encoding,
    memo: &mut Memo,
) -> Vec<lsp::SemanticToken> {
    let text = &analysis.text;
    let figures = memo.figures_in(
        text,
        sections_of(analysis, config, &[Role::Body, Role::Insight]),
    );
    let mut out = Vec::new();
    let (mut line, mut col) = (0_u32, 0_u32);
    // The byte offset `col` was counted up to, on `line`.
    let mut at = 0_usize;
    let units = |s: &str| -> u32 {
        match encoding {
            Encoding::Utf8 => s.len() as u32,
            // One unit per character, two for those of four bytes: counted
            // on bytes, which the compiler vectorises.
            Encoding::Utf16 => s
                .bytes()
                .map(|b| u32::from(b & 0xC0 != 0x80) + u32::from(b >= 0xF0))
                .sum(),
        }
    };
    let breaks = |s: &str| memchr::memchr2(b'\n', b'\r', s.as_bytes()).is_some();
    let mut first = true;
    for token in tokens(text, &figures) {
        let Span { start, end } = token.span;
        if start < at || end > text.len() || breaks(&text[start..end]) {
            continue;
        }
        let same_line = !first && !breaks(&text[at..start]);
        let (delta_line, delta_start, new_col, new_line) = if same_line {
            let c = col + units(&text[at..start]);
            (0, c - col, c, line)
        } else {
            let p = analysis.position(start, encoding);
            let dl = p.line - line;
            let ds = if dl == 0 {
                p.character - col
            } else {
                p.character
            };
            (dl, ds, p.character, p.line)
        };
        out.push(lsp::SemanticToken {
            delta_line,
            delta_start,
            length: units(&text[start..end]),
            token_type: 0,
            token_modifiers_bitset: u32::from(token.kind == TokenKind::Unit),
        });
        (line, col, at, first) = (new_line, new_col, start, false);
    }
    out
}

/// `textDocument/semanticTokens/full`.
pub fn full(
    uri: &lsp::Uri,
    analysis: &Analysis,
    config: &Config,
    encoding: Encoding,
    cache: &TokenCache,
) -> lsp::SemanticTokens {
    cache.with(uri, |tokens| {
        tokens.data = encode(analysis, config, encoding, &mut tokens.memo);
        tokens.id = analysis.version.to_string();
        lsp::SemanticTokens {
            result_id: Some(tokens.id.clone()),
            data: tokens.data.clone(),
        }
    })
}

/// `textDocument/semanticTokens/full/delta`: one edit replacing what
/// changed between the common start and the common end, or the full tokens
/// when the previous result is not known.
pub fn delta(
    uri: &lsp::Uri,
    analysis: &Analysis,
    config: &Config,
    encoding: Encoding,
    cache: &TokenCache,
    previous_id: &str,
) -> lsp::SemanticTokensFullDeltaResult {
    cache.with(uri, |tokens| {
        let new = encode(analysis, config, encoding, &mut tokens.memo);
        let known = tokens.id == previous_id && !tokens.id.is_empty();
        let old = std::mem::replace(&mut tokens.data, new);
        tokens.id = analysis.version.to_string();
        let new = &tokens.data;
        if !known {
            return lsp::SemanticTokensFullDeltaResult::Tokens(lsp::SemanticTokens {
                result_id: Some(tokens.id.clone()),
                data: new.clone(),
            });
        }
        let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
        let suffix = old[prefix..]
            .iter()
            .rev()
            .zip(new[prefix..].iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let edits = if prefix == old.len() && prefix == new.len() {
            Vec::new()
        } else {
            vec![lsp::SemanticTokensEdit {
                start: (prefix * 5) as u32,
                delete_count: ((old.len() - prefix - suffix) * 5) as u32,
                data: Some(new[prefix..new.len() - suffix].to_vec()),
            }]
        };
        lsp::SemanticTokensFullDeltaResult::TokensDelta(lsp::SemanticTokensDelta {
            result_id: Some(tokens.id.clone()),
            edits,
        })
    })
}

/// Hover on a figure in any text section: its normalised value and change.
pub fn hover(
    analysis: &Analysis,
    config: &Config,
    offset: usize,
    encoding: Encoding,
) -> Option<lsp::Hover> {
    let section = analysis
        .scrap
        .sections
        .iter()
        .find(|s| s.content.start <= offset && offset <= s.content.end)?;
    if config.template.section(section.spec).kind != Kind::Text {
        return None;
    }
    let figures = figures_in(&analysis.text, section.content.clone());
    let index = figures
        .iter()
        .position(|f| f.span.start <= offset && offset < f.span.end)?;
    let value = format::hover(&analysis.text, &figures, index, config.locale);
    Some(lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::PlainText,
            value,
        }),
        range: Some(range(analysis, &figures[index].span, encoding)),
    })
}

/// The draft action, on the insight section and on its `no-figures`
/// diagnostic, when the body has figures the insight does not list yet.
pub fn code_actions(
    uri: &lsp::Uri,
    analysis: &Analysis,
    config: &Config,
    range: Span,
    encoding: Encoding,
) -> Vec<lsp::CodeActionOrCommand> {
    let template = &config.template;
    let touches = |span: &Span| span.start <= range.end && range.start <= span.end;
    let Some(insight) = template
        .by_role(Role::Insight)
        .and_then(|i| analysis.scrap.first_of(i))
    else {
        return Vec::new();
    };
    let diags: Vec<lsp::Diagnostic> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::NoFigures && touches(&d.span))
        .map(|d| diagnostic(analysis, d, encoding))
        .collect();
    if diags.is_empty() && !touches(&(insight.heading.line.start..insight.content.end)) {
        return Vec::new();
    }
    let Some(edit) = draft_edit(&analysis.text, &analysis.scrap, template, config.locale) else {
        return Vec::new();
    };
    vec![lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
        title: Message::DraftFigures.render(config.locale),
        kind: Some(lsp::CodeActionKind::QUICKFIX),
        is_preferred: (!diags.is_empty()).then_some(true),
        diagnostics: (!diags.is_empty()).then_some(diags),
        edit: Some(workspace_edit(uri, analysis, vec![edit], encoding)),
        ..lsp::CodeAction::default()
    })]
}
