//! Code actions and the commands behind them. Every edit is a versioned
//! `TextDocumentEdit` against the analysed version.

use serde_json::json;
use tower_lsp_server::ls_types as lsp;

use super::document::Analysis;
use super::proto::{diagnostic, text_edit, versioned_edit};
use crate::i18n::Locale;
use crate::scrap::config::Config;
use crate::scrap::convert::table_to_markdown;
use crate::scrap::diagnostic::Code;
use crate::scrap::edit::{Edit, insert_sections, missing_sections};
use crate::scrap::parse::{Form, content_text};
use crate::scrap::prefill::Prefill;
use crate::scrap::render::new_scrap;
use crate::scrap::template::Role;
use crate::scrap::validate::is_http_url;
use crate::text::Span;
use crate::text::position::Encoding;

/// Command: fetch the article of the document's link into it.
pub const FETCH_ARTICLE: &str = "scrapls.fetchArticle";
/// Command: like [`FETCH_ARTICLE`] but replaces headline and body even when
/// they hold text.
pub const FETCH_ARTICLE_REPLACE: &str = "scrapls.fetchArticleReplace";
/// Command: a new scrap's text from a URL (fetched when possible).
pub const NEW_FROM_URL: &str = "scrapls.newFromUrl";
/// Command: convert a table-form document to Markdown.
pub const CONVERT_TO_MARKDOWN: &str = "scrapls.convertToMarkdown";
/// Command: insert every missing section.
pub const INSERT_MISSING_SECTIONS: &str = "scrapls.insertMissingSections";

/// All commands, as advertised in `executeCommandProvider`.
pub const COMMANDS: [&str; 5] = [
    FETCH_ARTICLE,
    FETCH_ARTICLE_REPLACE,
    NEW_FROM_URL,
    CONVERT_TO_MARKDOWN,
    INSERT_MISSING_SECTIONS,
];

/// Turns pure edits into one versioned workspace edit.
pub fn workspace_edit(
    uri: &lsp::Uri,
    analysis: &Analysis,
    edits: Vec<Edit>,
    encoding: Encoding,
) -> lsp::WorkspaceEdit {
    let edits = edits
        .into_iter()
        .map(|e| text_edit(analysis, &e.span, e.text, encoding))
        .collect();
    versioned_edit(uri, analysis.version, edits)
}

/// The edit converting a table-form document to Markdown, if it is one.
pub fn convert_edit(analysis: &Analysis, config: &Config) -> Option<Edit> {
    let markdown = table_to_markdown(
        &analysis.text,
        &analysis.scrap,
        &config.template,
        config.locale,
    )?;
    Some(Edit {
        span: 0..analysis.text.len(),
        text: markdown,
    })
}

/// The edits inserting every missing section.
pub fn insert_all_edits(analysis: &Analysis, config: &Config) -> Vec<Edit> {
    let missing = missing_sections(&analysis.scrap, &config.template);
    insert_sections(
        &analysis.text,
        &analysis.scrap,
        &config.template,
        &missing,
        config.locale,
    )
}

/// The document's article link, when its link section holds a valid one.
pub fn article_link(analysis: &Analysis, config: &Config) -> Option<String> {
    let spec = config.template.by_role(Role::Link)?;
    let section = analysis.scrap.first_of(spec)?;
    let content = content_text(&analysis.text, section, analysis.scrap.form);
    let url = content
        .split_whitespace()
        .map(|w| w.trim_matches(['<', '>']))
        .find(|w| is_http_url(w))?;
    Some(url.to_string())
}

