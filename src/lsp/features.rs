//! Read-only features over one analysis: completion, hover, outline,
//! folding, links, inlay hints. Each is a pure function from an
//! [`Analysis`] (and the configuration) to LSP values.

use tower_lsp_server::ls_types as lsp;

use super::document::Analysis;
use super::proto::{range, to_lsp};
use crate::i18n::Locale;
use crate::scrap::config::Config;
use crate::scrap::frontmatter::{self, Field, KEYS};
use crate::scrap::parse::{Form, content_text};
use crate::scrap::render::{SECTION_LEVEL, guidance_comment};
use crate::scrap::template::{Kind, Role, SectionSpec};
use crate::scrap::validate::url_tokens;
use crate::text::hangul;
use crate::text::position::Encoding;

/// Completion at `offset`: section headings at a line start, front matter
/// keys inside the front matter.
pub fn completion(
    analysis: &Analysis,
    config: &Config,
    offset: usize,
    encoding: Encoding,
    snippets: bool,
) -> Option<lsp::CompletionResponse> {
    let text = &analysis.text;
    let line_start = text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let typed = &text[line_start..offset];
    let locale = config.locale;
    let replace = range(analysis, &(line_start..offset), encoding);
    if let Some(fm) = &analysis.scrap.front_matter
        && (fm.body.start..=fm.body.end).contains(&offset)
    {
        if typed.contains(':') || typed.starts_with([' ', '\t', '-']) {
            return None;
        }
        let present: Vec<&str> = fm.entries.iter().map(|e| &text[e.key.clone()]).collect();
        let items = KEYS
            .iter()
            .filter(|k| !present.contains(&k.name) && k.name.starts_with(typed.trim()))
            .map(|k| {
                let value = if k.field == Field::Date {
                    config.today()
                } else {
                    String::new()
                };
                let key = k.name;
                lsp::CompletionItem {
                    label: key.to_string(),
                    kind: Some(lsp::CompletionItemKind::PROPERTY),
                    detail: Some(k.meaning(locale).to_string()),
                    text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit {
                        range: replace,
                        new_text: format!("{key}: {value}"),
                    })),
                    ..lsp::CompletionItem::default()
                }
            })
            .collect();
        return Some(lsp::CompletionResponse::Array(items));
    }
    if analysis.scrap.form == Form::Table {
        return None;
    }
    // What the user typed so far on this line: `#`s, spaces, a prefix.
    let trimmed = typed.trim_start_matches(' ');
    if typed.len() - trimmed.len() > 3 {
        return None;
    }
    let hashes = trimmed.len() - trimmed.trim_start_matches('#').len();
    if hashes > 3 {
        return None;
    }
    let query = trimmed[hashes..].trim_start();
    if hashes > 0 && !trimmed[hashes..].is_empty() && !trimmed[hashes..].starts_with(' ') {
        return None;
    }
    // Without a `#`, only initial consonants (ㅇㅅㅇㅌ) ask for a heading:
    // a paragraph that starts with "요약하면" must not pop up (and, on
    // Enter, insert) the summary heading.
    if hashes == 0 && (query.chars().count() < 2 || !query.chars().all(hangul::is_consonant)) {
        return None;
    }
    let template = &config.template;
    let level = if hashes == 0 {
        SECTION_LEVEL.to_string()
    } else {
        "#".repeat(hashes)
    };
    let mut items = Vec::new();
    for (i, spec) in template.sections().iter().enumerate() {
        if !template.prefix_matches(i, query) {
            continue;
        }
        let present = analysis.scrap.first_of(i).is_some();
        let guidance = guidance_comment(spec, locale);
        let (new_text, format) = if snippets {
            let g = spec.guidance_in(locale).replace(['$', '}', '\\'], "");
            (
                format!("{level} {}\n\n${{1:{g}}}\n", spec.title),
                lsp::InsertTextFormat::SNIPPET,
            )
        } else {
            (
                format!("{level} {}\n\n{guidance}\n", spec.title),
                lsp::InsertTextFormat::PLAIN_TEXT,
            )
        };
        let status = match (present, spec.required, locale) {
            (true, _, Locale::Ko) => "이미 있음",
            (true, _, Locale::En) => "already present",
            (false, true, Locale::Ko) => "누락 · 필수",
            (false, true, Locale::En) => "missing · required",
            (false, false, Locale::Ko) => "누락 · 선택",
            (false, false, Locale::En) => "missing · optional",
        };
        items.push(lsp::CompletionItem {
            label: spec.title.clone(),
            label_details: Some(lsp::CompletionItemLabelDetails {
                detail: None,
                description: Some(status.to_string()),
            }),
            kind: Some(lsp::CompletionItemKind::MODULE),
            detail: Some(spec.display_title(locale)),
            documentation: Some(lsp::Documentation::MarkupContent(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: section_doc(spec, locale),
            })),
            // Missing sections first, in template order.
            sort_text: Some(format!("{}{i:03}", u8::from(present))),
            preselect: Some(!present && items.is_empty()),
            // The server has already matched (including by initials), so
            // the client must keep every item: filter on what was typed.
            filter_text: Some(typed.to_string()),
            insert_text_format: Some(format),
            text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit {
                range: replace,
                new_text,
            })),
            ..lsp::CompletionItem::default()
        });
    }
    Some(lsp::CompletionResponse::List(lsp::CompletionList {
        // Re-ask as the user types: matching by initials is server-side.
        is_incomplete: true,
        items,
    }))
}

