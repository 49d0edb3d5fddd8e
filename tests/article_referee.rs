//! The referee's choices on whole pages, through the public extractor: a
//! stale site rule loses to the article, hydration JSON gives the body when
//! the DOM has none, a teaser list loses to running text, and a near-empty
//! body is never returned while the page has paragraphs.

use std::path::Path;

use scrapls::article::{PARTIAL_BELOW, Source, extract_traced};

fn fixture(name: &str) -> (Vec<u8>, url::Url) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let html = std::fs::read(dir.join(format!("{name}.html"))).unwrap();
    let expected: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join(format!("expected/{name}.json"))).unwrap())
            .unwrap();
    let url = url::Url::parse(expected["url"].as_str().unwrap()).unwrap();
    (html, url)
}

const SENTENCE: &str = "정부가 내년 예산안을 발표했다. 총지출은 전년보다 4.2% 늘어난 680조 원 규모로, 연구개발과 복지 분야 증가 폭이 가장 컸다.";

#[test]
fn hydration_json_gives_the_body_when_the_dom_has_none() {
    for (name, first) in [
        ("nextjs", "반도체 수출이 석 달 연속 늘었다."),
        ("dehydrated", "국내 5대 은행의 가계대출 잔액이"),
    ] {
        let (html, url) = fixture(name);
        let (a, trace) = extract_traced(&html, Some(&url), None);
        assert_eq!(trace.winner, Some(Source::Embedded), "{name}: {trace:?}");
        assert!(a.body.starts_with(first), "{name}:\n{}", a.body);
        // Photo boxes, ad slots, the reporter's e-mail and the comment thread
        // stored beside the article stay out.
        for junk in ["사진", "광고", "@", "무단", "구독", "내 집 마련"] {
            assert!(!a.body.contains(junk), "{name}: {junk:?} in\n{}", a.body);
        }
        assert!(a.confidence >= PARTIAL_BELOW, "{name}: {}", a.confidence);
    }
}

#[test]
fn a_stale_site_rule_hitting_a_teaser_list_loses_to_the_article() {
    let teasers: String = (0..8)
        .map(|i| format!("<p><a href=\"/article/{i}\">[많이 본 뉴스] 내년 예산안 분야별 증감과 전문가 분석 모음 {i}</a></p>"))
        .collect();
    let html = format!(
        r#"<html><head><title>내년 예산 680조 - 한국경제</title></head><body>
        <div id="articletxt">{teasers}</div>
        <main><section class="story">{}</section></main></body></html>"#,
        format!("<p>{SENTENCE}</p>").repeat(6)
    );
    let url = url::Url::parse("https://www.hankyung.com/article/2026112099998").unwrap();
    let (a, trace) = extract_traced(html.as_bytes(), Some(&url), None);
    // The article's own box (`section.story`) or the generic scorer: not the rule.
    assert!(
        matches!(trace.winner, Some(Source::Container | Source::Generic)),
        "{trace:?}"
    );
    assert_eq!(a.body.matches("연구개발").count(), 6, "{}", a.body);
    assert!(!a.body.contains("많이 본 뉴스"), "{}", a.body);
}

#[test]
fn a_microdata_teaser_list_loses_to_the_article_text() {
    let teasers: String = (0..6)
        .map(|i| format!("<li><a href=\"/p/{i}\">More from us: ten budget charts worth a look, part {i}</a></li>"))
        .collect();
    let body = "The government presented next year's budget on Monday, with spending up 4.2 percent, the largest rise going to research and welfare. ";
    let html = format!(
        r#"<html><head><title>Budget</title><script type="application/ld+json">
        {{"@type":"NewsArticle","headline":"Budget","articleBody":"{}"}}</script></head><body>
        <div itemprop="articleBody"><ul>{teasers}</ul></div>
        <div class="sidebar"><p>Subscribe to our newsletter for more.</p></div></body></html>"#,
        body.repeat(8)
    );
    let (a, trace) = extract_traced(html.as_bytes(), None, None);
    assert_eq!(trace.winner, Some(Source::JsonLd), "{trace:?}");
    assert!(a.body.starts_with("The government presented"), "{}", a.body);
    assert!(!a.body.contains("More from us"));
}

