//! Edits scrapls proposes, as pure (span, new text) pairs: inserting missing
//! sections in template order, renaming a mistyped heading, filling an empty
//! file, filling empty sections from a fetched article.
//!
//! Every edit here only inserts text or replaces text the user did not
//! write (an empty section's whitespace, a heading's title on request).
//! The LSP layer wraps them in versioned `TextDocumentEdit`s.

use super::frontmatter::KEYS;
use super::parse::{Form, Scrap, content_text};
use super::prefill::Prefill;
use super::render::{SECTION_LEVEL, section_block, yaml_scalar};
use super::template::{Role, Template};
use crate::i18n::Locale;
use crate::text::Span;

/// A replacement of `span` by `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The bytes replaced (empty for an insertion).
    pub span: Span,
    /// The new text.
    pub text: String,
}

/// Template sections absent from the scrap, in template order.
pub fn missing_sections(scrap: &Scrap, template: &Template) -> Vec<usize> {
    (0..template.sections().len())
        .filter(|&i| scrap.first_of(i).is_none())
        .collect()
}

/// Where a section `spec` belongs: after the nearest earlier template
/// section present, else before the nearest later one, else at the end.
fn insertion_point(text: &str, scrap: &Scrap, spec: usize, template: &Template) -> usize {
    let before = (0..spec).rev().find_map(|i| scrap.first_of(i));
    if let Some(s) = before {
        return s.content.end;
    }
    let after = (spec + 1..template.sections().len()).find_map(|i| scrap.first_of(i));
    after.map_or(text.len(), |s| s.heading.line.start)
}

/// Inserts the given missing sections (template indices), each at its
/// place, as one edit per insertion point. Only for Markdown-form scraps.
pub fn insert_sections(
    text: &str,
    scrap: &Scrap,
    template: &Template,
    specs: &[usize],
    locale: Locale,
) -> Vec<Edit> {
    if scrap.form != Form::Markdown {
        return Vec::new();
    }
    let mut edits: Vec<Edit> = Vec::new();
    let mut sorted = specs.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    for spec in sorted {
        let at = insertion_point(text, scrap, spec, template);
        let block = section_block(template.section(spec), locale);
        match edits.iter_mut().find(|e| e.span.start == at) {
            Some(e) => e.text.push_str(&block),
            None => edits.push(Edit {
                span: at..at,
                text: block,
            }),
        }
    }
    for edit in &mut edits {
        let at = edit.span.start;
        if at == text.len() {
            // At the end: separate from what is there by one blank line and
            // end with a single newline.
            let lead = if text.is_empty() || text.ends_with("\n\n") {
                ""
            } else if text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            edit.text = format!("{lead}{}", edit.text.trim_end_matches('\n'));
            edit.text.push('\n');
        } else if at > 0 && !text[..at].ends_with("\n\n") {
            // Before a heading whose previous line is content.
            edit.text.insert(0, '\n');
        }
    }
    edits
}

/// The edit that fills an empty section with `value`, or `None` when the
/// section holds any text (the user's words are never replaced here).
pub fn fill_empty_section(text: &str, scrap: &Scrap, spec: usize, value: &str) -> Option<Edit> {
    let section = scrap.first_of(spec)?;
    if !content_text(text, section, scrap.form).is_empty() || scrap.form != Form::Markdown {
        return None;
    }
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    // Replace the section's whitespace (and guidance comment) with the value,
    // keeping one blank line before the next heading.
    let span = section.content.clone();
    let tail = if span.end == text.len() { "\n" } else { "\n\n" };
    Some(Edit {
        span,
        text: format!("\n{value}{tail}"),
    })
}

/// Replaces a section's whole content with `value`: the explicit "replace"
/// action, offered separately and clearly named.
pub fn replace_section(text: &str, scrap: &Scrap, spec: usize, value: &str) -> Option<Edit> {
    let section = scrap.first_of(spec)?;
    if scrap.form != Form::Markdown {
        return None;
    }
    let span = section.content.clone();
    let tail = if span.end == text.len() { "\n" } else { "\n\n" };
    Some(Edit {
        span,
        text: format!("\n{}{tail}", value.trim()),
    })
}

