//! The `LanguageServer` implementation: thin handlers. Each takes one
//! [`Snapshot`] of its document ([`State::snapshot`]) and runs its pure work
//! under the panic guard ([`Snapshot::run`]); the work itself lives in
//! [`super::features`], [`super::actions`] and [`super::fetch`], the
//! negotiation in [`super::capabilities`], diagnostics in
//! [`super::diagnostics`].
//!
//! Invariant: edits are applied synchronously at the start of `didChange`,
//! before any `.await`: tower-lsp-server starts handlers in arrival order,
//! so edits are applied strictly in order; a version not newer than the
//! document's is ignored.

use std::sync::Arc;

use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types as lsp;
use tower_lsp_server::{Client, LanguageServer};

use super::actions;
use super::capabilities::{ClientCaps, server_capabilities, workspace_root};
use super::diagnostics::{self, lsp_diagnostics};
use super::document::{Change, Document};
use super::features;
use super::figures;
use super::notebook;
use super::proto::{from_lsp, span};
use super::settings::Settings;
use super::state::{Session, Snapshot, State, guarded};
use crate::i18n::Message;
use crate::scrap::config::CONFIG_FILE;
use crate::scrap::resolve::ConfigCache;

/// Set by `shutdown`: `exit` after it ends the process with status 0.
pub static SHUTDOWN_REQUESTED: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// The server.
pub struct Backend {
    client: Client,
    state: Arc<State>,
}

impl Backend {
    /// A server talking to `client`.
    pub fn new(client: Client) -> Backend {
        Backend {
            client,
            state: Arc::new(State::default()),
        }
    }

    /// The client connection.
    pub(crate) fn client(&self) -> &Client {
        &self.client
    }

    /// The shared state.
    pub(crate) fn state(&self) -> &Arc<State> {
        &self.state
    }

    /// Shows configuration errors not yet shown for `uri` (or the
    /// workspace's, for `None`).
    async fn report_config_error(&self, uri: Option<&lsp::Uri>) {
        if let Some(message) = self.state.config_error(uri) {
            self.client
                .show_message(lsp::MessageType::ERROR, format!("scrapls: {message}"))
                .await;
        }
    }

    /// Forgets every resolved configuration and re-analyses the open
    /// documents (settings or a `scrapls.toml` changed).
    async fn reload_config(&self) {
        let uris = self.state.reset_configuration();
        self.report_config_error(None).await;
        for uri in &uris {
            self.report_config_error(Some(uri)).await;
            diagnostics::schedule(&self.state, uri);
        }
        if self.state.caps().pull_diagnostics {
            let _ = self.client.workspace_diagnostic_refresh().await;
        }
    }

    /// Applies a workspace edit through the client; reports refusal.
    async fn apply(&self, edit: lsp::WorkspaceEdit, label: &str) -> Result<Option<Value>> {
        match self.client.apply_edit(edit).await {
            Ok(response) if response.applied => Ok(Some(Value::Bool(true))),
            Ok(response) => {
                let reason = response.failure_reason.unwrap_or_default();
                let locale = self.state.config_for(None).locale;
                self.client
                    .show_message(
                        lsp::MessageType::WARNING,
                        Message::EditRefused {
                            label,
                            reason: &reason,
                        }
                        .render(locale),
                    )
                    .await;
                Ok(Some(Value::Bool(false)))
            }
            Err(e) => Err(e),
        }
    }

    /// Computes a document edit from a snapshot under the guard and applies
    /// it as a versioned edit; `false` when there is nothing to do.
    async fn apply_from(
        &self,
        snap: &Snapshot,
        label: &str,
        edits: impl FnOnce(&Snapshot) -> Vec<crate::scrap::edit::Edit>,
    ) -> Result<Option<Value>> {
        let edit = snap.run(label, |s| {
            let edits = edits(s);
            (!edits.is_empty())
                .then(|| actions::workspace_edit(&s.uri, &s.analysis, edits, s.encoding()))
        })?;
        match edit {
            Some(edit) => self.apply(edit, label).await,
            None => Ok(Some(Value::Bool(false))),
        }
    }
}

