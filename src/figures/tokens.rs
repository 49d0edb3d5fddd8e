//! Semantic-token spans of figures: the number part is a `number` token,
//! the unit part a `number` token with the `unit` modifier, so that any
//! editor with semantic highlighting marks the figures (the study group's
//! red pen) and can tell units apart.

use super::Figure;
use crate::text::Span;

/// What a token marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// The number (digits, magnitude words, a Hangul number word).
    Number,
    /// The unit after it.
    Unit,
}

/// One highlighted span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the text.
    pub span: Span,
    /// Number or unit.
    pub kind: TokenKind,
}

/// The tokens of some figures, in order, never overlapping. A range's token
/// covers both numbers (`200~300`), its unit the unit.
pub fn tokens(text: &str, figures: &[Figure]) -> Vec<Token> {
    let mut out = Vec::with_capacity(figures.len() * 2);
    for f in figures {
        let number = if f.bounds.is_some() {
            let end = f.unit_span.as_ref().map_or(f.span.end, |u| u.start);
            // The space before a unit (`2~3억 원`) is part of neither token.
            let end = f.number.start + text[f.number.start..end].trim_end().len();
            f.number.start..end.max(f.number.end)
        } else {
            f.number.clone()
        };
        out.push(Token {
            span: number,
            kind: TokenKind::Number,
        });
        if let Some(u) = &f.unit_span
            && !u.is_empty()
        {
            out.push(Token {
                span: u.clone(),
                kind: TokenKind::Unit,
            });
        }
    }
    out
}
