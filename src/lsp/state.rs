//! The server's shared state, and the one way a request reads it: a
//! [`Snapshot`], taken in one place ([`State::snapshot`]) under the panic
//! guard.
//!
//! A snapshot is immutable and self-consistent, as rust-analyzer's
//! `GlobalStateSnapshot` is: one version of the document's text, its
//! analysis, the `Arc` of the configuration that analysis was built with,
//! and what the client negotiated. A `scrapls.toml` reload or an edit while
//! a handler runs cannot make it pair one version's sections with another
//! template.

use std::collections::{HashMap, HashSet};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types as lsp;

use super::capabilities::ClientCaps;
use super::document::{Analysis, Document};
use super::settings::Settings;
use crate::scrap::config::Config;
use crate::scrap::resolve::{ConfigCache, Resolved};
use crate::text::position::Encoding;

/// Runs a pure computation, turning a panic into an internal error: a bug
/// answers one request with an error instead of taking the server down.
pub fn guarded<T>(what: &str, f: impl FnOnce() -> T) -> Result<T> {
    std::panic::catch_unwind(AssertUnwindSafe(f)).map_err(|panic| {
        let reason = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!("scrapls: internal error in {what}: {reason}");
        Error {
            code: ErrorCode::InternalError,
            message: format!("scrapls: internal error in {what}: {reason}").into(),
            data: None,
        }
    })
}

/// The error for a request about a document the client has not opened.
pub fn not_open(uri: &lsp::Uri) -> Error {
    Error::invalid_params(format!("document not open: {}", uri.as_str()))
}

/// One consistent view of a document for one request.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The document.
    pub uri: lsp::Uri,
    /// Its analysis: version, text, parse, diagnostics, and the
    /// configuration they were computed with.
    pub analysis: Arc<Analysis>,
    /// What the client negotiated.
    pub caps: ClientCaps,
}

impl Snapshot {
    /// The configuration the analysis was built with.
    pub fn config(&self) -> &Arc<Config> {
        &self.analysis.config
    }

    /// The negotiated position encoding.
    pub fn encoding(&self) -> Encoding {
        self.caps.encoding
    }

    /// Runs a handler's pure work on this snapshot under the panic guard.
    pub fn run<T>(&self, what: &str, f: impl FnOnce(&Snapshot) -> T) -> Result<T> {
        guarded(what, || f(self))
    }
}

/// What `initialize` negotiated, and the editor's settings.
#[derive(Debug, Default)]
pub struct Session {
    /// The client's capabilities.
    pub caps: ClientCaps,
    /// The workspace root.
    pub root: Option<PathBuf>,
    /// The editor's settings.
    pub settings: Settings,
    /// Configuration per folder, resolved as the CLI does; replaced (so
    /// emptied) when settings or any `scrapls.toml` change.
    pub configs: Arc<ConfigCache>,
}

/// State shared by every handler and background task.
#[derive(Default)]
pub struct State {
    /// Open documents.
    pub docs: Mutex<HashMap<lsp::Uri, Document>>,
    /// The session.
    pub session: RwLock<Session>,
    /// Diagnostics workers' wake-up switches, by document.
    pub workers: Mutex<HashMap<lsp::Uri, Arc<Notify>>>,
    /// Taken around "is this still the open document?" and the publish that
    /// follows, and by `didClose` around its clearing publish, so that
    /// diagnostics of a closed text never reach the client after it.
    pub publish: tokio::sync::Mutex<()>,
    /// Running fetches, by progress token: cancelled from the progress's
    /// cancel button.
    pub fetches: Mutex<HashMap<String, CancellationToken>>,
    /// Every scrap of the workspace (`lsp::notebook`).
    pub notebook: super::notebook::Notebook,
    /// The last semantic tokens per document, for delta requests.
    pub tokens: super::figures::TokenCache,
    /// Configuration errors already shown, so each is shown once.
    reported: Mutex<HashSet<String>>,
}

