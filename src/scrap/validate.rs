//! Validation: what is missing, empty, left as guidance, or malformed.
//!
//! Pure: text + parsed scrap + configuration in, diagnostics (byte spans,
//! localised messages) out. The CLI renders them with source snippets; the
//! LSP converts the spans to the client's position encoding.

use super::config::Config;
use super::dates::is_iso_date;
use super::diagnostic::{Code, Diagnostic, Severity};
use super::frontmatter::{self, ValueKind};
use super::parse::{Scrap, Section, content_span, content_text, parse};
use super::template::{Kind, Role, SectionSpec};
use crate::i18n::{Locale, Message};
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
    /// Records a finding (unless its code is turned off), its message
    /// rendered once in the configured locale.
    fn push(
        &mut self,
        code: Code,
        default: Severity,
        span: Span,
        section: Option<&SectionSpec>,
        message: Message<'_>,
    ) -> Option<&mut Diagnostic> {
        let severity = self.config.severity(code, default)?;
        self.out.push(Diagnostic {
            code,
            severity,
            span,
            section: section.map(|s| s.id.clone()),
            message: message.render(self.locale),
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
            let section = &self.title(spec);
            self.push(
                Code::MissingSection,
                Severity::Error,
                span,
                Some(spec),
                Message::MissingSection { section },
            );
        }
        // Duplicates and order, in document order.
        let mut seen = vec![false; template.sections().len()];
        let mut furthest: Option<usize> = None;
        for section in &scrap.sections {
            let spec = template.section(section.spec);
            if seen[section.spec] {
                let title = &self.title(spec);
                self.push(
                    Code::DuplicateSection,
                    Severity::Warning,
                    section.heading.line.clone(),
                    Some(spec),
                    Message::DuplicateSection { section: title },
                );
                continue;
            }
            seen[section.spec] = true;
            match furthest {
                Some(f) if section.spec < f => {
                    let (title, before) = (&self.title(spec), &self.title(template.section(f)));
                    self.push(
                        Code::SectionOrder,
                        Severity::Hint,
                        section.heading.line.clone(),
                        Some(spec),
                        Message::SectionOrder {
                            section: title,
                            before,
                        },
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
        let title = &self.title(spec);
        if content.is_empty() {
            if spec.required {
                self.push(
                    Code::EmptySection,
                    Severity::Error,
                    section.heading.line.clone(),
                    Some(spec),
                    Message::EmptySection { section: title },
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
                Message::PlaceholderText { section: title },
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
        let section = &self.title(spec);
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
                Message::NotOneLine { section },
            );
        } else if let Some(max) = rules.max_length {
            let length = content.chars().count();
            if length > max {
                self.push(
                    code,
                    Severity::Warning,
                    span.clone(),
                    Some(spec),
                    Message::TooLong {
                        section,
                        length,
                        max,
                    },
                );
            }
        }
        if rules.must_contain_number && !crate::figures::has_figure(content) {
            self.push(
                Code::NoFigures,
                Severity::Warning,
                span.clone(),
                Some(spec),
                Message::NoFigures { section },
            );
        }
        if rules.must_ask_question && !asks_question(content) {
            self.push(
                Code::NoQuestion,
                Severity::Warning,
                span,
                Some(spec),
                Message::NoQuestion { section },
            );
        }
    }

    fn single_url(&mut self, section: &Section, spec: &SectionSpec, content: &str, span: Span) {
        let found = url_tokens(self.text, section.content.clone());
        let valid = found.iter().filter(|(_, ok)| *ok).count();
        let title = &self.title(spec);
        if let Some((bad, _)) = found.iter().find(|(_, ok)| !ok) {
            let token = &self.text[bad.clone()];
            self.push(
                Code::InvalidUrl,
                required_severity(spec),
                bad.clone(),
                Some(spec),
                Message::InvalidUrl { token },
            );
        } else if valid == 0 {
            let shown: String = content.chars().take(40).collect();
            self.push(
                Code::InvalidUrl,
                required_severity(spec),
                span,
                Some(spec),
                Message::NoUrl {
                    section: title,
                    shown: &shown,
                },
            );
        } else if valid > 1 {
            self.push(
                Code::InvalidUrl,
                Severity::Warning,
                span,
                Some(spec),
                Message::SeveralUrls {
                    section: title,
                    count: valid,
                },
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
                Message::InvalidUrl { token },
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
            let pushed = self.push(
                Code::UnknownSection,
                Severity::Warning,
                heading.title.clone(),
                Some(spec),
                Message::UnknownSection {
                    heading: title,
                    suggestion: &self.title(spec),
                },
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
                Message::FrontMatterUnclosed,
            );
        }
        if let Err(error) = fm.values(self.text) {
            self.push(
                Code::InvalidFrontMatter,
                Severity::Error,
                first_line,
                None,
                Message::FrontMatterYaml { error },
            );
            return;
        }
        for entry in &fm.entries {
            let key = &self.text[entry.key.clone()];
            let value = self.text[entry.value.clone()]
                .trim()
                .trim_matches(['"', '\'']);
            if value.is_empty() {
                continue;
            }
            match frontmatter::key(key).map(|k| k.kind) {
                Some(ValueKind::Url) if !is_http_url(value) => self.push(
                    Code::InvalidUrl,
                    Severity::Warning,
                    entry.value.clone(),
                    None,
                    Message::InvalidUrl { token: value },
                ),
                Some(ValueKind::Date) if !is_iso_date(value) => self.push(
                    Code::InvalidFrontMatter,
                    Severity::Warning,
                    entry.value.clone(),
                    None,
                    Message::FrontMatterDate { key, value },
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

#[cfg(test)]
mod tests {
    use super::super::config::ConfigFile;
    use super::super::template::Template;
    use super::*;

    /// A complete, correct scrap as (heading, content) pairs.
    const VALID: [(&str, &str); 8] = [
        ("헤드라인", "수출 석 달 만에 반등"),
        ("기사링크", "https://news.example.com/a"),
        ("본문", "지난달 수출이 늘었다."),
        ("인사이트", "수출액 전년 대비 30% 증가"),
        ("추가조사", "단가 반영 시차를 조사한다."),
        ("요약 및 의견", "북미 수요 덕분에 반등했다."),
        ("적용할 점", "가격 조정 조항은 어떻게 협상하나요?"),
        ("연관기사", "- https://news.example.com/b"),
    ];

    const FRONT_MATTER: &str = "---\ndate: 2026-11-20\npress: 한빛경제\npublished: 2026-11-19T09:30:00+09:00\nurl: https://news.example.com/a\n---\n\n# 경제신문 스크랩\n\n";

    fn render(front_matter: &str, sections: &[(&str, &str)]) -> String {
        let mut text = front_matter.to_string();
        for (heading, content) in sections {
            text.push_str(&format!("## {heading}\n\n{content}\n\n"));
        }
        text
    }

    /// The valid scrap with one section's content replaced.
    fn with(heading: &str, content: &str) -> String {
        let sections: Vec<(&str, &str)> = VALID
            .iter()
            .map(|&(h, c)| (h, if h == heading { content } else { c }))
            .collect();
        render(FRONT_MATTER, &sections)
    }

    /// The valid scrap without one section.
    fn without(heading: &str) -> String {
        let sections: Vec<(&str, &str)> = VALID
            .iter()
            .copied()
            .filter(|(h, _)| *h != heading)
            .collect();
        render(FRONT_MATTER, &sections)
    }

    fn diagnostics_with(text: &str, config: &Config) -> Vec<Diagnostic> {
        check(text, config).1
    }

    fn diagnostics(text: &str) -> Vec<Diagnostic> {
        diagnostics_with(text, &Config::default())
    }

    /// The diagnostics of `code`, each with the text it points at.
    fn found(text: &str, code: Code) -> Vec<(Severity, &str, Option<String>)> {
        diagnostics(text)
            .into_iter()
            .filter(|d| d.code == code)
            .map(|d| (d.severity, &text[d.span.clone()], d.section))
            .collect()
    }

    fn fires(text: &str, code: Code) -> bool {
        !found(text, code).is_empty()
    }

    #[test]
    fn a_complete_scrap_has_no_diagnostics() {
        assert_eq!(diagnostics(&render(FRONT_MATTER, &VALID)), []);
        // Front matter is optional.
        assert_eq!(diagnostics(&render("", &VALID)), []);
    }

    #[test]
    fn missing_section() {
        let text = without("본문");
        assert_eq!(
            found(&text, Code::MissingSection),
            [(Severity::Error, "## 기사링크", Some("body".into()))],
            "points at the heading after which the section belongs"
        );
        let d = &diagnostics(&text)[0];
        assert_eq!(
            d.message,
            "필수 섹션 '본문 (본문 내용 복사)'이(가) 없습니다."
        );
        // Optional sections may be left out.
        assert!(!fires(&without("추가조사"), Code::MissingSection));
        assert!(!fires(&without("연관기사"), Code::MissingSection));
    }

    #[test]
    fn empty_section() {
        let text = with("요약 및 의견", "");
        assert_eq!(
            found(&text, Code::EmptySection),
            [(Severity::Error, "## 요약 및 의견", Some("summary".into()))]
        );
        assert!(!fires(&with("추가조사", ""), Code::EmptySection));
        assert!(!fires(
            &with("요약 및 의견", "한 줄 의견"),
            Code::EmptySection
        ));
    }

    #[test]
    fn placeholder_text() {
        let t = Template::default();
        let guidance = t.section(t.index_of("summary").unwrap()).guidance.clone();
        let text = with("요약 및 의견", &guidance);
        let hits = found(&text, Code::PlaceholderText);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].0, Severity::Warning);
        assert!(!fires(&text, Code::EmptySection));
        assert!(!fires(
            &with("요약 및 의견", "내 생각: 안내 문구와 다른 글"),
            Code::PlaceholderText
        ));
    }

    #[test]
    fn invalid_url_in_the_link_section() {
        // A token that looks like a link but is not an http(s) URL.
        let text = with("기사링크", "www.example.com/a");
        assert_eq!(
            found(&text, Code::InvalidUrl),
            [(Severity::Error, "www.example.com/a", Some("link".into()))]
        );
        // No link at all.
        let text = with("기사링크", "링크를 잃어버렸다");
        let hits = found(&text, Code::InvalidUrl);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].1, "링크를 잃어버렸다");
        // Two links: a warning.
        let text = with(
            "기사링크",
            "https://news.example.com/a https://news.example.com/b",
        );
        assert_eq!(found(&text, Code::InvalidUrl)[0].0, Severity::Warning);
        // A link in Markdown syntax or angle brackets is fine.
        for ok in [
            "[기사](https://news.example.com/a)",
            "<https://news.example.com/a>",
            "https://news.example.com/a.",
        ] {
            assert!(!fires(&with("기사링크", ok), Code::InvalidUrl), "{ok}");
        }
    }

    #[test]
    fn invalid_url_in_related_links_and_front_matter() {
        let text = with(
            "연관기사",
            "- https://news.example.com/b\n- http://\n- [둘째](https://news.example.com/c)",
        );
        assert_eq!(
            found(&text, Code::InvalidUrl),
            [(Severity::Warning, "http://", Some("related".into()))]
        );
        let text = render(
            "---\nurl: ftp://news.example.com/a\n---\n\n# 경제신문 스크랩\n\n",
            &VALID,
        );
        assert_eq!(
            found(&text, Code::InvalidUrl),
            [(Severity::Warning, "ftp://news.example.com/a", None)]
        );
        let text = render("---\nurl: \"https://news.example.com/a\"\n---\n\n", &VALID);
        assert!(!fires(&text, Code::InvalidUrl));
    }

    #[test]
    fn duplicate_section() {
        let mut sections = VALID.to_vec();
        sections.push(("본문", "또 본문"));
        let text = render(FRONT_MATTER, &sections);
        let hits = found(&text, Code::DuplicateSection);
        assert_eq!(hits, [(Severity::Warning, "## 본문", Some("body".into()))]);
        // The second one is reported, not the first.
        let d = diagnostics(&text);
        assert!(d[0].span.start > text.find("## 연관기사").unwrap());
    }

    #[test]
    fn unknown_section_suggests_the_title() {
        let text = render(FRONT_MATTER, &VALID).replace("## 인사이트", "## 인사이뜨");
        let d: Vec<Diagnostic> = diagnostics(&text)
            .into_iter()
            .filter(|d| d.code == Code::UnknownSection)
            .collect();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&text[d[0].span.clone()], "인사이뜨");
        assert_eq!(d[0].suggestion.as_deref(), Some("insight"));
        // Sub-headings and headings unlike any title are the user's own.
        let text = with(
            "본문",
            "첫 문단.\n\n### 배경\n\n둘째 문단.\n\n## 부록 자료 모음",
        );
        assert!(!fires(&text, Code::UnknownSection));
    }

    #[test]
    fn section_order() {
        let mut sections = VALID.to_vec();
        sections.swap(1, 2);
        let text = render(FRONT_MATTER, &sections);
        assert_eq!(
            found(&text, Code::SectionOrder),
            [(Severity::Hint, "## 기사링크", Some("link".into()))]
        );
    }

    #[test]
    fn headline_too_long_or_on_several_lines() {
        let long = "가".repeat(81);
        let text = with("헤드라인", &long);
        assert_eq!(found(&text, Code::HeadlineTooLong)[0].1, long);
        assert!(diagnostics(&text)[0].message.contains("81자"));
        assert!(fires(
            &with("헤드라인", "첫 줄\n둘째 줄"),
            Code::HeadlineTooLong
        ));
        assert!(!fires(
            &with("헤드라인", &"가".repeat(80)),
            Code::HeadlineTooLong
        ));
        assert!(!fires(&with("헤드라인", &long), Code::TooLong));
    }

    #[test]
    fn too_long_with_a_configured_limit() {
        let config =
            ConfigFile::from_toml("[[sections]]\nid = \"summary\"\nrules = { max-length = 10 }\n")
                .unwrap()
                .resolve()
                .unwrap();
        let long = with("요약 및 의견", "열 글자를 넘는 긴 요약입니다");
        let d: Vec<Diagnostic> = diagnostics_with(&long, &config)
            .into_iter()
            .filter(|d| d.code == Code::TooLong)
            .collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].section.as_deref(), Some("summary"));
        let short = with("요약 및 의견", "짧은 요약");
        assert!(
            !diagnostics_with(&short, &config)
                .iter()
                .any(|d| d.code == Code::TooLong)
        );
        assert!(!fires(&long, Code::TooLong), "no limit by default");
    }

    #[test]
    fn no_figures() {
        let text = with("인사이트", "수출이 크게 늘었다는 점이 인상적이다");
        assert_eq!(
            found(&text, Code::NoFigures),
            [(
                Severity::Warning,
                "수출이 크게 늘었다는 점이 인상적이다",
                Some("insight".into())
            )]
        );
        assert!(!fires(
            &with("인사이트", "영업이익률이 30% 늘었다."),
            Code::NoFigures
        ));
    }

    #[test]
    fn no_question() {
        let text = with("적용할 점", "북미 시장을 더 공부해야겠다.");
        assert_eq!(
            found(&text, Code::NoQuestion),
            [(
                Severity::Warning,
                "북미 시장을 더 공부해야겠다.",
                Some("questions".into())
            )]
        );
        for asks in [
            "가격 조정은 어떻게 하나요",
            "재고는 언제 줄어들까",
            "What changed？",
            "계약 기간이 몇 년인지",
        ] {
            assert!(!fires(&with("적용할 점", asks), Code::NoQuestion), "{asks}");
        }
    }

    #[test]
    fn invalid_front_matter() {
        let unclosed = "---\ndate: 2026-11-20\n\n## 헤드라인\n\n제목\n";
        let hits = found(unclosed, Code::InvalidFrontMatter);
        assert_eq!(hits[0], (Severity::Error, "---", None));
        let bad_yaml = render("---\ntags: [수출\n---\n\n", &VALID);
        let d: Vec<Diagnostic> = diagnostics(&bad_yaml);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].code, Code::InvalidFrontMatter);
        assert!(d[0].message.starts_with("머리말의 YAML을 읽을 수 없습니다"));
        for bad in ["20261120", "2026/11/20", "어제", "2026-13-45", "2026-02-31"] {
            let text = render(&format!("---\ndate: {bad}\n---\n\n"), &VALID);
            assert_eq!(
                found(&text, Code::InvalidFrontMatter),
                [(Severity::Warning, bad, None)],
                "{bad}"
            );
        }
        let published = render("---\npublished: 2026-02-30T09:00:00+09:00\n---\n\n", &VALID);
        assert!(fires(&published, Code::InvalidFrontMatter));
        for ok in ["2026-11-20", "\"2026-11-20\"", "", "2028-02-29"] {
            let text = render(&format!("---\ndate: {ok}\n---\n\n"), &VALID);
            assert!(!fires(&text, Code::InvalidFrontMatter), "{ok}");
        }
        // An empty front matter, or one of comments only, is valid YAML.
        for empty in ["---\n---\n\n", "---\n# 나중에 채움\n---\n\n"] {
            let text = render(empty, &VALID);
            assert!(!fires(&text, Code::InvalidFrontMatter), "{empty:?}");
        }
    }

    #[test]
    fn severities_follow_the_configuration() {
        let config = ConfigFile::from_toml(
            "[severity]\nno-figures = \"off\"\nmissing-section = \"warning\"\n",
        )
        .unwrap()
        .resolve()
        .unwrap();
        let text = without("본문").replace("30%", "많이");
        let d = diagnostics_with(&text, &config);
        assert!(!d.iter().any(|d| d.code == Code::NoFigures));
        let missing = d.iter().find(|d| d.code == Code::MissingSection).unwrap();
        assert_eq!(missing.severity, Severity::Warning);
    }

    #[test]
    fn messages_in_english() {
        let config = Config {
            locale: Locale::En,
            ..Config::default()
        };
        let d = diagnostics_with(&without("본문"), &config);
        assert_eq!(
            d[0].message,
            "Required section '본문 (본문 내용 복사) (Body (copy of the article))' is missing."
        );
    }
}
