//! One scrap in the sheet's own layout, ready to paste into Google Sheets or
//! Excel: the title line, a blank line, then one row per template section,
//! `label<TAB>value`, labels as the template writes them.
//!
//! A value with a line break, a tab or a quote is one quoted cell with `""`
//! for a quote, as spreadsheets put multi-line cells on the clipboard and
//! read them back on paste; `scrapls convert` reads it back
//! ([`crate::scrap::table`]), so `convert(export(scrap))` keeps every
//! section's text. The front matter is not carried: the sheet has no place
//! for it (the weekly formats carry date, press and tags as columns).

use std::borrow::Cow;

use super::Record;
use crate::i18n::{Locale, Message};
use crate::scrap::template::Template;

/// The sheet rows of one scrap. Sections come in template order; a
/// missing one is an empty row (the sheet has every row), a repeated one
/// gives one row per occurrence.
pub fn sheet_rows(record: &Record, template: &Template, locale: Locale) -> String {
    let mut out = String::new();
    let title = record
        .title
        .clone()
        .unwrap_or_else(|| Message::ScrapTitle.render(locale));
    let title = title.as_str();
    // A title `---` would open front matter: quoted, it stays the title.
    if title.trim_end() == "---" {
        out.push_str("\"---\"");
    } else {
        out.push_str(&cell(title));
    }
    out.push_str("\n\n");
    for (spec, section) in template.sections().iter().enumerate() {
        let texts = record.values.get(spec).map_or(&[][..], Vec::as_slice);
        let empty = [String::new()];
        let texts = if texts.is_empty() { &empty[..] } else { texts };
        for text in texts {
            out.push_str(&cell(&section.title));
            out.push('\t');
            out.push_str(&cell(text));
            out.push('\n');
        }
    }
    out
}

/// A value as a clipboard cell: as it is, or quoted when it holds a line
/// break, a tab or a quote.
pub fn cell(value: &str) -> Cow<'_, str> {
    if value.contains(['\n', '\r', '\t', '"']) {
        Cow::Owned(format!("\"{}\"", value.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_in_template_order_with_quoted_cells() {
        let t = Template::default();
        let text = "# 스크랩\n\n## 본문\n\n첫 줄\n둘째 \"줄\"\n\n## 헤드라인\n\n금리 동결\n";
        let rows = sheet_rows(&Record::read(text, &t), &t, Locale::Ko);
        let mut lines = rows.lines();
        assert_eq!(lines.next(), Some("스크랩"));
        assert_eq!(lines.next(), Some(""));
        assert_eq!(lines.next(), Some("헤드라인 (요약과 압축)\t금리 동결"));
        assert_eq!(lines.next(), Some("기사링크\t"));
        assert_eq!(lines.next(), Some("본문 (본문 내용 복사)\t\"첫 줄"));
        assert_eq!(lines.next(), Some("둘째 \"\"줄\"\"\""));
        assert_eq!(rows.matches('\n').count(), 2 + t.sections().len() + 1);
    }

    #[test]
    fn untitled_scraps_get_the_default_title() {
        let t = Template::default();
        let rows = sheet_rows(&Record::read("", &t), &t, Locale::En);
        assert!(rows.starts_with("Economic news scrap\n\n헤드라인"));
    }
}
