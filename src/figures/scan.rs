//! The first pass: every written quantity in a text, with its value in base
//! units, its unit and its approximation words, before ranges and changes
//! join them.
//!
//! A quantity is digits (`1,200`, `12.4`) or a Hangul magnitude (`천억`)
//! composed with 만/억/조 and 천/백/십 inside them (`1조2천억`,
//! `3천500억`, `2억 5000만`), or a Hangul number word before a counter
//! (`두 배`, `세 곳`). Dates and times are skipped here (see
//! [`date_at`] and [`is_date_unit`]); numbers inside URLs and words
//! (`S24`, `/2026/11/`) are not quantities.

use super::units::{NATIVE_COUNTERS, NATIVE_NUMBERS, UNITS, UnitKind, UnitSpelling, is_hangul};
use crate::text::Span;

/// A quantity as written, before ranges and changes.
#[derive(Debug, Clone)]
pub struct Raw {
    /// The number's span (digits and magnitude words).
    pub number: Span,
    /// The unit's span and spelling, if a unit follows.
    pub unit: Option<(Span, &'static UnitSpelling)>,
    /// Value in base units (`1조2천억` → 1.2e12).
    pub value: f64,
    /// The multiplier of the last 만/억/조 (1 without one), so that `2~3억`
    /// reads its `2` as 2억.
    pub scale: f64,
    /// Whether a 만/억/조 was written.
    pub big: bool,
    /// An approximation word was written (`약`, `여`, `가량`, `이상` …).
    pub approx: bool,
    /// From any approximation prefix to the end of any suffix: what the
    /// change and range rules look past.
    pub extent: Span,
}

impl Raw {
    /// Number and unit: what is highlighted and reported as the figure.
    pub fn span(&self) -> Span {
        let end = self.unit.as_ref().map_or(self.number.end, |(s, _)| s.end);
        self.number.start..end
    }
}

const APPROX_BEFORE: &[&str] = &["약", "대략", "거의", "근", "얼추"];
const APPROX_AFTER: &[&str] = &[
    "가량",
    "수준",
    "이상",
    "이하",
    "미만",
    "초과",
    "안팎",
    "내외",
    "정도",
    "쯤",
    "남짓",
    "가까이",
    "넘게",
    "이내",
];
/// What may follow `N년`/`N일` when they are durations, not dates.
const DURATION_AFTER: &[&str] = &[
    "간",
    "동안",
    "만",
    "째",
    "연속",
    "치",
    "사이",
    "가까이",
    "넘게",
    "이상",
    "이내",
    "여",
];

/// Whether `c` is the first syllable of one of [`NATIVE_NUMBERS`].
fn native_start(c: char) -> bool {
    matches!(
        c,
        '열' | '스' | '서' | '마' | '다' | '여' | '일' | '아' | '한' | '두' | '세' | '네' | '쉰'
    )
}

/// Every quantity in `text`, in order.
pub fn scan(text: &str) -> Vec<Raw> {
    let bytes = text.as_bytes();
    // Economic prose holds about one quantity per 60 bytes.
    let mut out = Vec::with_capacity(text.len() / 64);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if b.is_ascii_digit() && digit_may_start(text, i) {
                if let Some(end) = date_at(text, i) {
                    i = end;
                } else if let Some(raw) = quantity(text, i) {
                    i = raw.extent.end.max(raw.number.end);
                    out.push(raw);
                } else {
                    i = skip_digits(text, i);
                }
            } else if matches!(b, b'h' | b'H' | b'w' | b'W') && starts_url(&text[i..]) {
                i += text[i..]
                    .find(|c: char| c.is_whitespace() || matches!(c, ')' | '>' | ']'))
                    .unwrap_or(text.len() - i);
            } else {
                i += 1;
            }
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if !is_hangul(c) {
            i += c.len_utf8();
            continue;
        }
        let before = text[..i].chars().next_back();
        if before.is_some_and(|p| is_hangul(p) || p.is_ascii_alphanumeric()) {
            i += c.len_utf8();
            continue;
        }
        // A word starts: only 천/백/십 or a number word can start a number.
        let found = if small_magnitude(c).is_some() {
            quantity(text, i)
        } else if native_start(c) {
            native(text, i)
        } else {
            None
        };
        if let Some(raw) = found {
            i = raw.extent.end.max(raw.number.end);
            out.push(raw);
            continue;
        }
        // Skip the rest of the word: nothing inside it starts a number.
        i += text[i..]
            .find(|c: char| !is_hangul(c))
            .unwrap_or(text.len() - i);
    }
    out
}