/// Code actions for `range`.
pub fn code_actions(
    uri: &lsp::Uri,
    analysis: &Analysis,
    config: &Config,
    range: Span,
    encoding: Encoding,
) -> Vec<lsp::CodeActionOrCommand> {
    let locale = config.locale;
    let template = &config.template;
    let mut out = Vec::new();
    let quickfix =
        |title: String, edits: Vec<Edit>, diags: Vec<lsp::Diagnostic>, preferred: bool| {
            lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title,
                kind: Some(lsp::CodeActionKind::QUICKFIX),
                diagnostics: (!diags.is_empty()).then_some(diags),
                edit: Some(workspace_edit(uri, analysis, edits, encoding)),
                is_preferred: preferred.then_some(true),
                ..lsp::CodeAction::default()
            })
        };
    let touches = |span: &Span| span.start <= range.end && range.start <= span.end;

    // An empty file: fill it with the template.
    if analysis.text.trim().is_empty() {
        let text = new_scrap(template, locale, &Prefill::default());
        out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
            title: locale
                .pick("템플릿으로 채우기", "Fill with the scrap template")
                .into(),
            kind: Some(lsp::CodeActionKind::QUICKFIX),
            edit: Some(workspace_edit(
                uri,
                analysis,
                vec![Edit {
                    span: 0..analysis.text.len(),
                    text,
                }],
                encoding,
            )),
            is_preferred: Some(true),
            ..lsp::CodeAction::default()
        }));
        return out;
    }

    // Table form: convert (everything else waits for the Markdown form).
    if analysis.scrap.form == Form::Table {
        if let Some(edit) = convert_edit(analysis, config) {
            out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title: locale
                    .pick(
                        "표 형식을 Markdown 형식으로 변환",
                        "Convert table form to Markdown",
                    )
                    .into(),
                kind: Some(lsp::CodeActionKind::REFACTOR_REWRITE),
                edit: Some(workspace_edit(uri, analysis, vec![edit], encoding)),
                ..lsp::CodeAction::default()
            }));
        }
        return out;
    }

    // Missing sections: one action per section whose diagnostic is in range,
    // and one for all of them.
    let missing = missing_sections(&analysis.scrap, template);
    for d in &analysis.diagnostics {
        if !touches(&d.span) {
            continue;
        }
        match d.code {
            Code::MissingSection => {
                let Some(spec) = d.section.as_deref().and_then(|id| template.index_of(id)) else {
                    continue;
                };
                let edits =
                    insert_sections(&analysis.text, &analysis.scrap, template, &[spec], locale);
                let title = match locale {
                    Locale::Ko => format!("누락된 섹션 추가: {}", template.section(spec).title),
                    Locale::En => format!(
                        "Insert missing section: {}",
                        template.section(spec).display_title(locale)
                    ),
                };
                out.push(quickfix(
                    title,
                    edits,
                    vec![diagnostic(analysis, d, encoding)],
                    true,
                ));
            }
            Code::UnknownSection => {
                let Some(spec) = d.suggestion.as_deref().and_then(|id| template.index_of(id))
                else {
                    continue;
                };
                let title_text = template.section(spec).title.clone();
                let title = match locale {
                    Locale::Ko => format!("'{title_text}'(으)로 고치기"),
                    Locale::En => format!("Change to '{title_text}'"),
                };
                let edits = vec![Edit {
                    span: d.span.clone(),
                    text: title_text,
                }];
                out.push(quickfix(
                    title,
                    edits,
                    vec![diagnostic(analysis, d, encoding)],
                    true,
                ));
            }
            _ => {}
        }
    }
    if missing.len() > 1 || (missing.len() == 1 && out.is_empty()) {
        let edits = insert_all_edits(analysis, config);
        let diags = analysis
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::MissingSection)
            .map(|d| diagnostic(analysis, d, encoding))
            .collect();
        let title = match locale {
            Locale::Ko => format!("누락된 섹션 모두 추가 ({}개)", missing.len()),
            Locale::En => format!("Insert all missing sections ({})", missing.len()),
        };
        out.push(quickfix(title, edits, diags, false));
    }

    // Fetching: offered on the link section when it holds a URL.
    if let Some(link_spec) = template.by_role(Role::Link)
        && let Some(section) = analysis.scrap.first_of(link_spec)
        && touches(&(section.heading.line.start..section.content.end))
        && article_link(analysis, config).is_some()
    {
        let args = vec![json!(uri), json!(analysis.version)];
        out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
            title: locale
                .pick(
                    "기사 가져오기: 빈 헤드라인·본문 채우기",
                    "Fetch article: fill empty headline and body",
                )
                .into(),
            kind: Some(lsp::CodeActionKind::new("source.fetchArticle")),
            command: Some(lsp::Command {
                title: "fetch".into(),
                command: FETCH_ARTICLE.into(),
                arguments: Some(args.clone()),
            }),
            ..lsp::CodeAction::default()
        }));
        let filled = [Role::Headline, Role::Body].into_iter().any(|role| {
            template
                .by_role(role)
                .and_then(|i| analysis.scrap.first_of(i))
                .is_some_and(|s| !content_text(&analysis.text, s, analysis.scrap.form).is_empty())
        });
        if filled {
            out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title: locale
                    .pick(
                        "기사 다시 가져오기: 헤드라인·본문을 기사로 바꾸기 (작성한 내용 대체)",
                        "Re-fetch article: replace headline and body (overwrites their text)",
                    )
                    .into(),
                kind: Some(lsp::CodeActionKind::new("source.fetchArticle.replace")),
                command: Some(lsp::Command {
                    title: "fetch (replace)".into(),
                    command: FETCH_ARTICLE_REPLACE.into(),
                    arguments: Some(args),
                }),
                ..lsp::CodeAction::default()
            }));
        }
    }
    out
}
