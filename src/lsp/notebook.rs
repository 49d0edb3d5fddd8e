//! The notebook in the editor: the workspace's scraps indexed on
//! `initialized` (off the input path, with `$/progress`), kept current from
//! the open documents (which win over disk) and from watched-file events;
//! the `duplicate-article` diagnostic, related-link completion, go to
//! definition on a URL, references to a scrap's link, and workspace
//! symbols. Everything here reads [`crate::notebook`]; `server.rs` only
//! registers it.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use tower_lsp_server::Client;
use tower_lsp_server::ls_types as lsp;

use super::diagnostics::schedule;
use super::document::Analysis;
use super::proto::{diagnostic, place_range, range};
use super::state::State;
use crate::i18n::Message;
use crate::notebook::duplicate::duplicate_article;
use crate::notebook::entry::Entry;
use crate::notebook::index::Index;
use crate::notebook::key::article_key;
use crate::notebook::rank::{related, search};
use crate::notebook::walk::{is_scrap_file, scrap_files};
use crate::scrap::config::Config;
use crate::scrap::template::Role;
use crate::scrap::validate::url_tokens;
use crate::text::position::{Encoding, Place};

/// File patterns the client is asked to watch, besides `scrapls.toml`.
pub const WATCH_GLOBS: [&str; 2] = ["**/*.scrap.md", "**/*.scrap"];

/// How many related links completion offers.
const RELATED_LIMIT: usize = 50;

/// How many scraps a workspace symbol query returns.
const SYMBOL_LIMIT: usize = 200;

/// How long a pulled diagnostic waits for the first index of the
/// workspace (clients without `workspace/diagnostic/refresh`, such as
/// Neovim 0.11, would otherwise not see duplicates until the next edit).
const READY_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

/// The workspace's index, shared by the handlers.
pub struct Notebook {
    index: RwLock<Index>,
    /// Whether the first index of the workspace is done.
    ready: tokio::sync::watch::Sender<bool>,
}

impl Default for Notebook {
    fn default() -> Notebook {
        Notebook {
            index: RwLock::default(),
            ready: tokio::sync::watch::Sender::new(false),
        }
    }
}

/// Waits (a bounded time) for the first index of the workspace.
pub(crate) async fn wait_ready(state: &State) {
    let mut ready = state.notebook.ready.subscribe();
    let _ = tokio::time::timeout(READY_WAIT, ready.wait_for(|r| *r)).await;
}

/// The capabilities the notebook adds to `initialize`'s answer.
pub fn capabilities(caps: &mut lsp::ServerCapabilities) {
    caps.definition_provider = Some(lsp::OneOf::Left(true));
    caps.references_provider = Some(lsp::OneOf::Left(true));
    caps.workspace_symbol_provider = Some(lsp::OneOf::Left(true));
}

/// The file a URI names, when it is a local file.
fn file_path(uri: &lsp::Uri) -> Option<PathBuf> {
    uri.to_file_path().map(|p| p.into_owned())
}

/// The entry of an open document's analysed version.
fn entry_of(uri: &lsp::Uri, analysis: &Analysis, config: &Config) -> Option<Entry> {
    Some(Entry::from_parsed(
        file_path(uri)?,
        &analysis.text,
        &analysis.scrap,
        &analysis.index,
        config,
    ))
}

