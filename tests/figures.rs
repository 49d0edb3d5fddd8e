//! End-to-end: the real `scrapls figures` on scrap files, plain text and
//! standard input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

fn scrapls(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scrapls"))
        .args(args)
        .env("SCRAPLS_LANG", "ko")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run scrapls");
    let mut pipe = child.stdin.take().expect("stdin");
    pipe.write_all(stdin.unwrap_or("").as_bytes())
        .expect("write stdin");
    drop(pipe);
    child.wait_with_output().expect("wait")
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

const SCRAP: &str = "# 스크랩\n\n## 헤드라인\n인력 양성 확대\n\n## 기사링크\nhttps://news.example.com/2026/11/19/a-100\n\n## 본문\n😀 머신러닝 부트캠프 인력 양성을 지난해 200명 수준에서 500명 수준으로 늘린다. 예산은 1조2천억원이다. 13일 발표했다.\n\n## 기사 내용의 수치화, 인사이트\n2024년에 시작.\n";

#[test]
fn json_has_every_field_in_base_units_with_utf16_ranges() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.scrap.md");
    std::fs::write(&path, SCRAP).expect("write");
    let out = scrapls(
        &["figures", "--format", "json", path.to_str().expect("path")],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let figures = json_lines(&out);
    assert_eq!(figures.len(), 3, "{figures:#?}");
    // The emoji is two UTF-16 units; the Hangul before the figure one each.
    let line = SCRAP
        .lines()
        .position(|l| l.starts_with('😀'))
        .expect("body line") as u64;
    let col = |needle: &str| {
        let l = SCRAP.lines().nth(line as usize).expect("line");
        l[..l.find(needle).expect("needle")].encode_utf16().count() as u64
    };
    assert_eq!(
        figures[0],
        json!({
            "text": "200명", "value": 200, "unit": "명", "approx": true, "bounds": null,
            "change": null, "section": "body",
            "range": {"start": {"line": line, "character": col("200명")},
                      "end": {"line": line, "character": col("200명") + 4}}
        })
    );
    assert_eq!(figures[1]["text"], "500명");
    assert_eq!(
        figures[1]["change"],
        json!({"from": 200.0, "to": 500.0, "delta": 300.0, "ratio": 2.5, "direction": "up"})
    );
    assert_eq!(figures[2]["text"], "1조2천억원");
    assert_eq!(figures[2]["value"], json!(1_200_000_000_000_i64));
    assert_eq!(figures[2]["unit"], "원");
}

#[test]
fn human_lines_show_value_and_change() {
    let out = scrapls(&["figures", "-"], Some(SCRAP));
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(
        lines[1].ends_with("[body] 500명 = 500명 (어림값) — 200명 → 500명: +300명, 2.5배, +150%"),
        "{stdout}"
    );
    assert!(
        lines[2].ends_with("[body] 1조2천억원 = 1,200,000,000,000원"),
        "{stdout}"
    );
    // Dates (`13일`, `2024년에`) and the link's digits are no figures.
    assert!(
        !stdout.contains("13일") && !stdout.contains("2024"),
        "{stdout}"
    );
}

#[test]
fn plain_text_has_no_sections() {
    let out = scrapls(
        &["figures", "--text", "--format", "json", "-"],
        Some("매출이 18% 늘었다.\n200~300명이 참가했다.\n"),
    );
    let figures = json_lines(&out);
    assert_eq!(figures.len(), 2);
    assert_eq!(figures[0]["section"], Value::Null);
    assert_eq!(figures[0]["change"]["direction"], "up");
    assert_eq!(figures[0]["change"]["ratio"], 1.18);
    assert_eq!(figures[1]["bounds"], json!([200.0, 300.0]));
    assert_eq!(
        figures[1]["range"]["start"],
        json!({"line": 1, "character": 0})
    );
}

#[test]
fn unreadable_input_exits_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_scrapls"))
        .args(["figures", "/nonexistent/a.scrap.md"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/a.scrap.md"));
}

#[test]
fn no_figures_counts_parsed_figures_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.scrap.md");
    std::fs::write(&path, SCRAP).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_scrapls"))
        .args(["check", "--format", "json", path.to_str().expect("path")])
        .env("SCRAPLS_LANG", "ko")
        .output()
        .expect("run");
    let report = json_lines(&out);
    let codes: Vec<&str> = report[0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"no-figures"), "{codes:?}");
    std::fs::write(&path, SCRAP.replace("2024년에 시작.", "예산 1조2천억원.")).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_scrapls"))
        .args(["check", "--format", "json", path.to_str().expect("path")])
        .output()
        .expect("run");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("no-figures"));
}
