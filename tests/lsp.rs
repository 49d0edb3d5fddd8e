//! End-to-end: the real `scrapls serve` over JSON-RPC on stdio.

mod common;

use common::{Client, apply_edits, range};
use serde_json::{Value, json};

const URI: &str = "file:///tmp/scrapls-test/note.scrap.md";

const MISSING_INSIGHT: &str = "# 스크랩\n\n## 헤드라인\n기준금리 동결\n\n## 기사링크\nhttps://news.example.com/a/1\n\n## 본문\n한국은행이 기준금리를 연 2.50%로 동결했다.\n\n## 요약 및 의견\n동결이 이어진다.\n\n## 적용할점\n대출 수요는 늘어날까요?\n";

fn codes(diags: &[Value]) -> Vec<&str> {
    diags.iter().map(|d| d["code"].as_str().unwrap()).collect()
}

fn utf16_client() -> (Client, Value) {
    let mut c = Client::spawn();
    let caps = c.initialize(json!({}), json!({}), None);
    (c, caps)
}

#[test]
fn negotiates_position_encoding() {
    let (c, caps) = utf16_client();
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2); // incremental
    assert_eq!(c.shutdown(), Some(0));

    let mut c = Client::spawn();
    let caps = c.initialize(
        json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}),
        json!({}),
        None,
    );
    assert_eq!(caps["positionEncoding"], "utf-8");
}

#[test]
fn diagnostics_follow_incremental_edits() {
    let (mut c, _) = utf16_client();
    c.open(URI, MISSING_INSIGHT, 1);
    let diags = c.diagnostics(URI, 1);
    assert_eq!(codes(&diags), ["missing-section"]);
    assert_eq!(diags[0]["data"]["section"], "insight");
    assert_eq!(diags[0]["severity"], 1);
    assert_eq!(diags[0]["source"], "scrapls");
    // Points at the heading after which the section belongs (`## 본문`).
    assert_eq!(diags[0]["range"], range(8, 0, 8, 5));

    // Type the section in, in two keystroke-sized edits.
    c.change(URI, 2, range(11, 0, 11, 0), "## 인사이트\n");
    c.change(URI, 3, range(12, 0, 12, 0), "금리 2.50% 유지, 3회 연속\n\n");
    let diags = c.diagnostics(URI, 3);
    assert!(diags.is_empty(), "{diags:?}");

    // A stale change (version 3 again) is ignored.
    c.change(URI, 3, range(0, 0, 0, 0), "XXXX");
    c.change(URI, 4, range(12, 0, 12, 23), "");
    let diags = c.diagnostics(URI, 4);
    assert_eq!(codes(&diags), ["empty-section"]);
    assert_eq!(diags[0]["range"], range(11, 0, 11, 7));
}

#[test]
fn hangul_positions_in_utf16_and_utf8() {
    // An unknown heading with an emoji and Hangul: its range counts UTF-16
    // units (😀 = 2, 인 = 1) or UTF-8 bytes (😀 = 4, 인 = 3).
    let text = "## 헤드라인\n수치 10%\n## 😀 인사이틍\n";
    let unknown = |c: &mut Client, version| {
        let diags = c.diagnostics(URI, version);
        diags
            .into_iter()
            .find(|d| d["code"] == "unknown-section")
            .unwrap()
    };
    let (mut c, _) = utf16_client();
    c.open(URI, text, 1);
    let d = unknown(&mut c, 1);
    assert_eq!(d["range"], range(2, 3, 2, 10));
    assert_eq!(d["data"]["suggestion"], "insight");
    // Insert a space after 😀 (UTF-16 column 5): the title grows by one.
    c.change(URI, 2, range(2, 5, 2, 5), " ");
    assert_eq!(unknown(&mut c, 2)["range"], range(2, 3, 2, 11));

    let mut c = Client::spawn();
    c.initialize(
        json!({"general": {"positionEncodings": ["utf-8"]}}),
        json!({}),
        None,
    );
    c.open(URI, text, 1);
    assert_eq!(unknown(&mut c, 1)["range"], range(2, 3, 2, 20));
    // UTF-8 column 7 is right after 😀.
    c.change(URI, 2, range(2, 7, 2, 7), " ");
    assert_eq!(unknown(&mut c, 2)["range"], range(2, 3, 2, 21));
    // A column inside 😀's four bytes clamps to its start instead of
    // splitting it: the space lands before 😀.
    c.change(URI, 3, range(2, 5, 2, 5), " ");
    assert_eq!(unknown(&mut c, 3)["range"], range(2, 4, 2, 22));
}

