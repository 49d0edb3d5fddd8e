//! The units a figure can carry, as data: what follows a number in an
//! economic article (currencies, counters, percentages, Latin units), each
//! with the canonical name the figure reports.
//!
//! A single-syllable Korean counter (`명`, `개`, `대` …) is a unit only when
//! what follows it ends the word or is a particle (`3명이`, `5대를`), so that
//! `3개발` or `세대교체` do not read as counts.

/// How a unit behaves when it meets dates, ratios and changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// A percentage: a change in it is in percentage points.
    Percent,
    /// Percentage points or basis points: already a difference.
    Points,
    /// A multiple (`배`).
    Times,
    /// Years (`년`): a duration, or a date when it is a calendar year.
    Years,
    /// Days (`일`): a duration, or a date (day of the month).
    Days,
    /// Money or any other count.
    Count,
}

/// One way of writing a unit.
#[derive(Debug)]
pub struct UnitSpelling {
    /// As written in the text.
    pub written: &'static str,
    /// The canonical unit reported.
    pub canonical: &'static str,
    /// How it behaves.
    pub kind: UnitKind,
}

const fn u(written: &'static str, canonical: &'static str, kind: UnitKind) -> UnitSpelling {
    UnitSpelling {
        written,
        canonical,
        kind,
    }
}

use UnitKind::{Count, Days, Percent, Points, Times, Years};

/// Units after a written number, longest spelling first within a shared
/// prefix (the matcher takes the longest match anyway).
pub const UNITS: &[UnitSpelling] = &[
    u("퍼센트포인트", "%p", Points),
    u("%포인트", "%p", Points),
    u("％포인트", "%p", Points),
    u("%p", "%p", Points),
    u("％p", "%p", Points),
    u("퍼센트", "%", Percent),
    u("%", "%", Percent),
    u("％", "%", Percent),
    u("bp", "bp", Points),
    u("포인트", "포인트", Points),
    u("배", "배", Times),
    u("원", "원", Count),
    u("달러", "달러", Count),
    u("엔", "엔", Count),
    u("위안", "위안", Count),
    u("유로", "유로", Count),
    u("파운드", "파운드", Count),
    u("명", "명", Count),
    u("개국", "개국", Count),
    u("개사", "개사", Count),
    u("개월", "개월", Count),
    u("개", "개", Count),
    u("건", "건", Count),
    u("대", "대", Count),
    u("곳", "곳", Count),
    u("톤", "톤", Count),
    u("배럴", "배럴", Count),
    u("가구", "가구", Count),
    u("년", "년", Years),
    u("일", "일", Days),
    u("주", "주", Count),
    u("회", "회", Count),
    u("번", "번", Count),
    u("가지", "가지", Count),
    u("척", "척", Count),
    u("채", "채", Count),
    u("평", "평", Count),
    u("GWh", "GWh", Count),
    u("MWh", "MWh", Count),
    u("kWh", "kWh", Count),
    u("TWh", "TWh", Count),
    u("GW", "GW", Count),
    u("MW", "MW", Count),
    u("kW", "kW", Count),
    u("TW", "TW", Count),
    u("nm", "nm", Count),
    u("mm", "mm", Count),
    u("cm", "cm", Count),
    u("km", "km", Count),
    u("kg", "kg", Count),
    u("GB", "GB", Count),
    u("TB", "TB", Count),
    u("MB", "MB", Count),
    u("m²", "㎡", Count),
    u("㎡", "㎡", Count),
    u("㎢", "㎢", Count),
    u("㎞", "km", Count),
    u("m", "m", Count),
];

/// The first characters of every spelling in [`UNITS`] and
/// [`NATIVE_COUNTERS`], sorted.
const UNIT_STARTS: [char; 41] = [
    '%', 'G', 'M', 'T', 'b', 'c', 'k', 'm', 'n', '㎞', '㎡', '㎢', '가', '개', '건', '곳', '군',
    '년', '달', '대', '명', '배', '번', '사', '엔', '원', '위', '유', '일', '주', '차', '채', '척',
    '톤', '파', '퍼', '평', '포', '해', '회', '％',
];

