//! Hostile and broken input against the pure layers: whatever a user pastes
//! or an editor sends, scrapls neither panics nor points outside the text
//! nor loses a character.
//!
//! Property tests (proptest) run a bounded number of cases so the whole
//! suite stays fast in debug builds; `fuzz/` runs the same entry points
//! without a bound (see `docs/testing.md`).

use proptest::prelude::*;
use scrapls::i18n::Locale;
use scrapls::lsp::document::{Analysis, Change, Document};
use scrapls::lsp::proto::diagnostic;
use scrapls::scrap::config::Config;
use scrapls::scrap::convert::table_to_markdown;
use scrapls::scrap::parse::{Form, content_text, parse};
use scrapls::scrap::template::Template;
use scrapls::scrap::validate::check;
use scrapls::text::position::{Encoding, LineIndex, Position};
use scrapls::text::trim_cells;

/// Pieces of text that exercise every branch of the parser: headings that
/// name sections (and typos of them), table rows, front matter, fences,
/// comments, URLs, questions, and the characters that break naive code
/// (CRLF, lone CR, NUL, BOM, emoji, NFD Hangul, combining marks).
const FRAGMENTS: &[&str] = &[
    "## 헤드라인\n",
    "# 본문\n",
    "### 인사이틍\n",
    "## 기사링크\n",
    "## 연관기사 링크\n",
    "## 적용할점 (현직자에게 할 질문)\n",
    "#### 깊은 제목\n",
    "#\n",
    "헤드라인 (요약과 압축)\t",
    "본문\t",
    "\t",
    "---\n",
    "...\n",
    "date: 2026-11-20\n",
    "url: ftp://x\n",
    "```\n",
    "~~~~\n",
    "<!--",
    "-->",
    "https://news.example.com/a?b=1",
    "http://",
    "www.",
    "[링크](https://x.kr/a))",
    "<https://x.kr>",
    "무엇인가요?",
    "20%",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "\0",
    "\u{feff}",
    "😀",
    "👩‍👩‍👧",
    "가",
    "\u{1100}\u{1161}\u{11a8}",
    "e\u{301}",
    " ",
    "   ",
    "\u{3000}",
];

/// Arbitrary text biased towards scrap structure.
fn scrap_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "[가-힣a-z0-9 ]{1,12}",
    ];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

fn assert_spans_inside(text: &str, config: &Config) {
    let (_, diagnostics) = check(text, config);
    for d in &diagnostics {
        assert!(
            d.span.start <= d.span.end && d.span.end <= text.len(),
            "{:?} {:?} outside a text of {} bytes",
            d.code,
            d.span,
            text.len()
        );
        assert!(
            text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
            "{:?} {:?} splits a character",
            d.code,
            d.span
        );
    }
}