/// The edits that fill a scrap from a fetched article: the headline and
/// body sections (inserted when absent, filled when empty, replaced only
/// when `replace` is set) and the front matter keys the fill has values for
/// (added when absent, filled when empty, replaced only when `replace` is
/// set). Returns the edits and the ids of the
/// sections or keys left alone because they already hold text.
pub fn fill_from_article(
    text: &str,
    scrap: &Scrap,
    template: &Template,
    fill: &Prefill,
    replace: bool,
    locale: Locale,
) -> (Vec<Edit>, Vec<String>) {
    let mut edits = Vec::new();
    let mut kept = Vec::new();
    if scrap.form != Form::Markdown {
        return (edits, kept);
    }
    let mut missing: Vec<(usize, String)> = Vec::new();
    for (role, value) in [(Role::Headline, &fill.headline), (Role::Body, &fill.body)] {
        let (Some(spec), Some(value)) = (template.by_role(role), value.as_deref()) else {
            continue;
        };
        if value.trim().is_empty() {
            continue;
        }
        if scrap.first_of(spec).is_none() {
            missing.push((spec, value.trim().to_string()));
        } else if let Some(edit) = fill_empty_section(text, scrap, spec, value) {
            edits.push(edit);
        } else if replace {
            edits.extend(replace_section(text, scrap, spec, value));
        } else {
            kept.push(template.section(spec).id.clone());
        }
    }
    // Absent sections: insert them, with their value, in template order.
    let specs: Vec<usize> = missing.iter().map(|(s, _)| *s).collect();
    for mut edit in insert_sections(text, scrap, template, &specs, locale) {
        for (spec, value) in &missing {
            let block = section_block(template.section(*spec), locale);
            let filled = format!(
                "{SECTION_LEVEL} {}\n\n{value}\n\n",
                template.section(*spec).title
            );
            edit.text = edit.text.replacen(
                block.trim_end_matches('\n'),
                filled.trim_end_matches('\n'),
                1,
            );
        }
        edits.push(edit);
    }
    edits.extend(front_matter_edits(text, scrap, fill, replace, &mut kept));
    (edits, kept)
}