#[test]
fn near_empty_is_never_the_answer_while_the_page_has_text() {
    // JSON-LD holds only a stub; the theme wraps the article in a box named
    // for its share buttons, inside an unclosed <header>.
    let html = format!(
        r#"<html><head><script type="application/ld+json">
        {{"@type":"BlogPosting","headline":"Klimademo","articleBody":"Kurz."}}</script></head>
        <body><header id="branding"><div id="socialicons-sticky"><div class="entry">{}</div></div>
        <div class="share"><a href="/fb">Teilen</a></div></body></html>"#,
        "<p>Die Demonstration zog am Freitag rund achttausend Menschen in die Innenstadt, die friedlich für mehr Klimaschutz eintraten.</p>".repeat(4)
    );
    let (a, trace) = extract_traced(html.as_bytes(), None, None);
    assert!(a.body.chars().count() > 300, "{trace:?}: {}", a.body);
    assert!(a.body.starts_with("Die Demonstration"), "{}", a.body);
    // Even when no candidate but the last resort finds it.
    let bare = "<html><body><table><tr><td><div>Die Demonstration zog am Freitag rund achttausend Menschen in die Innenstadt.</div><div>Sie blieb friedlich, die Polizei meldete keine Zwischenfälle und lobte die Ordner.</div></td></tr></table></body></html>";
    let (a, _) = extract_traced(bare.as_bytes(), None, None);
    assert!(a.body.contains("achttausend"), "{}", a.body);
}

#[test]
fn a_paywall_cut_has_low_confidence_and_json_reports_it() {
    let html = format!(
        r#"<html><head><title>Zinsen</title></head><body><article>
        <p>{SENTENCE}</p><p>전체 기사를 보려면 유료 회원으로 로그인하세요…</p></article></body></html>"#
    );
    let (a, _) = extract_traced(html.as_bytes(), None, None);
    assert!(a.body.contains("예산안"), "{}", a.body);
    assert!(a.confidence < PARTIAL_BELOW, "{}", a.confidence);
    let json = serde_json::to_value(&a).unwrap();
    assert!(
        json["confidence"].as_f64().is_some_and(|c| c < 0.5),
        "{json}"
    );
}

#[test]
fn cli_json_carries_the_confidence() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles/dehydrated.html");
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_scrapls"))
        .args([
            "extract",
            "--url",
            "https://www.gyeongje-ilbo.example/news/2026113000789",
            "--format",
            "json",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v["body"]
            .as_str()
            .unwrap()
            .starts_with("국내 5대 은행의 가계대출 잔액이"),
        "{v}"
    );
    let c = v["confidence"].as_f64().unwrap();
    assert!((0.5..=1.0).contains(&c), "{c}");
}

#[test]
fn the_lead_set_apart_from_the_body_comes_back_at_its_head() {
    let lead = "The council approved the new bridge on Monday after a long debate about its cost and its look.";
    let para = "Work starts in spring and should take two years, the mayor said, adding that traffic will be diverted. ";
    let html = format!(
        r#"<html><head><title>Bridge</title><meta property="og:description" content="{lead}"></head><body>
        <header><h1>Bridge approved</h1><h2 class="dek">{lead}</h2><p class="standfirst">{lead}</p></header>
        <div class="entry-content"><p>{para}</p><p>{para}</p><p>{para}</p></div></body></html>"#
    );
    let (a, _) = extract_traced(html.as_bytes(), None, None);
    assert!(a.body.starts_with(lead), "{}", a.body);
    // Once, from the paragraph: not again from the subtitle heading.
    assert_eq!(a.body.matches(lead).count(), 1, "{}", a.body);
    assert_eq!(a.body.matches("Work starts").count(), 3, "{}", a.body);
}
