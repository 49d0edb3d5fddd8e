//! End-to-end: fetching an article into a scrap through the language
//! server, against a real HTTP server on 127.0.0.1.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::time::Duration;

use common::{Client, apply_edits, range};
use serde_json::{Value, json};

const URI: &str = "file:///tmp/scrapls-test/fetch.scrap.md";

const PAGE: &str = r#"<!doctype html><html lang="ko"><head><meta charset="utf-8">
<title>전기요금 2분기 동결 - 한빛경제</title>
<meta property="og:title" content="전기요금 2분기 동결 - 한빛경제">
<meta property="og:site_name" content="한빛경제">
<meta name="author" content="박바다 기자">
<meta property="article:published_time" content="2026-11-20T08:00:00+09:00">
</head><body><nav><a href="/">홈</a> <a href="/economy">경제</a></nav>
<article><h1>전기요금 2분기 동결</h1>
<div class="article-body" itemprop="articleBody">
<p>정부가 2분기 전기요금을 동결하기로 했다. 물가 부담을 고려한 결정이라는 설명이다.</p>
<p>한국전력의 누적 적자는 40조 원을 넘어섰고, 업계에서는 하반기 인상 가능성을 점치고 있다.</p>
<p>산업용 요금은 별도로 검토하기로 했다. 대용량 사용자의 요금 체계를 손보는 방안이 거론된다.</p>
</div></article>
<footer>무단전재 및 재배포 금지</footer></body></html>"#;

/// Serves `responses` (status, content type, body, delay) to successive
/// connections; returns the base URL.
fn serve(responses: Vec<(u16, &'static str, String, Duration)>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for (status, content_type, body, delay) in responses {
            let Ok((mut stream, _)) = listener.accept() else {
                return;
            };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
            }
            std::thread::sleep(delay);
            let head = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body.as_bytes());
        }
    });
    format!("http://{addr}")
}

/// The document change of the first `workspace/applyEdit` the server sent.
fn applied_change(requests: &[Value]) -> Value {
    let apply = requests
        .iter()
        .find(|r| r["method"] == "workspace/applyEdit")
        .expect("an edit");
    apply["params"]["edit"]["documentChanges"][0].clone()
}

fn scrap_with_link(url: &str) -> String {
    format!(
        "---\ndate: 2026-11-22\npress:\n---\n\n## 헤드라인\n\n## 기사링크\n{url}/news/1\n\n## 본문\n\n## 인사이트\n내가 쓴 인사이트 3%\n"
    )
}

fn client() -> Client {
    let mut c = Client::spawn();
    c.initialize(
        json!({"window": {"workDoneProgress": true}}),
        json!({"fetch": {"timeoutMs": 3000}}),
        None,
    );
    c
}

#[test]
fn code_action_fetches_and_fills_empty_sections_with_progress() {
    let base = serve(vec![(
        200,
        "text/html; charset=utf-8",
        PAGE.to_string(),
        Duration::ZERO,
    )]);
    let text = scrap_with_link(&base);
    let mut c = client();
    c.open(URI, &text, 1);
    c.diagnostics(URI, 1);
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": range(8, 0, 8, 0), "context": {"diagnostics": []}}),
    );
    let fetch = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["command"]["command"] == "scrapls.fetchArticle")
        .expect("fetch action on the link section");
    assert_eq!(fetch["title"], "기사 가져오기: 빈 헤드라인·본문 채우기");
    let result = c.request(
        "workspace/executeCommand",
        json!({"command": "scrapls.fetchArticle", "arguments": fetch["command"]["arguments"]}),
    );
    assert_eq!(result, true);
    let requests = c.server_requests.lock().unwrap().clone();
    assert!(
        requests
            .iter()
            .any(|r| r["method"] == "window/workDoneProgress/create")
    );
    let begin =
        c.wait_for(|m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "begin");
    assert_eq!(begin["params"]["value"]["title"], "기사 가져오는 중");
    c.wait_for(|m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end");
    let change = &applied_change(&requests);
    assert_eq!(change["textDocument"]["version"], 1);
    let filled = apply_edits(&text, change["edits"].as_array().unwrap(), false);
    assert!(
        filled.contains("## 헤드라인\n\n전기요금 2분기 동결\n\n## 기사링크"),
        "{filled}"
    );
    assert!(
        filled.contains("## 본문\n\n정부가 2분기 전기요금을 동결하기로 했다."),
        "{filled}"
    );
    assert!(
        filled.contains("누적 적자는 40조 원을 넘어섰고"),
        "{filled}"
    );
    assert!(!filled.contains("무단전재"), "{filled}");
    assert!(filled.contains("press: 한빛경제\n"), "{filled}");
    assert!(filled.contains("author: 박바다\n"), "{filled}");
    // The user's own insight is untouched.
    assert!(filled.contains("## 인사이트\n내가 쓴 인사이트 3%\n"));
}

