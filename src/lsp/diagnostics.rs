//! Pushed diagnostics: one worker per open document, off the input path.
//!
//! A worker sleeps until an edit wakes it, then analyses the *latest*
//! version (a burst of keystrokes coalesces into one analysis; documents
//! over [`BLOCKING_THRESHOLD`] go to the blocking pool so the runtime's
//! threads stay free for input) and publishes only if that version of that
//! opening is still the current one. A worker belongs to one opening of a
//! document (its generation): when the document is closed, or closed and
//! opened again, the worker ends instead of publishing the old text's
//! diagnostics under the new opening's version number.

use std::sync::Arc;

use tokio::sync::Notify;
use tower_lsp_server::Client;
use tower_lsp_server::jsonrpc::Error;
use tower_lsp_server::ls_types as lsp;

use super::notebook;
use super::proto::diagnostic;
use super::state::{Snapshot, State};

/// Documents larger than this are analysed on the blocking pool.
const BLOCKING_THRESHOLD: usize = 256 * 1024;

/// The LSP diagnostics of a snapshot.
pub fn lsp_diagnostics(snap: &Snapshot) -> Vec<lsp::Diagnostic> {
    let encoding = snap.encoding();
    snap.analysis
        .diagnostics
        .iter()
        .map(|d| diagnostic(&snap.analysis, d, encoding))
        .collect()
}

/// Starts the worker of the opening `generation` of `uri` (push mode only),
/// and wakes it for a first analysis.
pub fn start(state: &Arc<State>, client: &Client, uri: lsp::Uri, generation: u64) {
    if state.caps().pull_diagnostics {
        return;
    }
    let notify = Arc::new(Notify::new());
    if let Ok(mut workers) = state.workers.lock() {
        workers.insert(uri.clone(), notify.clone());
    }
    notify.notify_one();
    let (state, client) = (state.clone(), client.clone());
    tokio::spawn(async move {
        loop {
            notify.notified().await;
            let len = match state
                .docs
                .lock()
                .ok()
                .and_then(|docs| docs.get(&uri).map(|d| (d.generation, d.rope.len_bytes())))
            {
                Some((g, len)) if g == generation => len,
                _ => break, // Closed (and perhaps opened again: not ours).
            };
            let snapshot = if len > BLOCKING_THRESHOLD {
                let (state, uri) = (state.clone(), uri.clone());
                tokio::task::spawn_blocking(move || state.snapshot(&uri))
                    .await
                    .unwrap_or_else(|_| Err(Error::internal_error()))
            } else {
                state.snapshot(&uri)
            };
            let Ok(snapshot) = snapshot else {
                continue;
            };
            if snapshot.analysis.generation != generation {
                break;
            }
            let mut diagnostics = lsp_diagnostics(&snapshot);
            diagnostics.extend(notebook::diagnostics(
                &state,
                &uri,
                &snapshot.analysis,
                snapshot.encoding(),
            ));
            // Checked and published under one lock that didClose also takes.
            let _publishing = state.publish.lock().await;
            match state.current(&uri) {
                Some((g, v)) if g == generation && v == snapshot.analysis.version => {
                    client
                        .publish_diagnostics(uri.clone(), diagnostics, Some(v))
                        .await;
                }
                Some((g, _)) if g == generation => {} // A newer edit woke us again.
                _ => break,
            }
        }
    });
}

/// Wakes the worker of `uri` after an edit or a configuration change.
pub fn schedule(state: &State, uri: &lsp::Uri) {
    if let Ok(workers) = state.workers.lock()
        && let Some(notify) = workers.get(uri)
    {
        notify.notify_one();
    }
}

/// Ends the worker of a closed document and clears its diagnostics.
pub async fn stop(state: &State, client: &Client, uri: lsp::Uri) {
    let worker = state.workers.lock().ok().and_then(|mut w| w.remove(&uri));
    if let Some(notify) = worker {
        notify.notify_one(); // Lets the worker see the document is gone.
        let _publishing = state.publish.lock().await;
        client.publish_diagnostics(uri, Vec::new(), None).await;
    }
}