#[test]
fn completion_offers_missing_sections_first_and_by_initials() {
    let (mut c, _) = utf16_client();
    let text = format!("{MISSING_INSIGHT}\nㅇㅅㅇㅌ");
    c.open(URI, &text, 1);
    let last = text.lines().count() as u32 - 1;
    let result = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": URI}, "position": {"line": last, "character": 4}}),
    );
    let items = result["items"].as_array().unwrap();
    assert_eq!(items[0]["label"], "기사 내용의 수치화, 인사이트");
    assert_eq!(items[0]["filterText"], "ㅇㅅㅇㅌ");
    assert!(
        items[0]["textEdit"]["newText"]
            .as_str()
            .unwrap()
            .starts_with("## 기사 내용의 수치화, 인사이트\n")
    );

    // `##` at a line start: every section, the missing ones first.
    c.change(URI, 2, range(last, 0, last, 4), "## ");
    let result = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": URI}, "position": {"line": last, "character": 3}}),
    );
    let labels: Vec<&str> = result["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    let mut sorted: Vec<(String, &str)> = result["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["sortText"].as_str().unwrap().to_string(),
                i["label"].as_str().unwrap(),
            )
        })
        .collect();
    sorted.sort();
    assert_eq!(labels.len(), 8);
    assert_eq!(sorted[0].1, "기사 내용의 수치화, 인사이트");
    assert_eq!(sorted[1].1, "추가조사할 내용 또는결과");
}

#[test]
fn quick_fix_inserts_missing_section_as_versioned_edit() {
    let (mut c, _) = utf16_client();
    c.open(URI, MISSING_INSIGHT, 7);
    let diags = c.diagnostics(URI, 7);
    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": URI},
            "range": diags[0]["range"],
            "context": {"diagnostics": diags},
        }),
    );
    let action = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "누락된 섹션 추가: 기사 내용의 수치화, 인사이트")
        .expect("insert action");
    assert_eq!(action["kind"], "quickfix");
    let change = &action["edit"]["documentChanges"][0];
    assert_eq!(change["textDocument"]["version"], 7);
    let fixed = apply_edits(MISSING_INSIGHT, change["edits"].as_array().unwrap(), false);
    assert!(fixed.contains("2.50%로 동결했다.\n\n## 기사 내용의 수치화, 인사이트\n\n<!-- "));
    // Nothing the user wrote is gone.
    for line in MISSING_INSIGHT.lines() {
        assert!(fixed.contains(line));
    }
    c.change(URI, 8, range(0, 0, 99, 0), &fixed);
    let diags = c.diagnostics(URI, 8);
    assert_eq!(codes(&diags), ["empty-section"]);
}

#[test]
fn table_form_converts_and_empty_file_fills() {
    let table = "스크랩 양식\n헤드라인\t환율 1,400원 돌파\t\t\n본문\t원·달러 환율이 올랐다.\t\n\t수입 물가가 걱정이다.\n";
    let (mut c, _) = utf16_client();
    c.open(URI, table, 1);
    let diags = c.diagnostics(URI, 1);
    assert!(codes(&diags).contains(&"missing-section"));
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": range(0, 0, 0, 0), "context": {"diagnostics": []}}),
    );
    let convert = &actions[0];
    assert_eq!(convert["title"], "표 형식을 Markdown 형식으로 변환");
    let edits = convert["edit"]["documentChanges"][0]["edits"]
        .as_array()
        .unwrap();
    let md = apply_edits(table, edits, false);
    assert_eq!(
        md,
        "# 스크랩 양식\n\n## 헤드라인\n\n환율 1,400원 돌파\n\n## 본문\n\n원·달러 환율이 올랐다.\n수입 물가가 걱정이다.\n"
    );

    let empty = "file:///tmp/scrapls-test/empty.scrap.md";
    c.open(empty, "", 1);
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": empty}, "range": range(0, 0, 0, 0), "context": {"diagnostics": []}}),
    );
    assert_eq!(actions[0]["title"], "템플릿으로 채우기");
    let filled = apply_edits(
        "",
        actions[0]["edit"]["documentChanges"][0]["edits"]
            .as_array()
            .unwrap(),
        false,
    );
    assert!(filled.contains("## 연관기사 링크"));
}

