//! Reading a scrap: front matter, then sections, in either of the two forms
//! people write.
//!
//! * **Markdown form**: ATX headings of level 1–3 whose text names a
//!   template section start a section; everything up to the next such
//!   heading is its content. Other headings (a `### 배경` inside the body)
//!   stay content. Headings inside fenced code blocks are not headings.
//! * **Table form**: what a study group's spreadsheet gives when copied: a
//!   title line, then rows `label<TAB>value`, with continuation lines that
//!   start with a tab or are plain paragraphs. It is detected by content.
//!
//! The parser is one pass over the lines, allocation-light, and never fails:
//! any text is some scrap, possibly an incomplete one.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::template::Template;
use super::values::Values;
use crate::text::lines::{Line, lines};
use crate::text::{Span, trim_cells};

/// Which of the two forms a text is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Markdown sections.
    Markdown,
    /// Tab-separated rows copied from a sheet.
    Table,
}

/// A parsed scrap. All spans are byte offsets into the parsed text.
#[derive(Debug, Clone)]
pub struct Scrap {
    /// The form detected.
    pub form: Form,
    /// YAML front matter, when the text starts with `---`.
    pub front_matter: Option<FrontMatter>,
    /// Sections in document order.
    pub sections: Vec<Section>,
    /// Level 1–3 headings (or table labels) that name no section; candidates
    /// for `unknown-section`.
    pub stray_headings: Vec<Heading>,
    /// Text before the first section (a title line, say).
    pub preamble: Span,
}

/// A section found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Index into the template's sections.
    pub spec: usize,
    /// The heading line (Markdown) or the row's label cell (table).
    pub heading: Heading,
    /// Content: from the line after the heading (Markdown) or after the
    /// label's tab (table) up to the next section.
    pub content: Span,
}

/// A heading line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// The whole line, without its terminator.
    pub line: Span,
    /// The heading's text (without `#`s, closing `#`s and spaces), or the
    /// table row's label.
    pub title: Span,
    /// 1–3 for Markdown headings, 0 for table labels.
    pub level: u8,
}

/// YAML front matter between `---` lines.
#[derive(Debug, Clone)]
pub struct FrontMatter {
    /// From the opening `---` to the end of the closing line.
    pub span: Span,
    /// The YAML between the delimiters.
    pub body: Span,
    /// Whether a closing delimiter was found.
    pub closed: bool,
    /// Top-level `key: value` entries, in order.
    pub entries: Vec<FrontMatterEntry>,
    /// The YAML's values, read the first time someone asks ([`Self::values`]).
    values: OnceLock<Result<Values, String>>,
}

impl FrontMatter {
    /// The front matter's values, read from `text` (the text this scrap was
    /// parsed from) the first time they are asked for, then shared by
    /// validation, the notebook and export; the error is the YAML parser's.
    pub fn values(&self, text: &str) -> &Result<Values, String> {
        self.values
            .get_or_init(|| Values::read(text.get(self.body.clone()).unwrap_or("")))
    }
}

/// Two front matters are equal when they were parsed alike; whether their
/// values were read yet does not count.
impl PartialEq for FrontMatter {
    fn eq(&self, other: &FrontMatter) -> bool {
        (&self.span, &self.body, self.closed, &self.entries)
            == (&other.span, &other.body, other.closed, &other.entries)
    }
}

impl Eq for FrontMatter {}

/// One top-level key of the front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterEntry {
    /// The key's span.
    pub key: Span,
    /// The value's span: the rest of the key's line, plus indented or `- `
    /// continuation lines.
    pub value: Span,
}

impl Scrap {
    /// The sections of template section `spec`, in document order.
    pub fn sections_of(&self, spec: usize) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(move |s| s.spec == spec)
    }

    /// The first section of template section `spec`.
    pub fn first_of(&self, spec: usize) -> Option<&Section> {
        self.sections_of(spec).next()
    }
}

/// Parses `text` against `template`.
pub fn parse(text: &str, template: &Template) -> Scrap {
    let front_matter = front_matter(text);
    let body_start = front_matter.as_ref().map_or(0, |fm| fm.span.end);
    let markdown = parse_markdown(text, body_start, template);
    // A copied sheet may contain a stray `## …` line in a value; the form
    // with more sections is the one the text is written in. Only texts with
    // tabs can be tables, which keeps the common case one pass.
    if text.as_bytes()[body_start..].contains(&b'\t')
        && let Some(table) = super::table::parse_table(text, body_start, template)
        && table.sections.len() > markdown.sections.len()
    {
        return Scrap {
            front_matter,
            ..table
        };
    }
    Scrap {
        front_matter,
        ..markdown
    }
}

