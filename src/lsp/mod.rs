//! The language server: protocol glue over the pure [`crate::scrap`] layer.
//!
//! `server` holds the thin handlers, `state` the shared state and the
//! per-request [`state::Snapshot`], `capabilities` the `initialize`
//! negotiation, `diagnostics` the per-document workers, `document` the rope
//! and analysis per version, `features` and `actions` compute answers from
//! an analysis, `figures` serves the figures (tokens, hover, draft action),
//! `export` returns sheet rows and digests, `notebook` knows every
//! scrap of the workspace, `proto` converts spans and
//! values to LSP types, `settings` reads editor settings, `fetch` runs
//! article fetches off the input path, and `transport` guards stdio against
//! malformed messages.

pub mod actions;
pub mod capabilities;
pub mod diagnostics;
pub mod document;
pub mod export;
pub mod features;
pub mod fetch;
pub mod figures;
pub mod notebook;
pub mod proto;
pub mod server;
pub mod settings;
pub mod state;
pub mod transport;

use tower_lsp_server::{LspService, Server};

/// Runs the server on stdio until `exit`; returns the exit status.
pub fn run() -> i32 {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("scrapls: cannot start the async runtime: {e}");
            return 1;
        }
    };
    let shutdown_requested = runtime.block_on(async {
        let (stdin, stdout, writer) = transport::guard(tokio::io::stdin(), tokio::io::stdout());
        let (service, socket) = LspService::build(server::Backend::new)
            .custom_method(
                "window/workDoneProgress/cancel",
                server::Backend::progress_cancel,
            )
            .finish();
        Server::new(stdin, stdout, socket).serve(service).await;
        // Let the last responses reach the client; the writer itself only
        // ends with stdin, which a client may keep open after `exit`.
        let _ = tokio::time::timeout(std::time::Duration::from_millis(200), writer).await;
        server::SHUTDOWN_REQUESTED.load(std::sync::atomic::Ordering::SeqCst)
    });
    // stdin's reader is a blocking thread that may wait forever for input
    // the client never sends: do not wait for it.
    runtime.shutdown_background();
    // The LSP exit code: 0 after `shutdown`, 1 for an `exit` without it.
    if shutdown_requested { 0 } else { 1 }
}