#[test]
fn execute_command_applies_versioned_edit() {
    let (mut c, _) = utf16_client();
    c.open(URI, MISSING_INSIGHT, 3);
    c.diagnostics(URI, 3);
    let result = c.request(
        "workspace/executeCommand",
        json!({"command": "scrapls.insertMissingSections", "arguments": [URI]}),
    );
    assert_eq!(result, true);
    let requests = c.server_requests.lock().unwrap().clone();
    let apply = requests
        .iter()
        .find(|r| r["method"] == "workspace/applyEdit")
        .unwrap();
    let change = &apply["params"]["edit"]["documentChanges"][0];
    assert_eq!(change["textDocument"]["version"], 3);
    let fixed = apply_edits(MISSING_INSIGHT, change["edits"].as_array().unwrap(), false);
    assert!(fixed.contains("## 추가조사할 내용 또는결과"));
    assert!(fixed.contains("## 연관기사 링크"));
}

#[test]
fn hover_symbols_folding_links_inlay_hints() {
    let (mut c, _) = utf16_client();
    c.open(URI, MISSING_INSIGHT, 1);
    let td = json!({"uri": URI});
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": td, "position": {"line": 2, "character": 4}}),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("기사의 핵심을 한 줄로"), "{value}");
    assert!(value.contains("필수 섹션"));
    let symbols = c.request("textDocument/documentSymbol", json!({"textDocument": td}));
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["헤드라인", "기사링크", "본문", "요약 및 의견", "적용할점"]
    );
    let folds = c.request("textDocument/foldingRange", json!({"textDocument": td}));
    assert!(
        folds
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["startLine"] == 8 && f["endLine"] == 9)
    );
    let links = c.request("textDocument/documentLink", json!({"textDocument": td}));
    assert_eq!(links[0]["target"], "https://news.example.com/a/1");
    assert_eq!(links[0]["range"], range(6, 0, 6, 28));
    let hints = c.request(
        "textDocument/inlayHint",
        json!({"textDocument": td, "range": range(0, 0, 30, 0)}),
    );
    assert_eq!(hints[0]["label"], "7자 (공백 제외 6자)");
    assert_eq!(hints[0]["position"], json!({"line": 2, "character": 7}));
}

#[test]
fn english_locale_and_severity_settings() {
    let mut c = Client::spawn();
    c.initialize(
        json!({}),
        json!({"severity": {"missing-section": "warning"}}),
        Some("en-US"),
    );
    c.open(URI, MISSING_INSIGHT, 1);
    let diags = c.diagnostics(URI, 1);
    assert_eq!(diags[0]["severity"], 2);
    assert_eq!(
        diags[0]["message"],
        "Required section '기사 내용의 수치화, 인사이트 (Figures and insight)' is missing."
    );
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"scrapls": {"severity": {"missing-section": "off"}, "locale": "ko"}}}),
    );
    // Re-published for the same version once the settings apply.
    let diags = c.diagnostics(URI, 1);
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn workspace_config_file_is_read_and_reloaded() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("scrapls.toml");
    std::fs::write(&config, "[severity]\nmissing-section = \"hint\"\n").unwrap();
    let root = format!("file://{}", dir.path().display());
    let mut c = Client::spawn();
    c.request(
        "initialize",
        json!({
            "processId": null, "rootUri": root, "capabilities": {
                "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}
            },
        }),
    );
    c.notify("initialized", json!({}));
    let uri = format!("{root}/note.scrap.md");
    c.open(&uri, MISSING_INSIGHT, 1);
    let diags = c.diagnostics(&uri, 1);
    assert_eq!(diags[0]["severity"], 4);
    std::fs::write(&config, "[severity]\nmissing-section = \"error\"\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("{root}/scrapls.toml"), "type": 2}]}),
    );
    // The first publish after the change may still be one from before it
    // (the workspace index's refresh): wait for the one that shows it.
    c.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri.as_str()
            && m["params"]["diagnostics"][0]["severity"] == 1
    });
    let requests = c.server_requests.lock().unwrap().clone();
    assert!(
        requests
            .iter()
            .any(|r| r["method"] == "client/registerCapability")
    );
}

