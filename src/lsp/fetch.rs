//! Fetching an article into a scrap from the editor (wired to
//! [`crate::article`] once extraction lands).

use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, Result};

use super::server::Backend;

/// `scrapls.newFromUrl [url]` → `{ "text": … }`.
pub async fn new_from_url(_backend: &Backend, _args: &[Value]) -> Result<Option<Value>> {
    Err(Error::invalid_params("fetching is not available yet"))
}

/// `scrapls.fetchArticle [uri, version?]`.
pub async fn fetch_into(
    _backend: &Backend,
    _args: &[Value],
    _replace: bool,
) -> Result<Option<Value>> {
    Err(Error::invalid_params("fetching is not available yet"))
}
