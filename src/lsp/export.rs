//! Export from the editor: the open scrap as the sheet's rows (the client
//! puts them on the clipboard) and the printable digest of a scrap or a
//! folder of scraps (the client saves it). Both only return text; neither
//! edits a document.

use serde::Deserialize;
use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, Result};

use super::server::{Backend, uri_argument};
use super::state::guarded;
use crate::cli::check::collect;
use crate::cli::read_text;
use crate::export::select::Selection;
use crate::export::{Record, html, sort_by_date, table};

/// Command: the sheet rows of a document (`[uri]` → text).
pub const COPY_SHEET_ROWS: &str = "scrapls.copySheetRows";
/// Command: the HTML digest of a document or a folder
/// (`[uri, {withBody, since, until, tag}]` → HTML text).
pub const EXPORT_DIGEST: &str = "scrapls.exportDigest";

/// The export commands, for `executeCommandProvider`.
pub const COMMANDS: [&str; 2] = [COPY_SHEET_ROWS, EXPORT_DIGEST];

/// The options of [`EXPORT_DIGEST`].
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct DigestOptions {
    with_body: bool,
    since: Option<String>,
    until: Option<String>,
    tag: Option<String>,
}

/// `scrapls.copySheetRows`: the open document as sheet rows.
pub fn copy_sheet_rows(backend: &Backend, args: &[Value]) -> Result<Option<Value>> {
    let snap = backend.state().snapshot(&uri_argument(args)?)?;
    let rows = snap.run("copySheetRows", |s| {
        let (analysis, config) = (&s.analysis, s.config());
        let record = Record::of(&analysis.text, &analysis.scrap, &config.template);
        table::sheet_rows(&record, &config.template, config.locale)
    })?;
    Ok(Some(Value::String(rows)))
}

/// `scrapls.exportDigest`: the digest of an open document (its current
/// text), or of the scraps saved in a file or folder on disk.
pub async fn export_digest(backend: &Backend, args: &[Value]) -> Result<Option<Value>> {
    let uri = uri_argument(args)?;
    let options: DigestOptions = match args.get(1) {
        None | Some(Value::Null) => DigestOptions::default(),
        Some(v) => serde_json::from_value(v.clone())
            .map_err(|e| Error::invalid_params(format!("digest options: {e}")))?,
    };
    let config = backend.state().config_for(Some(&uri));
    let selection = Selection {
        since: options.since,
        until: options.until,
        tag: options.tag,
    };
    let records = match backend.state().snapshot(&uri) {
        Ok(snap) => vec![Record::of(
            &snap.analysis.text,
            &snap.analysis.scrap,
            &snap.config().template,
        )],
        Err(_) => {
            let path = uri
                .to_file_path()
                .map(|p| p.into_owned())
                .ok_or_else(|| Error::invalid_params("expected a file or folder URI"))?;
            let template = config.template.clone();
            tokio::task::spawn_blocking(move || -> std::result::Result<_, String> {
                let mut records = Vec::new();
                for file in collect(&[path])? {
                    let text = read_text(&file).map_err(|e| format!("{}: {e}", file.display()))?;
                    records.push(Record::read(&text, &template));
                }
                Ok(records)
            })
            .await
            .map_err(|_| Error::internal_error())?
            .map_err(Error::invalid_params)?
        }
    };
    let mut records: Vec<Record> = records
        .into_iter()
        .filter(|r| selection.selects(&r.meta))
        .collect();
    sort_by_date(&mut records);
    let digest = guarded("exportDigest", || {
        html::digest(&records, &config.template, config.locale, options.with_body)
    })?;
    Ok(Some(Value::String(digest)))
}
