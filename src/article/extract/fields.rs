//! Cleanup of the short fields: the headline (site-name suffixes), the
//! author (titles, e-mail addresses) and the publication date (ISO 8601).

use scraper::Html;

use super::select::{collapse, first_text, fragment_text};
use crate::article::sites::SiteRule;

/// Heading texts that may hold the clean headline: the site's heading
/// selectors, then `h1`s.
pub(super) fn heading_texts(doc: &Html, rule: Option<&SiteRule>) -> Vec<String> {
    let mut out = Vec::new();
    let sels = rule.map_or(&[][..], |r| r.headline);
    for s in sels.iter().chain(["h1", "h2"].iter()) {
        if let Some(t) = first_text(doc, s)
            && t.chars().count() >= 2
            && !out.contains(&t)
        {
            out.push(t);
        }
    }
    out
}

pub(super) const TITLE_SEPARATORS: &[&str] = &[
    " - ", " | ", " < ", " > ", "ㅣ", "｜", " :: ", " – ", " — ", " · ", "|", " : ", " :", " / ",
];

/// Removes the site-name suffix from a title: " - 매일경제", " | 한국일보",
/// "-정치ㅣ한국일보", " < 기사본문 - AI타임스".
pub(super) fn clean_title(raw: &str, names: &[String], headings: &[String]) -> String {
    let mut t = collapse(&fragment_text(raw));
    while let Some((pos, sep)) = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| t.rfind(sep).map(|p| (p, *sep)))
        .max_by_key(|(p, _)| *p)
    {
        let seg = t[pos + sep.len()..].trim();
        let lower = seg.to_lowercase();
        let is_site = !seg.is_empty()
            && (names.iter().any(|n| lower.contains(&n.to_lowercase()))
                || matches!(seg, "기사본문" | "기사" | "뉴스" | "전체기사" | "홈"));
        if is_site && pos > 0 {
            t.truncate(pos);
            t = t.trim_end().to_owned();
        } else {
            break;
        }
    }
    // A heading that is the title minus a trailing "-섹션" is the headline.
    for h in headings {
        if t.len() > h.len()
            && t.starts_with(h.as_str())
            && t[h.len()..]
                .trim_start()
                .starts_with(['-', '|', '<', 'ㅣ', '｜', ':', '–', '—', '·'])
        {
            return h.clone();
        }
    }
    t
}

pub(super) fn clean_author(a: &str) -> String {
    let a = collapse(&fragment_text(a));
    let words: Vec<&str> = a.split(' ').filter(|w| !w.contains('@')).collect();
    let joined = words.join(" ");
    // A scrap records the person: "홍길동 기자" → "홍길동".
    let mut name = joined.trim();
    for prefix in ["기자명 ", "글 "] {
        name = name.strip_prefix(prefix).unwrap_or(name);
    }
    for suffix in [
        " 선임기자",
        " 객원기자",
        " 인턴기자",
        " 기자",
        " 특파원",
        " 논설위원",
        " 객원기자",
    ] {
        name = name.strip_suffix(suffix).unwrap_or(name);
    }
    name.trim_matches(|c: char| {
        c == '[' || c == ']' || c == '(' || c == ')' || c == '/' || c == ',' || c.is_whitespace()
    })
    .to_owned()
}

/// Normalises dates to ISO 8601: keeps ISO input, turns "2024-03-05
/// 09:30:00", "2024.03.05 09:30" and "20240305093000" into
/// "2024-03-05T09:30:00"; Korean sites' local times get "+09:00".
pub(super) fn iso_date(raw: &str, korean_site: bool) -> Option<String> {
    let s = raw.trim();
    let digits: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.parse().ok())
        .collect();
    let compact: String = s.chars().take_while(char::is_ascii_digit).collect();
    let (y, mo, d, h, mi, sec) = if compact.len() >= 8 && compact.len() == s.len() {
        let n = |a: usize, b: usize| {
            compact
                .get(a..b)
                .and_then(|x| x.parse::<u32>().ok())
                .unwrap_or(0)
        };
        (n(0, 4), n(4, 6), n(6, 8), n(8, 10), n(10, 12), n(12, 14))
    } else if digits.len() >= 3 && digits[0] >= 1900 {
        let g = |i: usize| digits.get(i).copied().unwrap_or(0);
        (g(0), g(1), g(2), g(3), g(4), g(5))
    } else {
        return None;
    };
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    // Keep an explicit offset or Z from the input.
    let offset = if s.ends_with('Z') {
        "Z".to_owned()
    } else if let Some(p) = s
        .rfind(['+', '-'])
        .filter(|&p| p > 10 && s[p..].contains(':') && s.len() - p == 6)
    {
        s[p..].to_owned()
    } else if let Some(p) = s
        .rfind(['+', '-'])
        .filter(|&p| p > 10 && s.len() - p == 5 && s[p + 1..].bytes().all(|b| b.is_ascii_digit()))
    {
        format!("{}:{}", &s[p..p + 3], &s[p + 3..])
    } else if korean_site && (h, mi, sec) != (0, 0, 0) {
        "+09:00".to_owned()
    } else {
        String::new()
    };
    if (h, mi, sec) == (0, 0, 0) && digits.len() <= 3 && compact.len() <= 8 {
        return Some(format!("{y:04}-{mo:02}-{d:02}"));
    }
    Some(format!(
        "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{sec:02}{offset}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_suffixes() {
        let names = vec![
            "매일경제".to_owned(),
            "한국일보".to_owned(),
            "AI타임스".to_owned(),
        ];
        assert_eq!(
            clean_title("금리 동결 - 매일경제", &names, &[]),
            "금리 동결"
        );
        assert_eq!(
            clean_title("금리 동결 | 한국일보", &names, &[]),
            "금리 동결"
        );
        assert_eq!(
            clean_title("금리 동결 < 기사본문 - AI타임스", &names, &[]),
            "금리 동결"
        );
        assert_eq!(
            clean_title("금리 동결 < 기사 < AI타임스", &names, &[]),
            "금리 동결"
        );
        assert_eq!(
            clean_title(
                "금리 동결-정치ㅣ한국일보",
                &names,
                &["금리 동결".to_owned()]
            ),
            "금리 동결"
        );
        assert_eq!(
            clean_title("A - B 협상 타결", &names, &[]),
            "A - B 협상 타결"
        );
        let donga = vec!["동아일보".to_owned()];
        assert_eq!(
            clean_title("물가 3.1% 상승｜동아일보", &donga, &[]),
            "물가 3.1% 상승"
        );
    }

    #[test]
    fn dates() {
        assert_eq!(
            iso_date("2024-03-05 09:30:00", true).as_deref(),
            Some("2024-03-05T09:30:00+09:00")
        );
        assert_eq!(
            iso_date("20240305093000", false).as_deref(),
            Some("2024-03-05T09:30:00")
        );
        assert_eq!(
            iso_date("2024-03-05T09:30:00+09:00", true).as_deref(),
            Some("2024-03-05T09:30:00+09:00")
        );
        assert_eq!(
            iso_date("2024-03-05T00:30:00Z", false).as_deref(),
            Some("2024-03-05T00:30:00Z")
        );
        assert_eq!(iso_date("2024.03.05", true).as_deref(), Some("2024-03-05"));
        assert_eq!(iso_date("어제", true), None);
    }
}
