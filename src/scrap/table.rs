//! The table form: a scrap copied out of a study group's spreadsheet.
//!
//! ```text
//! 경제신문 스크랩 양식
//!
//! 헤드라인 (요약과 압축)<TAB>반도체 수출 반등<TAB><TAB>
//! 본문 (본문 내용 복사)<TAB>첫 문단<TAB><TAB>
//! <TAB>둘째 문단
//! 셋째 문단(탭 없이 이어진 단락)
//! 기사 내용의 수치화, 인사이트<TAB>…
//! ```
//!
//! A row starts at a line whose first cell names a template section; every
//! following line that does not start a row continues the value. Trailing
//! tabs are empty cells, not text.
//!
//! A value may also be one quoted cell, the way spreadsheets put a cell with
//! line breaks, tabs or quotes on the clipboard (and `scrapls export --to
//! table` writes it): `"첫 줄<LF>둘째 줄 ""인용"""`, a quote doubled inside.
//! Its lines never start rows, and its text is exactly what is between the
//! quotes. A quote that is never closed, or whose closing quote has text
//! after it, is plain text (a value that merely starts with a quotation).

use super::parse::{Form, Heading, Scrap, Section};
use super::template::Template;
use crate::text::lines::lines;
use crate::text::trim_cells;

/// Labels longer than this are sentences, not mistyped labels.
const MAX_LABEL_CHARS: usize = 40;

/// Parses the table form; `None` when the text has no row at all.
pub fn parse_table(text: &str, body_start: usize, template: &Template) -> Option<Scrap> {
    let mut sections: Vec<Section> = Vec::new();
    let mut stray_headings = Vec::new();
    // Lines before this offset are inside a quoted cell.
    let mut quoted_until = 0;
    // Once a scan past its own line finds no cell (the quote is unclosed,
    // or text follows the closing quote), later values are not scanned
    // again, which keeps the whole parse one pass.
    let mut stop_scanning = false;
    for line in lines(&text[body_start..]) {
        let start = body_start + line.start;
        if start < quoted_until {
            continue;
        }
        let (cell, value_start) = match line.text.find('\t') {
            Some(tab) => (&line.text[..tab], start + tab + 1),
            // A label alone on its line (the sheet dropped empty cells) only
            // counts once the text is known to be a table.
            None if !sections.is_empty() => (line.text, start + line.text.len()),
            None => continue,
        };
        let label = trim_cells(cell);
        if label.is_empty() {
            continue;
        }
        let label_start = start + (label.as_ptr() as usize - line.text.as_ptr() as usize);
        let heading = Heading {
            line: start..start + line.text.len(),
            title: label_start..label_start + label.len(),
            level: 0,
        };
        match template.lookup(label) {
            Some(spec) => {
                if let Some(prev) = sections.last_mut() {
                    prev.content.end = start;
                }
                if !stop_scanning && text[value_start..].starts_with('"') {
                    match quoted_cell(&text[value_start..]) {
                        // Only a cell that closes with nothing but empty
                        // cells after it on its line holds rows inside it.
                        Some((_, len)) if rest_of_line_is_blank(&text[value_start + len..]) => {
                            quoted_until = value_start + len;
                        }
                        Some((_, len))
                            if !text[value_start..value_start + len].contains(['\n', '\r']) => {}
                        _ => stop_scanning = true,
                    }
                }
                sections.push(Section {
                    spec,
                    heading,
                    content: value_start..text.len(),
                });
            }
            None if line.text.contains('\t')
                && label.chars().count() <= MAX_LABEL_CHARS
                && template.suggest(label).is_some() =>
            {
                stray_headings.push(heading);
            }
            None => {}
        }
    }
    let first = sections.first()?.heading.line.start;
    Some(Scrap {
        form: Form::Table,
        front_matter: None,
        sections,
        stray_headings,
        preamble: body_start..first,
    })
}

/// A quoted cell at the start of `raw`: its text (doubled quotes made
/// single) and the length of the cell in `raw`, closing quote included.
/// `None` when `raw` does not start with a quote or the quote is not closed.
pub fn quoted_cell(raw: &str) -> Option<(String, usize)> {
    let mut rest = raw.strip_prefix('"')?;
    let mut value = String::new();
    loop {
        let quote = rest.find('"')?;
        value.push_str(&rest[..quote]);
        rest = &rest[quote + 1..];
        match rest.strip_prefix('"') {
            Some(after) => {
                value.push('"');
                rest = after;
            }
            None => return Some((value, raw.len() - rest.len())),
        }
    }
}

/// Whether `rest` holds only cell padding up to its first line break.
fn rest_of_line_is_blank(rest: &str) -> bool {
    let line = rest.find(['\n', '\r']).map_or(rest, |end| &rest[..end]);
    line.trim().is_empty()
}

