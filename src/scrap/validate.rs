//! Validation: what is missing, empty, left as guidance, or malformed.
//!
//! Pure: text + parsed scrap + configuration in, diagnostics (byte spans,
//! localised messages) out. The CLI renders them with source snippets; the
//! LSP converts the spans to the client's position encoding.

use super::config::Config;
use super::diagnostic::{Code, Diagnostic, Severity};
use super::parse::{Scrap, Section, content_span, content_text, parse};
use super::template::{Kind, Role, SectionSpec};
use crate::i18n::Locale;
use crate::text::Span;
use crate::text::lines::lines;

/// Parses and validates `text` in one call.
pub fn check(text: &str, config: &Config) -> (Scrap, Vec<Diagnostic>) {
    let scrap = parse(text, &config.template);
    let diagnostics = validate(text, &scrap, config);
    (scrap, diagnostics)
}

/// Validates a parsed scrap. Diagnostics come sorted by position.
pub fn validate(text: &str, scrap: &Scrap, config: &Config) -> Vec<Diagnostic> {
    let mut v = Validator {
        text,
        scrap,
        config,
        locale: config.locale,
        out: Vec::new(),
    };
    v.front_matter();
    v.presence_and_order();
    for section in &scrap.sections {
        v.section(section);
    }
    v.stray_headings();
    v.out.sort_by_key(|d| (d.span.start, d.span.end, d.code));
    v.out
}

struct Validator<'a> {
    text: &'a str,
    scrap: &'a Scrap,
    config: &'a Config,
    locale: Locale,
    out: Vec<Diagnostic>,
}

