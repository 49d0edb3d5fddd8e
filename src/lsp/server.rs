//! The `LanguageServer` implementation: session state, document lifecycle,
//! diagnostics scheduling, and dispatch to [`super::features`] and
//! [`super::actions`].
//!
//! Invariants:
//! * Edits are applied synchronously at the start of `didChange`, before any
//!   `.await`: tower-lsp-server starts handlers in arrival order, so edits
//!   are applied strictly in order; a version not newer than the document's
//!   is ignored.
//! * Diagnostics are computed off the input path by one worker per document
//!   that always analyses the latest version (a burst of keystrokes
//!   coalesces into one analysis) and publishes only if still current.
//! * Pure computations run under `catch_unwind`: a bug answers one request
//!   with an error instead of taking the server down.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};

use serde_json::Value;
use tokio::sync::Notify;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types as lsp;
use tower_lsp_server::{Client, LanguageServer};

use super::actions::{self, COMMANDS};
use super::document::{Analysis, Change, Document};
use super::features;
use super::notebook;
use super::proto::{diagnostic, from_lsp, span};
use super::settings::Settings;
use crate::i18n::Locale;
use crate::scrap::config::{CONFIG_FILE, Config};
use crate::text::position::Encoding;

/// Documents larger than this are analysed on the blocking pool so the
/// runtime's threads stay free for input.
const BLOCKING_THRESHOLD: usize = 256 * 1024;

/// Set by `shutdown`: `exit` after it ends the process with status 0.
pub static SHUTDOWN_REQUESTED: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// The server.
pub struct Backend {
    client: Client,
    state: Arc<State>,
    /// Cancel switches of running fetches, by progress token.
    cancels: Mutex<HashMap<String, Arc<Notify>>>,
}

/// Shared state.
pub(crate) struct State {
    pub(crate) docs: Mutex<HashMap<lsp::Uri, Document>>,
    pub(crate) session: RwLock<Session>,
    workers: Mutex<HashMap<lsp::Uri, Arc<Notify>>>,
    pub(crate) notebook: super::notebook::Notebook,
}

/// What `initialize` negotiated, and the current configuration.
pub(crate) struct Session {
    pub(crate) encoding: Encoding,
    pub(crate) client_locale: Locale,
    pub(crate) root: Option<PathBuf>,
    pub(crate) settings: Settings,
    pub(crate) config: Arc<Config>,
    pub(crate) pull_diagnostics: bool,
    pub(crate) snippets: bool,
    pub(crate) work_done_progress: bool,
    pub(crate) watch_registration: bool,
}

impl Default for Session {
    fn default() -> Session {
        Session {
            encoding: Encoding::Utf16,
            client_locale: Locale::Ko,
            root: None,
            settings: Settings::default(),
            config: Arc::new(Config::default()),
            pull_diagnostics: false,
            snippets: false,
            work_done_progress: false,
            watch_registration: false,
        }
    }
}

/// Runs a pure computation, turning a panic into an internal error.
pub(crate) fn guarded<T>(what: &str, f: impl FnOnce() -> T) -> Result<T> {
    std::panic::catch_unwind(AssertUnwindSafe(f)).map_err(|panic| {
        let reason = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!("scrapls: internal error in {what}: {reason}");
        Error {
            code: tower_lsp_server::jsonrpc::ErrorCode::InternalError,
            message: format!("scrapls: internal error in {what}: {reason}").into(),
            data: None,
        }
    })
}

fn not_open(uri: &lsp::Uri) -> Error {
    Error::invalid_params(format!("document not open: {}", uri.as_str()))
}

impl State {
    pub(crate) fn config(&self) -> Arc<Config> {
        self.session
            .read()
            .map(|s| s.config.clone())
            .unwrap_or_default()
    }

    pub(crate) fn encoding(&self) -> Encoding {
        self.session.read().map(|s| s.encoding).unwrap_or_default()
    }

    /// Wakes a document's diagnostics worker.
    pub(crate) fn schedule(&self, uri: &lsp::Uri) {
        if let Ok(workers) = self.workers.lock()
            && let Some(notify) = workers.get(uri)
        {
            notify.notify_one();
        }
    }

