//! End-to-end: the export commands of the real `scrapls serve` over
//! JSON-RPC: sheet rows of the buffer as it is (unsaved edits included),
//! the digest of a buffer and of a folder on disk, and clear errors.

mod common;

use common::{Client, range};
use serde_json::json;

const URI: &str = "file:///tmp/scrapls-export-test/a.scrap.md";
const SCRAP: &str = "---\ndate: 2026-11-20\n---\n# 경제신문 스크랩\n\n## 헤드라인\n\n반도체 수출 20% 증가\n\n## 인사이트\n\n첫 줄\n\"인용\" <script>x</script>\n";

fn client() -> Client {
    let mut c = Client::spawn();
    let caps = c.initialize(json!({}), json!({}), Some("ko"));
    let commands = caps["executeCommandProvider"]["commands"].to_string();
    assert!(
        commands.contains("scrapls.copySheetRows") && commands.contains("scrapls.exportDigest")
    );
    c
}

#[test]
fn copy_sheet_rows_returns_the_buffer_as_rows() {
    let mut c = client();
    c.open(URI, SCRAP, 1);
    // An unsaved edit: the rows follow the buffer, not the file.
    c.change(URI, 2, range(7, 0, 7, 3), "메모리");
    let rows = c.request(
        "workspace/executeCommand",
        json!({"command": "scrapls.copySheetRows", "arguments": [URI]}),
    );
    let rows = rows.as_str().expect("the rows as text");
    assert!(
        rows.starts_with("경제신문 스크랩\n\n헤드라인 (요약과 압축)\t메모리 수출 20% 증가\n"),
        "{rows}"
    );
    assert!(
        rows.contains("기사 내용의 수치화, 인사이트\t\"첫 줄\n\"\"인용\"\" <script>x</script>\"\n"),
        "{rows}"
    );
    // Nothing was edited.
    assert!(
        c.server_requests
            .lock()
            .unwrap()
            .iter()
            .all(|r| r["method"] != "workspace/applyEdit")
    );
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn digest_of_a_buffer_and_of_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    for (name, date, headline) in [
        ("b.scrap.md", "2026-11-18", "기준금리 동결"),
        ("c.scrap.md", "2026-11-09", "지난주 기사"),
    ] {
        let text =
            format!("---\ndate: {date}\n---\n## 헤드라인\n\n{headline}\n\n## 본문\n\n본문 글\n");
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let mut c = client();
    c.open(URI, SCRAP, 1);
    let html = c.request(
        "workspace/executeCommand",
        json!({"command": "scrapls.exportDigest", "arguments": [URI]}),
    );
    let html = html.as_str().unwrap();
    assert!(html.contains("<h2>반도체 수출 20% 증가</h2>"));
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt;") && !html.contains("<script>"));

    let folder = format!("file://{}", dir.path().display());
    let html = c.request(
        "workspace/executeCommand",
        json!({"command": "scrapls.exportDigest",
               "arguments": [folder, {"since": "2026-11-16", "withBody": true}]}),
    );
    let html = html.as_str().unwrap();
    assert!(html.contains("기준금리 동결") && !html.contains("지난주 기사"));
    assert!(html.contains("<details class=\"body\">"));
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn bad_arguments_are_clear_errors() {
    let mut c = client();
    for args in [
        json!({"command": "scrapls.copySheetRows", "arguments": ["file:///nope.scrap.md"]}),
        json!({"command": "scrapls.copySheetRows", "arguments": []}),
        json!({"command": "scrapls.exportDigest", "arguments": ["file:///nope/missing"]}),
        json!({"command": "scrapls.exportDigest", "arguments": [URI, {"withBody": "yes"}]}),
    ] {
        let response = c.request_raw("workspace/executeCommand", args.clone());
        assert_eq!(response["error"]["code"], -32602, "{args}: {response}");
    }
    c.open(URI, SCRAP, 1);
    let rows = c.request(
        "workspace/executeCommand",
        json!({"command": "scrapls.copySheetRows", "arguments": [URI]}),
    );
    assert!(rows.is_string());
    assert_eq!(c.shutdown(), Some(0));
}