/// A path as the user reads it: relative to the workspace root.
fn shown(root: Option<&Path>, path: &Path) -> String {
    root.and_then(|r| path.strip_prefix(r).ok())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The start of a file, for scraps without a link.
const START: Place = Place {
    span: 0..0,
    line: 0,
    utf8: (0, 0),
    utf16: (0, 0),
};

/// A location in another scrap.
fn location(path: &Path, place: Option<&Place>, encoding: Encoding) -> Option<lsp::Location> {
    Some(lsp::Location {
        uri: lsp::Uri::from_file_path(path)?,
        range: place_range(place.unwrap_or(&START), encoding),
    })
}

/// Indexes the workspace in the background: `$/progress` while it runs
/// (when the client supports it), then the open documents laid over the
/// disk's versions, then fresh diagnostics for them.
pub(crate) fn start_indexing(client: Client, state: Arc<State>) {
    tokio::spawn(async move {
        let config = state.config_for(None);
        let locale = config.locale;
        let (root, progress) = match state.session.read() {
            Ok(s) => (s.root.clone(), s.caps.work_done_progress),
            Err(_) => return,
        };
        let Some(root) = root else {
            state.notebook.ready.send_replace(true);
            return;
        };
        let token = lsp::NumberOrString::String("scrapls-notebook-index".into());
        let progress = if progress
            && client
                .create_work_done_progress(token.clone())
                .await
                .is_ok()
        {
            Some(
                client
                    .progress(token, Message::IndexingScraps.render(locale))
                    .with_message(root.display().to_string())
                    .begin()
                    .await,
            )
        } else {
            None
        };
        let configs = state.config_cache();
        let index = tokio::task::spawn_blocking(move || Index::scan(&root, &configs))
            .await
            .unwrap_or_default();
        let count = index.len();
        if let Ok(mut shared) = state.notebook.index.write() {
            *shared = index;
        }
        // Open documents win over what is on disk.
        for uri in state.open_uris() {
            if let Ok(snap) = state.snapshot(&uri)
                && let Some(entry) = entry_of(&uri, &snap.analysis, snap.config())
                && let Ok(mut index) = state.notebook.index.write()
            {
                index.insert(entry);
            }
        }
        state.notebook.ready.send_replace(true);
        if let Some(p) = progress {
            p.finish_with_message(Message::ScrapCount { count }.render(locale))
                .await;
        }
        refresh_all(&client, &state).await;
    });
}

/// Re-publishes (or asks the client to re-pull) every open document's
/// diagnostics: a change elsewhere may have made or unmade a duplicate.
async fn refresh_all(client: &Client, state: &State) {
    for uri in state.open_uris() {
        schedule(state, &uri);
    }
    if state.caps().pull_diagnostics {
        let _ = client.workspace_diagnostic_refresh().await;
    }
}

/// The notebook's diagnostics of an open document's analysed version; the
/// document's entry in the index is brought up to date first. Called off
/// the input path (the diagnostics worker, pull diagnostics).
pub(crate) fn diagnostics(
    state: &State,
    uri: &lsp::Uri,
    analysis: &Analysis,
    encoding: Encoding,
) -> Vec<lsp::Diagnostic> {
    let config = &analysis.config;
    let Some(entry) = entry_of(uri, analysis, config) else {
        return Vec::new();
    };
    let root = state.session.read().ok().and_then(|s| s.root.clone());
    let Ok(mut index) = state.notebook.index.write() else {
        return Vec::new();
    };
    let old_keys = index.get(&entry.path).map(|e| e.keys.clone());
    let found = duplicate_article(&entry, &index, config, |p| shown(root.as_deref(), p));
    // When this scrap's article changed, the scraps it now (or no longer)
    // duplicates need their diagnostics again.
    let affected: Vec<PathBuf> = if old_keys.as_ref() != Some(&entry.keys) {
        old_keys
            .iter()
            .flatten()
            .chain(&entry.keys)
            .flat_map(|k| index.by_key(k))
            .map(|e| e.path.clone())
            .filter(|p| *p != entry.path)
            .collect()
    } else {
        Vec::new()
    };
    index.insert(entry);
    drop(index);
    for path in affected {
        if let Some(other) = lsp::Uri::from_file_path(&path) {
            schedule(state, &other);
        }
    }
    found
        .iter()
        .map(|d| diagnostic(analysis, d, encoding))
        .collect()
}

/// A document was closed: its file on disk is what counts again.
pub(crate) fn closed(state: &State, uri: &lsp::Uri) {
    if let Some(path) = file_path(uri) {
        reload(state, &path);
    }
}

/// Re-reads one file from disk into the index (or forgets it when gone).
fn reload(state: &State, path: &Path) {
    let config = state.config_for(lsp::Uri::from_file_path(path).as_ref());
    let entry = crate::cli::read_text(path)
        .ok()
        .map(|text| Entry::from_text(path.to_path_buf(), &text, &config));
    if let Ok(mut index) = state.notebook.index.write() {
        match entry {
            Some(entry) => index.insert(entry),
            None => {
                index.remove(path);
            }
        }
    }
}

/// Files changed on disk: scraps that are not open are re-read (a new
/// folder is walked), deleted ones forgotten.
pub(crate) async fn watched(client: &Client, state: &Arc<State>, changes: &[lsp::FileEvent]) {
    let open: Vec<PathBuf> = state.open_uris().iter().filter_map(file_path).collect();
    let paths: Vec<PathBuf> = changes
        .iter()
        .filter_map(|c| file_path(&c.uri))
        .filter(|p| !open.contains(p))
        .collect();
    if paths.is_empty() {
        return;
    }
    let worker = state.clone();
    let _ = tokio::task::spawn_blocking(move || {
        for path in paths {
            if path.is_dir() {
                for file in scrap_files(&path) {
                    reload(&worker, &file);
                }
            } else if is_scrap_file(&path) {
                reload(&worker, &path);
            }
        }
    })
    .await;
    refresh_all(client, state).await;
}

/// Related-link completion inside the related-links section: the other
/// scraps most related to this one, labelled with their headline, detail
/// press and date, inserting `[headline](url)`.
pub(crate) fn completion(
    state: &State,
    uri: &lsp::Uri,
    analysis: &Analysis,
    config: &Config,
    offset: usize,
    encoding: Encoding,
) -> Option<lsp::CompletionResponse> {
    let spec = config.template.by_role(Role::Related)?;
    let text = &analysis.text;
    analysis
        .scrap
        .sections_of(spec)
        .find(|s| s.content.start <= offset && offset <= s.content.end)?;
    let line = analysis
        .index
        .line_span(analysis.position(offset, encoding).line as usize);
    let before = &text[line.start..offset.max(line.start)];
    if before.trim_start().starts_with('#') {
        return None;
    }
    // Replace what is typed since the last space (a list marker stays).
    let word_start = before
        .rfind(char::is_whitespace)
        .map_or(line.start, |i| line.start + i + 1);
    let replace = range(analysis, &(word_start..offset), encoding);
    let me = entry_of(uri, analysis, config)?;
    let index = state.notebook.index.read().ok()?;
    let items = related(&index, &me, RELATED_LIMIT + me.related.len())
        .into_iter()
        .filter(|r| {
            !r.entry
                .keys
                .iter()
                .any(|k| me.related.iter().any(|l| &l.key == k))
        })
        .take(RELATED_LIMIT)
        .enumerate()
        .filter_map(|(rank, r)| {
            let e = r.entry;
            let url = e.url.as_deref()?;
            let headline = e.headline.clone().unwrap_or_else(|| url.to_string());
            let link = format!("[{}]({url})", headline.replace(['[', ']'], ""));
            let detail: Vec<String> = [e.press.clone(), e.date.map(|d| d.to_string())]
                .into_iter()
                .flatten()
                .collect();
            Some(lsp::CompletionItem {
                label: headline,
                kind: Some(lsp::CompletionItemKind::REFERENCE),
                detail: Some(detail.join(" · ")),
                sort_text: Some(format!("{rank:04}")),
                filter_text: Some(link.clone()),
                text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit {
                    range: replace,
                    new_text: link,
                })),
                ..lsp::CompletionItem::default()
            })
        })
        .collect::<Vec<_>>();
    // Nothing to link: let the heading completion answer.
    (!items.is_empty()).then_some(lsp::CompletionResponse::Array(items))
}