fn starts_url(rest: &str) -> bool {
    let b = rest.as_bytes();
    ["http://", "https://", "www."]
        .iter()
        .any(|p| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
}

/// A digit starts a number only outside words, paths and version strings
/// (`S24`, `/2026/`, `v1.2`), and not after `제` (an ordinal: `제3조`).
fn digit_may_start(text: &str, i: usize) -> bool {
    let mut back = text[..i].chars().rev();
    match back.next() {
        None => true,
        Some(c) if c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '_' | '/' | ':') => false,
        Some('제') => false,
        Some('-') => back
            .next()
            .is_none_or(|c| c.is_ascii_digit() || c.is_whitespace()),
        Some(_) => true,
    }
}

fn skip_digits(text: &str, i: usize) -> usize {
    i + text[i..]
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(text.len() - i)
}

/// The end of a date or time starting at `i`: `2023.07.13`, `2023-07-13`,
/// `2023/7/13`, `2023. 7. 13.`, `16:07`, `16:07:30`.
pub fn date_at(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let n = digits(i);
    let mut j = i + n;
    if n == 4 && j < b.len() && matches!(b[j], b'.' | b'-' | b'/') {
        let sep = b[j];
        let mut k = j + 1;
        if sep == b'.' && b.get(k) == Some(&b' ') {
            k += 1;
        }
        let m = digits(k);
        if (1..=2).contains(&m) {
            j = k + m;
            if j < b.len() && b[j] == sep {
                let mut k = j + 1;
                if sep == b'.' && b.get(k) == Some(&b' ') {
                    k += 1;
                }
                let d = digits(k);
                if (1..=2).contains(&d) {
                    j = k + d;
                    if sep == b'.' && b.get(j) == Some(&b'.') {
                        j += 1;
                    }
                }
            }
            return Some(j);
        }
    }
    if (1..=2).contains(&n) && b.get(j) == Some(&b':') && digits(j + 1) == 2 {
        j += 3;
        if b.get(j) == Some(&b':') && digits(j + 1) == 2 {
            j += 3;
        }
        return Some(j);
    }
    None
}

/// Digits with `,` thousands separators and a decimal part: value and end.
fn digits(text: &str, i: usize) -> Option<(f64, usize)> {
    let b = text.as_bytes();
    let run = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let first = run(i);
    if first == 0 {
        return None;
    }
    let mut end = i + first;
    if first <= 3 {
        while b.get(end) == Some(&b',') && run(end + 1) == 3 {
            end += 4;
        }
    }
    if b.get(end) == Some(&b'.') && run(end + 1) > 0 {
        end += 1 + run(end + 1);
    }
    let cleaned: String = text[i..end].chars().filter(|&c| c != ',').collect();
    let value: f64 = cleaned.parse().ok()?;
    value.is_finite().then_some((value, end))
}

fn small_magnitude(c: char) -> Option<f64> {
    match c {
        '십' => Some(10.0),
        '백' => Some(100.0),
        '천' => Some(1_000.0),
        _ => None,
    }
}

fn big_magnitude(c: char) -> Option<f64> {
    match c {
        '만' => Some(1e4),
        '억' => Some(1e8),
        '조' => Some(1e12),
        _ => None,
    }
}

