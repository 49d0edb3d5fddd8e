//! The draft list for the insight section: one line per figure or change
//! worth keeping, `- 주어: 200명 → 500명 (+300명, 2.5배)`, ranked (changes
//! first, then money and rates) and deduplicated (a figure repeated in the
//! lead and the body appears once).

use super::format::{change_parts, direction_word, grouped};
use super::relate::{DOWN, UP, kind_of};
use super::units::{UnitKind, is_hangul};
use super::{Figure, change_start, figures_in};
use crate::i18n::Locale;
use crate::scrap::edit::{Edit, fill_empty_section};
use crate::scrap::parse::{Form, Scrap, content_span, content_text};
use crate::scrap::template::{Role, Template};

/// How many lines a draft holds at most.
pub const MAX_LINES: usize = 12;

/// Words that say when or against what, not what: dropped from subjects.
const FILLERS: &[&str] = &[
    "지난해",
    "올해",
    "작년",
    "내년",
    "지난달",
    "이달",
    "이번달",
    "전년",
    "전년도",
    "전년比",
    "같은",
    "기간",
    "대비",
    "동기",
    "약",
    "대략",
    "무려",
    "최대",
    "최소",
    "총",
    "모두",
    "현재",
    "기준",
    "당시",
    "이번",
    "지난",
    "최근",
    "연간",
    "올",
    "한때",
    "역대",
    "사상",
    "전",
    "직전",
    "이는",
    "이",
    "그",
    "해당",
];
/// Particles stripped from the end of a subject's last word, longest first.
const PARTICLES: &[&str] = &[
    "에서는",
    "으로는",
    "에서",
    "에는",
    "으로",
    "부터",
    "까지",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "에",
    "도",
    "로",
    "와",
    "과",
    "만",
];