/// The text of a value that is one quoted cell followed only by empty
/// cells and line ends; `None` for a plain value.
pub fn quoted_value(raw: &str) -> Option<String> {
    let (value, len) = quoted_cell(raw)?;
    raw[len..].trim().is_empty().then_some(value)
}

/// The title line of a table-form scrap (its first non-empty preamble line).
pub fn title_line<'a>(text: &'a str, scrap: &Scrap) -> Option<&'a str> {
    lines(&text[scrap.preamble.clone()])
        .map(|l| trim_cells(l.text))
        .find(|l| !l.is_empty())
}

#[cfg(test)]
mod tests {
    use super::super::parse::{content_text, parse};
    use super::*;

    fn ids<'t>(scrap: &Scrap, t: &'t Template) -> Vec<&'t str> {
        scrap
            .sections
            .iter()
            .map(|s| t.section(s.spec).id.as_str())
            .collect()
    }

    const SAMPLE: &str = "경제신문 스크랩 양식\n\n헤드라인 (요약과 압축)\t반도체 수출 반등\t\t\t\n기사링크\thttps://news.example.com/a/1\t\t\n본문 (본문 내용 복사)\t첫 문단이다.\t\t\n\t둘째 문단이다.\t\t\n\n셋째 문단은 탭 없이 이어진다.\n인사이틍\t오타 난 행\n연관기사 링크\t\t\t\n";

    #[test]
    fn reads_rows_and_continuations() {
        let t = Template::default();
        let scrap = parse(SAMPLE, &t);
        assert_eq!(scrap.form, Form::Table);
        assert_eq!(ids(&scrap, &t), ["headline", "link", "body", "related"]);
        assert_eq!(
            content_text(SAMPLE, &scrap.sections[0], Form::Table),
            "반도체 수출 반등"
        );
        let body = content_text(SAMPLE, &scrap.sections[2], Form::Table);
        assert!(body.starts_with("첫 문단이다.\n둘째 문단이다.\n\n셋째"));
        assert!(body.ends_with("이어진다.\n인사이틍\t오타 난 행"));
        assert_eq!(content_text(SAMPLE, &scrap.sections[3], Form::Table), "");
        assert_eq!(title_line(SAMPLE, &scrap), Some("경제신문 스크랩 양식"));
        assert_eq!(scrap.stray_headings.len(), 1);
    }

    #[test]
    fn quoted_cells_hold_lines_tabs_and_quotes() {
        let t = Template::default();
        let text = "스크랩\n\n본문\t\"첫 줄\n인사이트\t표처럼 보이는 줄\n\n\"\"인용\"\"\"\t\t\n인사이트\t\"수치 1\"\n요약\t\"닫히지 않은 따옴표\n질문\t정말?\n";
        let scrap = parse(text, &t);
        assert_eq!(scrap.form, Form::Table);
        assert_eq!(ids(&scrap, &t), ["body", "insight", "summary", "questions"]);
        let value = |i: usize| content_text(text, &scrap.sections[i], Form::Table);
        assert_eq!(value(0), "첫 줄\n인사이트\t표처럼 보이는 줄\n\n\"인용\"");
        assert_eq!(value(1), "수치 1");
        assert_eq!(value(2), "\"닫히지 않은 따옴표");
        assert_eq!(value(3), "정말?");
    }

    #[test]
    fn a_quote_followed_by_text_holds_no_rows() {
        let t = Template::default();
        // The quote opened in the body closes in the insight row, but text
        // follows it: the rows between are rows, as in the seed's form.
        let text = "스크랩\n\n본문\t\"인용으로 시작하는 본문\n인사이트\t수치 20%\n요약\t그는 \"그렇다\"고 했다\n";
        let scrap = parse(text, &t);
        assert_eq!(ids(&scrap, &t), ["body", "insight", "summary"]);
        assert_eq!(
            content_text(text, &scrap.sections[0], Form::Table),
            "\"인용으로 시작하는 본문"
        );
    }

    #[test]
    fn quoted_cell_rules() {
        assert_eq!(quoted_cell("\"a\"\"b\"\tc"), Some(("a\"b".into(), 6)));
        assert_eq!(quoted_cell("\"a"), None);
        assert_eq!(quoted_cell("a\""), None);
        assert_eq!(quoted_value("\"인용\" 뒤에 글"), None);
        assert_eq!(quoted_value("\"\"\t\t\n"), Some(String::new()));
    }

    #[test]
    fn markdown_is_not_a_table() {
        let t = Template::default();
        assert!(parse_table("## 본문\n내용\tx\n", 0, &t).is_none());
    }
}