#[test]
fn failing_fetch_changes_nothing_and_says_why() {
    let base = serve(vec![(
        404,
        "text/html",
        "<h1>없음</h1>".into(),
        Duration::ZERO,
    )]);
    let text = scrap_with_link(&base);
    let mut c = client();
    c.open(URI, &text, 1);
    let result = c.request(
        "workspace/executeCommand",
        json!({"command": "scrapls.fetchArticle", "arguments": [URI]}),
    );
    assert_eq!(result, false);
    let message = c.wait_for(|m| m["method"] == "window/showMessage");
    assert_eq!(message["params"]["type"], 1);
    let text = message["params"]["message"].as_str().unwrap();
    assert!(text.contains("문서는 바뀌지 않았습니다"), "{text}");
    assert!(text.contains("404"), "{text}");
    let requests = c.server_requests.lock().unwrap().clone();
    assert!(
        !requests
            .iter()
            .any(|r| r["method"] == "workspace/applyEdit")
    );
}

#[test]
fn user_typing_during_the_fetch_gets_a_fresh_versioned_edit() {
    let base = serve(vec![(
        200,
        "text/html",
        PAGE.to_string(),
        Duration::from_millis(400),
    )]);
    let text = scrap_with_link(&base);
    let mut c = client();
    c.open(URI, &text, 1);
    let id = c.send_request(
        "workspace/executeCommand",
        json!({"command": "scrapls.fetchArticle", "arguments": [URI]}),
    );
    // While the page loads, the user writes their own headline.
    std::thread::sleep(Duration::from_millis(100));
    c.change(URI, 2, range(6, 0, 6, 0), "내가 고른 제목\n");
    let typed = apply_edits(
        &text,
        &[json!({"range": range(6, 0, 6, 0), "newText": "내가 고른 제목\n"})],
        false,
    );
    let response = c.wait_for(|m| m["id"] == id && m.get("method").is_none());
    assert_eq!(response["result"], true);
    let requests = c.server_requests.lock().unwrap().clone();
    let change = &applied_change(&requests);
    // Computed against the version the user typed, and keeps their headline.
    assert_eq!(change["textDocument"]["version"], 2);
    let filled = apply_edits(&typed, change["edits"].as_array().unwrap(), false);
    assert!(filled.contains("## 헤드라인\n내가 고른 제목\n"), "{filled}");
    assert!(
        !filled.contains("전기요금 2분기 동결\n\n## 기사링크"),
        "{filled}"
    );
    assert!(filled.contains("정부가 2분기 전기요금을"), "{filled}");
}

#[test]
fn refused_edit_is_recomputed() {
    let base = serve(vec![(200, "text/html", PAGE.to_string(), Duration::ZERO)]);
    let text = scrap_with_link(&base);
    let mut c = client();
    *c.accept_edits.lock().unwrap() = false;
    c.open(URI, &text, 1);
    let result = c.request(
        "workspace/executeCommand",
        json!({"command": "scrapls.fetchArticle", "arguments": [URI]}),
    );
    assert_eq!(result, false);
    let applies = c
        .server_requests
        .lock()
        .unwrap()
        .iter()
        .filter(|r| r["method"] == "workspace/applyEdit")
        .count();
    assert_eq!(applies, 3);
    let message = c.wait_for(|m| m["method"] == "window/showMessage");
    assert!(
        message["params"]["message"]
            .as_str()
            .unwrap()
            .contains("문서는 바뀌지 않았습니다")
    );
}

