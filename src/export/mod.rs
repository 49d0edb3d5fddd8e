//! Giving scraps back to the group: the sheet's own rows, a weekly table
//! (TSV/CSV, an `.xlsx` workbook) and a printable HTML digest.
//!
//! Pure: each format is a function from [`Record`]s (what a scrap says,
//! section by section, found through the template) to text or bytes; the
//! CLI and the server read files and write the results.

pub mod csv;
pub mod html;
pub mod rows;
pub mod select;
pub mod table;
pub mod xlsx;

use crate::scrap::frontmatter::Field;
use crate::scrap::parse::{Form, Scrap, atx_heading, content_text, parse};
use crate::scrap::table::title_line;
use crate::scrap::template::{Role, Template};
use crate::scrap::values::Values;
use crate::text::lines::lines;

/// What one scrap says, ready for every export format.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// The scrap's title line (`# …` in Markdown, the sheet's first line).
    pub title: Option<String>,
    /// Front matter fields the exports carry.
    pub meta: Meta,
    /// Per template section (by index), the text of each of its sections in
    /// document order; empty when the scrap lacks the section.
    pub values: Vec<Vec<String>>,
}

/// The front matter fields that exports show and selection uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// `date`: the day of the scrap, as written (ISO 8601).
    pub date: Option<String>,
    /// `press`: the publication.
    pub press: Option<String>,
    /// `tags`: a list, or one comma-separated string.
    pub tags: Vec<String>,
}

impl Record {
    /// Reads a scrap (either form) against `template`.
    pub fn read(text: &str, template: &Template) -> Record {
        Record::of(text, &parse(text, template), template)
    }

    /// The record of `text`, already parsed as `scrap`.
    pub fn of(text: &str, scrap: &Scrap, template: &Template) -> Record {
        let mut values = vec![Vec::new(); template.sections().len()];
        for section in &scrap.sections {
            values[section.spec].push(content_text(text, section, scrap.form).into_owned());
        }
        let title = match scrap.form {
            Form::Table => title_line(text, scrap).map(str::to_owned),
            Form::Markdown => lines(&text[scrap.preamble.clone()]).find_map(|line| {
                atx_heading(line.text)
                    .filter(|(level, title)| *level == 1 && !title.is_empty())
                    .map(|(_, title)| line.text[title].to_owned())
            }),
        };
        let meta = Meta::read(text, scrap);
        Record {
            title,
            meta,
            values,
        }
    }

    /// The text of template section `spec`: its sections' texts, a blank
    /// line between them (a scrap rarely repeats a section).
    pub fn value(&self, spec: usize) -> String {
        self.values
            .get(spec)
            .map(|texts| texts.join("\n\n"))
            .unwrap_or_default()
    }

    /// The text of the section with this role, if the template has one.
    pub fn by_role(&self, template: &Template, role: Role) -> Option<String> {
        template.by_role(role).map(|spec| self.value(spec))
    }
}

/// Puts records in date order, as a week reads; undated ones keep their
/// order, last.
pub fn sort_by_date(records: &mut [Record]) {
    records.sort_by(|a, b| match (&a.meta.date, &b.meta.date) {
        (Some(a), Some(b)) => a.cmp(b),
        (a, b) => a.is_none().cmp(&b.is_none()),
    });
}

impl Meta {
    /// The fields of a front matter's values; fields that are missing or of
    /// another shape are left empty (a broken front matter is `check`'s to
    /// report, not export's to refuse).
    pub fn of(values: &Values) -> Meta {
        Meta {
            date: values.text(Field::Date),
            press: values.text(Field::Press),
            tags: values.list(Field::Tags),
        }
    }

    /// The fields of a scrap's front matter (none without one, or when its
    /// YAML is broken).
    pub fn read(text: &str, scrap: &Scrap) -> Meta {
        scrap
            .front_matter
            .as_ref()
            .and_then(|fm| fm.values(text).as_ref().ok())
            .map(Meta::of)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sections_title_and_front_matter() {
        let text = "---\ndate: 2026-11-20\npress: 한빛경제\ntags: [2차전지, 수출]\n---\n\n# 경제신문 스크랩\n\n## 헤드라인\n\n수출 반등\n\n## 본문\n\n첫 문단\n\n## 본문\n\n둘째 <!-- 가이드 -->\n";
        let t = Template::default();
        let r = Record::read(text, &t);
        assert_eq!(r.title.as_deref(), Some("경제신문 스크랩"));
        assert_eq!(r.meta.date.as_deref(), Some("2026-11-20"));
        assert_eq!(r.meta.press.as_deref(), Some("한빛경제"));
        assert_eq!(r.meta.tags, ["2차전지", "수출"]);
        assert_eq!(r.by_role(&t, Role::Headline).as_deref(), Some("수출 반등"));
        assert_eq!(
            r.by_role(&t, Role::Body).as_deref(),
            Some("첫 문단\n\n둘째")
        );
        assert_eq!(r.by_role(&t, Role::Insight).as_deref(), Some(""));
    }

    #[test]
    fn date_order_puts_undated_last() {
        let dated = |d: Option<&str>, title: &str| Record {
            title: Some(title.into()),
            meta: Meta {
                date: d.map(str::to_owned),
                ..Meta::default()
            },
            values: Vec::new(),
        };
        let mut records = vec![
            dated(None, "a"),
            dated(Some("2026-11-20"), "b"),
            dated(None, "c"),
            dated(Some("2026-11-16"), "d"),
        ];
        sort_by_date(&mut records);
        let titles: Vec<_> = records.iter().filter_map(|r| r.title.as_deref()).collect();
        assert_eq!(titles, ["d", "b", "a", "c"]);
    }

    #[test]
    fn front_matter_shapes() {
        let meta_of = |yaml: &str| {
            let text = format!("---\n{yaml}\n---\n");
            Meta::read(&text, &parse(&text, &Template::default()))
        };
        let m = meta_of("date: 2026-11-20\npress: 123\ntags: 반도체, 수출 \n");
        assert_eq!(m.press.as_deref(), Some("123"));
        assert_eq!(m.tags, ["반도체", "수출"]);
        let m = meta_of("tags:\n  - 금리\n  - 2026\n");
        assert_eq!(m.tags, ["금리", "2026"]);
        assert_eq!(meta_of("date: [unclosed"), Meta::default());
        assert_eq!(meta_of("press:\ntags: []\n"), Meta::default());
    }
}
