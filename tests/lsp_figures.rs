//! End-to-end: figures in the real `scrapls serve` over JSON-RPC: semantic
//! tokens (full and delta, exact in UTF-16 and UTF-8 on Hangul), hover on a
//! figure, and the draft action as a versioned edit.

mod common;

use common::{Client, apply_edits, range};
use serde_json::{Value, json};

const URI: &str = "file:///tmp/scrapls-test/figures.scrap.md";

/// Line 6 holds the body's figures after an emoji and Hangul.
const SCRAP: &str = "# 스크랩\n\n## 헤드라인\n인력 양성 확대\n\n## 본문\n😀 인력 양성을 지난해 200명 수준에서 500명 수준으로 늘린다. 예산은 1조2천억원이다.\n\n## 기사 내용의 수치화, 인사이트\n2024년에 시작한다.\n\n## 요약 및 의견\n늘어난다.\n";

fn client(utf8: bool) -> (Client, Value) {
    let mut c = Client::spawn();
    let caps = if utf8 {
        c.initialize(
            json!({"general": {"positionEncodings": ["utf-8"]}}),
            json!({}),
            None,
        )
    } else {
        c.initialize(json!({}), json!({}), None)
    };
    (c, caps)
}

/// Decodes LSP's relative tokens into (line, start, length, modifiers).
fn decode(data: &[Value]) -> Vec<(u64, u64, u64, u64)> {
    let n: Vec<u64> = data.iter().map(|v| v.as_u64().expect("u32")).collect();
    let (mut line, mut start) = (0, 0);
    n.chunks(5)
        .map(|t| {
            if t[0] > 0 {
                line += t[0];
                start = t[1];
            } else {
                start += t[1];
            }
            assert_eq!(t[3], 0, "the only token type is number");
            (line, start, t[2], t[4])
        })
        .collect()
}

/// The column of `needle` on `line` of `text`, in UTF-16 units or bytes.
fn column(text: &str, line: usize, needle: &str, utf8: bool) -> u64 {
    let l = text.lines().nth(line).expect("line");
    let before = &l[..l.find(needle).expect("needle")];
    if utf8 {
        before.len() as u64
    } else {
        before.encode_utf16().count() as u64
    }
}

#[test]
fn semantic_tokens_are_exact_in_both_encodings() {
    for utf8 in [false, true] {
        let (mut c, caps) = client(utf8);
        let provider = &caps["semanticTokensProvider"];
        assert_eq!(provider["legend"]["tokenTypes"], json!(["number"]));
        assert_eq!(provider["legend"]["tokenModifiers"], json!(["unit"]));
        assert_eq!(provider["full"]["delta"], true);
        c.open(URI, SCRAP, 1);
        let result = c.request(
            "textDocument/semanticTokens/full",
            json!({"textDocument": {"uri": URI}}),
        );
        let tokens = decode(result["data"].as_array().expect("data"));
        let len = |s: &str| {
            if utf8 {
                s.len() as u64
            } else {
                s.encode_utf16().count() as u64
            }
        };
        let at = |needle: &str| column(SCRAP, 6, needle, utf8);
        // `2024년` in the insight is a date: no token.
        assert_eq!(
            tokens,
            [
                (6, at("200명"), 3, 0),
                (6, at("명 수준에서"), len("명"), 1),
                (6, at("500명"), 3, 0),
                (6, at("명 수준으로"), len("명"), 1),
                (6, at("1조2천억"), len("1조2천억"), 0),
                (6, at("원이다"), len("원"), 1),
            ],
            "utf8: {utf8}"
        );
    }
}

#[test]
fn semantic_token_deltas_follow_edits() {
    let (mut c, _) = client(false);
    c.open(URI, SCRAP, 1);
    let first = c.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": URI}}),
    );
    let old: Vec<Value> = first["data"].as_array().expect("data").clone();
    // Add a figure to the insight.
    c.change(URI, 2, range(9, 0, 9, 0), "매출 3% 증가. ");
    let delta = c.request(
        "textDocument/semanticTokens/full/delta",
        json!({"textDocument": {"uri": URI}, "previousResultId": first["resultId"]}),
    );
    assert_ne!(delta["resultId"], first["resultId"]);
    let edits = delta["edits"].as_array().expect("a delta");
    assert_eq!(edits.len(), 1);
    let mut data = old.clone();
    let start = edits[0]["start"].as_u64().expect("start") as usize;
    let deleted = edits[0]["deleteCount"].as_u64().expect("count") as usize;
    let inserted = edits[0]["data"].as_array().cloned().unwrap_or_default();
    data.splice(start..start + deleted, inserted);
    let full = c.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": URI}}),
    );
    assert_eq!(json!(data), full["data"]);
    let tokens = decode(&data);
    assert_eq!(tokens.len(), 8);
    assert_eq!(tokens[6], (9, 3, 1, 0));
    assert_eq!(tokens[7], (9, 4, 1, 1));
    // An unknown previous result gets the full tokens.
    let unknown = c.request(
        "textDocument/semanticTokens/full/delta",
        json!({"textDocument": {"uri": URI}, "previousResultId": "nope"}),
    );
    assert_eq!(unknown["data"], full["data"]);
}