#[test]
fn new_from_url_returns_a_filled_scrap() {
    let base = serve(vec![(200, "text/html", PAGE.to_string(), Duration::ZERO)]);
    let mut c = client();
    let result = c.request(
        "workspace/executeCommand",
        json!({"command": "scrapls.newFromUrl", "arguments": [format!("{base}/news/1")]}),
    );
    let text = result["text"].as_str().unwrap();
    assert!(
        text.contains("## 헤드라인 (요약과 압축)\n\n전기요금 2분기 동결\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!("## 기사링크\n\n{base}/news/1\n")),
        "{text}"
    );
    assert!(text.contains("## 기사 내용의 수치화, 인사이트\n\n<!--"));
}

#[test]
fn cancelling_the_progress_stops_the_fetch() {
    let base = serve(vec![(
        200,
        "text/html",
        PAGE.to_string(),
        Duration::from_secs(5),
    )]);
    let text = scrap_with_link(&base);
    let mut c = client();
    c.open(URI, &text, 1);
    let id = c.send_request(
        "workspace/executeCommand",
        json!({"command": "scrapls.fetchArticle", "arguments": [URI]}),
    );
    let begin =
        c.wait_for(|m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "begin");
    assert_eq!(begin["params"]["value"]["cancellable"], true);
    c.notify(
        "window/workDoneProgress/cancel",
        json!({"token": begin["params"]["token"]}),
    );
    let started = std::time::Instant::now();
    let response = c.wait_for(|m| m["id"] == id && m.get("method").is_none());
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(response["result"], false);
    let requests = c.server_requests.lock().unwrap().clone();
    assert!(
        !requests
            .iter()
            .any(|r| r["method"] == "workspace/applyEdit")
    );
    let _: Value = c.request("shutdown", Value::Null);
}

/// The editor's fill follows the CLI's rule: the link the user wrote stays
/// the link (and the front matter's `url`); the page's differing canonical
/// address goes under `canonical`.
#[test]
fn fill_keeps_the_users_link_and_records_the_canonical() {
    let page = PAGE.replace(
        "<meta charset=\"utf-8\">",
        "<meta charset=\"utf-8\"><link rel=\"canonical\" href=\"https://news.example.com/economy/1\">",
    );
    let base = serve(vec![
        (200, "text/html", page.clone(), Duration::ZERO),
        (200, "text/html", page, Duration::ZERO),
    ]);
    let text = scrap_with_link(&base);
    let mut c = client();
    c.open(URI, &text, 1);
    c.diagnostics(URI, 1);
    let result = c.request(
        "workspace/executeCommand",
        json!({"command": "scrapls.fetchArticle", "arguments": [URI]}),
    );
    assert_eq!(result, true);
    let requests = c.server_requests.lock().unwrap().clone();
    let change = &applied_change(&requests);
    let filled = apply_edits(&text, change["edits"].as_array().unwrap(), false);
    let link = format!("{base}/news/1");
    assert_url_and_canonical(&filled, &link);
    assert!(
        filled.contains(&format!("## 기사링크\n{base}/news/1\n")),
        "{filled}"
    );

    let result = c.request(
        "workspace/executeCommand",
        json!({"command": "scrapls.newFromUrl", "arguments": [format!("{base}/news/1")]}),
    );
    assert_url_and_canonical(result["text"].as_str().unwrap(), &link);
}

/// The front matter holds the user's `link` as `url` and the page's own
/// address as `canonical`.
fn assert_url_and_canonical(text: &str, link: &str) {
    assert!(text.contains(&format!("\nurl: \"{link}\"\n")), "{text}");
    assert!(
        text.contains("\ncanonical: \"https://news.example.com/economy/1\"\n"),
        "{text}"
    );
}

/// Features find sections by role, not by id or title: a group's own
/// template (English titles, other ids) still gets the fetch action on its
/// link section and the fill of its headline and body.
#[test]
fn a_renamed_template_keeps_fetch_working_through_roles() {
    let base = serve(vec![(
        200,
        "text/html; charset=utf-8",
        PAGE.to_string(),
        Duration::ZERO,
    )]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("scrapls.toml"),
        r#"extends-default = false
[[sections]]
id = "title"
title = "Title"
role = "headline"
required = true
[[sections]]
id = "source"
title = "Source"
role = "link"
kind = "url"
required = true
[[sections]]
id = "article"
title = "Article"
role = "body"
required = true
[[sections]]
id = "notes"
title = "My notes"
role = "insight"
"#,
    )
    .unwrap();
    let root = format!("file://{}", dir.path().display());
    let uri = format!("{root}/week.scrap.md");
    let text = format!("## Title\n\n## Source\n{base}/news/1\n\n## Article\n\n## My notes\nmine\n");
    let mut c = Client::spawn();
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": root, "capabilities": {},
               "initializationOptions": {"fetch": {"timeoutMs": 3000}}}),
    );
    c.notify("initialized", json!({}));
    c.open(&uri, &text, 1);
    let diags = c.diagnostics(&uri, 1);
    assert!(
        diags.iter().all(|d| d["code"] != "missing-section"),
        "the renamed template is the one in force: {diags:?}"
    );
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(3, 0, 3, 0), "context": {"diagnostics": []}}),
    );
    let fetch = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["command"]["command"] == "scrapls.fetchArticle")
        .expect("fetch action on the section whose role is link");
    let result = c.request(
        "workspace/executeCommand",
        json!({"command": "scrapls.fetchArticle", "arguments": fetch["command"]["arguments"]}),
    );
    assert_eq!(result, true);
    let requests = c.server_requests.lock().unwrap().clone();
    let change = &applied_change(&requests);
    let filled = apply_edits(&text, change["edits"].as_array().unwrap(), false);
    assert!(
        filled.contains("## Title\n\n전기요금 2분기 동결\n"),
        "{filled}"
    );
    assert!(
        filled.contains("## Article\n\n정부가 2분기 전기요금을 동결하기로 했다."),
        "{filled}"
    );
    assert!(filled.contains("## My notes\nmine\n"), "{filled}");
    assert_eq!(c.shutdown(), Some(0));
}