impl Validator<'_> {
    fn push(
        &mut self,
        code: Code,
        default: Severity,
        span: Span,
        section: Option<&SectionSpec>,
        message: (String, String),
    ) -> Option<&mut Diagnostic> {
        let severity = self.config.severity(code, default)?;
        let message = match self.locale {
            Locale::Ko => message.0,
            Locale::En => message.1,
        };
        self.out.push(Diagnostic {
            code,
            severity,
            span,
            section: section.map(|s| s.id.clone()),
            message,
            suggestion: None,
            related: Vec::new(),
        });
        self.out.last_mut()
    }

    fn title(&self, spec: &SectionSpec) -> String {
        spec.display_title(self.locale)
    }

    /// Missing, duplicate and out-of-order sections.
    fn presence_and_order(&mut self) {
        let template = &self.config.template;
        let scrap = self.scrap;
        // Missing sections.
        for (i, spec) in template.sections().iter().enumerate() {
            if !spec.required || scrap.first_of(i).is_some() {
                continue;
            }
            let span = self.missing_anchor(i);
            let t = self.title(spec);
            self.push(
                Code::MissingSection,
                Severity::Error,
                span,
                Some(spec),
                (
                    format!("필수 섹션 '{}'이(가) 없습니다.", spec.title),
                    format!("Required section '{t}' is missing."),
                ),
            );
        }
        // Duplicates and order, in document order.
        let mut seen = vec![false; template.sections().len()];
        let mut furthest: Option<usize> = None;
        for section in &scrap.sections {
            let spec = template.section(section.spec);
            if seen[section.spec] {
                let t = self.title(spec);
                self.push(
                    Code::DuplicateSection,
                    Severity::Warning,
                    section.heading.line.clone(),
                    Some(spec),
                    (
                        format!("'{}' 섹션이 두 번 이상 나옵니다.", spec.title),
                        format!("Section '{t}' appears more than once."),
                    ),
                );
                continue;
            }
            seen[section.spec] = true;
            match furthest {
                Some(f) if section.spec < f => {
                    let after = template.section(f);
                    let (t, ta) = (self.title(spec), self.title(after));
                    self.push(
                        Code::SectionOrder,
                        Severity::Hint,
                        section.heading.line.clone(),
                        Some(spec),
                        (
                            format!(
                                "'{}' 섹션은 템플릿 순서상 '{}' 앞에 와야 합니다.",
                                spec.title, after.title
                            ),
                            format!("In template order, '{t}' comes before '{ta}'."),
                        ),
                    );
                }
                _ => furthest = Some(section.spec),
            }
        }
    }

    /// Where a missing section's diagnostic points: the heading after which
    /// it belongs, else the one before which it belongs, else the title line.
    fn missing_anchor(&self, spec: usize) -> Span {
        let scrap = self.scrap;
        let before = (0..spec).rev().find_map(|i| scrap.first_of(i));
        let after =
            (spec + 1..self.config.template.sections().len()).find_map(|i| scrap.first_of(i));
        if let Some(s) = before.or(after) {
            return s.heading.line.clone();
        }
        lines(&self.text[scrap.preamble.clone()])
            .find(|l| !l.text.trim().is_empty())
            .map(|l| {
                let start = scrap.preamble.start + l.start;
                start..start + l.text.len()
            })
            .unwrap_or(scrap.preamble.start..scrap.preamble.start)
    }

    fn section(&mut self, section: &Section) {
        let spec = self.config.template.section(section.spec);
        let content = content_text(self.text, section, self.scrap.form);
        let span = content_span(self.text, section);
        if content.is_empty() {
            if spec.required {
                self.push(
                    Code::EmptySection,
                    Severity::Error,
                    section.heading.line.clone(),
                    Some(spec),
                    (
                        format!("필수 섹션 '{}'이(가) 비어 있습니다.", spec.title),
                        format!("Required section '{}' is empty.", self.title(spec)),
                    ),
                );
            }
            return;
        }
        if self.config.template.is_guidance(section.spec, &content) {
            self.push(
                Code::PlaceholderText,
                Severity::Warning,
                span,
                Some(spec),
                (
                    format!(
                        "'{}' 섹션에 템플릿 안내 문구만 있습니다. 내용을 직접 작성하세요.",
                        spec.title
                    ),
                    format!(
                        "Section '{}' still holds only the template's guidance. Write your own.",
                        self.title(spec)
                    ),
                ),
            );
            return;
        }
        match spec.kind {
            Kind::Text => {}
            Kind::Url => self.single_url(section, spec, &content, span.clone()),
            Kind::UrlList => self.url_list(section, spec),
        }
        self.rules(spec, &content, span);
    }

    fn rules(&mut self, spec: &SectionSpec, content: &str, span: Span) {
        let rules = &spec.rules;
        let code = if spec.role == Some(Role::Headline) {
            Code::HeadlineTooLong
        } else {
            Code::TooLong
        };
        if rules.single_line && content.lines().filter(|l| !l.trim().is_empty()).count() > 1 {
            self.push(
                code,
                Severity::Warning,
                span.clone(),
                Some(spec),
                (
                    format!("'{}'은(는) 한 줄로 적어야 합니다.", spec.title),
                    format!("'{}' should fit on one line.", self.title(spec)),
                ),
            );
        } else if let Some(max) = rules.max_length {
            let n = content.chars().count();
            if n > max {
                self.push(
                    code,
                    Severity::Warning,
                    span.clone(),
                    Some(spec),
                    (
                        format!("'{}'이(가) {n}자로 너무 깁니다 (최대 {max}자).", spec.title),
                        format!(
                            "'{}' is {n} characters long; the limit is {max}.",
                            self.title(spec)
                        ),
                    ),
                );
            }
        }
        if rules.must_contain_number && !content.chars().any(char::is_numeric) {
            self.push(
                Code::NoFigures,
                Severity::Warning,
                span.clone(),
                Some(spec),
                (
                    format!(
                        "'{}'에 수치가 없습니다. 기사 내용을 숫자로 정리해 보세요 (예: 매출 20% 증가).",
                        spec.title
                    ),
                    format!(
                        "'{}' has no figures. Put the article into numbers (e.g. sales up 20%).",
                        self.title(spec)
                    ),
                ),
            );
        }
        if rules.must_ask_question && !asks_question(content) {
            self.push(
                Code::NoQuestion,
                Severity::Warning,
                span,
                Some(spec),
                (
                    format!(
                        "'{}'에 질문이 없습니다. 현직자에게 물을 질문을 적어 보세요.",
                        spec.title
                    ),
                    format!(
                        "'{}' asks nothing. Write a question for someone in the industry.",
                        self.title(spec)
                    ),
                ),
            );
        }
    }

    fn single_url(&mut self, section: &Section, spec: &SectionSpec, content: &str, span: Span) {
        let found = url_tokens(self.text, section.content.clone());
        let valid = found.iter().filter(|(_, ok)| *ok).count();
        if let Some((bad, _)) = found.iter().find(|(_, ok)| !ok) {
            let token = &self.text[bad.clone()];
            self.push(
                Code::InvalidUrl,
                required_severity(spec),
                bad.clone(),
                Some(spec),
                (
                    format!("'{token}'은(는) 올바른 http(s) 주소가 아닙니다."),
                    format!("'{token}' is not a valid http(s) URL."),
                ),
            );
        } else if valid == 0 {
            let shown: String = content.chars().take(40).collect();
            self.push(
                Code::InvalidUrl,
                required_severity(spec),
                span,
                Some(spec),
                (
                    format!(
                        "'{}'에는 http(s) 주소가 하나 있어야 합니다: '{shown}'",
                        spec.title
                    ),
                    format!(
                        "'{}' must hold one http(s) URL, not '{shown}'.",
                        self.title(spec)
                    ),
                ),
            );
        } else if valid > 1 {
            self.push(
                Code::InvalidUrl,
                Severity::Warning,
                span,
                Some(spec),
                (
                    format!("'{}'에는 주소를 하나만 적으세요 ({valid}개).", spec.title),
                    format!("'{}' should hold one URL, not {valid}.", self.title(spec)),
                ),
            );
        }
    }

    fn url_list(&mut self, section: &Section, spec: &SectionSpec) {
        for (bad, _) in url_tokens(self.text, section.content.clone())
            .into_iter()
            .filter(|(_, ok)| !ok)
        {
            let token = &self.text[bad.clone()];
            self.push(
                Code::InvalidUrl,
                Severity::Warning,
                bad.clone(),
                Some(spec),
                (
                    format!("'{token}'은(는) 올바른 http(s) 주소가 아닙니다."),
                    format!("'{token}' is not a valid http(s) URL."),
                ),
            );
        }
    }

    fn stray_headings(&mut self) {
        let template = &self.config.template;
        for heading in &self.scrap.stray_headings {
            let title = &self.text[heading.title.clone()];
            let Some(index) = template.suggest(title) else {
                continue;
            };
            let spec = template.section(index);
            let t = self.title(spec);
            let pushed = self.push(
                Code::UnknownSection,
                Severity::Warning,
                heading.title.clone(),
                Some(spec),
                (
                    format!(
                        "알 수 없는 섹션 '{title}'. '{}'을(를) 말씀하신 건가요?",
                        spec.title
                    ),
                    format!("Unknown section '{title}'. Did you mean '{t}'?"),
                ),
            );
            if let Some(d) = pushed {
                d.suggestion = Some(spec.id.clone());
            }
        }
    }

    fn front_matter(&mut self) {
        let Some(fm) = &self.scrap.front_matter else {
            return;
        };
        let first_line = fm.span.start..fm.span.start + 3;
        if !fm.closed {
            self.push(
                Code::InvalidFrontMatter,
                Severity::Error,
                first_line.clone(),
                None,
                (
                    "머리말(front matter)이 '---' 줄로 닫히지 않았습니다.".into(),
                    "The front matter is not closed by a '---' line.".into(),
                ),
            );
        }
        let yaml = &self.text[fm.body.clone()];
        if let Err(e) = serde_yaml2::from_str::<serde::de::IgnoredAny>(yaml) {
            self.push(
                Code::InvalidFrontMatter,
                Severity::Error,
                first_line,
                None,
                (
                    format!("머리말의 YAML을 읽을 수 없습니다: {e}"),
                    format!("The front matter is not valid YAML: {e}"),
                ),
            );
            return;
        }
        for entry in &fm.entries {
            let key = &self.text[entry.key.clone()];
            let value = self.text[entry.value.clone()]
                .trim()
                .trim_matches(['"', '\'']);
            match key {
                "url" if !value.is_empty() && !is_http_url(value) => self.push(
                    Code::InvalidUrl,
                    Severity::Warning,
                    entry.value.clone(),
                    None,
                    (
                        format!("'{value}'은(는) 올바른 http(s) 주소가 아닙니다."),
                        format!("'{value}' is not a valid http(s) URL."),
                    ),
                ),
                "date" | "published" if !value.is_empty() && !is_iso_date(value) => self.push(
                    Code::InvalidFrontMatter,
                    Severity::Warning,
                    entry.value.clone(),
                    None,
                    (
                        format!("'{key}'는 2026-11-22 같은 ISO 8601 날짜여야 합니다: '{value}'"),
                        format!("'{key}' must be an ISO 8601 date such as 2026-11-22: '{value}'"),
                    ),
                ),
                _ => None,
            };
        }
    }
}

