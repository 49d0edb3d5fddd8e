//! The second pass: written quantities become figures. Neighbours join into
//! ranges (`200~300명`, `2~3억 원`); a bare number borrows the unit of the
//! range or change it starts (`200에서 500명으로`); a sentence's change
//! words give a figure its change (`200명 수준에서 500명 수준으로`,
//! `48% → 55%`, `18% 늘었다`, `300명 줄었다`).

use super::scan::Raw;
use super::units::{UnitKind, UnitSpelling};
use super::{Change, Direction, Figure};
use crate::text::Span;

const RANGE_MARKS: &[&str] = &["~", "∼", "〜", "～", "-", "–"];
const ARROWS: &[&str] = &["→", "->", "⇒", "➡", "=>"];
/// Change words that say a quantity grew.
pub const UP: &[&str] = &[
    "늘", "증가", "상승", "올라", "오른", "오르", "올랐", "확대", "급증", "뛰", "뛴", "뛰었",
    "성장", "개선", "불어", "급등", "상향", "높아", "커졌", "많아", "증액",
];
/// Change words that say a quantity shrank.
pub const DOWN: &[&str] = &[
    "줄", "감소", "하락", "떨어", "내려", "내린", "내렸", "축소", "급감", "급락", "낮아", "위축",
    "감축", "하향", "빠졌", "빠진", "삭감", "감액",
];

/// A figure being built: the raw quantity and its resolved unit.
struct Item {
    raw: Raw,
    /// The unit, written here or borrowed from a range or change partner.
    unit: Option<&'static UnitSpelling>,
    /// Where the unit is written, when it is.
    unit_span: Option<Span>,
    bounds: Option<(f64, f64)>,
    span: Span,
}

impl Item {
    fn new(raw: Raw) -> Item {
        let span = raw.span();
        Item {
            unit: raw.unit.as_ref().map(|(_, s)| *s),
            unit_span: raw.unit.as_ref().map(|(s, _)| s.clone()),
            raw,
            bounds: None,
            span,
        }
    }
}

/// Units of time spans, which take no change word.
const DURATIONS: [&str; 6] = ["년", "일", "개월", "주", "회", "번"];

/// Whether `c` is the first syllable of one of [`UP`] and [`DOWN`].
fn change_start(c: char) -> bool {
    matches!(
        c,
        '늘' | '증'
            | '상'
            | '올'
            | '오'
            | '확'
            | '급'
            | '뛰'
            | '성'
            | '개'
            | '불'
            | '높'
            | '커'
            | '많'
            | '줄'
            | '감'
            | '하'
            | '떨'
            | '내'
            | '축'
            | '낮'
            | '위'
            | '빠'
            | '삭'
    )
}

/// Turns raw quantities into figures: ranges, units, changes, sentences.
pub fn relate(text: &str, raws: Vec<Raw>) -> Vec<Figure> {
    let items = borrow_units(text, ranges(text, raws));
    let ends = sentence_ends(text);
    let extents: Vec<Span> = items.iter().map(|i| i.raw.extent.clone()).collect();
    let mut figures: Vec<Figure> = items
        .into_iter()
        .map(|item| Figure {
            sentence: sentence(&ends, text.len(), item.span.start),
            span: item.span,
            number: item.raw.number,
            unit_span: item.unit_span,
            value: item.raw.value,
            unit: item.unit.map_or("", |s| s.canonical),
            approx: item.raw.approx,
            bounds: item.bounds,
            change: None,
            change_from_of: None,
        })
        .collect();
    for i in 0..figures.len() {
        if i + 1 < figures.len()
            && figures[i].change_from_of.is_none()
            && let Some(change) = from_to(text, &figures, &extents, i)
        {
            figures[i + 1].change = Some(change);
            figures[i].change_from_of = Some(i + 1);
            continue;
        }
        if figures[i].change.is_some() || figures[i].change_from_of.is_some() {
            continue;
        }
        let limit = figures
            .get(i + 1)
            .map_or(figures[i].sentence.end, |n| n.span.start)
            .min(figures[i].sentence.end);
        // A duration (`12주 연속 내렸다`, `3년간 늘려`) is how long, not what changed.
        if DURATIONS.contains(&figures[i].unit) {
            continue;
        }
        let window = window_after(text, extents[i].end, limit);
        if let Some(direction) = sign_before(text, figures[i].span.start).or(direction_in(window)) {
            let kind = kind_of(figures[i].unit);
            figures[i].change = Some(verb_change(&figures[i], kind, direction));
        }
    }
    figures
}

