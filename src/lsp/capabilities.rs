//! `initialize`: what the client can do ([`ClientCaps`], read once from its
//! capabilities) and what the server offers in return
//! ([`server_capabilities`]). Pure: no state, no I/O, so the negotiation is
//! tested and read in one place.

use std::path::PathBuf;

use tower_lsp_server::ls_types as lsp;

use super::actions::COMMANDS;
use crate::i18n::Locale;
use crate::text::position::Encoding;

/// What `initialize` negotiated with the client.
#[derive(Debug, Clone, Copy)]
pub struct ClientCaps {
    /// Position encoding of every range (UTF-8 when offered, else UTF-16).
    pub encoding: Encoding,
    /// The client pulls diagnostics (`textDocument/diagnostic`) instead of
    /// taking pushed ones.
    pub pull_diagnostics: bool,
    /// Completion items may be snippets.
    pub snippets: bool,
    /// `window/workDoneProgress/create` is supported (fetch progress).
    pub work_done_progress: bool,
    /// File watchers may be registered dynamically (`scrapls.toml` reloads).
    pub watch_registration: bool,
    /// The client's UI language, when it is Korean or English.
    pub locale: Locale,
}

impl Default for ClientCaps {
    fn default() -> ClientCaps {
        ClientCaps {
            encoding: Encoding::Utf16,
            pull_diagnostics: false,
            snippets: false,
            work_done_progress: false,
            watch_registration: false,
            locale: Locale::Ko,
        }
    }
}

impl ClientCaps {
    /// Reads the client's capabilities and locale.
    pub fn from_params(params: &lsp::InitializeParams) -> ClientCaps {
        let caps = &params.capabilities;
        let offers_utf8 = caps
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|encs| encs.contains(&lsp::PositionEncodingKind::UTF8));
        let text = caps.text_document.as_ref();
        ClientCaps {
            encoding: if offers_utf8 {
                Encoding::Utf8
            } else {
                Encoding::Utf16
            },
            pull_diagnostics: text.and_then(|t| t.diagnostic.as_ref()).is_some(),
            snippets: text
                .and_then(|t| t.completion.as_ref())
                .and_then(|c| c.completion_item.as_ref())
                .and_then(|i| i.snippet_support)
                .unwrap_or(false),
            work_done_progress: caps
                .window
                .as_ref()
                .and_then(|w| w.work_done_progress)
                .unwrap_or(false),
            watch_registration: caps
                .workspace
                .as_ref()
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
            locale: params
                .locale
                .as_deref()
                .and_then(Locale::from_tag)
                .unwrap_or_default(),
        }
    }
}

/// The workspace's root folder: the first workspace folder, else `rootUri`.
pub fn workspace_root(params: &lsp::InitializeParams) -> Option<PathBuf> {
    #[allow(deprecated)] // root_uri is still what many clients send.
    params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| f.uri.clone())
        .or(params.root_uri.clone())
        .and_then(|u| u.to_file_path().map(|p| p.into_owned()))
}

/// What the server offers a client with `caps`.
pub fn server_capabilities(caps: &ClientCaps) -> lsp::ServerCapabilities {
    let mut offered = own_capabilities(caps);
    super::notebook::capabilities(&mut offered);
    offered
}

/// The single-document capabilities.
fn own_capabilities(caps: &ClientCaps) -> lsp::ServerCapabilities {
    let position_encoding = match caps.encoding {
        Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
        Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
    };
    lsp::ServerCapabilities {
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
        semantic_tokens_provider: Some(super::figures::capability()),
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
            commands: (COMMANDS.iter().chain(&super::export::COMMANDS))
                .map(|c| c.to_string())
                .collect(),
            ..lsp::ExecuteCommandOptions::default()
        }),
        diagnostic_provider: caps.pull_diagnostics.then(|| {
            lsp::DiagnosticServerCapabilities::Options(lsp::DiagnosticOptions {
                identifier: Some("scrapls".into()),
                inter_file_dependencies: false,
                workspace_diagnostics: false,
                ..lsp::DiagnosticOptions::default()
            })
        }),
        ..lsp::ServerCapabilities::default()
    }
}