/// The CLI and the editor read the same `scrapls.toml`: the nearest one at
/// or above the file, so a group's folder with its own file gets its own
/// rules on both sides, and a change to the nested file is picked up.
#[test]
fn cli_and_editor_agree_on_the_nearest_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let group = dir.path().join("group-b");
    std::fs::create_dir_all(&group).unwrap();
    std::fs::write(
        dir.path().join("scrapls.toml"),
        "[severity]\nmissing-section = \"hint\"\n",
    )
    .unwrap();
    let nested = group.join("scrapls.toml");
    std::fs::write(&nested, "[severity]\nmissing-section = \"warning\"\n").unwrap();
    let top_file = dir.path().join("a.scrap.md");
    let group_file = group.join("b.scrap.md");
    std::fs::write(&top_file, MISSING_INSIGHT).unwrap();
    // Another article, so that only the configuration differs.
    let other_article = MISSING_INSIGHT.replace("/a/1", "/a/2");
    std::fs::write(&group_file, &other_article).unwrap();

    // The CLI's view: one JSON line per file, with its diagnostics.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_scrapls"))
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let cli: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let cli_severity = |name: &str| {
        let report = cli
            .iter()
            .find(|r| r["path"].as_str().unwrap().ends_with(name))
            .unwrap();
        report["diagnostics"][0]["severity"].clone()
    };

    // The editor's view of the same files, in a workspace at the top.
    let root = format!("file://{}", dir.path().display());
    let mut c = Client::spawn();
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": root, "capabilities": {}}),
    );
    c.notify("initialized", json!({}));
    let top_uri = format!("{root}/a.scrap.md");
    let group_uri = format!("{root}/group-b/b.scrap.md");
    c.open(&top_uri, MISSING_INSIGHT, 1);
    c.open(&group_uri, &other_article, 1);
    let top = c.diagnostics(&top_uri, 1);
    let grouped = c.diagnostics(&group_uri, 1);
    assert_eq!(top[0]["severity"], 4, "hint from the top file");
    assert_eq!(grouped[0]["severity"], 2, "warning from the group's file");
    assert_eq!(cli_severity("a.scrap.md"), "hint");
    assert_eq!(cli_severity("b.scrap.md"), "warning");

    // Editing the nested file changes the group's scraps only. (Publishes
    // from before the change, such as the workspace index's refresh, may
    // still arrive: wait for the one that shows it.)
    std::fs::write(&nested, "[severity]\nmissing-section = \"error\"\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("{root}/group-b/scrapls.toml"), "type": 2}]}),
    );
    let severity_of = |m: &Value, uri: &str| {
        (m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
            .then(|| m["params"]["diagnostics"][0]["severity"].clone())
    };
    c.wait_for(|m| severity_of(m, &group_uri) == Some(json!(1)));
    let top_after = c.wait_for(|m| severity_of(m, &top_uri).is_some());
    assert_eq!(severity_of(&top_after, &top_uri), Some(json!(4)));
    assert_eq!(c.shutdown(), Some(0));
}