/// Joins `A~B` into one item with bounds.
fn ranges(text: &str, raws: Vec<Raw>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(raws.len());
    let mut iter = raws.into_iter().peekable();
    while let Some(mut a) = iter.next() {
        if let Some(b) = iter.peek()
            && a.span().end <= b.number.start
            && RANGE_MARKS.contains(&text[a.span().end..b.number.start].trim_matches(' '))
            && compatible(a.unit.as_ref(), b.unit.as_ref())
        {
            let b = iter.next().expect("peeked");
            if !a.big && b.big {
                a.value *= b.scale;
                a.big = true;
            }
            let bounds = Some((a.value.min(b.value), a.value.max(b.value)));
            a.approx |= b.approx;
            a.extent.end = b.extent.end;
            let mut item = Item::new(a);
            if let Some((s, spelling)) = b.unit.clone() {
                item.unit = Some(spelling);
                item.unit_span = Some(s);
            }
            item.span = item.span.start..b.span().end;
            item.bounds = bounds;
            out.push(item);
            continue;
        }
        out.push(Item::new(a));
    }
    out
}

fn compatible(
    a: Option<&(Span, &'static UnitSpelling)>,
    b: Option<&(Span, &'static UnitSpelling)>,
) -> bool {
    match (a, b) {
        (Some((_, a)), Some((_, b))) => a.canonical == b.canonical,
        _ => true,
    }
}

/// Drops bare numbers, except those that start a change to a number with a
/// unit (`200에서 500명으로`, `48 → 55%`), which take that unit. A number
/// with 만/억/조 (`21억`) is a figure without a unit.
fn borrow_units(text: &str, items: Vec<Item>) -> Vec<Item> {
    let mut out = Vec::with_capacity(items.len());
    let mut iter = items.into_iter().peekable();
    while let Some(mut item) = iter.next() {
        if item.unit.is_some() || item.raw.big {
            out.push(item);
            continue;
        }
        if let Some(next) = iter.peek()
            && let Some(spelling) = next.unit
            && item.raw.extent.end <= next.raw.extent.start
            && change_gap(&text[item.raw.extent.end..next.raw.extent.start])
        {
            if next.raw.big {
                item.raw.value *= next.raw.scale;
                if let Some((lo, hi)) = &mut item.bounds {
                    *lo *= next.raw.scale;
                    *hi *= next.raw.scale;
                }
            }
            item.unit = Some(spelling);
            out.push(item);
        }
    }
    out
}

/// Whether the text between two figures makes the first the start of a
/// change to the second: `에서`, `부터`, or an arrow, with at most a few
/// words (`지난해 200명에서 올해 500명으로`).
fn change_gap(gap: &str) -> bool {
    let gap = gap.trim();
    if ARROWS.contains(&gap) {
        return true;
    }
    let Some(rest) = gap
        .strip_prefix("에서")
        .or_else(|| gap.strip_prefix("부터"))
    else {
        return false;
    };
    let rest = rest.trim();
    rest.split_whitespace().count() <= 2
        && rest.chars().count() <= 12
        && !rest.contains(['.', ',', '!', '?', '\n'])
}

/// A change from figure `i` to figure `i + 1` in the same sentence.
fn from_to(text: &str, figures: &[Figure], extents: &[Span], i: usize) -> Option<Change> {
    let (a, b) = (&figures[i], &figures[i + 1]);
    if a.sentence != b.sentence || a.unit != b.unit || extents[i].end > b.span.start {
        return None;
    }
    let gap = &text[extents[i].end..b.span.start];
    if !change_gap(gap) {
        return None;
    }
    let arrow = ARROWS.contains(&gap.trim());
    let after = text[extents[i + 1].end..].trim_start();
    if !arrow && !["으로", "로", "까지"].iter().any(|p| after.starts_with(p)) {
        return None;
    }
    let (from, to) = (a.value, b.value);
    let direction = if to > from {
        Direction::Up
    } else if to < from {
        Direction::Down
    } else {
        Direction::Flat
    };
    Some(Change {
        from: Some(from),
        to: Some(to),
        delta: Some(to - from),
        ratio: (from != 0.0).then(|| to / from),
        direction,
    })
}

/// What follows a figure up to `limit`, at most a few words: where its
/// change word would be (`18% 늘었다`, `300명 가까이 줄었다`).
fn window_after(text: &str, from: usize, limit: usize) -> &str {
    let end = limit.max(from).min(text.len());
    let region = &text[from..end];
    let mut cut = region.len();
    for (n, (i, c)) in region.char_indices().enumerate() {
        if n >= 10 || matches!(c, ',' | '.' | '\n' | '(' | '·') {
            cut = i;
            break;
        }
    }
    &region[..cut]
}

/// A sign written right before a figure (`+12.4%`, `▲3%`, `-5%`, `▼2%`).
fn sign_before(text: &str, start: usize) -> Option<Direction> {
    let mut back = text[..start].chars().rev();
    let direction = match back.next()? {
        '+' | '▲' | '△' => Direction::Up,
        '-' | '−' | '▼' | '▽' => Direction::Down,
        _ => return None,
    };
    // `3-5%` is a range, `A-5` a code: only a sign after a space or a mark.
    back.next()
        .is_none_or(|c| !c.is_alphanumeric())
        .then_some(direction)
}

/// The first change word in `window`: `줄었다가 늘었다` is down.
fn direction_in(window: &str) -> Option<Direction> {
    for (i, c) in window.char_indices() {
        // Only a syllable that starts a change word is worth comparing at.
        if !change_start(c) {
            continue;
        }
        let rest = &window[i..];
        if UP.iter().any(|w| rest.starts_with(w)) {
            return Some(Direction::Up);
        }
        if DOWN.iter().any(|w| rest.starts_with(w)) {
            return Some(Direction::Down);
        }
    }
    None
}

/// The change a figure followed by a change word states: a percentage is a
/// ratio, a multiple is a ratio, anything else a difference.
fn verb_change(figure: &Figure, kind: UnitKind, direction: Direction) -> Change {
    let sign = if direction == Direction::Down {
        -1.0
    } else {
        1.0
    };
    let v = figure.value;
    let (delta, ratio) = match kind {
        UnitKind::Percent => (None, Some(1.0 + sign * v / 100.0)),
        UnitKind::Times => (None, Some(if sign < 0.0 && v != 0.0 { 1.0 / v } else { v })),
        _ => (Some(sign * v), None),
    };
    Change {
        from: None,
        to: None,
        delta,
        ratio,
        direction,
    }
}

/// The kind of a canonical unit.
pub fn kind_of(unit: &str) -> UnitKind {
    super::units::UNITS
        .iter()
        .find(|s| s.canonical == unit)
        .map_or(UnitKind::Count, |s| s.kind)
}

/// Offsets just past every sentence end: `.`, `!` or `?` before white
/// space or the end, and line breaks.
fn sentence_ends(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut ends: Vec<usize> = memchr::memchr2_iter(b'\n', b'\r', b)
        .chain(
            memchr::memchr3_iter(b'.', b'!', b'?', b)
                .filter(|&i| b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace())),
        )
        .map(|i| i + 1)
        .collect();
    ends.sort_unstable();
    ends
}

/// The sentence around `offset`, given the sentence ends: from the previous
/// end (leading white space skipped) to the next, its punctuation included
/// and its line break not.
fn sentence(ends: &[usize], len: usize, offset: usize) -> Span {
    let k = ends.partition_point(|&e| e <= offset);
    let start = if k == 0 { 0 } else { ends[k - 1] };
    let end = ends.get(k).copied().unwrap_or(len);
    start..end
}