/// Front matter edits for a fetched article's metadata.
fn front_matter_edits(
    text: &str,
    scrap: &Scrap,
    fill: &Prefill,
    replace: bool,
    kept: &mut Vec<String>,
) -> Vec<Edit> {
    let fields: Vec<(&str, &str)> = KEYS
        .iter()
        .filter_map(|k| fill.get(k.field).map(|v| (k.name, v)))
        .collect();
    if fields.is_empty() {
        return Vec::new();
    }
    let Some(fm) = &scrap.front_matter else {
        let mut block = String::from("---\n");
        for (key, value) in &fields {
            block.push_str(&format!("{key}: {}\n", yaml_scalar(value)));
        }
        block.push_str("---\n\n");
        return vec![Edit {
            span: 0..0,
            text: block,
        }];
    };
    let mut edits = Vec::new();
    let mut append = String::new();
    for (key, value) in fields {
        match fm.entries.iter().find(|e| &text[e.key.clone()] == key) {
            Some(entry) => {
                let current = text[entry.value.clone()].trim();
                if current.is_empty()
                    || current == "\"\""
                    || current == "''"
                    || current == "~"
                    || current == "null"
                {
                    // `key:` with nothing after it: write the value after the colon.
                    let at = entry.key.end;
                    let line_end = text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i);
                    edits.push(Edit {
                        span: at..line_end,
                        text: format!(": {}", yaml_scalar(value)),
                    });
                } else if replace {
                    edits.push(Edit {
                        span: entry.value.clone(),
                        text: yaml_scalar(value),
                    });
                } else {
                    kept.push(key.to_string());
                }
            }
            None => append.push_str(&format!("{key}: {}\n", yaml_scalar(value))),
        }
    }
    if !append.is_empty() {
        let at = fm.body.end;
        if at > 0 && !text[..at].ends_with('\n') {
            append.insert(0, '\n');
        }
        edits.push(Edit {
            span: at..at,
            text: append,
        });
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::super::config::Config;
    use super::super::diagnostic::Code;
    use super::super::parse::parse;
    use super::super::validate::check;
    use super::*;

    fn apply(text: &str, mut edits: Vec<Edit>) -> String {
        edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        let mut out = text.to_string();
        for e in edits {
            out.replace_range(e.span, &e.text);
        }
        out
    }

    #[test]
    fn inserts_in_template_order() {
        let t = Template::default();
        let text = "## 헤드라인\n금리 2회 인하\n## 본문\n본문 내용\n## 요약\n요약 12%\n";
        let scrap = parse(text, &t);
        let missing = missing_sections(&scrap, &t);
        let edits = insert_sections(text, &scrap, &t, &missing, Locale::Ko);
        let out = apply(text, edits);
        let again = parse(&out, &t);
        let ids: Vec<&str> = again
            .sections
            .iter()
            .map(|s| t.section(s.spec).id.as_str())
            .collect();
        let template_order: Vec<&str> = t.sections().iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, template_order);
        assert!(out.contains("본문 내용\n\n## 기사 내용의 수치화, 인사이트\n\n<!--"));
        let (_, diags) = check(&out, &Config::default());
        assert!(!diags.iter().any(|d| d.code == Code::MissingSection));
        assert!(!diags.iter().any(|d| d.code == Code::SectionOrder));
    }

    #[test]
    fn fills_only_empty_sections() {
        let t = Template::default();
        let text = "## 헤드라인\n\n## 본문\n이미 쓴 글\n";
        let scrap = parse(text, &t);
        let h = t.index_of("headline").unwrap();
        let b = t.index_of("body").unwrap();
        let edit = fill_empty_section(text, &scrap, h, "새 제목").unwrap();
        assert_eq!(
            apply(text, vec![edit]),
            "## 헤드라인\n\n새 제목\n\n## 본문\n이미 쓴 글\n"
        );
        assert!(fill_empty_section(text, &scrap, b, "덮어쓰기").is_none());
        let replaced = replace_section(text, &scrap, b, "새 본문").unwrap();
        assert_eq!(
            apply(text, vec![replaced]),
            "## 헤드라인\n\n## 본문\n\n새 본문\n"
        );
    }

    #[test]
    fn fills_from_article_without_touching_written_text() {
        let t = Template::default();
        let text = "---\ndate: 2026-11-22\npress:\nauthor: 내가 쓴 기자명\n---\n\n## 헤드라인\n\n## 기사링크\nhttps://news.example.com/a\n\n## 인사이트\n내 생각 10%\n";
        let scrap = parse(text, &t);
        let fill = Prefill {
            headline: Some("수출 12% 증가".into()),
            body: Some("첫 문단.\n\n둘째 문단.".into()),
            press: Some("한빛경제".into()),
            author: Some("이하늘 기자".into()),
            url: Some("https://news.example.com/a".into()),
            ..Prefill::default()
        };
        let (edits, kept) = fill_from_article(text, &scrap, &t, &fill, false, Locale::Ko);
        let out = apply(text, edits);
        assert_eq!(kept, ["author"]);
        assert!(
            out.contains(
                "press: 한빛경제\nauthor: 내가 쓴 기자명\nurl: \"https://news.example.com/a\"\n---"
            ),
            "{out}"
        );
        assert!(
            out.contains("## 헤드라인\n\n수출 12% 증가\n\n## 기사링크"),
            "{out}"
        );
        assert!(out.contains("https://news.example.com/a\n\n## 본문 (본문 내용 복사)\n\n첫 문단.\n\n둘째 문단.\n\n## 인사이트\n내 생각 10%\n"), "{out}");
        let (again, _) = check(&out, &Config::default());
        assert_eq!(again.sections.len(), 4);

        // Replace: the user asked for it by name.
        let scrap = parse(&out, &t);
        let fill2 = Prefill {
            headline: Some("새 제목".into()),
            author: Some("다른 기자".into()),
            ..Prefill::default()
        };
        let (edits, kept) = fill_from_article(&out, &scrap, &t, &fill2, true, Locale::Ko);
        assert!(kept.is_empty());
        let replaced = apply(&out, edits);
        assert!(replaced.contains("## 헤드라인\n\n새 제목\n\n## 기사링크"));
        assert!(replaced.contains("author: 다른 기자\n"));
    }
}
