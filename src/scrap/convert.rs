//! Table form → Markdown form, losing no text.
//!
//! Every row becomes a `##` section whose heading keeps the label as the
//! user wrote it; the value's lines follow with only the sheet's cell
//! padding removed (the leading tab of continuation lines, trailing tabs).
//! The title line becomes a `#` heading and any other preamble text is kept.
//! A value line that Markdown would read as a section heading or a code
//! fence, or that would read as a table row, is escaped with a backslash so
//! that it stays content.

use super::parse::{Form, Scrap, atx_heading, content_text};
use super::template::Template;
use crate::i18n::{Locale, Message};
use crate::text::lines::lines;
use crate::text::trim_cells;

/// The Markdown form of a table-form scrap; `None` if it is not one.
pub fn table_to_markdown(
    text: &str,
    scrap: &Scrap,
    template: &Template,
    locale: Locale,
) -> Option<String> {
    if scrap.form != Form::Table {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 256);
    if let Some(fm) = &scrap.front_matter {
        out.push_str(&text[fm.span.clone()]);
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push('\n');
    }
    let mut titled = false;
    for line in lines(&text[scrap.preamble.clone()]) {
        let t = trim_cells(line.text);
        if t.is_empty() {
            continue;
        }
        if titled {
            push_value_line(&mut out, t, template);
            out.push_str("\n\n");
        } else {
            out.push_str("# ");
            out.push_str(t);
            out.push_str("\n\n");
            titled = true;
        }
    }
    if !titled {
        out.push_str(&format!("# {}\n\n", Message::ScrapTitle.render(locale)));
    }
    for section in &scrap.sections {
        let label = &text[section.heading.title.clone()];
        out.push_str("## ");
        out.push_str(label);
        out.push_str("\n\n");
        let value = content_text(text, section, Form::Table);
        if !value.is_empty() {
            for line in value.split('\n') {
                push_value_line(&mut out, line, template);
                out.push('\n');
            }
            out.push('\n');
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    Some(out)
}

/// Appends a value line, escaping what Markdown would otherwise take as
/// structure.
fn push_value_line(out: &mut String, line: &str, template: &Template) {
    let trimmed = line.trim_start_matches(' ');
    let is_section_heading = atx_heading(line)
        .is_some_and(|(level, title)| level <= 3 && template.lookup(&line[title]).is_some());
    let is_fence = trimmed.starts_with("```") || trimmed.starts_with("~~~");
    let opens_front_matter = out.is_empty() && line.trim_end() == "---";
    // A continuation line `<TAB>본문<TAB>…` loses its leading tab (cell
    // padding) here; unescaped, the result would read as a table row and
    // could turn the whole converted text back into table form.
    let reads_as_row = line
        .split_once('\t')
        .is_some_and(|(cell, _)| template.lookup(trim_cells(cell)).is_some());
    if is_section_heading || is_fence || opens_front_matter || reads_as_row {
        out.push('\\');
    }
    out.push_str(line);
}

#[cfg(test)]
mod tests {
    use super::super::config::Config;
    use super::super::parse::parse;
    use super::super::validate::check;
    use super::*;

    #[test]
    fn converts_keeping_every_value() {
        let table = "스크랩 양식\n\n헤드라인\t금리 동결\t\t\n본문\t첫 문단\t\n\t둘째 문단\n## 인사이트\n연관기사 링크\t\t\n";
        let t = Template::default();
        let scrap = parse(table, &t);
        let md = table_to_markdown(table, &scrap, &t, Locale::Ko).unwrap();
        assert_eq!(
            md,
            "# 스크랩 양식\n\n## 헤드라인\n\n금리 동결\n\n## 본문\n\n첫 문단\n둘째 문단\n\\## 인사이트\n\n## 연관기사 링크\n"
        );
        let (back, _) = check(&md, &Config::default());
        assert_eq!(back.form, Form::Markdown);
        assert_eq!(back.sections.len(), 3);
    }
}