/// A document closed while its diagnostics are still being computed, then
/// opened again at version 1 with other text: the old analysis must never
/// be published for the new opening (it once was, labelled version 1).
#[test]
fn reopening_a_document_never_publishes_the_closed_texts_diagnostics() {
    let (mut c, _) = utf16_client();
    // ~300 KB, thousands of duplicate-section diagnostics: analysed on the
    // blocking pool, slowly enough to still be running at the close.
    let big: String = (0..8000)
        .map(|i| format!("## 헤드라인\nhttps://bad url {i}\n\n"))
        .collect();
    for round in 0..5 {
        c.open(URI, &big, 1);
        c.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": URI}}),
        );
        c.open(URI, MISSING_INSIGHT, 1);
        // The close clears the old diagnostics (no version) …
        c.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == URI
                && m["params"].get("version").is_none_or(Value::is_null)
        });
        // … and from then on only the new text's may appear.
        let fresh = c.diagnostics(URI, 1);
        assert_eq!(codes(&fresh), ["missing-section"], "round {round}");
        // Let any straggler of the old analysis arrive, then look.
        std::thread::sleep(std::time::Duration::from_millis(300));
        c.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}}),
        );
        assert!(
            !c.backlog_has(|m| m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["diagnostics"]
                    .as_array()
                    .is_some_and(|d| d.len() > 1)),
            "round {round}: the closed text's diagnostics were published"
        );
        c.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": URI}}),
        );
        c.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == URI
                && m["params"]["diagnostics"] == json!([])
        });
        c.clear_backlog();
    }
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn pull_diagnostics_when_supported() {
    let mut c = Client::spawn();
    let caps = c.initialize(json!({"textDocument": {"diagnostic": {}}}), json!({}), None);
    assert_eq!(caps["diagnosticProvider"]["identifier"], "scrapls");
    c.open(URI, MISSING_INSIGHT, 1);
    let report = c.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": URI}}),
    );
    assert_eq!(report["kind"], "full");
    assert_eq!(
        codes(report["items"].as_array().unwrap()),
        ["missing-section"]
    );
}

#[test]
fn protocol_errors_keep_the_server_serving() {
    let (mut c, _) = utf16_client();
    // A request about a document that is not open.
    let response = c.request_raw(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///nope.scrap.md"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(response["error"]["code"], -32602);
    // Unknown method.
    let response = c.request_raw("scrapls/unknown", json!({}));
    assert_eq!(response["error"]["code"], -32601);
    // Malformed JSON.
    c.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    let parse_error = c.wait_for(|m| m["error"]["code"] == -32700);
    assert_eq!(parse_error["id"], Value::Null);
    // Positions past the end are clamped, not a crash.
    c.open(URI, "## 본문\n가", 1);
    c.diagnostics(URI, 1);
    c.change(URI, 2, range(99, 99, 120, 0), "\n끝");
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 9999}}),
    );
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("본문")
    );
    let symbols = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    assert_eq!(
        symbols[0]["range"]["end"],
        json!({"line": 2, "character": 1})
    );
    assert_eq!(c.shutdown(), Some(0));
}

/// Valid JSON that is not a valid JSON-RPC message once ended the server
/// (exit code 1). Each is answered with Invalid Request (or dropped, for a
/// notification), and the server goes on answering.
#[test]
fn invalid_json_rpc_messages_are_answered_and_the_server_keeps_serving() {
    let (mut c, _) = utf16_client();
    c.open(URI, "## 본문\n가", 1);
    c.diagnostics(URI, 1);
    let frame = |body: &str| format!("Content-Length: {}\r\n\r\n{body}", body.len());
    let cases: [(&str, Value); 9] = [
        (r#"{"jsonrpc":"2.0","id":1001,"method":12}"#, json!(1001)),
        ("{}", Value::Null),
        (
            r#"{"jsonrpc":"1.0","id":1003,"method":"shutdown"}"#,
            json!(1003),
        ),
        (
            r#"{"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}"#,
            Value::Null,
        ),
        ("[]", Value::Null),
        ("null", Value::Null),
        ("42", Value::Null),
        (
            r#"[{"jsonrpc":"2.0","id":1008,"method":"shutdown"},{"jsonrpc":"2.0","method":"exit"}]"#,
            json!(1008),
        ),
        // A response to a request the server never sent: ignored.
        (
            r#"{"jsonrpc":"2.0","id":"never-sent","result":{}}"#,
            Value::Null,
        ),
    ];
    for (body, id) in cases {
        c.send_raw(frame(body).as_bytes());
        if body.contains("never-sent") {
            continue;
        }
        let answer = c.wait_for(|m| m["error"]["code"] == -32600 && m["id"] == id);
        assert!(
            answer["error"]["message"]
                .as_str()
                .unwrap()
                .starts_with("Invalid Request"),
            "{body}: {answer}"
        );
        // Still serving, and the document is still open.
        let hover = c.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 3}}),
        );
        assert!(
            hover["contents"]["value"]
                .as_str()
                .unwrap()
                .contains("본문"),
            "{body}"
        );
    }
    // An invalid notification is dropped: nothing answers it, nothing ends.
    c.send_raw(frame(r#"{"jsonrpc":"1.0","method":"exit"}"#).as_bytes());
    c.change(URI, 2, range(1, 1, 1, 1), "나");
    c.diagnostics(URI, 2);
    assert!(
        !c.backlog_has(|m| m["error"]["code"] == -32600),
        "unexpected extra error answers"
    );
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn completion_offers_front_matter_keys_not_yet_written() {
    let (mut c, _) = utf16_client();
    let text = "---\ndate: 2026-11-22\npr\n---\n\n## 헤드라인\n";
    c.open(URI, text, 1);
    let result = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": URI}, "position": {"line": 2, "character": 2}}),
    );
    let items = result.as_array().unwrap();
    let labels: Vec<&str> = items.iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["press"]);
    assert_eq!(items[0]["detail"], "언론사");
    assert_eq!(items[0]["textEdit"]["newText"], "press: ");
    assert_eq!(items[0]["textEdit"]["range"], range(2, 0, 2, 2));
}

