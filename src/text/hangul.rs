//! Hangul helpers: jamo decomposition for typo distance, initial consonants
//! (초성) for completion filtering.
//!
//! Comparing syllables as whole characters makes "인사이틍" as far from
//! "인사이트" as from "인사이x"; comparing their jamo (ㅌㅡㅇ vs ㅌㅡ) shows
//! it is one keystroke away, which is what the user actually mistyped.

const SYLLABLE_BASE: u32 = 0xAC00;
const SYLLABLE_LAST: u32 = 0xD7A3;
const CHOSEONG: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];
const JUNGSEONG: [char; 21] = [
    'ㅏ', 'ㅐ', 'ㅑ', 'ㅒ', 'ㅓ', 'ㅔ', 'ㅕ', 'ㅖ', 'ㅗ', 'ㅘ', 'ㅙ', 'ㅚ', 'ㅛ', 'ㅜ', 'ㅝ', 'ㅞ',
    'ㅟ', 'ㅠ', 'ㅡ', 'ㅢ', 'ㅣ',
];
const JONGSEONG: [char; 28] = [
    '\0', 'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ',
    'ㅁ', 'ㅂ', 'ㅄ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ',
];

/// Splits a precomposed syllable into its compatibility jamo.
fn split(c: char) -> Option<(char, char, Option<char>)> {
    let code = c as u32;
    if !(SYLLABLE_BASE..=SYLLABLE_LAST).contains(&code) {
        return None;
    }
    let s = code - SYLLABLE_BASE;
    let l = (s / 588) as usize;
    let v = ((s % 588) / 28) as usize;
    let t = (s % 28) as usize;
    Some((CHOSEONG[l], JUNGSEONG[v], (t != 0).then(|| JONGSEONG[t])))
}

/// The jamo sequence of `text`; non-Hangul characters pass through.
pub fn jamo(text: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        match split(c) {
            Some((l, v, t)) => {
                out.push(l);
                out.push(v);
                out.extend(t);
            }
            None => out.push(c),
        }
    }
    out
}

/// The initial consonant of a syllable, or the character itself.
pub fn initial(c: char) -> char {
    split(c).map_or(c, |(l, _, _)| l)
}

/// Whether a character is a compatibility consonant (ㄱ…ㅎ) as typed when
/// a user searches by initials.
pub fn is_consonant(c: char) -> bool {
    ('ㄱ'..='ㅎ').contains(&c)
}

/// Whether `query` matches the start of `candidate`, where each consonant
/// in the query may stand for a whole syllable starting with it (ㅇㅅㅇㅌ
/// finds 인사이트, 인ㅅ finds 인사이트) and a trailing syllable may be
/// still under composition (인사ㅇ, 인삿 → no; 인사이 → yes).
///
/// Both sides should already be [`crate::text::title_key`]s.
pub fn prefix_matches(query: &str, candidate: &str) -> bool {
    let mut cand = candidate.chars();
    for q in query.chars() {
        let Some(c) = cand.next() else {
            return false;
        };
        if q == c || (is_consonant(q) && initial(c) == q) {
            continue;
        }
        return false;
    }
    true
}

/// Where `query` matches inside `candidate` by the rules of
/// [`prefix_matches`] (ㅂㄷㅊ finds 반도체 in 국내반도체): the character
/// offset of the first match.
pub fn find_matching(query: &str, candidate: &str) -> Option<usize> {
    if !query.chars().any(is_consonant) {
        // No initials: a plain substring search says the same, faster.
        return candidate
            .find(query)
            .map(|at| candidate[..at].chars().count());
    }
    candidate
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(candidate.len()))
        .enumerate()
        .find(|(_, at)| prefix_matches(query, &candidate[*at..]))
        .map(|(n, _)| n)
}

/// `text` with each syllable replaced by its initial consonant (반도체 →
/// ㅂㄷㅊ); other characters pass through. Byte offsets stay the same: a
/// syllable and a compatibility consonant both take three bytes in UTF-8,
/// so a match found in the initials is at the same offset in `text`.
pub fn initials(text: &str) -> String {
    text.chars().map(initial).collect()
}

