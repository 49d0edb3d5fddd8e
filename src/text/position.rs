//! Byte offsets ↔ (line, column) in the encodings the LSP negotiates.
//!
//! Columns are counted in UTF-8 bytes or UTF-16 code units. Every conversion
//! clamps: a column past the end of its line lands at the line's end, a line
//! past the end of the document lands at the end, and a UTF-16 column that
//! falls inside a surrogate pair (or a UTF-8 column inside a Hangul
//! syllable's three bytes) moves back to the start of that character. Nothing
//! here panics on any input.

use super::lines::lines;

/// The unit of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8 code units (bytes).
    Utf8,
    /// UTF-16 code units, the LSP default.
    #[default]
    Utf16,
}

/// A 0-based position: line and column in some [`Encoding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    /// 0-based line.
    pub line: u32,
    /// 0-based column in the chosen encoding.
    pub character: u32,
}

/// Where a span sits in its file, in every unit a consumer needs, computed
/// once: bytes for the pure layers, line and columns for the CLI (UTF-16)
/// and for the LSP (whichever encoding was negotiated), when the text
/// itself is not at hand (another file of the folder).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Byte span of the URL.
    pub span: std::ops::Range<usize>,
    /// 0-based line.
    pub line: u32,
    /// Start and end column in UTF-8 bytes.
    pub utf8: (u32, u32),
    /// Start and end column in UTF-16 code units.
    pub utf16: (u32, u32),
}

impl LineIndex {
    /// The [`Place`] of a span of `text`.
    pub fn place(&self, text: &str, span: std::ops::Range<usize>) -> Place {
        let start8 = self.position(text, span.start, Encoding::Utf8);
        let end8 = self.position(text, span.end, Encoding::Utf8);
        let start16 = self.position(text, span.start, Encoding::Utf16);
        let end16 = self.position(text, span.end, Encoding::Utf16);
        Place {
            span,
            line: start8.line,
            utf8: (start8.character, end8.character),
            utf16: (start16.character, end16.character),
        }
    }
}

/// Line start offsets of a text, for converting many positions at once (the
/// CLI's report, the LSP's diagnostics).
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Start offset of every line; the first is always 0. A text ending in a
    /// terminator has a final empty line, as editors show it.
    starts: Vec<usize>,
    /// End offset (before the terminator) of every line.
    ends: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = Vec::with_capacity(text.len() / 40 + 1);
        let mut ends = Vec::with_capacity(text.len() / 40 + 1);
        let mut last_next = 0;
        for line in lines(text) {
            starts.push(line.start);
            ends.push(line.end());
            last_next = line.next;
        }
        if starts.is_empty() || last_next > *ends.last().unwrap_or(&0) {
            starts.push(last_next);
            ends.push(last_next);
        }
        LineIndex { starts, ends }
    }

    /// Number of lines (at least 1).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte span of a line's text (without terminator), clamped.
    pub fn line_span(&self, line: usize) -> std::ops::Range<usize> {
        let line = line.min(self.starts.len() - 1);
        self.starts[line]..self.ends[line]
    }

    /// Converts a byte offset to a position. Offsets past the end clamp to
    /// the end; offsets inside a character or a terminator clamp back.
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let offset = floor_char_boundary(text, offset);
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts[line];
        let end = self.ends[line].max(start);
        let col_end = offset.min(end);
        let slice = &text[start..col_end];
        let character = match encoding {
            Encoding::Utf8 => slice.len(),
            Encoding::Utf16 => slice.chars().map(char::len_utf16).sum(),
        };
        Position {
            line: line as u32,
            character: character as u32,
        }
    }

    /// Converts a position to a byte offset, clamping as described in the
    /// module docs.
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> usize {
        let line = position.line as usize;
        if line >= self.starts.len() {
            return text.len();
        }
        let span = self.line_span(line);
        let line_text = &text[span.clone()];
        span.start + column_to_byte(line_text, position.character as usize, encoding)
    }
}

/// Byte offset within `line` of a column in `encoding`, clamped to the line
/// and to a character boundary.
pub fn column_to_byte(line: &str, column: usize, encoding: Encoding) -> usize {
    match encoding {
        Encoding::Utf8 => floor_char_boundary(line, column),
        Encoding::Utf16 => {
            let mut units = 0;
            for (i, c) in line.char_indices() {
                let next = units + c.len_utf16();
                if next > column {
                    return i;
                }
                units = next;
            }
            line.len()
        }
    }
}

/// The largest char boundary ≤ `offset` (clamped to the text).
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    if offset >= text.len() {
        return text.len();
    }
    let mut i = offset;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangul_and_emoji() {
        let text = "# 인사이트 😀x\r\n둘";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(
            index.position(text, x, Encoding::Utf16),
            Position {
                line: 0,
                character: 9
            }
        );
        assert_eq!(
            index.position(text, x, Encoding::Utf8),
            Position {
                line: 0,
                character: 19
            }
        );
        let dul = text.find('둘').unwrap();
        assert_eq!(index.position(text, dul, Encoding::Utf16).line, 1);
        assert_eq!(
            index.offset(
                text,
                Position {
                    line: 0,
                    character: 9
                },
                Encoding::Utf16
            ),
            x
        );
    }

    #[test]
    fn clamps() {
        let text = "a😀b\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 2);
        // Inside the surrogate pair: back to the emoji's start.
        assert_eq!(
            index.offset(
                text,
                Position {
                    line: 0,
                    character: 2
                },
                Encoding::Utf16
            ),
            1
        );
        // Past the line end and past the document.
        assert_eq!(
            index.offset(
                text,
                Position {
                    line: 0,
                    character: 99
                },
                Encoding::Utf16
            ),
            6
        );
        assert_eq!(
            index.offset(
                text,
                Position {
                    line: 9,
                    character: 0
                },
                Encoding::Utf16
            ),
            text.len()
        );
        // Inside a UTF-8 sequence.
        assert_eq!(index.position(text, 3, Encoding::Utf8).character, 1);
    }
}
