//! Line-level cleanup of the chosen body: reporter bylines, copyright
//! footers, promos, "관련기사" lists, and each site's own cleanups.

use crate::article::sites::Cleanup;

/// Removes reporter bylines, copyright lines, promos and "관련기사" lists
/// from rendered paragraphs; applies the site's own cleanups.
pub(super) fn clean_paragraphs(paras: Vec<String>, cleanups: &[Cleanup]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(paras.len());
    let mut in_related = false;
    // A heading is judged by what follows it: titles, or the story going on.
    let prose_follows: Vec<bool> = (0..paras.len())
        .map(|i| paras.get(i + 1).is_some_and(|next| is_prose(next)))
        .collect();
    for (i, p) in paras.into_iter().enumerate() {
        let p = p.trim().to_owned();
        if cleanups
            .iter()
            .any(|c| matches!(c, Cleanup::CutFrom(s) if p.starts_with(s)))
        {
            break;
        }
        if cleanups.iter().any(|c| match c {
            Cleanup::DropStartingWith(s) => p.starts_with(s),
            Cleanup::DropContaining(s) => p.contains(s),
            Cleanup::CutFrom(_) => false,
        }) {
            continue;
        }
        let n = p.chars().count();
        let compact: String = p.chars().filter(|c| !c.is_whitespace()).collect();
        if matches!(
            compact.as_str(),
            "관련기사"
                | "[관련기사]"
                | "■관련기사"
                | "▶관련기사"
                | "관련뉴스"
                | "함께보면좋은기사"
                | "함께읽으면좋은기사"
                | "추천기사"
                | "많이본뉴스"
                | "많이본기사"
        ) || (i > 0 && is_related_heading(&p, n))
            || (i > 0 && !prose_follows[i] && is_loose_related_heading(&p, n))
        {
            in_related = true;
            continue;
        }
        if i > 0 && is_call_to_action(&p, n) {
            continue;
        }
        if in_related {
            // Related-article titles: short, no sentence end.
            if !is_prose(&p) {
                continue;
            }
            in_related = false;
        }
        if is_boilerplate_line(&p, n) {
            continue;
        }

        let p = if i == 0 { strip_lead_byline(&p) } else { p };
        if !p.is_empty() {
            out.push(p);
        }
    }
    // Trailing reporter name line without e-mail ("홍길동 기자").
    while let Some(last) = out.last() {
        let n = last.chars().count();
        if n <= 20
            && (last.ends_with("기자") || last.ends_with("특파원") || last.ends_with("기자]"))
        {
            out.pop();
        } else {
            break;
        }
    }
    out
}

/// Running text rather than a title: long, or ending a sentence.
fn is_prose(p: &str) -> bool {
    let p = p.trim();
    p.ends_with('.') || p.chars().count() >= 80
}

pub(super) fn is_boilerplate_line(p: &str, n: usize) -> bool {
    if n == 0 {
        return true;
    }
    let copyright = p.contains("무단전재")
        || p.contains("무단 전재")
        || p.contains("재배포 금지")
        || p.contains("재배포금지")
        || p.contains("무단복제");
    if copyright && n < 200 {
        return true;
    }
    // Korean papers' copyright footers. Only with Hangul in the line: in
    // other languages a wire-service credit is often part of the article.
    if n < 200
        && (p.starts_with('ⓒ') || p.starts_with('©') || p.starts_with("Copyright"))
        && !p.ends_with('다')
        && p.chars().any(is_hangul)
    {
        return true;
    }
    // "홍길동 기자 hong@example.com", "/홍길동 기자", "[홍길동 기자]".
    if n < 80 && has_email(p) && (p.contains("기자") || p.contains("특파원") || n < 50) {
        return true;
    }
    if n < 100 && (p.starts_with('▶') || p.starts_with('☞') || p.starts_with("▷")) {
        return true;
    }
    // Photo credits: "Foto: ATON", "Crédits photos : Bestimage" (short, no
    // sentence end).
    if n < 80 && !p.trim_end().ends_with('.') && is_photo_credit(p) {
        return true;
    }
    matches!(p, "광고" | "AD" | "Advertisement" | "ADVERTISEMENT")
}