/// The draft lines (each starting with `- `) for `figures` of `text`.
pub fn draft(text: &str, figures: &[Figure], locale: Locale) -> Vec<String> {
    let mut candidates: Vec<(i32, usize, String, String)> = Vec::new();
    let mut last_subject = String::new();
    for (i, f) in figures.iter().enumerate() {
        if f.change_from_of.is_some() {
            continue;
        }
        let from = change_start(figures, i);
        let first = from.unwrap_or(i);
        let what = match (&f.change, from) {
            (Some(change), Some(s)) => format!(
                "{} → {} ({})",
                &text[figures[s].span.clone()],
                &text[f.span.clone()],
                change_parts(change, f.unit, locale, false).join(", ")
            ),
            (Some(change), None) => format!(
                "{} {}",
                &text[f.span.clone()],
                direction_word(change.direction, locale)
            ),
            (None, _) => text[f.span.clone()].to_string(),
        };
        let key = dedup_key(f);
        let mut subject = subject(text, figures, first);
        // A sentence without a subject of its own (`이는 931% 증가한 …`)
        // speaks of the one before.
        if subject.is_empty() {
            subject = last_subject.clone();
        }
        last_subject.clone_from(&subject);
        let line = if subject.is_empty() {
            format!("- {what}")
        } else {
            format!("- {subject}: {what}")
        };
        candidates.push((rank(text, f, from.is_some()), i, key, line));
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut seen = std::collections::HashSet::new();
    candidates
        .into_iter()
        .filter(|(_, _, key, _)| seen.insert(key.clone()))
        .take(MAX_LINES)
        .map(|(_, _, _, line)| line)
        .collect()
}

/// The edit that puts the body's draft list into the insight section: into
/// an empty insight (replacing only white space and the guidance comment),
/// or appended under what is there. Lines the insight already holds are
/// not repeated; `None` when nothing is left to add, when either section is
/// absent, or in table form.
pub fn draft_edit(text: &str, scrap: &Scrap, template: &Template, locale: Locale) -> Option<Edit> {
    if scrap.form != Form::Markdown {
        return None;
    }
    let body = scrap.first_of(template.by_role(Role::Body)?)?;
    let insight_spec = template.by_role(Role::Insight)?;
    let insight = scrap.first_of(insight_spec)?;
    let written = content_text(text, insight, scrap.form);
    let lines: Vec<String> = draft(text, &figures_in(text, body.content.clone()), locale)
        .into_iter()
        .filter(|line| !written.contains(line.as_str()))
        .collect();
    if lines.is_empty() {
        return None;
    }
    let list = lines.join("\n");
    if written.is_empty() {
        return fill_empty_section(text, scrap, insight_spec, &list);
    }
    let end = content_span(text, insight).end;
    let last_line = text[..end].rsplit('\n').next().unwrap_or("").trim_start();
    let gap = if last_line.starts_with(['-', '*', '+']) {
        "\n"
    } else {
        "\n\n"
    };
    Some(Edit {
        span: end..end,
        text: format!("{gap}{list}"),
    })
}

/// Changes with both ends first, then changes, then money and rates, then
/// the rest; counts written in Hangul words (`한 번`) last.
fn rank(text: &str, f: &Figure, from_to: bool) -> i32 {
    let mut score = match (&f.change, from_to) {
        (Some(_), true) => 3,
        (Some(_), false) => 2,
        (None, _) => 0,
    };
    let money = matches!(f.unit, "원" | "달러" | "엔" | "위안" | "유로" | "파운드");
    if money || matches!(kind_of(f.unit), UnitKind::Percent | UnitKind::Points) {
        score += 1;
    }
    if text[f.number.clone()].chars().next().is_some_and(is_hangul) {
        score -= 1;
    }
    score
}

/// What makes two figures the same: value, unit, bounds and change.
fn dedup_key(f: &Figure) -> String {
    let change = f.change.as_ref().map(|c| {
        format!(
            "{:?}{:?}{:?}{:?}{}",
            c.from,
            c.to,
            c.delta,
            c.ratio,
            c.direction.as_str()
        )
    });
    format!(
        "{}|{}|{:?}|{:?}",
        grouped(f.value),
        f.unit,
        f.bounds,
        change
    )
}

/// The subject phrase of figure `i`: the words before it in its sentence
/// (after any earlier figure), without time and comparison words and
/// without the last word's particle; the sentence's first subject when
/// nothing is left (`… 12.4% 늘어난 21억 달러`).
fn subject(text: &str, figures: &[Figure], i: usize) -> String {
    let f = &figures[i];
    // Figures are in order: those of the same sentence are neighbours.
    let same = |p: &Figure| p.sentence == f.sentence;
    let prev_end = i
        .checked_sub(1)
        .map(|p| &figures[p])
        .filter(|p| same(p))
        .map(|p| p.span.end);
    let mut start = prev_end.unwrap_or(f.sentence.start).max(f.sentence.start);
    if prev_end.is_some() {
        // What is glued to the figure before (`71조원으로`) is its own.
        let gap = &text[start..f.span.start.max(start)];
        start += gap.find(char::is_whitespace).unwrap_or(gap.len());
    }
    let own = phrase(&text[start..f.span.start.max(start)]);
    if !own.is_empty() || prev_end.is_none() {
        return own;
    }
    let first = figures[..i]
        .iter()
        .rev()
        .take_while(|p| same(p))
        .last()
        .map_or(f.span.start, |p| p.span.start);
    phrase(&text[f.sentence.start..first.max(f.sentence.start)])
}

/// The last few meaningful words of `segment`, its last particle removed.
fn phrase(segment: &str) -> String {
    let segment = segment
        .rsplit([',', '(', ':', '·'])
        .next()
        .unwrap_or(segment);
    let words: Vec<&str> = segment
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '%')))
        .filter(|w| !w.is_empty())
        .filter(|w| !FILLERS.contains(w) && !w.ends_with("보다") && !w.ends_with("대비"))
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()) || w.chars().any(is_hangul))
        .filter(|w| !is_date_word(w) && !is_predicate(w))
        .collect();
    let keep = &words[words.len().saturating_sub(5)..];
    // A topic or subject particle inside the phrase goes too
    // (`삼성전자가 영업이익` → `삼성전자 영업이익`); short words keep theirs
    // (`주가`, `국가`).
    let mut out: Vec<String> = keep
        .iter()
        .map(|w| match w.strip_suffix(['은', '는', '가']) {
            Some(stem) if stem.chars().count() >= 2 => stem.to_string(),
            _ => w.to_string(),
        })
        .collect();
    if let Some(last) = out.last_mut() {
        for p in PARTICLES {
            if let Some(stem) = last.strip_suffix(p)
                && !stem.is_empty()
            {
                *last = stem.to_string();
                break;
            }
        }
    }
    out.join(" ")
}