/// The same diagnostics as the server publishes them: every range lies in
/// the document, in both encodings.
fn assert_lsp_ranges_inside(text: &str, config: &Config) {
    let analysis = Analysis::new(1, 1, text.to_string(), std::sync::Arc::new(config.clone()));
    let lines = LineIndex::new(text).line_count() as u32;
    for encoding in [Encoding::Utf8, Encoding::Utf16] {
        for d in &analysis.diagnostics {
            let range = diagnostic(&analysis, d, encoding).range;
            assert!(
                (range.start.line, range.start.character) <= (range.end.line, range.end.character)
            );
            assert!(range.end.line < lines, "{range:?} past {lines} lines");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn parser_and_validator_never_panic_and_stay_inside(text in scrap_text()) {
        let config = Config::default();
        assert_spans_inside(&text, &config);
        assert_lsp_ranges_inside(&text, &config);
        let english = Config { locale: Locale::En, ..Config::default() };
        assert_spans_inside(&text, &english);
    }

    #[test]
    fn any_unicode_never_panics(text in any::<String>()) {
        assert_spans_inside(&text, &Config::default());
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Offsets survive a trip through positions in both encodings, and any
    /// position at all (past a line's end, past the document, inside a
    /// surrogate pair or a UTF-8 sequence) clamps to a character boundary
    /// where the rope and the line index agree.
    #[test]
    fn positions_round_trip_and_clamp(
        text in scrap_text(),
        probes in prop::collection::vec((0u32..40, 0u32..200), 0..20),
    ) {
        let index = LineIndex::new(&text);
        let doc = Document::new(&text, 1);
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            for (i, (offset, _)) in text.char_indices().chain([(text.len(), ' ')]).enumerate() {
                // Between `\r` and `\n` is not a place a cursor can be.
                if offset > 0 && text.as_bytes()[offset - 1] == b'\r' && text.as_bytes().get(offset) == Some(&b'\n') {
                    continue;
                }
                let position = index.position(&text, offset, encoding);
                prop_assert_eq!(index.offset(&text, position, encoding), offset);
                // The rope is slow in debug builds: compare it on a sample.
                if i % 5 == 0 {
                    prop_assert_eq!(doc.rope.char_to_byte(doc.char_index(position, encoding)), offset);
                }
            }
            for &(line, character) in &probes {
                let position = Position { line, character };
                let offset = index.offset(&text, position, encoding);
                prop_assert!(offset <= text.len() && text.is_char_boundary(offset));
                let from_rope = doc.rope.char_to_byte(doc.char_index(position, encoding));
                prop_assert_eq!(from_rope, offset, "{:?} {:?}", position, encoding);
            }
        }
    }

    /// Incremental edits with hostile ranges give exactly the text that
    /// applying the same clamped edits to a string gives: nothing typed is
    /// lost or misplaced.
    #[test]
    fn rope_edits_match_string_edits(
        text in scrap_text(),
        edits in prop::collection::vec(((0u32..30, 0u32..60), (0u32..30, 0u32..60), scrap_text()), 1..8),
        utf8 in any::<bool>(),
    ) {
        let encoding = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
        let mut doc = Document::new(&text, 1);
        let mut expected = text.clone();
        for (version, ((l1, c1), (l2, c2), new)) in edits.iter().enumerate() {
            let start = Position { line: *l1, character: *c1 };
            let end = Position { line: *l2, character: *c2 };
            let index = LineIndex::new(&expected);
            let a = index.offset(&expected, start, encoding);
            let b = index.offset(&expected, end, encoding).max(a);
            expected.replace_range(a..b, new);
            doc.apply(&[Change { range: Some((start, end)), text: new }], version as i32 + 2, encoding);
            prop_assert_eq!(doc.rope.to_string(), expected.clone());
        }
    }
}

/// A table-form scrap: a title, then rows whose values span continuation
/// lines (tab-led or plain) holding text that Markdown would otherwise read
/// as structure.
fn table_scrap() -> impl Strategy<Value = String> {
    let labels = prop::sample::select(vec![
        "헤드라인 (요약과 압축)",
        "기사링크",
        "본문 (본문 내용 복사)",
        "인사이트",
        "추가조사할 내용 또는결과",
        "요약 및 의견",
        "적용할점 (현직자에게 할 질문)",
        "연관기사 링크",
    ]);
    let value_line = prop_oneof![
        "[가-힣a-z0-9 .,?%]{0,20}",
        prop::sample::select(vec![
            "## 본문",
            "# 인사이트:",
            "```",
            "~~~",
            "---",
            "<!-- 메모 -->",
            "본문\t셀",
            "기사링크\thttps://x.kr",
            "\\## 이미 escape",
            "😀 이모지 \u{1100}\u{1161}",
            "https://news.example.com/a",
        ])
        .prop_map(str::to_string),
    ];
    let row = (
        labels,
        prop::collection::vec((any::<bool>(), value_line), 0..5),
    )
        .prop_map(|(label, lines)| {
            let mut row = format!("{label}\t");
            for (i, (tab_led, line)) in lines.iter().enumerate() {
                if i > 0 {
                    row.push('\n');
                    if *tab_led {
                        row.push('\t');
                    }
                }
                row.push_str(line);
            }
            row.push_str("\t\t\n");
            row
        });
    (prop::collection::vec(row, 1..9), any::<bool>()).prop_map(|(rows, crlf)| {
        let text = format!("경제신문 스크랩 양식\n\n{}", rows.concat());
        if crlf {
            text.replace('\n', "\r\n")
        } else {
            text
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Table → Markdown → read back: the same sections, in the same order,
    /// under the same labels, each value's lines all there, character for
    /// character (a line Markdown would misread gains one leading `\`).
    #[test]
    fn table_conversion_keeps_every_character(text in table_scrap()) {
        let template = Template::default();
        let table = parse(&text, &template);
        prop_assume!(table.form == Form::Table);
        let markdown = table_to_markdown(&text, &table, &template, Locale::Ko).unwrap();
        let back = parse(&markdown, &template);
        prop_assert_eq!(back.form, Form::Markdown, "{}", markdown);
        prop_assert_eq!(back.sections.len(), table.sections.len(), "{}", markdown);
        for (before, after) in table.sections.iter().zip(&back.sections) {
            prop_assert_eq!(before.spec, after.spec);
            prop_assert_eq!(&text[before.heading.title.clone()], &markdown[after.heading.title.clone()]);
            let value = content_text(&text, before, Form::Table);
            let kept = trim_cells(&markdown[after.content.clone()]);
            let value_lines: Vec<&str> = if value.is_empty() { vec![] } else { value.split('\n').collect() };
            let kept_lines: Vec<&str> = if kept.is_empty() { vec![] } else { kept.split('\n').collect() };
            prop_assert_eq!(value_lines.len(), kept_lines.len(), "{:?} became {:?}", value, kept);
            for (v, k) in value_lines.iter().zip(&kept_lines) {
                prop_assert!(k == v || k.strip_prefix('\\') == Some(*v), "{:?} became {:?}", v, k);
            }
        }
    }
}

#[test]
fn hundred_thousand_character_lines() {
    let config = Config::default();
    let long_hangul = "가".repeat(100_000);
    let long_url = format!("https://x.kr/{}", "a".repeat(100_000));
    let long_heading = format!("## {}", "인사이틍".repeat(25_000));
    for line in [&long_hangul, &long_url, &long_heading] {
        let text = format!("## 헤드라인\n{line}\n## 기사링크\n{line}\n## 본문\n{line}\r\n");
        assert_spans_inside(&text, &config);
        let (_, diagnostics) = check(&text, &config);
        // The over-long headline is reported, on the headline, not the file.
        if line == &long_hangul {
            let too_long = diagnostics
                .iter()
                .find(|d| d.code.as_str() == "headline-too-long")
                .expect("headline-too-long");
            assert!(too_long.span.end <= text.find("## 기사링크").unwrap());
        }
    }
}

#[test]
fn ten_thousand_headings() {
    let config = Config::default();
    let mut text = String::new();
    for i in 0..10_000 {
        let title = ["본문", "인사이틍", "배경", "헤드라인"][i % 4];
        text.push_str(&format!("## {title}\n내용 {i}\n"));
    }
    let (scrap, diagnostics) = check(&text, &config);
    assert_eq!(scrap.sections.len(), 5_000);
    // Every duplicate is reported once, each on its own heading.
    let duplicates = diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "duplicate-section")
        .count();
    assert_eq!(duplicates, 4_998);
    assert_spans_inside(&text, &config);
}

#[test]
fn nul_bom_and_lone_carriage_returns() {
    let config = Config::default();
    let text = "\u{feff}---\rdate: x\r---\r## 본문\r\0\0\r## 인사이트\r매출 20%\r";
    let (scrap, _) = check(text, &config);
    assert!(scrap.front_matter.is_some());
    assert_eq!(scrap.sections.len(), 2);
    assert_spans_inside(text, &config);
}

#[test]
fn converted_values_that_look_like_rows_stay_values() {
    // Continuation lines that read like rows once their leading tab (cell
    // padding) is gone: the Markdown form must still be read as Markdown.
    let text = "스크랩\n\n헤드라인\t금리 동결\n\t본문\t첫 셀\n\t기사링크\thttps://x.kr/a\n\t인사이트\t20%\n";
    let template = Template::default();
    let table = parse(text, &template);
    assert_eq!(table.sections.len(), 1);
    let markdown = table_to_markdown(text, &table, &template, Locale::Ko).unwrap();
    let back = parse(&markdown, &template);
    assert_eq!(back.form, Form::Markdown, "{markdown}");
    assert_eq!(back.sections.len(), 1, "{markdown}");
}