/// Markdown documentation of a section: guidance and rules.
pub fn section_doc(spec: &SectionSpec, locale: Locale) -> String {
    let mut out = format!("**{}**", spec.display_title(locale));
    out.push_str(&format!(" — `{}`\n\n", spec.id));
    let guidance = spec.guidance_in(locale);
    if !guidance.is_empty() {
        out.push_str(&format!("{guidance}\n\n"));
    }
    let mut rules: Vec<String> = Vec::new();
    rules.push(
        if spec.required {
            locale.pick("필수 섹션", "required")
        } else {
            locale.pick("선택 섹션", "optional")
        }
        .to_string(),
    );
    match spec.kind {
        Kind::Text => {}
        Kind::Url => rules.push(locale.pick("http(s) 주소 하나", "one http(s) URL").into()),
        Kind::UrlList => rules.push(
            locale
                .pick(
                    "http(s) 주소 목록 (한 줄에 하나)",
                    "a list of http(s) URLs, one per line",
                )
                .into(),
        ),
    }
    if spec.rules.single_line {
        rules.push(locale.pick("한 줄", "one line").into());
    }
    if let Some(max) = spec.rules.max_length {
        rules.push(match locale {
            Locale::Ko => format!("최대 {max}자"),
            Locale::En => format!("at most {max} characters"),
        });
    }
    if spec.rules.must_contain_number {
        rules.push(locale.pick("수치 포함", "must contain a figure").into());
    }
    if spec.rules.must_ask_question {
        rules.push(locale.pick("질문 포함", "must ask a question").into());
    }
    for rule in rules {
        out.push_str(&format!("- {rule}\n"));
    }
    out
}

/// Hover on a section heading (its guidance and rules) or a front matter
/// key (its meaning).
pub fn hover(
    analysis: &Analysis,
    config: &Config,
    offset: usize,
    encoding: Encoding,
) -> Option<lsp::Hover> {
    let text = &analysis.text;
    let locale = config.locale;
    if let Some(fm) = &analysis.scrap.front_matter {
        for entry in &fm.entries {
            if entry.key.start <= offset && offset <= entry.key.end {
                let key = &text[entry.key.clone()];
                let meaning = frontmatter::key(key)?.meaning(locale);
                return Some(lsp::Hover {
                    contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                        kind: lsp::MarkupKind::Markdown,
                        value: format!("`{key}` — {meaning}"),
                    }),
                    range: Some(range(analysis, &entry.key, encoding)),
                });
            }
        }
    }
    let section = analysis
        .scrap
        .sections
        .iter()
        .find(|s| s.heading.line.start <= offset && offset <= s.heading.line.end)?;
    let spec = config.template.section(section.spec);
    Some(lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: section_doc(spec, locale),
        }),
        range: Some(range(analysis, &section.heading.line, encoding)),
    })
}