/// Errors for required sections, warnings for optional ones.
fn required_severity(spec: &SectionSpec) -> Severity {
    if spec.required {
        Severity::Error
    } else {
        Severity::Warning
    }
}

/// Whether `s` is an absolute http(s) URL with a host.
pub fn is_http_url(s: &str) -> bool {
    url::Url::parse(s)
        .map(|u| {
            matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| !h.is_empty())
        })
        .unwrap_or(false)
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

/// URL-like tokens in a span: bare `http…`/`www.` words, `<…>` autolinks and
/// the targets of `[title](…)` links, each with whether it is valid.
pub fn url_tokens(text: &str, span: Span) -> Vec<(Span, bool)> {
    let mut out = Vec::new();
    let region = &text[span.clone()];
    let mut i = 0;
    let bytes = region.as_bytes();
    while i < bytes.len() {
        let rest = &region[i..];
        let starts_token = i == 0
            || matches!(
                bytes[i - 1],
                b' ' | b'\t' | b'\n' | b'\r' | b'(' | b'<' | b'[' | b'"' | b'\''
            );
        // Only an `h` or a `w` (in either case) can start a URL token: look
        // no further at any other character.
        let may_start = starts_token && matches!(bytes[i], b'h' | b'H' | b'w' | b'W');
        let lower_prefix: String = if may_start {
            rest.chars().take(8).flat_map(char::to_lowercase).collect()
        } else {
            String::new()
        };
        if may_start
            && (lower_prefix.starts_with("http://")
                || lower_prefix.starts_with("https://")
                || lower_prefix.starts_with("www.")
                || lower_prefix.starts_with("http:")
                || lower_prefix.starts_with("https:"))
        {
            let len = rest
                .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`'))
                .unwrap_or(rest.len());
            let mut token = &rest[..len];
            // A link's closing parenthesis or a sentence's period is not part
            // of the URL, unless the URL itself opened a parenthesis.
            while let Some(last) = token.chars().last() {
                let unbalanced_paren =
                    last == ')' && token.matches('(').count() < token.matches(')').count();
                if unbalanced_paren || matches!(last, '.' | ',' | ';' | ']' | '\'' | '"') {
                    token = &token[..token.len() - last.len_utf8()];
                } else {
                    break;
                }
            }
            if !token.is_empty() {
                let start = span.start + i;
                out.push((start..start + token.len(), is_http_url(token)));
                i += token.len();
                continue;
            }
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// Whether a text asks something: a question mark, or a Korean sentence
/// ending that asks (…까, …나요, …는지) even without one.
pub fn asks_question(text: &str) -> bool {
    if text.contains(['?', '？']) {
        return true;
    }
    const ENDINGS: [&str; 14] = [
        "까",
        "나요",
        "가요",
        "는지",
        "은지",
        "을지",
        "인지",
        "할지",
        "될지",
        "는가",
        "인가",
        "니",
        "냐",
        "습니까",
    ];
    text.split(['.', '!', '\n', '。'])
        .map(|s| s.trim_end_matches(|c: char| c.is_whitespace() || c == '~'))
        .any(|s| ENDINGS.iter().any(|e| s.ends_with(e)))
}