#[test]
fn hover_shows_value_and_change() {
    let (mut c, _) = client(false);
    c.open(URI, SCRAP, 1);
    let hover = |c: &mut Client, needle: &str| {
        c.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI},
                   "position": {"line": 6, "character": column(SCRAP, 6, needle, false) + 1}}),
        )
    };
    let h = hover(&mut c, "1조2천억원");
    assert_eq!(
        h["contents"]["value"],
        "1조2천억원 = 1,200,000,000,000원 (1.2조 원)"
    );
    let start = column(SCRAP, 6, "1조2천억원", false);
    assert_eq!(h["range"], range(6, start as u32, 6, start as u32 + 6));
    let h = hover(&mut c, "500명");
    let value = h["contents"]["value"].as_str().expect("text");
    assert!(value.starts_with("500명 = 500명 (어림값)"), "{value}");
    assert!(
        value.contains("200명 → 500명: +300명, 2.5배, +150%"),
        "{value}"
    );
    // Prose has no hover.
    let none = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 3, "character": 1}}),
    );
    assert_eq!(none, Value::Null);
}

#[test]
fn draft_action_appends_a_versioned_list() {
    let (mut c, _) = client(false);
    c.open(URI, SCRAP, 3);
    let diags = c.diagnostics(URI, 3);
    let no_figures: Vec<Value> = diags
        .into_iter()
        .filter(|d| d["code"] == "no-figures")
        .collect();
    assert_eq!(no_figures.len(), 1, "`2024년에` alone is no figure");
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": no_figures[0]["range"],
               "context": {"diagnostics": no_figures}}),
    );
    let action = actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["title"] == "본문의 수치로 초안 만들기")
        .expect("the draft action")
        .clone();
    assert_eq!(action["diagnostics"][0]["code"], "no-figures");
    let change = &action["edit"]["documentChanges"][0];
    assert_eq!(change["textDocument"]["version"], 3);
    let edited = apply_edits(SCRAP, change["edits"].as_array().expect("edits"), false);
    assert!(
        edited.contains(
            "## 기사 내용의 수치화, 인사이트\n2024년에 시작한다.\n\n- 인력 양성: 200명 → 500명 (+300명, 2.5배)\n- 예산: 1조2천억원\n\n## 요약"
        ),
        "{edited}"
    );
    for line in SCRAP.lines() {
        assert!(edited.contains(line), "lost {line:?}");
    }
    c.change(URI, 4, range(0, 0, 99, 0), &edited);
    let diags = c.diagnostics(URI, 4);
    assert!(diags.iter().all(|d| d["code"] != "no-figures"), "{diags:?}");
    // Everything is drafted now: the action is not offered again.
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": range(9, 0, 9, 0),
               "context": {"diagnostics": []}}),
    );
    assert!(
        actions
            .as_array()
            .expect("actions")
            .iter()
            .all(|a| a["title"] != "본문의 수치로 초안 만들기")
    );
}

#[test]
fn draft_action_fills_an_empty_insight_in_english() {
    let mut c = Client::spawn();
    c.initialize(json!({}), json!({}), Some("en"));
    let text = SCRAP.replace("2024년에 시작한다.\n", "");
    c.open(URI, &text, 1);
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": range(8, 2, 8, 2),
               "context": {"diagnostics": []}}),
    );
    let action = actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["title"] == "Draft figures from the body")
        .expect("the draft action")
        .clone();
    let change = &action["edit"]["documentChanges"][0];
    assert_eq!(change["textDocument"]["version"], 1);
    let edited = apply_edits(&text, change["edits"].as_array().expect("edits"), false);
    assert!(
        edited.contains("## 기사 내용의 수치화, 인사이트\n\n- 인력 양성: 200명 → 500명 (+300명, ×2.5)\n- 예산: 1조2천억원\n\n## 요약"),
        "{edited}"
    );
}