/// "Foto: …", "Crédits photos : …": a label naming a picture's source.
fn is_photo_credit(p: &str) -> bool {
    let lower = p.to_lowercase();
    let Some((label, rest)) = lower.split_once(':') else {
        return false;
    };
    !rest.trim().is_empty()
        && matches!(
            label.trim(),
            "foto"
                | "fotos"
                | "photo"
                | "photos"
                | "bild"
                | "bilder"
                | "image"
                | "crédits photos"
                | "crédit photo"
                | "photo credit"
        )
}

/// A heading over a list of other articles or a table of contents, in the
/// languages the generic path meets most, as widgets commonly word them
/// (phrases of the kind, never the wording of one page): "You might also like:", "Lesen
/// Sie auch", "À lire aussi", "Inhaltsverzeichnis"… The titles after it go
/// with it (see [`clean_paragraphs`]).
fn is_related_heading(p: &str, n: usize) -> bool {
    const HEADINGS: &[&str] = &[
        "you might also like",
        "you may also like",
        "related articles",
        "related posts",
        "related stories",
        "recommended for you",
        "more from",
        "more stories",
        "see also",
        "further reading",
        "related coverage",
        "about the author",
        "table of contents",
        "auch lesen",
        "weitere beiträge",
        "über den autor",
        "inhaltsverzeichnis",
        "lesen sie auch",
        "lies auch",
        "weitere artikel",
        "mehr zum thema",
        "auch interessant",
        "à lire aussi",
        "lire aussi",
        "vous aimerez aussi",
        "le puede interesar",
        "te puede interesar",
        "lee también",
        "noticias relacionadas",
        "leggi anche",
        "czytaj także",
        "zobacz także",
    ];
    n < 60 && {
        let lower = p.to_lowercase();
        // "Das könnte Sie (dich) auch interessieren", "Was Sie auch interessieren könnte"…
        HEADINGS.iter().any(|h| lower.starts_with(h)) || lower.contains("auch interessieren")
    }
}

/// A heading that opens a box of further links as often as a section of
/// the story ("Weitere Informationen", "Weitere Projekte im Aufbau"): a
/// related heading only when no running text follows it.
fn is_loose_related_heading(p: &str, n: usize) -> bool {
    n < 60 && {
        let lower = p.to_lowercase();
        ["weitere ", "weiterführende "]
            .iter()
            .any(|h| lower.starts_with(h))
    }
}

/// A line that asks the reader to do something (share, rate, subscribe,
/// follow) rather than telling the story.
fn is_call_to_action(p: &str, n: usize) -> bool {
    const CALLS: &[&str] = &[
        "if you enjoyed",
        "subscribe now",
        "please subscribe",
        "to view the full story",
        "follow us on",
        "share this article",
        "share this post",
        "diesen artikel teilen",
        "pour lire la suite",
    ];
    n < 200 && {
        let lower = p.to_lowercase();
        CALLS.iter().any(|c| lower.contains(c))
    }
}

pub(super) fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{3131}'..='\u{318E}')
}

pub(super) fn has_email(p: &str) -> bool {
    p.split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == '[' || c == ']' || c == '<' || c == '>')
        .any(|w| {
            let mut parts = w.split('@');
            matches!((parts.next(), parts.next(), parts.next()), (Some(a), Some(b), None) if !a.is_empty() && b.contains('.'))
        })
}