/// The article key of the URL under the cursor.
fn key_at(analysis: &Analysis, offset: usize, encoding: Encoding) -> Option<String> {
    let line = analysis
        .index
        .line_span(analysis.position(offset, encoding).line as usize);
    url_tokens(&analysis.text, line)
        .into_iter()
        .find(|(span, ok)| *ok && span.start <= offset && offset <= span.end)
        .and_then(|(span, _)| article_key(&analysis.text[span]))
}

/// Go to definition on a URL: the other local scraps of that article, at
/// their link.
pub(crate) fn definition(
    state: &State,
    uri: &lsp::Uri,
    analysis: &Analysis,
    offset: usize,
    encoding: Encoding,
) -> Option<lsp::GotoDefinitionResponse> {
    let key = key_at(analysis, offset, encoding)?;
    let me = file_path(uri);
    let index = state.notebook.index.read().ok()?;
    let found: Vec<lsp::Location> = index
        .by_key(&key)
        .into_iter()
        .filter(|e| Some(&e.path) != me.as_ref())
        .filter_map(|e| location(&e.path, e.link.as_ref(), encoding))
        .collect();
    (!found.is_empty()).then_some(lsp::GotoDefinitionResponse::Array(found))
}

/// References to a scrap's article (the URL under the cursor, else this
/// scrap's own link): every related link to it in the workspace, and its
/// scraps' links when the declaration is asked for.
pub(crate) fn references(
    state: &State,
    uri: &lsp::Uri,
    analysis: &Analysis,
    offset: usize,
    encoding: Encoding,
    include_declaration: bool,
) -> Option<Vec<lsp::Location>> {
    let key = key_at(analysis, offset, encoding).or_else(|| {
        entry_of(uri, analysis, &analysis.config)?
            .keys
            .first()
            .cloned()
    })?;
    let index = state.notebook.index.read().ok()?;
    let mut found: Vec<lsp::Location> = Vec::new();
    if include_declaration {
        found.extend(
            index
                .by_key(&key)
                .into_iter()
                .filter_map(|e| location(&e.path, e.link.as_ref(), encoding)),
        );
    }
    found.extend(
        index
            .citing(&key)
            .into_iter()
            .filter_map(|(e, place)| location(&e.path, Some(place), encoding)),
    );
    Some(found)
}

/// Workspace symbols: scraps by headline, tag or press (initial consonants
/// work: ㅂㄷㅊ finds 반도체).
pub(crate) fn symbols(state: &State, query: &str) -> Option<lsp::WorkspaceSymbolResponse> {
    let encoding = state.caps().encoding;
    let index = state.notebook.index.read().ok()?;
    #[allow(deprecated)] // SymbolInformation::deprecated is a required field.
    let found = search(&index, query, SYMBOL_LIMIT)
        .into_iter()
        .filter_map(|r| {
            let e = r.entry;
            let name = e.headline.clone().unwrap_or_else(|| {
                e.path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
            let container: Vec<String> = [e.press.clone(), e.date.map(|d| d.to_string())]
                .into_iter()
                .flatten()
                .chain(e.tags.iter().map(|t| format!("#{t}")))
                .collect();
            Some(lsp::SymbolInformation {
                name,
                kind: lsp::SymbolKind::FILE,
                tags: None,
                deprecated: None,
                location: location(&e.path, e.link.as_ref(), encoding)?,
                container_name: Some(container.join(" · ")),
            })
        })
        .collect();
    Some(lsp::WorkspaceSymbolResponse::Flat(found))
}
