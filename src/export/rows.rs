//! The weekly sheet: one row per scrap, a column for the date, the press
//! and the tags, then one per template section (labels as the template
//! writes them). TSV, CSV and the workbook all write this one grid.

use super::Record;
use crate::i18n::{Locale, Message};
use crate::scrap::template::Template;

/// A header row and one row per scrap, every row as wide as the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// Column labels.
    pub header: Vec<String>,
    /// One row per scrap, in the order given.
    pub rows: Vec<Vec<String>>,
}

/// The sheet of `records`.
pub fn sheet(records: &[Record], template: &Template, locale: Locale) -> Sheet {
    let mut header: Vec<String> = [
        Message::ColumnDate,
        Message::ColumnPress,
        Message::ColumnTags,
    ]
    .iter()
    .map(|m| m.render(locale))
    .collect();
    header.extend(template.sections().iter().map(|s| s.title.clone()));
    let rows = records
        .iter()
        .map(|record| {
            let mut row = vec![
                record.meta.date.clone().unwrap_or_default(),
                record.meta.press.clone().unwrap_or_default(),
                record.meta.tags.join(", "),
            ];
            row.extend((0..template.sections().len()).map(|spec| record.value(spec)));
            row
        })
        .collect();
    Sheet { header, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_per_scrap_one_column_per_section() {
        let t = Template::default();
        let a = Record::read(
            "---\ndate: 2026-11-20\ntags: [반도체]\n---\n## 헤드라인\n\n수출 반등\n",
            &t,
        );
        let b = Record::read("## 본문\n\n둘째 스크랩\n", &t);
        let s = sheet(&[a, b], &t, Locale::Ko);
        assert_eq!(s.header.len(), 3 + t.sections().len());
        assert_eq!(
            &s.header[..4],
            ["날짜", "언론사", "태그", "헤드라인 (요약과 압축)"]
        );
        assert_eq!(&s.rows[0][..4], ["2026-11-20", "", "반도체", "수출 반등"]);
        assert_eq!(s.rows[1][5], "둘째 스크랩");
        assert!(s.rows.iter().all(|r| r.len() == s.header.len()));
    }
}