/// A verb or its modifier form (`늘어난`, `기록한`, `감소된`): what a
/// figure did, not what it is.
fn is_predicate(w: &str) -> bool {
    UP.iter().chain(DOWN).any(|s| w.starts_with(s))
        || w.chars().count() > 1 && w.ends_with(['한', '된', '난', '던', '른', '린'])
}

/// `13일`, `7월`, `2024년`, `3분기`: when, not what.
fn is_date_word(w: &str) -> bool {
    let digits = w.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && ["일", "월", "년", "분기", "시", "분"]
            .iter()
            .any(|s| w[digits..].starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::figures;

    fn lines(text: &str) -> Vec<String> {
        draft(text, &figures(text), Locale::Ko)
    }

    #[test]
    fn the_draft_fills_an_empty_insight_and_appends_under_text() {
        let template = Template::default();
        let body = "## 본문\n인력을 200명에서 500명으로 늘린다. 예산은 3조원이다.\n\n";
        let apply = |text: &str| {
            let scrap = crate::scrap::parse::parse(text, &template);
            let edit = draft_edit(text, &scrap, &template, Locale::Ko)?;
            let mut out = text.to_string();
            out.replace_range(edit.span, &edit.text);
            Some(out)
        };
        let empty = format!("{body}## 인사이트\n<!-- 수치화 -->\n\n## 요약\n의견\n");
        assert_eq!(
            apply(&empty).expect("an edit"),
            format!(
                "{body}## 인사이트\n\n- 인력: 200명 → 500명 (+300명, 2.5배)\n- 예산: 3조원\n\n## 요약\n의견\n"
            )
        );
        let written = format!("{body}## 인사이트\n내 생각.\n");
        let once = apply(&written).expect("an edit");
        assert!(once.starts_with(&format!("{body}## 인사이트\n내 생각.\n\n- 인력: 200명")));
        // Everything is there now: nothing more to add.
        assert_eq!(apply(&once), None);
    }

    #[test]
    fn a_change_becomes_one_line_with_its_subject() {
        let text = "머신러닝 부트캠프 인력 양성을 지난해 200명 수준에서 500명 수준으로 늘린다.";
        assert_eq!(
            lines(text),
            ["- 머신러닝 부트캠프 인력 양성: 200명 → 500명 (+300명, 2.5배)"]
        );
    }

    #[test]
    fn later_figures_share_the_sentence_subject() {
        let text = "지난달 2차전지 수출액이 전년 같은 달보다 12.4% 늘어난 21억 달러를 기록했다.";
        assert_eq!(
            lines(text),
            [
                "- 2차전지 수출액: 12.4% 증가",
                "- 2차전지 수출액: 21억 달러"
            ]
        );
    }

    #[test]
    fn subjects_skip_pronouns_particles_and_comparisons() {
        let text = "삼성전자가 올해 1분기 영업이익 6조6천억원을 기록했다. 이는 전년 동기 대비 931.25% 증가한 수치다. 매출은 71조원으로 11.37% 늘었다. 코스피는 전 거래일보다 1.2% 내렸다.";
        assert_eq!(
            lines(text),
            [
                "- 삼성전자 영업이익: 931.25% 증가",
                "- 매출: 11.37% 증가",
                "- 코스피: 1.2% 감소",
                "- 삼성전자 영업이익: 6조6천억원",
                "- 매출: 71조원",
            ]
        );
    }

    #[test]
    fn repeated_figures_appear_once_and_changes_rank_first() {
        let text = "매출은 3조원이다. 직원은 1만2000명이다.\n\n영업이익이 18% 늘었다. 회사의 매출은 3조원이었다.";
        let got = lines(text);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0], "- 영업이익: 18% 증가");
        assert_eq!(got[1], "- 매출: 3조원");
    }
}