/// A number with magnitude words: (value, scale, end, big written, small
/// written).
fn number_expr(text: &str, start: usize) -> Option<(f64, f64, usize, bool, bool)> {
    let (mut total, mut section) = (0.0_f64, 0.0_f64);
    let mut pending: Option<f64> = None;
    let (mut last_big, mut last_small) = (f64::INFINITY, f64::INFINITY);
    let (mut scale, mut big, mut small) = (1.0, false, false);
    let mut j = start;
    let mut end = start;
    let mut any = false;
    loop {
        if pending.is_none()
            && let Some((v, e)) = digits(text, j)
        {
            pending = Some(v);
            j = e;
            end = e;
            any = true;
            continue;
        }
        let Some(c) = text[j..].chars().next() else {
            break;
        };
        if let Some(m) = small_magnitude(c) {
            if m >= last_small {
                break;
            }
            section += pending.take().unwrap_or(1.0) * m;
            last_small = m;
            small = true;
            any = true;
            j += c.len_utf8();
            end = j;
            continue;
        }
        if let Some(m) = big_magnitude(c) {
            if m >= last_big || !any {
                break;
            }
            let coef = section + pending.take().unwrap_or(0.0);
            total += if coef == 0.0 { 1.0 } else { coef } * m;
            section = 0.0;
            last_big = m;
            last_small = f64::INFINITY;
            scale = m;
            big = true;
            j += c.len_utf8();
            end = j;
            // `2억 5000만`: a space, then digits with a smaller magnitude.
            if text[j..].starts_with(' ')
                && let Some((_, e)) = digits(text, j + 1)
                && text[e..]
                    .chars()
                    .next()
                    .and_then(|c| big_magnitude(c).or(small_magnitude(c)).map(|_| c))
                    .is_some_and(|c| big_magnitude(c).is_none_or(|m| m < last_big))
            {
                j += 1;
            }
            continue;
        }
        break;
    }
    if !any {
        return None;
    }
    total += section + pending.unwrap_or(0.0);
    total.is_finite().then_some((total, scale, end, big, small))
}

/// A written quantity at `start`: a number, then `여`, a unit, and
/// approximation words around it.
fn quantity(text: &str, start: usize) -> Option<Raw> {
    let hangul_start = !text.as_bytes()[start].is_ascii_digit();
    let (value, scale, end, big, small) = number_expr(text, start)?;
    if hangul_start && !big {
        // `천연가스`, `백화점`: a Hangul magnitude alone is a word.
        return None;
    }
    let mut approx = false;
    let mut j = end;
    if text[j..].starts_with('여') {
        let after = &text[j + '여'.len_utf8()..];
        if after.starts_with(' ') || match_unit_after(after).is_some() {
            approx = true;
            j += '여'.len_utf8();
        }
    }
    let unit = match_unit_after(&text[j..]).map(|(skip, spelling)| {
        let s = j + skip;
        (s..s + spelling.written.len(), spelling)
    });
    let after_unit = unit.as_ref().map_or(j, |(s, _)| s.end);
    if let Some((_, spelling)) = &unit {
        if is_date_unit(text, start, value, big, spelling.kind, after_unit) {
            return None;
        }
    } else {
        // A bare number is kept for ranges and changes to give it a unit;
        // one written with Hangul magnitude words must end its word.
        let next = text[end..].chars().next();
        if (big || small) && next.is_some_and(is_hangul) && !text[end..].starts_with(PARTICLES) {
            return None;
        }
    }
    let (prefix_start, pre) = approx_prefix(text, start);
    let (suffix_end, post) = approx_suffix(text, after_unit);
    Some(Raw {
        number: start..end,
        unit,
        value,
        scale,
        big,
        approx: approx || pre || post,
        extent: prefix_start..suffix_end,
    })
}

/// Particles that may end a bare magnitude number's word (`5천만이`).
const PARTICLES: [char; 13] = [
    '이', '가', '을', '를', '은', '는', '의', '에', '도', '로', '으', '와', '과',
];

