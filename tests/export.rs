//! End-to-end: the real `scrapls export` binary (every format, filters,
//! never overwriting), and the round trip `convert(export(scrap))` as a
//! property over generated scraps.

use std::path::Path;
use std::process::{Command, Output};

use proptest::prelude::*;
use scrapls::export::Record;
use scrapls::export::table::sheet_rows;
use scrapls::i18n::Locale;
use scrapls::scrap::convert::table_to_markdown;
use scrapls::scrap::parse::{Form, parse};
use scrapls::scrap::template::Template;

fn scrapls(args: &[&str]) -> Output {
    scrapls_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn scrapls_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scrapls"))
        .args(args)
        .current_dir(dir)
        .env("SCRAPLS_LANG", "ko")
        .output()
        .expect("run scrapls")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

/// Three scraps of one week (and one of the week before) in a folder.
fn week() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let scrap = |date: &str, tags: &str, headline: &str, link: &str, insight: &str| {
        format!(
            "---\ndate: {date}\npress: 한빛경제\ntags: [{tags}]\n---\n\n# 경제신문 스크랩\n\n\
             ## 헤드라인\n\n{headline}\n\n## 기사링크\n\n{link}\n\n## 본문\n\n첫 문단.\n\n둘째 문단, \"인용\".\n\n\
             ## 인사이트\n\n{insight}\n\n## 요약 및 의견\n\n요약이다.\n\n## 적용할점\n\n무엇을 물을까요?\n"
        )
    };
    let files = [
        (
            "a.scrap.md",
            scrap(
                "2026-11-18",
                "반도체",
                "반도체 수출 20% 증가",
                "https://news.example.com/a",
                "수출 20% 증가",
            ),
        ),
        (
            "sub/b.scrap.md",
            scrap(
                "2026-11-16",
                "금리, 반도체",
                "기준금리 동결",
                "https://news.example.com/b",
                "<script>alert(1)</script> 2.50%",
            ),
        ),
        (
            "c.scrap.md",
            scrap(
                "2026-11-20",
                "수출",
                "2차전지 반등",
                "https://news.example.com/c",
                "12.4%",
            ),
        ),
        (
            "old.scrap.md",
            scrap(
                "2026-11-09",
                "금리",
                "지난주 기사",
                "https://news.example.com/d",
                "1%",
            ),
        ),
        ("notes.md", "## 본문\n\n스크랩이 아닌 파일\n".to_string()),
    ];
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn table_export_converts_back_to_the_same_sections() {
    let dir = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sample.scrap.md");
    let out = scrapls(&["export", example.to_str().unwrap(), "--to", "table"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let rows = stdout(&out);
    assert!(rows.starts_with("경제신문 스크랩\n\n헤드라인 (요약과 압축)\t2차전지"));
    let table = dir.path().join("rows.scrap");
    std::fs::write(&table, &rows).unwrap();
    let out = scrapls(&["convert", table.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let template = Template::default();
    let original = Record::read(&std::fs::read_to_string(&example).unwrap(), &template);
    let back = Record::read(&stdout(&out), &template);
    assert_eq!(back.values, original.values);
    assert_eq!(back.title, original.title);
}

#[test]
fn csv_has_one_row_per_selected_scrap_in_date_order() {
    let dir = week();
    let out = scrapls_in(
        dir.path(),
        &[
            "export",
            ".",
            "--to",
            "csv",
            "--since",
            "2026-11-16",
            "--until",
            "2026-11-22",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let rows = csv_rows(&out.stdout);
    assert_eq!(rows.len(), 4, "header and three scraps");
    assert_eq!(
        &rows[0][..4],
        ["날짜", "언론사", "태그", "헤드라인 (요약과 압축)"]
    );
    let dates: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(dates, ["2026-11-16", "2026-11-18", "2026-11-20"]);
    assert_eq!(rows[1][2], "금리, 반도체");
    assert_eq!(rows[1][5], "첫 문단.\n\n둘째 문단, \"인용\".");
    assert!(out.stdout.windows(2).any(|w| w == b"\r\n"));

    let out = scrapls_in(
        dir.path(),
        &["export", ".", "--to", "tsv", "--tag", "반도체", "--excel"],
    );
    assert!(out.stdout.starts_with("\u{feff}날짜\t언론사".as_bytes()));
    let text = stdout(&out);
    assert!(text.contains("반도체 수출 20% 증가") && text.contains("기준금리 동결"));
    assert!(!text.contains("2차전지 반등") && !text.contains("지난주 기사"));
}

#[test]
fn output_files_are_never_overwritten_without_force() {
    let dir = week();
    let target = dir.path().join("week.xlsx");
    std::fs::write(&target, "내 파일").unwrap();
    let out = scrapls_in(
        dir.path(),
        &["export", ".", "--to", "xlsx", "-o", "week.xlsx"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "내 파일");
    let out = scrapls_in(
        dir.path(),
        &["export", ".", "--to", "xlsx", "-o", "week.xlsx", "--force"],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(std::fs::read(&target).unwrap().starts_with(b"PK\x03\x04"));
}

#[test]
fn digest_escapes_user_text_and_folds_the_body_on_request() {
    let dir = week();
    let out = scrapls_in(
        dir.path(),
        &["export", ".", "--to", "html", "--since", "2026-11-16"],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let html = stdout(&out);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script"));
    assert_eq!(html.matches("<article class=\"scrap\">").count(), 3);
    assert!(!html.contains("첫 문단."));
    assert!(html.contains("스크랩 3건 · 2026-11-16 – 2026-11-20"));
    let out = scrapls_in(
        dir.path(),
        &["export", "c.scrap.md", "--to", "html", "--with-body"],
    );
    assert!(stdout(&out).contains("<details class=\"body\">"));
    assert!(stdout(&out).contains("첫 문단."));
}

#[test]
fn bad_usage_exits_2() {
    let dir = week();
    for args in [
        &["export", ".", "--to", "table"][..],
        &["export", ".", "--to", "csv", "--since", "11/16"],
        &["export", "missing.scrap.md", "--to", "csv"],
    ] {
        let out = scrapls_in(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
    }
}

/// Words a scrap's values are made of: Hangul, figures, quotes, tabs,
/// markup that must stay text, a long URL, emoji, a stray `#` heading.
const WORDS: &[&str] = &[
    "반도체",
    "수출",
    "12.4%",
    "\"인용\"",
    "\"",
    "a\"\"b",
    "\t",
    "<script>alert(1)</script>",
    "https://news.example.com/economy/2026/11/19/a-very-long-path?x=1&y=2",
    "📈",
    "👍🏽",
    "#",
    "금리",
    "  ",
    "가\u{3000}나",
];

fn value() -> impl Strategy<Value = String> {
    let line = prop::collection::vec(prop::sample::select(WORDS), 0..6).prop_map(|w| w.join(" "));
    prop::collection::vec(line, 0..5).prop_map(|lines| lines.join("\n"))
}

fn markdown_scrap() -> impl Strategy<Value = String> {
    let titles: Vec<String> = Template::default()
        .sections()
        .iter()
        .map(|s| s.title.clone())
        .collect();
    let section = (prop::sample::select(titles), value());
    (
        prop::option::of("[가-힣 ]{1,12}"),
        prop::collection::vec(section, 0..10),
    )
        .prop_map(|(title, sections)| {
            let mut text = String::new();
            if let Some(title) = title.filter(|t| !t.trim().is_empty()) {
                text.push_str(&format!("# {}\n\n", title.trim()));
            }
            for (heading, value) in sections {
                text.push_str(&format!("## {heading}\n\n{value}\n\n"));
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// `convert(export(scrap))`: every section's text comes back unchanged,
    /// in template order (front matter is not carried by sheet rows).
    #[test]
    fn convert_of_export_keeps_every_section(text in markdown_scrap()) {
        let template = Template::default();
        let original = Record::read(&text, &template);
        prop_assume!(parse(&text, &template).form == Form::Markdown);
        let rows = sheet_rows(&original, &template, Locale::Ko);
        let table = parse(&rows, &template);
        prop_assert_eq!(table.form, Form::Table, "{}", rows);
        let markdown = table_to_markdown(&rows, &table, &template, Locale::Ko).unwrap();
        let back = Record::read(&markdown, &template);
        for (spec, texts) in original.values.iter().enumerate() {
            let want: Vec<String> = if texts.is_empty() { vec![String::new()] } else { texts.clone() };
            prop_assert_eq!(&back.values[spec], &want, "rows:\n{}\nmarkdown:\n{}", rows, markdown);
        }
        if let Some(title) = &original.title {
            prop_assert_eq!(back.title.as_ref(), Some(title));
        }
    }
}

/// Sheet-like text full of quotes, tabs and line breaks.
fn quoted_table() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "본문\t",
        "인사이트\t",
        "요약\t",
        "\"",
        "\"\"",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "반도체 ",
        "20% ",
        "---\n",
        "## 본문\n",
        "<script>",
        "📈",
    ]);
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any text, however its quotes fall, exports to every format without
    /// a panic, and its sheet rows read back as a table with every section.
    #[test]
    fn any_text_exports(text in prop_oneof![quoted_table(), any::<String>()]) {
        let template = Template::default();
        let record = Record::read(&text, &template);
        let rows = sheet_rows(&record, &template, Locale::Ko);
        let back = parse(&rows, &template);
        prop_assert_eq!(back.form, Form::Table);
        let sections: usize = record.values.iter().map(|v| v.len().max(1)).sum();
        prop_assert_eq!(back.sections.len(), sections, "{}", rows);
        let sheet = scrapls::export::rows::sheet(std::slice::from_ref(&record), &template, Locale::Ko);
        scrapls::export::csv::delimited(&sheet, scrapls::export::csv::Delimiter::Comma, true);
        let html = scrapls::export::html::digest(&[record], &template, Locale::Ko, true);
        prop_assert!(!html.contains("<script>"));
    }
}
