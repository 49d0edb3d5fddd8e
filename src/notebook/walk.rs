//! Finding the scraps under a folder: the one walker `scrapls check`, the
//! notebook index and the language server share (`.gitignore` respected,
//! through the `ignore` crate).

use std::path::{Path, PathBuf};

/// Whether a file name is a scrap's (`*.scrap.md`, `*.scrap`).
pub fn is_scrap_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    name.ends_with(".scrap.md") || name.ends_with(".scrap")
}

/// Every scrap file under `dir`, recursively, sorted; ignored files
/// (`.gitignore`, hidden folders) are skipped.
pub fn scrap_files(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(dir)
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .map(ignore::DirEntry::into_path)
        .filter(|p| is_scrap_file(p))
        .collect();
    found.sort();
    found
}