/// An ATX heading: up to three spaces, 1–6 `#`, then a space or the end.
/// Returns (level, title span relative to the line).
pub fn atx_heading(line: &str) -> Option<(u8, std::ops::Range<usize>)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let hashes = rest.len() - rest.trim_start_matches('#').len();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let after = &rest[hashes..];
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    // Strip an optional closing sequence of #s preceded by a space.
    let mut content = after.trim_matches([' ', '\t']);
    let without_closing = content.trim_end_matches('#');
    if without_closing.len() < content.len()
        && (without_closing.is_empty() || without_closing.ends_with([' ', '\t']))
    {
        content = without_closing.trim_end_matches([' ', '\t']);
    }
    let start = if content.is_empty() {
        indent + hashes
    } else {
        // `content` is a subslice of `line`.
        content.as_ptr() as usize - line.as_ptr() as usize
    };
    Some((hashes as u8, start..start + content.len()))
}

/// Whether a line opens or closes a fenced code block; returns the fence's
/// character and length.
fn fence(line: &str) -> Option<(u8, usize)> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let c = *trimmed.as_bytes().first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let n = trimmed.bytes().take_while(|&b| b == c).count();
    (n >= 3).then_some((c, n))
}

fn parse_markdown(text: &str, body_start: usize, template: &Template) -> Scrap {
    let mut sections: Vec<Section> = Vec::new();
    let mut stray_headings = Vec::new();
    let mut open_fence: Option<(u8, usize)> = None;
    let body = &text[body_start..];
    for line in lines(body) {
        let line = Line {
            start: line.start + body_start,
            next: line.next + body_start,
            ..line
        };
        if let Some((c, n)) = open_fence {
            if let Some((c2, n2)) = fence(line.text)
                && c2 == c
                && n2 >= n
                && line
                    .text
                    .trim_start()
                    .trim_start_matches(c as char)
                    .trim()
                    .is_empty()
            {
                open_fence = None;
            }
            continue;
        }
        if let Some(f) = fence(line.text) {
            open_fence = Some(f);
            continue;
        }
        let Some((level, title)) = atx_heading(line.text) else {
            continue;
        };
        if level > 3 {
            continue;
        }
        let title = line.start + title.start..line.start + title.end;
        let heading = Heading {
            line: line.span(),
            title: title.clone(),
            level,
        };
        match template.lookup(&text[title]) {
            Some(spec) => {
                if let Some(prev) = sections.last_mut() {
                    prev.content.end = line.start;
                }
                sections.push(Section {
                    spec,
                    heading,
                    content: line.next..text.len(),
                });
            }
            None => stray_headings.push(heading),
        }
    }
    let preamble_end = sections
        .first()
        .map_or(text.len(), |s| s.heading.line.start);
    Scrap {
        form: Form::Markdown,
        front_matter: None,
        sections,
        stray_headings,
        preamble: body_start..preamble_end,
    }
}

/// Finds YAML front matter: `---` on the first line (after an optional
/// BOM), closed by `---` or `...`. An unclosed block runs to the first blank
/// line, so one missing delimiter does not swallow the whole scrap.
fn front_matter(text: &str) -> Option<FrontMatter> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut it = lines(&text[bom..]);
    let first = it.next()?;
    if first.text.trim_end() != "---" {
        return None;
    }
    let body_start = bom + first.next;
    let mut body_end = text.len();
    let mut end = text.len();
    let mut closed = false;
    for line in it {
        let t = line.text.trim_end();
        if t == "---" || t == "..." {
            body_end = bom + line.start;
            end = bom + line.next;
            closed = true;
            break;
        }
        if t.is_empty() && !closed {
            // Remember the first blank line as the fallback end.
            if body_end == text.len() {
                body_end = bom + line.start;
            }
        }
    }
    if !closed {
        end = body_end;
    }
    let entries = front_matter_entries(text, body_start..body_end);
    Some(FrontMatter {
        span: bom..end,
        body: body_start..body_end,
        closed,
        entries,
        values: OnceLock::new(),
    })
}

fn front_matter_entries(text: &str, body: Span) -> Vec<FrontMatterEntry> {
    let mut entries: Vec<FrontMatterEntry> = Vec::new();
    for line in lines(&text[body.clone()]) {
        let start = body.start + line.start;
        let end = body.start + line.end();
        let t = line.text;
        let continues = t.starts_with([' ', '\t']) || t.starts_with('-') || t.trim().is_empty();
        if continues {
            if let Some(last) = entries.last_mut()
                && !t.trim().is_empty()
            {
                last.value.end = end;
            }
            continue;
        }
        if t.starts_with('#') {
            continue;
        }
        if let Some(colon) = t.find(':') {
            let key_text = &t[..colon];
            let key_trim = key_text.trim_end();
            let value_text = &t[colon + 1..];
            let value_lead = value_text.len() - value_text.trim_start().len();
            let value_start = start + colon + 1 + value_lead;
            entries.push(FrontMatterEntry {
                key: start..start + key_trim.len(),
                value: value_start..end.max(value_start),
            });
        }
    }
    entries
}

