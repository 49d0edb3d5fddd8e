//! Line splitting with the LSP's line terminators: `\n`, `\r\n` and a lone
//! `\r`. ropey is built with `cr_lines` (and without `unicode_lines`), so the
//! rope and the parser always agree on line numbers.

use super::Span;

/// One line of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// Byte offset of the first byte of the line.
    pub start: usize,
    /// The line without its terminator.
    pub text: &'a str,
    /// Byte offset just past the terminator (the next line's start).
    pub next: usize,
}

impl Line<'_> {
    /// Byte offset of the end of the line's text (before the terminator).
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// The line's text span.
    pub fn span(&self) -> Span {
        self.start..self.end()
    }
}

/// Iterates over the lines of `text`. A trailing terminator does not start
/// an extra empty line (that matches how editors count lines for content, and
/// the final empty line has nothing to analyse).
pub fn lines(text: &str) -> Lines<'_> {
    Lines { text, pos: 0 }
}

/// Iterator returned by [`lines`].
pub struct Lines<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        if self.pos >= self.text.len() {
            return None;
        }
        let rest = &self.text.as_bytes()[self.pos..];
        let start = self.pos;
        match memchr2(rest) {
            Some(i) => {
                let terminator = if rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                self.pos = start + i + terminator;
                Some(Line {
                    start,
                    text: &self.text[start..start + i],
                    next: self.pos,
                })
            }
            None => {
                self.pos = self.text.len();
                Some(Line {
                    start,
                    text: &self.text[start..],
                    next: self.pos,
                })
            }
        }
    }
}

/// Finds the first `\n` or `\r`. Line breaks are ASCII, so a byte search is
/// exact on UTF-8; `memchr` scans a word (or a SIMD register) at a time.
fn memchr2(haystack: &[u8]) -> Option<usize> {
    memchr::memchr2(b'\n', b'\r', haystack)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_terminators() {
        let text = "가\r\n나\r다\n\n라";
        let got: Vec<&str> = lines(text).map(|l| l.text).collect();
        assert_eq!(got, ["가", "나", "다", "", "라"]);
        let last = lines(text).last().unwrap();
        assert_eq!(&text[last.span()], "라");
    }

    #[test]
    fn trailing_newline_adds_no_line() {
        assert_eq!(lines("a\n").count(), 1);
        assert_eq!(lines("").count(), 0);
    }
}
