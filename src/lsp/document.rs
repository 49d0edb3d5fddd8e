//! Open documents: a rope that takes incremental edits in O(log n), and a
//! lazily computed analysis per version, which carries the configuration
//! it was built with (so a request never pairs one version's parse with
//! another configuration's template).
//!
//! Positions arrive in the negotiated encoding (UTF-8 or UTF-16) and are
//! clamped, never trusted: past a line's end, past the document's end, or
//! inside a surrogate pair they land on the nearest valid place.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use ropey::Rope;

use crate::scrap::config::Config;
use crate::scrap::diagnostic::Diagnostic;
use crate::scrap::parse::Scrap;
use crate::scrap::validate::check;
use crate::text::position::{Encoding, LineIndex, Position};

/// Source of [`Document::generation`].
static NEXT_GENERATION: AtomicU64 = AtomicU64::new(1);

/// An open document.
#[derive(Debug, Clone)]
pub struct Document {
    /// The text.
    pub rope: Rope,
    /// The client's version of the text.
    pub version: i32,
    /// Which opening of the URI this is: a document closed and opened again
    /// starts again at version 1, so work begun for the closed text must
    /// compare generations, not versions, before it publishes anything.
    pub generation: u64,
    /// The analysis of `version`: computed once, by whichever of the
    /// diagnostics worker and a request gets there first, while the other
    /// waits for it instead of analysing the same text again. Replaced by a
    /// fresh cell on every edit.
    analysis: Arc<OnceLock<Arc<Analysis>>>,
}

/// Everything the features need about one version of a document.
#[derive(Debug)]
pub struct Analysis {
    /// The version analysed.
    pub version: i32,
    /// The opening of the document analysed ([`Document::generation`]).
    pub generation: u64,
    /// The configuration the analysis was built with: every feature that
    /// reads the template for this analysis reads it here.
    pub config: Arc<Config>,
    /// The text of that version.
    pub text: String,
    /// Line starts of `text`.
    pub index: LineIndex,
    /// The parsed scrap.
    pub scrap: Scrap,
    /// Its diagnostics.
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    /// Analyses `text` with `config`.
    pub fn new(version: i32, generation: u64, text: String, config: Arc<Config>) -> Analysis {
        let (scrap, diagnostics) = check(&text, &config);
        let index = LineIndex::new(&text);
        Analysis {
            version,
            generation,
            config,
            text,
            index,
            scrap,
            diagnostics,
        }
    }

    /// A byte offset as a position.
    pub fn position(&self, offset: usize, encoding: Encoding) -> Position {
        self.index.position(&self.text, offset, encoding)
    }

    /// A position as a byte offset (clamped).
    pub fn offset(&self, position: Position, encoding: Encoding) -> usize {
        self.index.offset(&self.text, position, encoding)
    }
}

/// One change from `didChange`: a range (absent for a full replacement)
/// and the new text.
pub struct Change<'a> {
    /// Start and end in the negotiated encoding; `None` replaces everything.
    pub range: Option<(Position, Position)>,
    /// Replacement text.
    pub text: &'a str,
}

impl Document {
    /// A freshly opened document.
    pub fn new(text: &str, version: i32) -> Document {
        Document {
            rope: Rope::from_str(text),
            version,
            generation: NEXT_GENERATION.fetch_add(1, Ordering::Relaxed),
            analysis: Arc::default(),
        }
    }

    /// Applies the changes of one `didChange` in order and moves to
    /// `version`.
    pub fn apply(&mut self, changes: &[Change<'_>], version: i32, encoding: Encoding) {
        for change in changes {
            match change.range {
                None => self.rope = Rope::from_str(change.text),
                Some((start, end)) => {
                    let a = self.char_index(start, encoding);
                    let b = self.char_index(end, encoding).max(a);
                    self.rope.remove(a..b);
                    self.rope.insert(a, change.text);
                }
            }
        }
        self.version = version;
        self.analysis = Arc::default();
    }

    /// The current version's analysis cell, to fill or read outside any
    /// lock.
    pub fn analysis_cell(&self) -> Arc<OnceLock<Arc<Analysis>>> {
        self.analysis.clone()
    }

    /// Forgets the analysis (after a configuration change).
    pub fn invalidate(&mut self) {
        self.analysis = Arc::default();
    }

    /// The rope's char index of a position, clamped.
    pub fn char_index(&self, position: Position, encoding: Encoding) -> usize {
        let rope = &self.rope;
        let line = position.line as usize;
        if line >= rope.len_lines() {
            return rope.len_chars();
        }
        let line_start = rope.line_to_char(line);
        let slice = rope.line(line);
        // The line without its terminator (`\n`, `\r\n` or `\r`).
        let mut len = slice.len_chars();
        if len > 0 && slice.char(len - 1) == '\n' {
            len -= 1;
        }
        if len > 0 && slice.char(len - 1) == '\r' {
            len -= 1;
        }
        let content = slice.slice(..len);
        let column = position.character as usize;
        let chars = match encoding {
            Encoding::Utf16 => {
                let units = content.len_utf16_cu();
                let column = column.min(units);
                let c = content.utf16_cu_to_char(column);
                // Inside a surrogate pair: back to the char's start.
                if content.char_to_utf16_cu(c) > column {
                    c - 1
                } else {
                    c
                }
            }
            Encoding::Utf8 => {
                let column = column.min(content.len_bytes());
                content.byte_to_char(column)
            }
        };
        line_start + chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn edits_in_both_encodings() {
        let mut doc = Document::new("## 본문\r\n가나😀다\n", 1);
        // Insert after 😀 (UTF-16 column 4).
        doc.apply(
            &[Change {
                range: Some((pos(1, 4), pos(1, 4))),
                text: "X",
            }],
            2,
            Encoding::Utf16,
        );
        assert_eq!(doc.rope.to_string(), "## 본문\r\n가나😀X다\n");
        // Same place in UTF-8: 가나 = 6 bytes, 😀 = 4.
        doc.apply(
            &[Change {
                range: Some((pos(1, 10), pos(1, 11))),
                text: "",
            }],
            3,
            Encoding::Utf8,
        );
        assert_eq!(doc.rope.to_string(), "## 본문\r\n가나😀다\n");
    }

    #[test]
    fn clamps_hostile_positions() {
        let doc = Document::new("a😀b\r\nc", 1);
        assert_eq!(doc.char_index(pos(0, 2), Encoding::Utf16), 1); // inside pair
        assert_eq!(doc.char_index(pos(0, 99), Encoding::Utf16), 3); // past line end, before \r\n
        assert_eq!(doc.char_index(pos(7, 0), Encoding::Utf16), 6); // past the end
        assert_eq!(doc.char_index(pos(0, 2), Encoding::Utf8), 1); // inside UTF-8 sequence
    }
}