/// The text of a section's content as the user means it: for Markdown,
/// HTML comments removed; for table form, the cell padding (leading tab of
/// continuation lines, trailing tabs) removed, or a quoted cell's text.
/// Trimmed.
///
/// Borrows from `text` when nothing needs removing, which is the common
/// case: validating a 10 MB body copies nothing.
pub fn content_text<'a>(text: &'a str, section: &Section, form: Form) -> Cow<'a, str> {
    let raw = &text[section.content.clone()];
    let cleaned = match form {
        Form::Markdown => strip_comments(raw),
        Form::Table if let Some(value) = super::table::quoted_value(raw) => Cow::Owned(value),
        Form::Table => {
            let mut out = String::with_capacity(raw.len());
            for (i, line) in lines(raw).enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                let line = line.text.strip_prefix('\t').unwrap_or(line.text);
                out.push_str(line.trim_end_matches(['\t', ' ']));
            }
            Cow::Owned(out)
        }
    };
    match cleaned {
        Cow::Borrowed(s) => Cow::Borrowed(trim_cells(s)),
        Cow::Owned(s) => Cow::Owned(trim_cells(&s).to_string()),
    }
}

/// The span of a section's content without surrounding whitespace (and
/// without HTML comments at its edges): what diagnostics about the content
/// point at. Empty (at the content's start) when there is no content.
pub fn content_span(text: &str, section: &Section) -> Span {
    let raw = &text[section.content.clone()];
    let lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    section.content.start + lead..section.content.start + lead + trimmed.len()
}

/// Removes `<!-- … -->` comments (an unclosed one runs to the end).
fn strip_comments(raw: &str) -> Cow<'_, str> {
    if !raw.contains("<!--") {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(open) = rest.find("<!--") {
        out.push_str(&rest[..open]);
        match rest[open + 4..].find("-->") {
            Some(close) => rest = &rest[open + 4 + close + 3..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<String> {
        let t = Template::default();
        let scrap = parse(text, &t);
        scrap
            .sections
            .iter()
            .map(|s| t.section(s.spec).id.clone())
            .collect()
    }

    #[test]
    fn headings_name_sections() {
        let text = "# 스크랩\n\n## 헤드라인\n반도체 수출 20% 증가\n\n## 본문\n첫 문단\n### 배경\n둘째 문단\n\n```\n## 인사이트\n```\n## 인사이트:\n수출이 늘었다\n";
        assert_eq!(ids(text), ["headline", "body", "insight"]);
        let t = Template::default();
        let scrap = parse(text, &t);
        let body = &scrap.sections[1];
        assert!(text[body.content.clone()].contains("### 배경"));
        assert_eq!(
            content_text(text, &scrap.sections[0], Form::Markdown),
            "반도체 수출 20% 증가"
        );
        assert_eq!(&text[scrap.preamble.clone()], "# 스크랩\n\n");
        assert_eq!(scrap.stray_headings.len(), 2); // `# 스크랩` and `### 배경`
    }

    #[test]
    fn atx_rules() {
        assert_eq!(atx_heading("## 본문 ##"), Some((2, 3..9)));
        assert_eq!(atx_heading("#본문"), None);
        assert_eq!(atx_heading("    # 본문"), None);
        assert_eq!(atx_heading("#"), Some((1, 1..1)));
    }

    #[test]
    fn front_matter_entries_have_spans() {
        let text = "---\ndate: 2026-11-20\ntags:\n  - 반도체\nurl: https://example.com/a\n---\n## 본문\n내용\n";
        let t = Template::default();
        let scrap = parse(text, &t);
        let fm = scrap.front_matter.unwrap();
        assert!(fm.closed);
        let keys: Vec<&str> = fm.entries.iter().map(|e| &text[e.key.clone()]).collect();
        assert_eq!(keys, ["date", "tags", "url"]);
        assert_eq!(&text[fm.entries[1].value.clone()], "\n  - 반도체");
        assert_eq!(ids(text), ["body"]);
    }

    #[test]
    fn comments_are_not_content() {
        let text = "## 인사이트\n<!-- 가이드 -->\n";
        let t = Template::default();
        let scrap = parse(text, &t);
        assert_eq!(content_text(text, &scrap.sections[0], Form::Markdown), "");
    }
}