impl State {
    /// The negotiated capabilities.
    pub fn caps(&self) -> ClientCaps {
        self.session.read().map(|s| s.caps).unwrap_or_default()
    }

    fn configs(&self) -> (Arc<ConfigCache>, Option<PathBuf>) {
        self.session
            .read()
            .map(|s| (s.configs.clone(), s.root.clone()))
            .unwrap_or_default()
    }

    /// The per-folder configuration cache (for reading many files, such as
    /// the workspace index).
    pub fn config_cache(&self) -> Arc<ConfigCache> {
        self.configs().0
    }

    /// The configuration resolution for a document: its folder's, or the
    /// workspace root's for a document that is not a file.
    pub fn resolve(&self, uri: Option<&lsp::Uri>) -> (Resolved, Arc<ConfigCache>) {
        let (cache, root) = self.configs();
        let path = uri.and_then(|u| u.to_file_path().map(|p| p.into_owned()));
        let dir = path.as_deref().and_then(Path::parent).or(root.as_deref());
        (cache.for_dir(dir), cache)
    }

    /// The configuration for a document (defaults when its `scrapls.toml`
    /// is broken; [`State::config_error`] says why).
    pub fn config_for(&self, uri: Option<&lsp::Uri>) -> Arc<Config> {
        match self.resolve(uri) {
            (Ok(config), _) => config,
            (Err(_), cache) => cache.fallback(),
        }
    }

    /// A configuration error for this document not yet shown to the user.
    pub fn config_error(&self, uri: Option<&lsp::Uri>) -> Option<String> {
        let (Err(message), _) = self.resolve(uri) else {
            return None;
        };
        let mut reported = self.reported.lock().ok()?;
        reported.insert(message.clone()).then_some(message)
    }

    /// Forgets every resolved configuration and every cached analysis
    /// (settings or a `scrapls.toml` changed); returns the open documents.
    pub fn reset_configuration(&self) -> Vec<lsp::Uri> {
        if let Ok(mut session) = self.session.write() {
            let layers = session
                .settings
                .layers(session.root.as_deref(), session.caps.locale);
            session.configs = Arc::new(ConfigCache::new(layers));
        }
        if let Ok(mut reported) = self.reported.lock() {
            reported.clear();
        }
        match self.docs.lock() {
            Ok(mut docs) => docs
                .iter_mut()
                .map(|(uri, doc)| {
                    doc.invalidate();
                    uri.clone()
                })
                .collect(),
            Err(_) => Vec::new(),
        }
    }

    /// The snapshot of an open document's current version, analysing it
    /// if no request or worker has yet.
    pub fn snapshot(&self, uri: &lsp::Uri) -> Result<Snapshot> {
        let (cell, rope, version, generation) = {
            let docs = self.docs.lock().map_err(|_| Error::internal_error())?;
            let doc = docs.get(uri).ok_or_else(|| not_open(uri))?;
            (
                doc.analysis_cell(),
                doc.rope.clone(),
                doc.version,
                doc.generation,
            )
        };
        let caps = self.caps();
        let analysis = match cell.get() {
            Some(analysis) => analysis.clone(),
            None => {
                let config = self.config_for(Some(uri));
                guarded("analysis", || {
                    cell.get_or_init(|| {
                        Arc::new(Analysis::new(version, generation, rope.to_string(), config))
                    })
                    .clone()
                })?
            }
        };
        Ok(Snapshot {
            uri: uri.clone(),
            analysis,
            caps,
        })
    }

    /// The URIs of the open documents.
    pub fn open_uris(&self) -> Vec<lsp::Uri> {
        self.docs
            .lock()
            .map(|d| d.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// Which opening and version of a document is current, if it is open.
    pub fn current(&self, uri: &lsp::Uri) -> Option<(u64, i32)> {
        self.docs
            .lock()
            .ok()?
            .get(uri)
            .map(|d| (d.generation, d.version))
    }
}