/// The outline: front matter and one symbol per section.
#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be written.
pub fn symbols(
    analysis: &Analysis,
    config: &Config,
    encoding: Encoding,
) -> Vec<lsp::DocumentSymbol> {
    let text = &analysis.text;
    let mut out = Vec::new();
    if let Some(fm) = &analysis.scrap.front_matter {
        let span = fm.span.start..fm.span.end.saturating_sub(1).max(fm.span.start);
        out.push(lsp::DocumentSymbol {
            name: config.locale.pick("머리말", "Front matter").to_string(),
            detail: None,
            kind: lsp::SymbolKind::NAMESPACE,
            tags: None,
            deprecated: None,
            range: range(analysis, &span, encoding),
            selection_range: range(analysis, &(fm.span.start..fm.span.start + 3), encoding),
            children: None,
        });
    }
    for section in &analysis.scrap.sections {
        let spec = config.template.section(section.spec);
        let end = section.content.end.max(section.heading.line.end);
        let span = section.heading.line.start..trim_end_offset(text, section.heading.line.end, end);
        let name = text[section.heading.title.clone()].to_string();
        out.push(lsp::DocumentSymbol {
            name: if name.is_empty() {
                spec.title.clone()
            } else {
                name
            },
            detail: Some(spec.id.clone()),
            kind: lsp::SymbolKind::STRING,
            tags: None,
            deprecated: None,
            range: range(analysis, &span, encoding),
            selection_range: range(analysis, &section.heading.line, encoding),
            children: None,
        });
    }
    out
}

/// The end of `[start, end)` without trailing whitespace (but not before
/// `start`).
fn trim_end_offset(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

/// Folding ranges: the front matter and each section.
pub fn folding(analysis: &Analysis, encoding: Encoding) -> Vec<lsp::FoldingRange> {
    let text = &analysis.text;
    let mut out = Vec::new();
    let mut push = |start: usize, end: usize, kind: Option<lsp::FoldingRangeKind>| {
        let a = analysis.position(start, encoding).line;
        let b = analysis.position(end, encoding).line;
        if b > a {
            out.push(lsp::FoldingRange {
                start_line: a,
                end_line: b,
                kind,
                ..lsp::FoldingRange::default()
            });
        }
    };
    if let Some(fm) = &analysis.scrap.front_matter {
        push(
            fm.span.start,
            fm.span.end.saturating_sub(1),
            Some(lsp::FoldingRangeKind::Region),
        );
    }
    for section in &analysis.scrap.sections {
        let end = trim_end_offset(
            text,
            section.heading.line.end,
            section.content.end.max(section.heading.line.end),
        );
        push(
            section.heading.line.start,
            end,
            Some(lsp::FoldingRangeKind::Region),
        );
    }
    out
}

/// Every valid http(s) URL as a link.
pub fn links(analysis: &Analysis, encoding: Encoding) -> Vec<lsp::DocumentLink> {
    let text = &analysis.text;
    url_tokens(text, 0..text.len())
        .into_iter()
        .filter(|(_, ok)| *ok)
        .filter_map(|(span, _)| {
            let target = text[span.clone()].parse::<lsp::Uri>().ok()?;
            Some(lsp::DocumentLink {
                range: range(analysis, &span, encoding),
                target: Some(target),
                tooltip: None,
                data: None,
            })
        })
        .collect()
}

/// Character counts after the headline's and the body's headings.
pub fn inlay_hints(
    analysis: &Analysis,
    config: &Config,
    visible: std::ops::Range<usize>,
    encoding: Encoding,
) -> Vec<lsp::InlayHint> {
    let mut out = Vec::new();
    for role in [Role::Headline, Role::Body] {
        let Some(spec) = config.template.by_role(role) else {
            continue;
        };
        let Some(section) = analysis.scrap.first_of(spec) else {
            continue;
        };
        let at = section.heading.line.end;
        if !(visible.start <= at && at <= visible.end) {
            continue;
        }
        let content = content_text(&analysis.text, section, analysis.scrap.form);
        let n = content.chars().filter(|c| !c.is_whitespace()).count();
        let all = content.chars().count();
        let label = match config.locale {
            Locale::Ko => format!("{all}자 (공백 제외 {n}자)"),
            Locale::En => format!("{all} chars ({n} without spaces)"),
        };
        out.push(lsp::InlayHint {
            position: to_lsp(analysis.position(at, encoding)),
            label: lsp::InlayHintLabel::String(label),
            kind: None,
            text_edits: None,
            tooltip: None,
            padding_left: Some(true),
            padding_right: None,
            data: None,
        });
    }
    out
}