/// The end of the outline's last section: where the server thinks the
/// text ends.
fn text_end(c: &mut Client) -> Value {
    let symbols = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    symbols.as_array().unwrap().last().unwrap()["range"]["end"].clone()
}

#[test]
fn out_of_order_versions_are_ignored_not_applied() {
    let (mut c, _) = utf16_client();
    c.open(URI, "## 본문\n가", 1);
    c.diagnostics(URI, 1);
    c.change(URI, 3, range(1, 1, 1, 1), "나");
    // Late, and older than what the document is at: dropped.
    c.change(URI, 2, range(1, 0, 1, 0), "XYZW");
    c.change(URI, 3, range(1, 0, 1, 0), "again");
    c.change(URI, 4, range(1, 2, 1, 2), "다");
    c.diagnostics(URI, 4);
    // "가나다": three characters on line 1, none of the stale ones.
    assert_eq!(text_end(&mut c), json!({"line": 1, "character": 3}));
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 3}}),
    );
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("본문")
    );
}

#[test]
fn overlapping_requests_each_get_their_own_answer() {
    let (mut c, _) = utf16_client();
    c.open(URI, MISSING_INSIGHT, 1);
    let methods = [
        (
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": {"line": 2, "character": 4}}),
        ),
        (
            "textDocument/completion",
            json!({"textDocument": {"uri": URI}, "position": {"line": 1, "character": 0}}),
        ),
        (
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI}}),
        ),
        (
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": range(0, 0, 0, 0), "context": {"diagnostics": []}}),
        ),
        (
            "textDocument/foldingRange",
            json!({"textDocument": {"uri": URI}}),
        ),
    ];
    // Forty requests in flight at once, with edits typed between them.
    let mut sent = Vec::new();
    for i in 0..40 {
        let (method, params) = &methods[i % methods.len()];
        sent.push((c.send_request(method, params.clone()), *method));
        if i % 5 == 4 {
            let version = 2 + i as i64 / 5;
            c.change(URI, version, range(3, 0, 3, 0), "새");
        }
    }
    for (id, method) in sent {
        let response = c.wait_for(|m| m["id"] == id && m.get("method").is_none());
        assert!(response.get("error").is_none(), "{method}: {response}");
        match method {
            "textDocument/documentSymbol" => {
                assert!(response["result"].as_array().unwrap().len() >= 5)
            }
            "textDocument/hover" => assert!(response["result"]["contents"]["value"].is_string()),
            _ => {}
        }
    }
    // Eight edits of "새" on the headline line, all applied in order.
    let headline = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 2, "character": 4}}),
    );
    assert!(
        headline["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("헤드라인")
    );
    c.diagnostics(URI, 9);
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": range(0, 0, 20, 0), "context": {"diagnostics": []}}),
    );
    let edit = &actions[0]["edit"]["documentChanges"][0];
    assert_eq!(edit["textDocument"]["version"], 9);
}