/// "[이데일리 홍길동 기자] 본문…" and "(서울=연합뉴스) 홍길동 기자 = 본문…":
/// the byline prefix goes, the sentence stays.
pub(super) fn strip_lead_byline(p: &str) -> String {
    if !(p.starts_with('[') || p.starts_with('(')) {
        return p.to_owned();
    }
    for marker in [
        "기자] ",
        "특파원] ",
        "기자 = ",
        "특파원 = ",
        "기자= ",
        "기자 =",
        "기자]",
    ] {
        if let Some(pos) = p.find(marker)
            && p[..pos].chars().count() <= 40
        {
            return p[pos + marker.len()..].trim_start().to_owned();
        }
    }
    p.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_cleanups() {
        let paras = vec![
            "본문 첫 문단이다.".to_owned(),
            "제보는 카카오톡 okjebo".to_owned(),
            "본문 둘째 문단이다. 네이버에서 구독하세요 같은 말은 없다.".to_owned(),
            "▷ 더 보기".to_owned(),
            "▶ 관련기사 목록".to_owned(),
            "잘려 나갈 문단이다.".to_owned(),
        ];
        let cleanups = [
            Cleanup::DropStartingWith("제보는"),
            Cleanup::DropContaining("같은 말은"),
            Cleanup::CutFrom("▶ 관련기사"),
        ];
        assert_eq!(
            clean_paragraphs(paras, &cleanups),
            vec!["본문 첫 문단이다."]
        );
    }

    #[test]
    fn related_headings_and_calls_to_action_go() {
        let paras: Vec<String> = [
            "The council approved the new bridge on Monday, after a long debate.",
            "Work starts in spring and should take two years.",
            "You might also like:",
            "Ten bridges worth a visit",
            "Why cities love cable-stayed designs",
            "The council will publish the contracts next month.",
            "If you enjoyed reading this post, share it with a friend!",
        ]
        .map(str::to_owned)
        .to_vec();
        assert_eq!(
            clean_paragraphs(paras, &[]),
            vec![
                "The council approved the new bridge on Monday, after a long debate.",
                "Work starts in spring and should take two years.",
                "The council will publish the contracts next month.",
            ]
        );
        // A sentence that merely mentions reading more stays, and so does a
        // first paragraph (a page titled "More from the archive").
        let keep: Vec<String> = [
            "More from the archive: letters of 1848",
            "She wanted to read more about the bridges of Lyon, so she went.",
        ]
        .map(str::to_owned)
        .to_vec();
        assert_eq!(clean_paragraphs(keep.clone(), &[]), keep);
    }

    #[test]
    fn a_loose_heading_is_judged_by_what_follows() {
        let lines = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        // Titles after it: a box of further links, dropped with them.
        let box_of_links = lines(&[
            "Der Stadtrat hat am Montag den Neubau der Brücke beschlossen.",
            "Weitere Pressemitteilungen",
            "Neue Radwege im Norden",
            "Haushalt 2024 verabschiedet",
        ]);
        assert_eq!(
            clean_paragraphs(box_of_links, &[]),
            lines(&["Der Stadtrat hat am Montag den Neubau der Brücke beschlossen."])
        );
        // The story going on after it: a section of the story, kept.
        let section = lines(&[
            "Der Stadtrat hat am Montag den Neubau der Brücke beschlossen.",
            "Weitere Projekte im Aufbau",
            "Auch im Süden der Stadt sollen bis 2026 zwei Brücken erneuert werden.",
        ]);
        assert_eq!(clean_paragraphs(section.clone(), &[]), section);
    }

    #[test]
    fn photo_credits_go_sentences_about_photos_stay() {
        assert!(is_boilerplate_line("Foto: ATON", 10));
        assert!(is_boilerplate_line("Crédits photos : Bestimage", 26));
        let p = "Photo: the mayor opened the bridge, and hundreds of people walked across it on the first day.";
        assert!(!is_boilerplate_line(p, p.chars().count()));
        assert!(!is_boilerplate_line(
            "Fotos von der Eröffnung gibt es morgen.",
            39
        ));
    }

    #[test]
    fn boilerplate_lines() {
        let paras = vec![
            "[이데일리 홍길동 기자] 한국은행이 기준금리를 동결했다.".to_owned(),
            "물가가 안정되고 있다는 판단이다.".to_owned(),
            "관련기사".to_owned(),
            "금리 동결 배경은".to_owned(),
            "함께 보면 좋은 기사".to_owned(),
            "환율 다시 1400원대".to_owned(),
            "홍길동 기자 hong@example.co.kr".to_owned(),
            "ⓒ 이데일리, 무단전재 및 재배포 금지".to_owned(),
        ];
        assert_eq!(
            clean_paragraphs(paras, &[]),
            vec![
                "한국은행이 기준금리를 동결했다.",
                "물가가 안정되고 있다는 판단이다."
            ]
        );
    }
}
