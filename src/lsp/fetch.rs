//! Fetching an article into a scrap from the editor.
//!
//! The fetch runs in the command's own task, holding no lock, so the user
//! keeps typing while the page loads. When it arrives, the edit is computed
//! against the document as it is *then* and sent as a versioned edit; if the
//! user typed in between and the editor refuses it, it is recomputed against
//! the newer version (a few times). Failures change nothing and say why.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use serde::Deserialize;
use serde_json::{Value, json};
use tokio_util::sync::CancellationToken;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types as lsp;

use super::actions::{article_link, workspace_edit};
use super::server::{Backend, uri_argument};
use super::state::{State, guarded};
use crate::article::fetch::{FetchError, FetchOptions, fetch_article_cancellable};
use crate::article::{Article, PARTIAL_BELOW};
use crate::i18n::{Locale, Message};
use crate::scrap::edit::fill_from_article;
use crate::scrap::prefill::Prefill;
use crate::scrap::render::new_scrap;

/// How often a refused edit is recomputed against a newer version.
const APPLY_ATTEMPTS: usize = 3;

static NEXT_TOKEN: AtomicU64 = AtomicU64::new(1);

/// Fetch options from the editor settings.
fn options(state: &State) -> FetchOptions {
    let mut options = FetchOptions::default();
    if let Ok(session) = state.session.read() {
        if let Some(ms) = session.settings.fetch.timeout_ms {
            options.timeout = Duration::from_millis(ms.max(1));
        }
        if let Some(ua) = &session.settings.fetch.user_agent {
            options.user_agent = ua.clone();
        }
    }
    options
}

/// Arguments of `window/workDoneProgress/cancel`.
#[derive(Deserialize)]
pub struct CancelParams {
    token: lsp::NumberOrString,
}

impl Backend {
    /// `window/workDoneProgress/cancel`: stops the fetch behind a progress.
    pub async fn progress_cancel(&self, params: CancelParams) {
        let key = match params.token {
            lsp::NumberOrString::Number(n) => n.to_string(),
            lsp::NumberOrString::String(s) => s,
        };
        if let Ok(fetches) = self.state().fetches.lock()
            && let Some(cancel) = fetches.get(&key)
        {
            cancel.cancel();
        }
    }
}

/// Runs the fetch with work-done progress (when the client supports it) and
/// cancellation from the progress's cancel button (the server's one
/// cancellation mechanism: a [`CancellationToken`] per running fetch;
/// `$/cancelRequest` drops the whole request). `None` when cancelled.
async fn with_progress(
    backend: &Backend,
    url: &str,
    locale: Locale,
) -> Option<std::result::Result<Article, String>> {
    let token = format!(
        "scrapls-fetch-{}",
        NEXT_TOKEN.fetch_add(1, Ordering::Relaxed)
    );
    let cancel = CancellationToken::new();
    if let Ok(mut fetches) = backend.state().fetches.lock() {
        fetches.insert(token.clone(), cancel.clone());
    }
    let supports = backend.state().caps().work_done_progress;
    let progress_token = lsp::NumberOrString::String(token.clone());
    let progress = if supports
        && backend
            .client()
            .create_work_done_progress(progress_token.clone())
            .await
            .is_ok()
    {
        Some(
            backend
                .client()
                .progress(progress_token, Message::FetchingArticle.render(locale))
                .with_message(url.to_string())
                .with_cancel_button()
                .begin()
                .await,
        )
    } else {
        None
    };
    let options = options(backend.state());
    let result = match fetch_article_cancellable(url, &options, &cancel).await {
        Err(FetchError::Cancelled) => None,
        r => Some(r.map_err(|e| e.message(locale))),
    };
    if let Ok(mut fetches) = backend.state().fetches.lock() {
        fetches.remove(&token);
    }
    if let Some(p) = progress {
        let done = match &result {
            Some(Ok(_)) => Message::ProgressDone,
            Some(Err(_)) => Message::ProgressFailed,
            None => Message::ProgressCancelled,
        }
        .render(locale);
        p.finish_with_message(done).await;
    }
    result
}

