//! The Korean fixture set: one hand-written page per supported site, each
//! following that site's real markup (ads, photo captions, related-article
//! boxes, reporter e-mails, copyright lines, share buttons), with the true
//! headline and body in `expected/<site>.json`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use scrapls::article::{Article, extract, quality::shingle_match};
use serde_json::Value;

fn fixtures() -> Vec<(String, Vec<u8>, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixture dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let stem = f.file_stem().unwrap().to_string_lossy().into_owned();
            let expected: Value = serde_json::from_slice(
                &std::fs::read(dir.join("expected").join(format!("{stem}.json"))).unwrap(),
            )
            .unwrap();
            (stem, std::fs::read(&f).unwrap(), expected)
        })
        .collect()
}

fn run(html: &[u8], expected: &Value) -> Article {
    let url = url::Url::parse(expected["url"].as_str().unwrap()).unwrap();
    extract(html, Some(&url), None)
}

#[test]
fn every_site_has_a_fixture() {
    let names: Vec<String> = fixtures().into_iter().map(|f| f.0).collect();
    assert!(names.len() >= 16, "{names:?}");
    for rule in scrapls::article::sites::RULES {
        assert!(
            names.iter().any(|n| n == rule.key),
            "no fixture for {}",
            rule.key
        );
    }
}

#[test]
fn headlines_exact_and_bodies_close() {
    let mut failures = Vec::new();
    for (name, html, expected) in fixtures() {
        let a = run(&html, &expected);
        if a.headline.as_deref() != expected["headline"].as_str() {
            failures.push(format!("{name}: headline {:?}", a.headline));
        }
        let m = shingle_match(expected["body"].as_str().unwrap(), &a.body);
        if m.f1() < 0.98 {
            failures.push(format!(
                "{name}: body F1 {:.3}\n---\n{}\n---",
                m.f1(),
                a.body
            ));
        }
        if a.press.as_deref() != expected["press"].as_str() {
            failures.push(format!("{name}: press {:?}", a.press));
        }
        if a.published.as_deref() != expected["published"].as_str() {
            failures.push(format!("{name}: published {:?}", a.published));
        }
        if a.author.as_deref() != expected["author"].as_str() {
            failures.push(format!("{name}: author {:?}", a.author));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn boilerplate_never_reaches_the_body() {
    for (name, html, expected) in fixtures() {
        let body = run(&html, &expected).body;
        for junk in [
            "무단",
            "재배포",
            "@",
            "광고",
            "관련기사",
            "사진",
            "공유",
            "Copyright",
            "AD",
        ] {
            assert!(!body.contains(junk), "{name}: body holds {junk:?}:\n{body}");
        }
        assert!(!body.contains("\n\n\n"), "{name}: paragraph breaks doubled");
    }
}

#[test]
fn euc_kr_page_comes_out_as_hangul() {
    let (_, html, expected) = fixtures().into_iter().find(|f| f.0 == "mt").unwrap();
    assert!(
        std::str::from_utf8(&html).is_err(),
        "the mt fixture is EUC-KR"
    );
    let a = run(&html, &expected);
    assert!(a.body.contains("배터리 3사가 올해 북미 지역에만"));
    // Precomposed syllables, never NFD jamo.
    assert!(
        !a.body
            .chars()
            .any(|c| ('\u{1100}'..='\u{11ff}').contains(&c))
    );
}

#[test]
fn naver_spans_join_without_spaces() {
    let (_, html, expected) = fixtures().into_iter().find(|f| f.0 == "naver").unwrap();
    let a = run(&html, &expected);
    assert!(a.body.contains("역대 최대 순이익을 냈다"), "{}", a.body);
}

#[test]
fn common_cms_is_recognised_without_a_domain_rule() {
    let (_, html, _) = fixtures().into_iter().find(|f| f.0 == "regional").unwrap();
    let a = extract(&html, None, None);
    assert!(
        a.body.starts_with("【청주】 충북 지역 수출이"),
        "{}",
        a.body
    );
    assert!(!a.body.contains("기자"));
}

#[test]
fn deep_nesting_is_bounded() {
    let mut html = String::from("<html><body>");
    html.push_str(&"<div>".repeat(100_000));
    html.push_str("<p>깊은 곳의 문단이다. 파서가 멈추면 안 된다.</p>");
    html.push_str(&"</div>".repeat(100_000));
    let start = Instant::now();
    let a = extract(html.as_bytes(), None, None);
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
    assert!(a.body.contains("깊은 곳의 문단이다"));
}

#[test]
fn wide_and_deep_pages_are_bounded() {
    // 150 towers of 400 nested elements whose classes match removal
    // selectors and scoring words: every pass must stay linear-ish.
    let mut html = String::from("<html><body><article>");
    for i in 0..150 {
        html.push_str(&"<div class=\"share related article-body\">".repeat(400));
        html.push_str(&format!(
            "<p>{i}번째 탑의 문단이다. 문장이 조금 길어야 점수를 받는다.</p>"
        ));
        html.push_str(&"</div>".repeat(400));
    }
    html.push_str("</article></body></html>");
    let url = url::Url::parse("https://www.hankyung.com/article/1").unwrap();
    for url in [None, Some(&url)] {
        let start = Instant::now();
        let _ = extract(html.as_bytes(), url, None);
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{:?}",
            start.elapsed()
        );
    }
}

#[test]
fn garbage_never_panics() {
    let inputs: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"\xff\xfe\x00<".to_vec(),
        b"<script type='application/ld+json'>{\"articleBody\": 5, \"author\": [[[]]]}</script>"
            .to_vec(),
        b"<script>Fusion.globalContent={\"content_elements\":[{\"type\":\"text\"}]</script>"
            .to_vec(),
        "<meta charset=\"x-unknown\"><title> - </title><h1>|</h1>"
            .as_bytes()
            .to_vec(),
        "<br>".repeat(10_000).into_bytes(),
        "<table><tr><td>".repeat(5_000).into_bytes(),
        "<a><b><i><u>".repeat(20_000).into_bytes(),
    ];
    let url = url::Url::parse("https://www.chosun.com/x").unwrap();
    for input in inputs {
        let _ = extract(&input, None, None);
        let _ = extract(&input, Some(&url), Some("utf-8"));
    }
}

mod never_panics {
    use proptest::prelude::*;

    /// Fragments that exercise the parser, the depth guard, JSON-LD, the
    /// Fusion reader and the cleanups.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("<div>".to_owned()),
            Just("</div>".to_owned()),
            Just("<p>".to_owned()),
            Just("<br>".to_owned()),
            Just("<span>".to_owned()),
            Just("<!--".to_owned()),
            Just("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"".to_owned()),
            Just("<script>Fusion.globalContent={\"content_elements\":[".to_owned()),
            Just("</script>".to_owned()),
            Just("<meta charset=euc-kr>".to_owned()),
            Just("<title>제목 - 한국일보</title>".to_owned()),
            Just("<article id=\"dic_area\">".to_owned()),
            Just("무단전재 및 재배포 금지".to_owned()),
            Just("홍길동 기자 hong@example.com".to_owned()),
            "[가-힣a-z .,\"<>/&;=\\[\\]{}]{0,40}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn arbitrary_html(pieces in proptest::collection::vec(piece(), 0..60)) {
            let html = pieces.concat();
            let url = url::Url::parse("https://n.news.naver.com/article/1").unwrap();
            let a = scrapls::article::extract(html.as_bytes(), Some(&url), None);
            prop_assert!(!a.body.contains("\n\n\n"));
        }

        #[test]
        fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            let _ = scrapls::article::extract(&bytes, None, Some("euc-kr"));
            let _ = scrapls::article::extract(&bytes, None, None);
        }
    }
}