/// Counters after a Hangul number word (`두 배`, `세 곳`, `한 달`).
pub const NATIVE_COUNTERS: &[UnitSpelling] = &[
    u("배", "배", Times),
    u("곳", "곳", Count),
    u("군데", "곳", Count),
    u("달", "개월", Count),
    u("개월", "개월", Count),
    u("명", "명", Count),
    u("사람", "명", Count),
    u("개국", "개국", Count),
    u("개", "개", Count),
    u("건", "건", Count),
    u("대", "대", Count),
    u("번", "번", Count),
    u("차례", "번", Count),
    u("가지", "가지", Count),
    u("해", "년", Years),
    u("가구", "가구", Count),
    u("척", "척", Count),
    u("채", "채", Count),
];

/// Hangul number words that stand for numbers before a counter, longest
/// first where one is a prefix of another.
pub const NATIVE_NUMBERS: &[(&str, f64)] = &[
    ("열한", 11.0),
    ("열두", 12.0),
    ("열세", 13.0),
    ("열네", 14.0),
    ("열다섯", 15.0),
    ("열여섯", 16.0),
    ("열일곱", 17.0),
    ("열여덟", 18.0),
    ("열아홉", 19.0),
    ("스무", 20.0),
    ("서른", 30.0),
    ("마흔", 40.0),
    ("다섯", 5.0),
    ("여섯", 6.0),
    ("일곱", 7.0),
    ("여덟", 8.0),
    ("아홉", 9.0),
    ("한", 1.0),
    ("두", 2.0),
    ("세", 3.0),
    ("네", 4.0),
    ("열", 10.0),
    ("쉰", 50.0),
];

/// Syllables that may follow a single-syllable counter in the same word:
/// particles and the suffixes of counts (`씩`, `째`, `당`, `간`, `여`).
const AFTER_COUNTER: &str = "이가을를은는의에도만씩로으와과째당간까부보나뿐밖여쯤대인엔서동전후연치안내정수였며라란어분짜꼴";

/// The longest unit of `table` that `rest` starts with and that ends where a
/// unit may end.
pub fn match_unit<'t>(rest: &str, table: &'t [UnitSpelling]) -> Option<&'t UnitSpelling> {
    // Most text after a number is no unit: a unit starts with one of few
    // characters, so look at the first one before comparing spellings.
    let first = rest.chars().next()?;
    if !UNIT_STARTS.contains(&first) {
        return None;
    }
    table
        .iter()
        .filter(|s| s.written.starts_with(first) && rest.starts_with(s.written))
        .filter(|s| ends_word(s.written, &rest[s.written.len()..]))
        .max_by_key(|s| s.written.len())
}

/// Whether a unit spelled `written` may be followed by `after`.
fn ends_word(written: &str, after: &str) -> bool {
    let Some(next) = after.chars().next() else {
        return true;
    };
    let last = written.chars().last().unwrap_or(' ');
    if last.is_ascii_alphabetic() || last == '²' {
        // Latin units end before any other Latin letter or digit.
        return !next.is_ascii_alphanumeric();
    }
    if !is_hangul(last) {
        // `%`, `％`, `㎡`: `%p` is matched as its own unit first.
        return true;
    }
    if written.chars().count() > 1 {
        return true;
    }
    !is_hangul(next) || AFTER_COUNTER.contains(next)
}

/// Whether `c` is a precomposed Hangul syllable.
pub fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_starts_cover_every_spelling() {
        for s in UNITS.iter().chain(NATIVE_COUNTERS) {
            let first = s.written.chars().next().unwrap_or(' ');
            assert!(UNIT_STARTS.contains(&first), "{}", s.written);
        }
    }

    #[test]
    fn longest_unit_wins_and_counters_end_words() {
        assert_eq!(match_unit("%p 올랐다", UNITS).unwrap().canonical, "%p");
        assert_eq!(match_unit("% 올랐다", UNITS).unwrap().canonical, "%");
        assert_eq!(match_unit("개월 만에", UNITS).unwrap().canonical, "개월");
        assert_eq!(match_unit("명이 늘었다", UNITS).unwrap().canonical, "명");
        assert!(match_unit("개발", UNITS).is_none());
        assert!(match_unit("원화", UNITS).is_none());
        assert!(match_unit("GWh", UNITS).is_some_and(|s| s.canonical == "GWh"));
        assert!(match_unit("mAh", UNITS).is_none());
        assert_eq!(
            match_unit("달 만에", NATIVE_COUNTERS).unwrap().canonical,
            "개월"
        );
    }
}