async fn show_error(backend: &Backend, locale: Locale, reason: &str) {
    backend
        .client()
        .show_message(
            lsp::MessageType::ERROR,
            Message::FetchFailed { reason }.render(locale),
        )
        .await;
}

/// The fill happened, but the extraction looks like a teaser or a paywall
/// cut (low confidence): say so, so the user checks the page.
async fn warn_partial(backend: &Backend, locale: Locale) {
    backend
        .client()
        .show_message(
            lsp::MessageType::WARNING,
            Message::PartialArticle.render(locale),
        )
        .await;
}

/// `scrapls.newFromUrl [url]` → `{ "text": … }`: a new scrap filled from the
/// article (or, if the fetch fails, with only its link and the reason).
pub async fn new_from_url(backend: &Backend, args: &[Value]) -> Result<Option<Value>> {
    let url = args
        .first()
        .and_then(Value::as_str)
        .filter(|u| crate::scrap::validate::is_http_url(u))
        .ok_or_else(|| Error::invalid_params("expected an http(s) URL as the first argument"))?
        .to_string();
    let config = backend.state().config_for(None);
    let locale = config.locale;
    let mut fill = match with_progress(backend, &url, locale).await {
        Some(Ok(article)) => {
            if article.confidence < PARTIAL_BELOW {
                warn_partial(backend, locale).await;
            }
            Prefill::from_article(article, Some(&url))
        }
        Some(Err(reason)) => {
            show_error(backend, locale, &reason).await;
            Prefill {
                url: Some(url.clone()),
                ..Prefill::default()
            }
        }
        None => return Ok(None),
    };
    fill.date = Some(config.today());
    let text = guarded("newFromUrl", || new_scrap(&config.template, locale, &fill))?;
    Ok(Some(json!({ "text": text })))
}

/// `scrapls.fetchArticle [uri]` (and the `replace` variant).
pub async fn fetch_into(backend: &Backend, args: &[Value], replace: bool) -> Result<Option<Value>> {
    let state = backend.state().clone();
    let snap = state.snapshot(&uri_argument(args)?)?;
    let locale = snap.config().locale;
    let Some(url) = snap.run("fetchArticle", |s| article_link(&s.analysis, s.config()))? else {
        show_error(backend, locale, &Message::NoLinkToFetch.render(locale)).await;
        return Ok(Some(Value::Bool(false)));
    };
    let article = match with_progress(backend, &url, locale).await {
        Some(Ok(article)) => article,
        Some(Err(reason)) => {
            show_error(backend, locale, &reason).await;
            return Ok(Some(Value::Bool(false)));
        }
        None => return Ok(Some(Value::Bool(false))),
    };
    let partial = article.confidence < PARTIAL_BELOW;
    let fill = Prefill::from_article(article, Some(&url));
    for _ in 0..APPLY_ATTEMPTS {
        // Against the document as it is now, not as it was at the request.
        let snap = state.snapshot(&snap.uri)?;
        let (edits, kept) = snap.run("fetchArticle", |s| {
            fill_from_article(
                &s.analysis.text,
                &s.analysis.scrap,
                &s.config().template,
                &fill,
                replace,
                locale,
            )
        })?;
        if edits.is_empty() {
            let message = Message::NothingToFill {
                kept: &kept.join(", "),
            }
            .render(locale);
            backend
                .client()
                .show_message(lsp::MessageType::INFO, message)
                .await;
            return Ok(Some(Value::Bool(false)));
        }
        let edit = snap.run("fetchArticle", |s| {
            workspace_edit(&s.uri, &s.analysis, edits, s.encoding())
        })?;
        match backend.client().apply_edit(edit).await {
            Ok(response) if response.applied => {
                if partial {
                    warn_partial(backend, locale).await;
                }
                return Ok(Some(Value::Bool(true)));
            }
            Ok(_) => continue, // The document moved on: recompute.
            Err(e) => return Err(e),
        }
    }
    show_error(
        backend,
        locale,
        &Message::DocumentKeptChanging.render(locale),
    )
    .await;
    Ok(Some(Value::Bool(false)))
}