/// A page that shows only a teaser (a paywall cut): the fill still
/// happens, and the user is told the page may hold only part of the article.
#[test]
fn a_paywall_cut_fills_and_warns_that_the_article_may_be_partial() {
    let page = r#"<!doctype html><html lang="ko"><head><meta charset="utf-8">
<title>내년 예산안 국회 통과 - 한빛경제</title></head><body><article>
<h1>내년 예산안 국회 통과</h1>
<p>내년 예산안이 국회 본회의를 통과했다. 정부안보다 규모가 조금 줄었고 연구개발 예산은 다시 늘었다.</p>
<p>전체 기사를 보려면 유료 회원으로 로그인하세요…</p>
</article></body></html>"#;
    let base = serve(vec![(
        200,
        "text/html; charset=utf-8",
        page.to_string(),
        Duration::ZERO,
    )]);
    let text = scrap_with_link(&base);
    let mut c = client();
    c.open(URI, &text, 1);
    c.diagnostics(URI, 1);
    let result = c.request(
        "workspace/executeCommand",
        json!({"command": "scrapls.fetchArticle", "arguments": [URI, 1]}),
    );
    assert_eq!(result, true, "the fill still happens");
    let warning = c.wait_for(|m| m["method"] == "window/showMessage");
    assert_eq!(warning["params"]["type"], 2, "{warning}");
    assert!(
        warning["params"]["message"]
            .as_str()
            .unwrap()
            .contains("기사 일부만"),
        "{warning}"
    );
    let requests = c.server_requests.lock().unwrap().clone();
    let filled = apply_edits(
        &text,
        applied_change(&requests)["edits"].as_array().unwrap(),
        false,
    );
    assert!(
        filled.contains("내년 예산안이 국회 본회의를 통과했다."),
        "{filled}"
    );
}