/// The URI argument of a command.
pub(crate) fn uri_argument(args: &[Value]) -> Result<lsp::Uri> {
    args.first()
        .and_then(Value::as_str)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| Error::invalid_params("expected a document URI as the first argument"))
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: lsp::InitializeParams) -> Result<lsp::InitializeResult> {
        let caps = ClientCaps::from_params(&params);
        let root = workspace_root(&params);
        let (settings, settings_error) = params
            .initialization_options
            .as_ref()
            .map(Settings::from_json)
            .unwrap_or_default();
        {
            let mut session = self
                .state
                .session
                .write()
                .map_err(|_| Error::internal_error())?;
            let layers = settings.layers(root.as_deref(), caps.locale);
            *session = Session {
                caps,
                root,
                settings,
                configs: Arc::new(ConfigCache::new(layers)),
            };
        }
        if let Some(message) = settings_error {
            self.client
                .show_message(lsp::MessageType::ERROR, format!("scrapls: {message}"))
                .await;
        }
        self.report_config_error(None).await;
        Ok(lsp::InitializeResult {
            capabilities: server_capabilities(&caps),
            server_info: Some(lsp::ServerInfo {
                name: "scrapls".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: lsp::InitializedParams) {
        if self.state.caps().watch_registration {
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
        let document = Document::new(&doc.text, doc.version);
        let generation = document.generation;
        if let Ok(mut docs) = self.state.docs.lock() {
            docs.insert(doc.uri.clone(), document);
        }
        diagnostics::start(&self.state, &self.client, doc.uri.clone(), generation);
        self.report_config_error(Some(&doc.uri)).await;
    }

    async fn did_change(&self, params: lsp::DidChangeTextDocumentParams) {
        // Synchronous up to here: see the module's invariant.
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        let encoding = self.state.caps().encoding;
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
                    guarded("didChange", || doc.apply(&changes, version, encoding)).is_ok()
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
            diagnostics::schedule(&self.state, &uri);
        }
    }

    async fn did_close(&self, params: lsp::DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if let Ok(mut docs) = self.state.docs.lock() {
            docs.remove(&uri);
        }
        self.state.tokens.forget(&uri);
        diagnostics::stop(&self.state, &self.client, uri.clone()).await;
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
        notebook::watched(&self.client, &self.state, &params.changes).await;
        if params
            .changes
            .iter()
            .any(|c| c.uri.as_str().ends_with(CONFIG_FILE))
        {
            self.reload_config().await;
        }
    }

    async fn diagnostic(
        &self,
        params: lsp::DocumentDiagnosticParams,
    ) -> Result<lsp::DocumentDiagnosticReportResult> {
        notebook::wait_ready(&self.state).await;
        let snap = self.state.snapshot(&params.text_document.uri)?;
        let items = snap.run("diagnostic", |s| {
            let mut items = lsp_diagnostics(s);
            items.extend(notebook::diagnostics(
                &self.state,
                &s.uri,
                &s.analysis,
                s.encoding(),
            ));
            items
        })?;
        Ok(lsp::DocumentDiagnosticReportResult::Report(
            lsp::DocumentDiagnosticReport::Full(lsp::RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: lsp::FullDocumentDiagnosticReport {
                    result_id: Some(snap.analysis.version.to_string()),
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
        let snap = self.state.snapshot(&position.text_document.uri)?;
        snap.run("completion", |s| {
            let offset = s.analysis.offset(from_lsp(position.position), s.encoding());
            notebook::completion(
                &self.state,
                &s.uri,
                &s.analysis,
                s.config(),
                offset,
                s.encoding(),
            )
            .or_else(|| {
                features::completion(
                    &s.analysis,
                    s.config(),
                    offset,
                    s.encoding(),
                    s.caps.snippets,
                )
            })
        })
    }

    async fn goto_definition(
        &self,
        params: lsp::GotoDefinitionParams,
    ) -> Result<Option<lsp::GotoDefinitionResponse>> {
        let position = params.text_document_position_params;
        let snap = self.state.snapshot(&position.text_document.uri)?;
        snap.run("definition", |s| {
            let offset = s.analysis.offset(from_lsp(position.position), s.encoding());
            notebook::definition(&self.state, &s.uri, &s.analysis, offset, s.encoding())
        })
    }

    async fn references(&self, params: lsp::ReferenceParams) -> Result<Option<Vec<lsp::Location>>> {
        let position = params.text_document_position;
        let declaration = params.context.include_declaration;
        let snap = self.state.snapshot(&position.text_document.uri)?;
        snap.run("references", |s| {
            let offset = s.analysis.offset(from_lsp(position.position), s.encoding());
            notebook::references(
                &self.state,
                &s.uri,
                &s.analysis,
                offset,
                s.encoding(),
                declaration,
            )
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
        let snap = self.state.snapshot(&position.text_document.uri)?;
        snap.run("hover", |s| {
            let offset = s.analysis.offset(from_lsp(position.position), s.encoding());
            features::hover(&s.analysis, s.config(), offset, s.encoding())
                .or_else(|| figures::hover(&s.analysis, s.config(), offset, s.encoding()))
        })
    }

    async fn semantic_tokens_full(
        &self,
        params: lsp::SemanticTokensParams,
    ) -> Result<Option<lsp::SemanticTokensResult>> {
        let snap = self.state.snapshot(&params.text_document.uri)?;
        snap.run("semanticTokens", |s| {
            let tokens = figures::full(
                &s.uri,
                &s.analysis,
                s.config(),
                s.encoding(),
                &self.state.tokens,
            );
            Some(lsp::SemanticTokensResult::Tokens(tokens))
        })
    }

    async fn semantic_tokens_full_delta(
        &self,
        params: lsp::SemanticTokensDeltaParams,
    ) -> Result<Option<lsp::SemanticTokensFullDeltaResult>> {
        let snap = self.state.snapshot(&params.text_document.uri)?;
        let previous = params.previous_result_id;
        snap.run("semanticTokensDelta", |s| {
            Some(figures::delta(
                &s.uri,
                &s.analysis,
                s.config(),
                s.encoding(),
                &self.state.tokens,
                &previous,
            ))
        })
    }

    async fn document_symbol(
        &self,
        params: lsp::DocumentSymbolParams,
    ) -> Result<Option<lsp::DocumentSymbolResponse>> {
        let snap = self.state.snapshot(&params.text_document.uri)?;
        snap.run("documentSymbol", |s| {
            Some(lsp::DocumentSymbolResponse::Nested(features::symbols(
                &s.analysis,
                s.config(),
                s.encoding(),
            )))
        })
    }

    async fn folding_range(
        &self,
        params: lsp::FoldingRangeParams,
    ) -> Result<Option<Vec<lsp::FoldingRange>>> {
        let snap = self.state.snapshot(&params.text_document.uri)?;
        snap.run("foldingRange", |s| {
            Some(features::folding(&s.analysis, s.encoding()))
        })
    }

    async fn document_link(
        &self,
        params: lsp::DocumentLinkParams,
    ) -> Result<Option<Vec<lsp::DocumentLink>>> {
        let snap = self.state.snapshot(&params.text_document.uri)?;
        snap.run("documentLink", |s| {
            Some(features::links(&s.analysis, s.encoding()))
        })
    }

    async fn inlay_hint(
        &self,
        params: lsp::InlayHintParams,
    ) -> Result<Option<Vec<lsp::InlayHint>>> {
        let snap = self.state.snapshot(&params.text_document.uri)?;
        snap.run("inlayHint", |s| {
            let visible = span(&s.analysis, params.range, s.encoding());
            Some(features::inlay_hints(
                &s.analysis,
                s.config(),
                visible,
                s.encoding(),
            ))
        })
    }

    async fn code_action(
        &self,
        params: lsp::CodeActionParams,
    ) -> Result<Option<lsp::CodeActionResponse>> {
        let snap = self.state.snapshot(&params.text_document.uri)?;
        snap.run("codeAction", |s| {
            let range = span(&s.analysis, params.range, s.encoding());
            let mut out =
                actions::code_actions(&s.uri, &s.analysis, s.config(), range.clone(), s.encoding());
            out.extend(figures::code_actions(
                &s.uri,
                &s.analysis,
                s.config(),
                range,
                s.encoding(),
            ));
            Some(out)
        })
    }

    async fn execute_command(&self, params: lsp::ExecuteCommandParams) -> Result<Option<Value>> {
        let args = params.arguments;
        match params.command.as_str() {
            actions::INSERT_MISSING_SECTIONS => {
                let snap = self.state.snapshot(&uri_argument(&args)?)?;
                self.apply_from(&snap, "insertMissingSections", |s| {
                    actions::insert_all_edits(&s.analysis, s.config())
                })
                .await
            }
            actions::CONVERT_TO_MARKDOWN => {
                let snap = self.state.snapshot(&uri_argument(&args)?)?;
                let edit = snap.run("convert", |s| {
                    actions::convert_edit(&s.analysis, s.config())
                })?;
                if edit.is_none() {
                    self.client
                        .show_message(
                            lsp::MessageType::INFO,
                            Message::AlreadyMarkdown.render(snap.config().locale),
                        )
                        .await;
                    return Ok(Some(Value::Bool(false)));
                }
                self.apply_from(&snap, "convert", |_| edit.into_iter().collect())
                    .await
            }
            super::export::COPY_SHEET_ROWS => super::export::copy_sheet_rows(self, &args),
            super::export::EXPORT_DIGEST => super::export::export_digest(self, &args).await,
            actions::NEW_FROM_URL => super::fetch::new_from_url(self, &args).await,
            actions::FETCH_ARTICLE => super::fetch::fetch_into(self, &args, false).await,
            actions::FETCH_ARTICLE_REPLACE => super::fetch::fetch_into(self, &args, true).await,
            other => Err(Error::invalid_params(format!("unknown command: {other}"))),
        }
    }
}
