//! 수치화: the article's numbers as figures, for the template's insight
//! section.
//!
//! Pure: text in, [`Figure`]s with byte spans out; no LSP types. The CLI
//! (`scrapls figures`), the `no-figures` check, and the editor's semantic
//! tokens, hovers and draft action all read the same figures.
//!
//! The pipeline is [`scan`] (every written quantity: digits, 만/억/조 with
//! 천/백 inside, Hangul number words before counters, units, approximation
//! words), then [`relate`] (ranges `200~300명`, changes in one sentence
//! `200명에서 500명으로`, `18% 늘었다`).
//!
//! **Dates and times are not figures.** They are told apart by form:
//! `2023.07.13`, `2023-07-13` and `16:07` are skipped whole before any number
//! is read; a four-digit `N년` (or `N년` before a month or `도`) is a year;
//! `N일` is a day of the month unless it exceeds 31 or a duration word follows
//! (`30일간`, `3일 만에`, `5일째`); `N월`, `N분기`, `하반기` carry no unit at
//! all. A number without a unit or a 만/억/조 (`2024`, `3.5`) is no figure
//! either, unless a range or change gives it the unit of its partner.

pub mod draft;
pub mod format;
pub mod memo;
pub mod relate;
pub mod scan;
pub mod tokens;
pub mod units;

use crate::text::Span;

/// Which way a change goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Grew.
    Up,
    /// Shrank.
    Down,
    /// Stayed the same.
    Flat,
}

impl Direction {
    /// `up`, `down` or `flat`, as the JSON output writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Flat => "flat",
        }
    }
}

/// A change stated in one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The value before, when the sentence says it (`200명에서`).
    pub from: Option<f64>,
    /// The value after.
    pub to: Option<f64>,
    /// The difference in the figure's unit (in `%p` for percentages), when
    /// known: `to - from`, or the figure itself for `300명 늘었다`.
    pub delta: Option<f64>,
    /// after / before, when known: `to / from`, or `1.18` for `18% 늘었다`.
    pub ratio: Option<f64>,
    /// Which way it went.
    pub direction: Direction,
}

/// One figure: a quantity with its unit, found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The figure as written: number and unit (`1조2천억원`, `200~300명`).
    pub span: Span,
    /// The number part (digits, magnitude words, a Hangul number word);
    /// for a range, the first number.
    pub number: Span,
    /// The unit part, if written.
    pub unit_span: Option<Span>,
    /// The value in base units (`1조2천억원` → 1.2e12); a range's lower bound.
    pub value: f64,
    /// The canonical unit (`원`, `달러`, `명`, `%`, `%p` …); empty for a bare
    /// count with a magnitude (`21억`).
    pub unit: &'static str,
    /// Whether an approximation word was written (`약`, `여`, `가량`, `수준`,
    /// `이상` …).
    pub approx: bool,
    /// `[low, high]` for a range.
    pub bounds: Option<(f64, f64)>,
    /// A change the sentence states with this figure as its result.
    pub change: Option<Change>,
    /// When this figure is the starting value of a change stated by a later
    /// figure, that figure's index.
    pub change_from_of: Option<usize>,
    /// The sentence it is in.
    pub sentence: Span,
}

/// Every figure in `text`, in order.
pub fn figures(text: &str) -> Vec<Figure> {
    relate::relate(text, scan::scan(text))
}

/// Every figure inside `span` of `text` (a section's content); spans stay
/// relative to the whole text.
pub fn figures_in(text: &str, span: Span) -> Vec<Figure> {
    let Some(region) = text.get(span.clone()) else {
        return Vec::new();
    };
    let shift = |s: &mut Span| *s = s.start + span.start..s.end + span.start;
    let mut found = figures(region);
    for f in &mut found {
        shift(&mut f.span);
        shift(&mut f.number);
        if let Some(u) = &mut f.unit_span {
            shift(u);
        }
        shift(&mut f.sentence);
    }
    found
}

/// The index of the figure that starts the change figure `i` ends
/// (`200명` of `200명에서 500명으로`): always the one right before it.
pub fn change_start(figures: &[Figure], i: usize) -> Option<usize> {
    let prev = i.checked_sub(1)?;
    (figures.get(prev)?.change_from_of == Some(i)).then_some(prev)
}

/// Whether `text` holds at least one figure (the `no-figures` check).
pub fn has_figure(text: &str) -> bool {
    !figures(text).is_empty()
}

#[cfg(test)]
mod tests;