/// [`find_matching`] for one query over many candidates whose
/// [`initials`] are kept beside them: a match must match in the initials
/// too (a syllable has its own initial, a consonant stands for it), so a
/// substring search there finds every place worth checking, and only
/// those are checked syllable by syllable.
pub struct InitialsFinder {
    query: String,
    finder: memchr::memmem::Finder<'static>,
}

impl InitialsFinder {
    /// A finder for `query` (a [`crate::text::title_key`]).
    pub fn new(query: &str) -> InitialsFinder {
        InitialsFinder {
            query: query.to_string(),
            finder: memchr::memmem::Finder::new(initials(query).as_bytes()).into_owned(),
        }
    }

    /// The byte offset of the first match in `candidate`, given
    /// `candidate_initials` = `initials(candidate)`.
    pub fn find(&self, candidate: &str, candidate_initials: &str) -> Option<usize> {
        // Every match, overlapping ones too: the first place the initials
        // match may fail on a syllable where the next one succeeds.
        let mut from = 0;
        while let Some(found) = candidate_initials
            .get(from..)
            .and_then(|rest| self.finder.find(rest.as_bytes()))
        {
            let at = from + found;
            if candidate
                .get(at..)
                .is_some_and(|c| prefix_matches(&self.query, c))
            {
                return Some(at);
            }
            from = at
                + candidate_initials[at..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
        }
        None
    }
}

/// Levenshtein distance between two jamo sequences.
pub fn distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn initials_keep_offsets_and_the_finder_checks_syllables() {
        assert_eq!(initials("반도체 수출ab"), "ㅂㄷㅊ ㅅㅊab");
        assert_eq!(initials("반도체").len(), "반도체".len());
        let f = InitialsFinder::new("ㅅ출");
        let key = "반도체수축수출";
        assert_eq!(f.find(key, &initials(key)), Some("반도체수축".len()));
        assert_eq!(
            InitialsFinder::new("ㅂㄷ").find(key, &initials(key)),
            Some(0)
        );
        assert_eq!(InitialsFinder::new("ㄱ").find(key, &initials(key)), None);
        // The initials match at 0 (ㅅㅅㅅ) but 사 is not 수; they match again,
        // overlapping, one syllable on.
        let key = "ㅅㅅ사수";
        assert_eq!(
            InitialsFinder::new("ㅅㅅ수").find(key, &initials(key)),
            Some("ㅅ".len())
        );
    }

    proptest! {
        /// The finder and the plain search agree on whether and where.
        #[test]
        fn initials_finder_agrees_with_find_matching(
            query in "[반도체수출ㅂㄷㅊㅅaㄱ가]{1,3}",
            key in "[반도체수출ㅂㄷㅊㅅaㄱ가 ]{0,12}",
        ) {
            let found = InitialsFinder::new(&query)
                .find(&key, &initials(&key))
                .map(|at| key[..at].chars().count());
            prop_assert_eq!(found, find_matching(&query, &key));
        }
    }

    #[test]
    fn jamo_distance_sees_one_keystroke() {
        assert_eq!(distance(&jamo("인사이틍"), &jamo("인사이트")), 1);
        assert!(distance(&jamo("배경"), &jamo("인사이트")) > 3);
    }

    #[test]
    fn initials_stand_for_syllables() {
        assert!(prefix_matches("ㅇㅅㅇㅌ", "인사이트"));
        assert!(prefix_matches("인ㅅ", "인사이트"));
        assert!(prefix_matches("인사", "인사이트"));
        assert!(!prefix_matches("ㅂㅁ", "인사이트"));
        assert!(prefix_matches("", "본문"));
    }

    #[test]
    fn initials_anywhere() {
        assert_eq!(find_matching("ㅂㄷㅊ", "국내반도체수출"), Some(2));
        assert_eq!(find_matching("수출", "국내반도체수출"), Some(5));
        assert_eq!(find_matching("ㅈㄷㅊ", "국내반도체"), None);
        assert_eq!(find_matching("", "본문"), Some(0));
    }
}