/// After a redesign a site rule's selector may find only a teaser; the
/// article elsewhere on the page must still come through.
#[test]
fn stale_site_rule_falls_back_to_the_article() {
    let paragraph = "정부가 내년 예산안을 발표했다. 총지출은 전년보다 4.2% 늘어난 680조 원 규모로, 연구개발과 복지 분야 증가 폭이 가장 컸다. 재정 건전성 논란도 다시 커질 전망이다.";
    let html = format!(
        r#"<html><head><title>내년 예산 680조 - 한국경제</title></head><body>
        <div id="articletxt">새 기사 보기: 내년 예산안의 핵심만 골라 정리한 요약을 먼저 읽어 보세요. 분야별 증감과 전문가 분석, 지난해와의 비교는 아래 본문에서 이어집니다. 구독자 전용 해설도 함께 제공합니다.</div>
        <main><section class="story">{}</section></main>
        <footer>무단전재 및 재배포 금지</footer></body></html>"#,
        (0..6)
            .map(|_| format!("<p>{paragraph}</p>"))
            .collect::<String>()
    );
    let url = url::Url::parse("https://www.hankyung.com/article/2026112099999").unwrap();
    let article = scrapls::article::extract(html.as_bytes(), Some(&url), None);
    assert_eq!(
        article.body.matches("재정 건전성").count(),
        6,
        "{}",
        article.body
    );
    assert_eq!(article.headline.as_deref(), Some("내년 예산 680조"));
}