#[test]
fn cancelled_requests_are_answered_and_serving_goes_on() {
    let (mut c, _) = utf16_client();
    // Big enough that the analysis a request waits for takes a while.
    let big = format!("## 본문\n{}", "매출이 20% 늘었다. ".repeat(60_000));
    c.open(URI, &big, 1);
    let mut ids = Vec::new();
    for _ in 0..5 {
        c.change(URI, 2 + ids.len() as i64, range(0, 0, 0, 0), "");
        let id = c.send_request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI}}),
        );
        c.notify("$/cancelRequest", json!({"id": id}));
        ids.push(id);
    }
    // Cancelling an id that does not exist is harmless.
    c.notify("$/cancelRequest", json!({"id": 9999}));
    for id in ids {
        let response = c.wait_for(|m| m["id"] == id && m.get("method").is_none());
        // Either the answer, or the LSP's RequestCancelled error.
        assert!(
            response.get("result").is_some() || response["error"]["code"] == -32800,
            "{response}"
        );
    }
    let symbols = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    assert_eq!(symbols.as_array().unwrap().len(), 1);
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn every_feature_refuses_unopened_documents_and_serving_goes_on() {
    let (mut c, _) = utf16_client();
    let nope = json!({"uri": "file:///nope.scrap.md"});
    let at = json!({"line": 0, "character": 0});
    for (method, params) in [
        (
            "textDocument/completion",
            json!({"textDocument": nope, "position": at}),
        ),
        ("textDocument/documentSymbol", json!({"textDocument": nope})),
        ("textDocument/foldingRange", json!({"textDocument": nope})),
        ("textDocument/documentLink", json!({"textDocument": nope})),
        (
            "textDocument/inlayHint",
            json!({"textDocument": nope, "range": range(0, 0, 1, 0)}),
        ),
        (
            "textDocument/codeAction",
            json!({"textDocument": nope, "range": range(0, 0, 0, 0), "context": {"diagnostics": []}}),
        ),
        (
            "workspace/executeCommand",
            json!({"command": "scrapls.insertMissingSections", "arguments": ["file:///nope.scrap.md"]}),
        ),
    ] {
        let response = c.request_raw(method, params);
        assert_eq!(response["error"]["code"], -32602, "{method}: {response}");
    }
    // Edits and closes of a document that is not open are ignored quietly.
    c.change("file:///nope.scrap.md", 2, range(0, 0, 0, 0), "x");
    c.notify("textDocument/didClose", json!({"textDocument": nope}));
    c.open(URI, MISSING_INSIGHT, 1);
    assert_eq!(codes(&c.diagnostics(URI, 1)), ["missing-section"]);
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn malformed_json_rpc_is_answered_and_serving_goes_on() {
    let (mut c, _) = utf16_client();
    c.open(URI, MISSING_INSIGHT, 1);
    c.diagnostics(URI, 1);
    // JSON, but not a JSON-RPC message: Invalid Request for each element.
    c.send_raw(b"Content-Length: 5\r\n\r\n[1,2]");
    for _ in 0..2 {
        assert_eq!(
            c.wait_for(|m| m["error"]["code"] == -32600)["id"],
            Value::Null
        );
    }
    // No Content-Length.
    c.send_raw(b"Content-Type: application/json\r\n\r\n");
    c.wait_for(|m| m["error"]["code"] == -32700);
    // Invalid UTF-8 in the body.
    c.send_raw(b"Content-Length: 4\r\n\r\n\"\xff\xfe\"");
    c.wait_for(|m| m["error"]["code"] == -32700);
    // A request whose params have the wrong shape.
    let response = c.request_raw("textDocument/hover", json!({"textDocument": 42}));
    assert_eq!(response["error"]["code"], -32602);
    // A notification with the wrong shape is dropped, not fatal.
    c.notify("textDocument/didChange", json!({"contentChanges": "none"}));
    // Still serving, with the document intact.
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 2, "character": 4}}),
    );
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("헤드라인")
    );
    assert_eq!(c.shutdown(), Some(0));
}

#[test]
fn prose_at_a_line_start_does_not_offer_headings() {
    let (mut c, _) = utf16_client();
    let text = "## 본문\n요약하면";
    c.open(URI, text, 1);
    let result = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": URI}, "position": {"line": 1, "character": 4}}),
    );
    assert!(result.is_null(), "{result}");
    // With a `#`, a Hangul prefix works.
    c.change(URI, 2, range(1, 0, 1, 4), "## 요약");
    let result = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": URI}, "position": {"line": 1, "character": 5}}),
    );
    assert_eq!(
        result["items"][0]["label"],
        "요약 및 의견 for 경제신문스크랩 스터디용"
    );
}