    /// The URIs of the open documents.
    pub(crate) fn open_uris(&self) -> Vec<lsp::Uri> {
        self.docs
            .lock()
            .map(|d| d.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// The analysis of the document's current version, computed if needed.
    pub(crate) fn analysis(&self, uri: &lsp::Uri) -> Result<Arc<Analysis>> {
        let (cell, rope, version) = {
            let docs = self.docs.lock().map_err(|_| Error::internal_error())?;
            let doc = docs.get(uri).ok_or_else(|| not_open(uri))?;
            let cell = doc.analysis_cell();
            if let Some(a) = cell.get() {
                return Ok(a.clone());
            }
            (cell, doc.rope.clone(), doc.version)
        };
        let config = self.config();
        guarded("analysis", || {
            cell.get_or_init(|| Arc::new(Analysis::new(version, rope.to_string(), &config)))
                .clone()
        })
    }
}

impl Backend {
    /// A server talking to `client`.
    pub fn new(client: Client) -> Backend {
        Backend {
            client,
            state: Arc::new(State {
                docs: Mutex::new(HashMap::new()),
                session: RwLock::new(Session::default()),
                workers: Mutex::new(HashMap::new()),
                notebook: Default::default(),
            }),
            cancels: Mutex::new(HashMap::new()),
        }
    }

    /// Starts the diagnostics worker of a document (push mode only).
    fn start_worker(&self, uri: lsp::Uri) {
        if self.state.session.read().is_ok_and(|s| s.pull_diagnostics) {
            return;
        }
        let notify = Arc::new(Notify::new());
        if let Ok(mut workers) = self.state.workers.lock() {
            workers.insert(uri.clone(), notify.clone());
        }
        let state = self.state.clone();
        let client = self.client.clone();
        tokio::spawn(async move {
            loop {
                notify.notified().await;
                let snapshot = state
                    .docs
                    .lock()
                    .ok()
                    .and_then(|docs| docs.get(&uri).map(|d| (d.rope.len_bytes(), d.version)));
                let Some((len, version)) = snapshot else {
                    break; // Closed.
                };
                let analysis = if len > BLOCKING_THRESHOLD {
                    let (state, uri) = (state.clone(), uri.clone());
                    tokio::task::spawn_blocking(move || state.analysis(&uri))
                        .await
                        .unwrap_or_else(|_| Err(Error::internal_error()))
                } else {
                    state.analysis(&uri)
                };
                let Ok(analysis) = analysis else {
                    continue;
                };
                let current = state
                    .docs
                    .lock()
                    .ok()
                    .and_then(|docs| docs.get(&uri).map(|d| d.version));
                if current != Some(analysis.version) || analysis.version < version {
                    continue; // A newer edit arrived; its notification is pending.
                }
                let encoding = state.encoding();
                let mut diagnostics: Vec<lsp::Diagnostic> = analysis
                    .diagnostics
                    .iter()
                    .map(|d| diagnostic(&analysis, d, encoding))
                    .collect();
                diagnostics.extend(notebook::diagnostics(&state, &uri, &analysis, encoding));
                client
                    .publish_diagnostics(uri.clone(), diagnostics, Some(analysis.version))
                    .await;
            }
        });
    }

    fn schedule(&self, uri: &lsp::Uri) {
        self.state.schedule(uri);
    }

    /// Re-reads the configuration and re-analyses every open document.
    async fn reload_config(&self) {
        let result = {
            let session = match self.state.session.read() {
                Ok(s) => s,
                Err(_) => return,
            };
            session
                .settings
                .resolve(session.root.as_deref(), session.client_locale)
        };
        match result {
            Ok(config) => {
                if let Ok(mut session) = self.state.session.write() {
                    session.config = Arc::new(config);
                }
            }
            Err(message) => {
                self.client
                    .show_message(lsp::MessageType::ERROR, format!("scrapls: {message}"))
                    .await;
            }
        }
        let uris: Vec<lsp::Uri> = match self.state.docs.lock() {
            Ok(mut docs) => docs
                .iter_mut()
                .map(|(uri, doc)| {
                    doc.invalidate();
                    uri.clone()
                })
                .collect(),
            Err(_) => return,
        };
        for uri in &uris {
            self.schedule(uri);
        }
        if self.state.session.read().is_ok_and(|s| s.pull_diagnostics) {
            let _ = self.client.workspace_diagnostic_refresh().await;
        }
    }

    fn locale(&self) -> Locale {
        self.state.config().locale
    }

    /// Applies a workspace edit through the client; reports refusal.
    async fn apply(&self, edit: lsp::WorkspaceEdit, label: &str) -> Result<Option<Value>> {
        match self.client.apply_edit(edit).await {
            Ok(response) if response.applied => Ok(Some(Value::Bool(true))),
            Ok(response) => {
                let reason = response.failure_reason.unwrap_or_default();
                let locale = self.locale();
                self.client
                    .show_message(
                        lsp::MessageType::WARNING,
                        match locale {
                            Locale::Ko => format!("scrapls: {label} 편집이 적용되지 않았습니다 (문서가 바뀌었을 수 있습니다). {reason}"),
                            Locale::En => format!("scrapls: the {label} edit was not applied (the document may have changed). {reason}"),
                        },
                    )
                    .await;
                Ok(Some(Value::Bool(false)))
            }
            Err(e) => Err(e),
        }
    }

    pub(crate) fn client(&self) -> &Client {
        &self.client
    }

    pub(crate) fn state(&self) -> &Arc<State> {
        &self.state
    }

    pub(crate) fn cancels(&self) -> &Mutex<HashMap<String, Arc<Notify>>> {
        &self.cancels
    }
}

/// The URI argument of a command.
fn uri_argument(args: &[Value]) -> Result<lsp::Uri> {
    args.first()
        .and_then(Value::as_str)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| Error::invalid_params("expected a document URI as the first argument"))
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: lsp::InitializeParams) -> Result<lsp::InitializeResult> {
        let caps = &params.capabilities;
        let offers_utf8 = caps
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|encs| encs.contains(&lsp::PositionEncodingKind::UTF8));
        let encoding = if offers_utf8 {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        };
        let text_caps = caps.text_document.as_ref();
        let pull = text_caps.and_then(|t| t.diagnostic.as_ref()).is_some();
        let snippets = text_caps
            .and_then(|t| t.completion.as_ref())
            .and_then(|c| c.completion_item.as_ref())
            .and_then(|i| i.snippet_support)
            .unwrap_or(false);
        let work_done_progress = caps
            .window
            .as_ref()
            .and_then(|w| w.work_done_progress)
            .unwrap_or(false);
        let watch_registration = caps
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        #[allow(deprecated)] // root_uri is still what many clients send.
        let root = params
            .workspace_folders
            .as_ref()
            .and_then(|f| f.first())
            .map(|f| f.uri.clone())
            .or(params.root_uri.clone())
            .and_then(|u| u.to_file_path().map(|p| p.into_owned()));
        let client_locale = params
            .locale
            .as_deref()
            .and_then(Locale::from_tag)
            .unwrap_or_default();
        let (settings, settings_error) = params
            .initialization_options
            .as_ref()
            .map(Settings::from_json)
            .unwrap_or_default();
        let config = settings.resolve(root.as_deref(), client_locale);
        let config_error = config.as_ref().err().cloned();
        {
            let mut session = self
                .state
                .session
                .write()
                .map_err(|_| Error::internal_error())?;
            *session = Session {
                encoding,
                client_locale,
                root,
                settings,
                config: Arc::new(config.unwrap_or_default()),
                pull_diagnostics: pull,
                snippets,
                work_done_progress,
                watch_registration,
            };
        }
        for message in settings_error.into_iter().chain(config_error) {
            self.client
                .show_message(lsp::MessageType::ERROR, format!("scrapls: {message}"))
                .await;
        }
        let position_encoding = match encoding {
            Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
            Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
        };
        let mut result = lsp::InitializeResult {
            capabilities: lsp::ServerCapabilities {
                position_encoding: Some(position_encoding),
                text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
                    lsp::TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                        ..lsp::TextDocumentSyncOptions::default()
                    },
                )),
                completion_provider: Some(lsp::CompletionOptions {
                    trigger_characters: Some(vec!["#".into()]),
                    ..lsp::CompletionOptions::default()
                }),
                hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
                document_symbol_provider: Some(lsp::OneOf::Left(true)),
                folding_range_provider: Some(lsp::FoldingRangeProviderCapability::Simple(true)),
                document_link_provider: Some(lsp::DocumentLinkOptions {
                    resolve_provider: Some(false),
                    work_done_progress_options: lsp::WorkDoneProgressOptions::default(),
                }),
                inlay_hint_provider: Some(lsp::OneOf::Left(true)),
                code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
                    lsp::CodeActionOptions {
                        code_action_kinds: Some(vec![
                            lsp::CodeActionKind::QUICKFIX,
                            lsp::CodeActionKind::REFACTOR_REWRITE,
                            lsp::CodeActionKind::SOURCE,
                        ]),
                        ..lsp::CodeActionOptions::default()
                    },
                )),
                execute_command_provider: Some(lsp::ExecuteCommandOptions {
                    commands: COMMANDS.iter().map(|c| c.to_string()).collect(),
                    ..lsp::ExecuteCommandOptions::default()
                }),
                diagnostic_provider: pull.then(|| {
                    lsp::DiagnosticServerCapabilities::Options(lsp::DiagnosticOptions {
                        identifier: Some("scrapls".into()),
                        inter_file_dependencies: false,
                        workspace_diagnostics: false,
                        ..lsp::DiagnosticOptions::default()
                    })
                }),
                ..lsp::ServerCapabilities::default()
            },
            server_info: Some(lsp::ServerInfo {
                name: "scrapls".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            offset_encoding: None,
        };
        notebook::capabilities(&mut result.capabilities);
        Ok(result)
    }

    async fn initialized(&self, _: lsp::InitializedParams) {
        let watch = self
            .state
            .session
            .read()
            .is_ok_and(|s| s.watch_registration);
        if watch {
            let globs = std::iter::once(format!("**/{CONFIG_FILE}"))
                .chain(notebook::WATCH_GLOBS.map(String::from));
            let options = lsp::DidChangeWatchedFilesRegistrationOptions {
                watchers: globs
                    .map(|glob| lsp::FileSystemWatcher {
                        glob_pattern: lsp::GlobPattern::String(glob),
                        kind: None,
                    })
                    .collect(),
            };
            let registration = lsp::Registration {
                id: "scrapls-config-watch".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(options).ok(),
            };
            let _ = self.client.register_capability(vec![registration]).await;
        }
        notebook::start_indexing(self.client.clone(), self.state.clone());
    }

    async fn shutdown(&self) -> Result<()> {
        SHUTDOWN_REQUESTED.store(true, std::sync::atomic::Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: lsp::DidOpenTextDocumentParams) {
        let doc = params.text_document;
        if let Ok(mut docs) = self.state.docs.lock() {
            docs.insert(doc.uri.clone(), Document::new(&doc.text, doc.version));
        }
        self.start_worker(doc.uri.clone());
        self.schedule(&doc.uri);
    }

    async fn did_change(&self, params: lsp::DidChangeTextDocumentParams) {
        // Synchronous up to here: see the module's invariants.
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        let encoding = self.state.encoding();
        let applied = match self.state.docs.lock() {
            Ok(mut docs) => match docs.get_mut(&uri) {
                Some(doc) if version > doc.version => {
                    let changes: Vec<Change<'_>> = params
                        .content_changes
                        .iter()
                        .map(|c| Change {
                            range: c.range.map(|r| (from_lsp(r.start), from_lsp(r.end))),
                            text: &c.text,
                        })
                        .collect();
                    let result = guarded("didChange", || doc.apply(&changes, version, encoding));
                    result.is_ok()
                }
                Some(doc) => {
                    eprintln!(
                        "scrapls: ignored stale change to version {version} of {} (at {})",
                        uri.as_str(),
                        doc.version
                    );
                    false
                }
                None => {
                    eprintln!(
                        "scrapls: change to a document that is not open: {}",
                        uri.as_str()
                    );
                    false
                }
            },
            Err(_) => false,
        };
        if applied {
            self.schedule(&uri);
        }
    }

    async fn did_close(&self, params: lsp::DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if let Ok(mut docs) = self.state.docs.lock() {
            docs.remove(&uri);
        }
        let worker = self
            .state
            .workers
            .lock()
            .ok()
            .and_then(|mut w| w.remove(&uri));
        if let Some(notify) = worker {
            notify.notify_one(); // Lets the worker see the document is gone.
            self.client
                .publish_diagnostics(uri.clone(), Vec::new(), None)
                .await;
        }
        notebook::closed(&self.state, &uri);
    }

    async fn did_change_configuration(&self, params: lsp::DidChangeConfigurationParams) {
        let (settings, error) = Settings::from_json(&params.settings);
        if let Some(message) = error {
            self.client
                .show_message(lsp::MessageType::ERROR, format!("scrapls: {message}"))
                .await;
            return;
        }
        if let Ok(mut session) = self.state.session.write() {
            session.settings = settings;
        }
        self.reload_config().await;
    }

    async fn did_change_watched_files(&self, params: lsp::DidChangeWatchedFilesParams) {
        if params
            .changes
            .iter()
            .any(|c| c.uri.as_str().ends_with(CONFIG_FILE))
        {
            self.reload_config().await;
        }
        notebook::watched(&self.client, &self.state, &params.changes).await;
    }

    async fn diagnostic(
        &self,
        params: lsp::DocumentDiagnosticParams,
    ) -> Result<lsp::DocumentDiagnosticReportResult> {
        notebook::wait_ready(&self.state).await;
        let analysis = self.state.analysis(&params.text_document.uri)?;
        let encoding = self.state.encoding();
        let mut items: Vec<lsp::Diagnostic> = analysis
            .diagnostics
            .iter()
            .map(|d| diagnostic(&analysis, d, encoding))
            .collect();
        let uri = &params.text_document.uri;
        items.extend(notebook::diagnostics(&self.state, uri, &analysis, encoding));
        Ok(lsp::DocumentDiagnosticReportResult::Report(
            lsp::DocumentDiagnosticReport::Full(lsp::RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: lsp::FullDocumentDiagnosticReport {
                    result_id: Some(analysis.version.to_string()),
                    items,
                },
            }),
        ))
    }

    async fn completion(
        &self,
        params: lsp::CompletionParams,
    ) -> Result<Option<lsp::CompletionResponse>> {
        let position = params.text_document_position;
        let analysis = self.state.analysis(&position.text_document.uri)?;
        let (config, encoding) = (self.state.config(), self.state.encoding());
        let snippets = self.state.session.read().is_ok_and(|s| s.snippets);
        guarded("completion", || {
            let offset = analysis.offset(from_lsp(position.position), encoding);
            let uri = &position.text_document.uri;
            notebook::completion(&self.state, uri, &analysis, &config, offset, encoding)
                .or_else(|| features::completion(&analysis, &config, offset, encoding, snippets))
        })
    }

    async fn goto_definition(
        &self,
        params: lsp::GotoDefinitionParams,
    ) -> Result<Option<lsp::GotoDefinitionResponse>> {
        let position = params.text_document_position_params;
        let (uri, encoding) = (&position.text_document.uri, self.state.encoding());
        let analysis = self.state.analysis(uri)?;
        guarded("definition", || {
            let offset = analysis.offset(from_lsp(position.position), encoding);
            notebook::definition(&self.state, uri, &analysis, offset, encoding)
        })
    }

    async fn references(&self, params: lsp::ReferenceParams) -> Result<Option<Vec<lsp::Location>>> {
        let position = params.text_document_position;
        let (uri, encoding) = (&position.text_document.uri, self.state.encoding());
        let analysis = self.state.analysis(uri)?;
        let declaration = params.context.include_declaration;
        guarded("references", || {
            let offset = analysis.offset(from_lsp(position.position), encoding);
            notebook::references(&self.state, uri, &analysis, offset, encoding, declaration)
        })
    }

    async fn symbol(
        &self,
        params: lsp::WorkspaceSymbolParams,
    ) -> Result<Option<lsp::WorkspaceSymbolResponse>> {
        guarded("workspaceSymbol", || {
            notebook::symbols(&self.state, &params.query)
        })
    }

    async fn hover(&self, params: lsp::HoverParams) -> Result<Option<lsp::Hover>> {
        let position = params.text_document_position_params;
        let analysis = self.state.analysis(&position.text_document.uri)?;
        let (config, encoding) = (self.state.config(), self.state.encoding());
        guarded("hover", || {
            let offset = analysis.offset(from_lsp(position.position), encoding);
            features::hover(&analysis, &config, offset, encoding)
        })
    }

    async fn document_symbol(
        &self,
        params: lsp::DocumentSymbolParams,
    ) -> Result<Option<lsp::DocumentSymbolResponse>> {
        let analysis = self.state.analysis(&params.text_document.uri)?;
        let (config, encoding) = (self.state.config(), self.state.encoding());
        guarded("documentSymbol", || {
            Some(lsp::DocumentSymbolResponse::Nested(features::symbols(
                &analysis, &config, encoding,
            )))
        })
    }

    async fn folding_range(
        &self,
        params: lsp::FoldingRangeParams,
    ) -> Result<Option<Vec<lsp::FoldingRange>>> {
        let analysis = self.state.analysis(&params.text_document.uri)?;
        let encoding = self.state.encoding();
        guarded("foldingRange", || {
            Some(features::folding(&analysis, encoding))
        })
    }

    async fn document_link(
        &self,
        params: lsp::DocumentLinkParams,
    ) -> Result<Option<Vec<lsp::DocumentLink>>> {
        let analysis = self.state.analysis(&params.text_document.uri)?;
        let encoding = self.state.encoding();
        guarded("documentLink", || {
            Some(features::links(&analysis, encoding))
        })
    }

    async fn inlay_hint(
        &self,
        params: lsp::InlayHintParams,
    ) -> Result<Option<Vec<lsp::InlayHint>>> {
        let analysis = self.state.analysis(&params.text_document.uri)?;
        let (config, encoding) = (self.state.config(), self.state.encoding());
        guarded("inlayHint", || {
            let visible = span(&analysis, params.range, encoding);
            Some(features::inlay_hints(&analysis, &config, visible, encoding))
        })
    }

    async fn code_action(
        &self,
        params: lsp::CodeActionParams,
    ) -> Result<Option<lsp::CodeActionResponse>> {
        let uri = params.text_document.uri;
        let analysis = self.state.analysis(&uri)?;
        let (config, encoding) = (self.state.config(), self.state.encoding());
        guarded("codeAction", || {
            let range = span(&analysis, params.range, encoding);
            Some(actions::code_actions(
                &uri, &analysis, &config, range, encoding,
            ))
        })
    }

    async fn execute_command(&self, params: lsp::ExecuteCommandParams) -> Result<Option<Value>> {
        let args = params.arguments;
        let (config, encoding) = (self.state.config(), self.state.encoding());
        match params.command.as_str() {
            actions::INSERT_MISSING_SECTIONS => {
                let uri = uri_argument(&args)?;
                let analysis = self.state.analysis(&uri)?;
                let edits = guarded("insertMissingSections", || {
                    actions::insert_all_edits(&analysis, &config)
                })?;
                if edits.is_empty() {
                    return Ok(Some(Value::Bool(false)));
                }
                let edit = actions::workspace_edit(&uri, &analysis, edits, encoding);
                self.apply(edit, "insertMissingSections").await
            }
            actions::CONVERT_TO_MARKDOWN => {
                let uri = uri_argument(&args)?;
                let analysis = self.state.analysis(&uri)?;
                let Some(edit) = guarded("convert", || actions::convert_edit(&analysis, &config))?
                else {
                    self.client
                        .show_message(
                            lsp::MessageType::INFO,
                            config.locale.pick(
                                "scrapls: 이미 Markdown 형식입니다.",
                                "scrapls: the scrap is already in Markdown form.",
                            ),
                        )
                        .await;
                    return Ok(Some(Value::Bool(false)));
                };
                let edit = actions::workspace_edit(&uri, &analysis, vec![edit], encoding);
                self.apply(edit, "convert").await
            }
            actions::NEW_FROM_URL => super::fetch::new_from_url(self, &args).await,
            actions::FETCH_ARTICLE => super::fetch::fetch_into(self, &args, false).await,
            actions::FETCH_ARTICLE_REPLACE => super::fetch::fetch_into(self, &args, true).await,
            other => Err(Error::invalid_params(format!("unknown command: {other}"))),
        }
    }
}