/// A unit right after a number or after one space: (bytes skipped, unit).
fn match_unit_after(rest: &str) -> Option<(usize, &'static UnitSpelling)> {
    if let Some(s) = super::units::match_unit(rest, UNITS) {
        return Some((0, s));
    }
    let trimmed = rest.strip_prefix(' ')?;
    // `% ` and Latin units are written attached; after a space only Korean
    // units count (`21억 달러`, `3 개`).
    super::units::match_unit(trimmed, UNITS)
        .filter(|s| s.written.chars().next().is_some_and(is_hangul))
        .map(|s| (1, s))
}

/// Whether `N년`/`N일` here is a date rather than a duration.
///
/// A year is a date when it is a calendar year (four digits) or is followed
/// by a month (`23년 3월`) or `도`; a day is a date unless it is more than
/// 31 or followed by a duration word (`간`, `동안`, `만에`, `째`, `연속` …).
pub fn is_date_unit(
    text: &str,
    start: usize,
    value: f64,
    big: bool,
    kind: UnitKind,
    after: usize,
) -> bool {
    let rest = text[after..].trim_start_matches(' ');
    match kind {
        UnitKind::Years => {
            let digits = text[start..]
                .bytes()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if big || digits == 0 {
                return false;
            }
            digits >= 4 || rest.starts_with('도') || {
                let d = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
                d > 0 && rest[d..].starts_with('월')
            }
        }
        UnitKind::Days => {
            let duration = DURATION_AFTER.iter().any(|w| rest.starts_with(w));
            !(value > 31.0 || duration)
        }
        _ => false,
    }
}

/// An approximation word right before `start` (`약 200명`): its start.
fn approx_prefix(text: &str, start: usize) -> (usize, bool) {
    let before = text[..start].strip_suffix(' ').unwrap_or(&text[..start]);
    for word in APPROX_BEFORE {
        if let Some(head) = before.strip_suffix(word)
            && !head.chars().next_back().is_some_and(is_hangul)
        {
            return (head.len(), true);
        }
    }
    (start, false)
}

/// An approximation word right after `end` (`200명 수준`): its end.
fn approx_suffix(text: &str, end: usize) -> (usize, bool) {
    let rest = &text[end..];
    let (skip, rest) = match rest.strip_prefix(' ') {
        Some(r) => (1, r),
        None => (0, rest),
    };
    for word in APPROX_AFTER {
        if rest.starts_with(word) {
            return (end + skip + word.len(), true);
        }
    }
    (end, false)
}

/// A Hangul number word and its counter at `start` (`두 배`, `세 곳`).
fn native(text: &str, start: usize) -> Option<Raw> {
    let rest = &text[start..];
    let (word, value) = NATIVE_NUMBERS.iter().find(|(w, _)| rest.starts_with(w))?;
    let after = &rest[word.len()..];
    let (skip, after) = match after.strip_prefix(' ') {
        Some(a) => (1, a),
        None => (0, after),
    };
    let counter = super::units::match_unit(after, NATIVE_COUNTERS)?;
    let unit_start = start + word.len() + skip;
    let unit_end = unit_start + counter.written.len();
    // `세대`, `두 번째`: a word and an ordinal, not counts.
    if skip == 0 && rest.starts_with("세대") {
        return None;
    }
    if text[unit_end..].starts_with('째') && !matches!(counter.kind, UnitKind::Years) {
        return None;
    }
    let (prefix_start, pre) = approx_prefix(text, start);
    let (suffix_end, post) = approx_suffix(text, unit_end);
    Some(Raw {
        number: start..start + word.len(),
        unit: Some((unit_start..unit_end, counter)),
        value: *value,
        scale: 1.0,
        big: false,
        approx: pre || post,
        extent: prefix_start..suffix_end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_are_skipped_whole() {
        let t = "2023.07.13 16:07 기사";
        assert_eq!(date_at(t, 0), Some(10));
        assert_eq!(date_at(t, 11), Some(16));
        assert_eq!(date_at("12.4%", 0), None);
        assert!(scan(t).is_empty());
    }

    #[test]
    fn hangul_magnitudes_alone_must_be_numbers() {
        assert!(scan("천연가스 백화점").is_empty());
        assert_eq!(scan("천억 원")[0].value, 1e11);
    }
}
