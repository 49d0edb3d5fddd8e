//! The index over a folder of scraps: every entry by path, and the maps
//! that answer "which scraps are this article" and "which scraps list this
//! article as related" without a scan. Built in parallel; one file is
//! replaced in place when it changes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::entry::Entry;
use super::walk::scrap_files;
use crate::cli::read_text;
use crate::scrap::resolve::ConfigCache;
use crate::text::position::Place;

/// Every scrap of a folder, kept current one file at a time.
#[derive(Debug, Default)]
pub struct Index {
    entries: HashMap<PathBuf, Entry>,
    /// Article key → the scraps of that article.
    by_key: HashMap<String, Vec<PathBuf>>,
    /// Article key → the scraps that list it as a related link.
    cited: HashMap<String, Vec<PathBuf>>,
}

impl Index {
    /// Reads every scrap under `root` (`.gitignore` respected) in parallel.
    /// Unreadable files are left out.
    pub fn scan(root: &Path, configs: &ConfigCache) -> Index {
        Index::read(&scrap_files(root), configs)
    }

    /// Reads the given files in parallel, each with its own folder's
    /// configuration (the rule `check` and the editor use; a folder whose
    /// `scrapls.toml` is broken gets the defaults); unreadable files are
    /// left out.
    pub fn read(files: &[PathBuf], configs: &ConfigCache) -> Index {
        let entries: Vec<Entry> = files
            .par_iter()
            .filter_map(|path| {
                let text = read_text(path).ok()?;
                let config = configs
                    .for_file(path)
                    .unwrap_or_else(|_| configs.fallback());
                Some(Entry::from_text(path.clone(), &text, &config))
            })
            .collect();
        Index::from_entries(entries)
    }

    /// An index of the given entries (a later entry for the same path wins).
    pub fn from_entries(entries: impl IntoIterator<Item = Entry>) -> Index {
        let mut index = Index::default();
        for entry in entries {
            index.insert(entry);
        }
        index
    }

    /// Adds an entry, replacing the one of the same path.
    pub fn insert(&mut self, entry: Entry) {
        self.remove(&entry.path.clone());
        for key in &entry.keys {
            self.by_key
                .entry(key.clone())
                .or_default()
                .push(entry.path.clone());
        }
        for link in &entry.related {
            let citing = self.cited.entry(link.key.clone()).or_default();
            if !citing.contains(&entry.path) {
                citing.push(entry.path.clone());
            }
        }
        self.entries.insert(entry.path.clone(), entry);
    }

    /// Forgets a file; returns its entry.
    pub fn remove(&mut self, path: &Path) -> Option<Entry> {
        let old = self.entries.remove(path)?;
        unlink(&mut self.by_key, old.keys.iter(), path);
        unlink(&mut self.cited, old.related.iter().map(|r| &r.key), path);
        Some(old)
    }

    /// The entry of a file.
    pub fn get(&self, path: &Path) -> Option<&Entry> {
        self.entries.get(path)
    }

    /// Every entry, in no particular order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.values()
    }

    /// How many scraps there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The scraps of the article with this key, sorted by path.
    pub fn by_key(&self, key: &str) -> Vec<&Entry> {
        let mut found: Vec<&Entry> = self
            .by_key
            .get(key)
            .into_iter()
            .flatten()
            .filter_map(|p| self.entries.get(p))
            .collect();
        found.sort_by(|a, b| a.path.cmp(&b.path));
        found
    }

    /// The other scraps of the same article as `entry` (any of its keys),
    /// sorted by path.
    pub fn duplicates(&self, entry: &Entry) -> Vec<&Entry> {
        let mut found: Vec<&Entry> = Vec::new();
        for key in &entry.keys {
            for other in self.by_key(key) {
                if other.path != entry.path && !found.iter().any(|f| f.path == other.path) {
                    found.push(other);
                }
            }
        }
        found.sort_by(|a, b| a.path.cmp(&b.path));
        found
    }

    /// Every place where a scrap lists the article with this key as a
    /// related link, sorted by path.
    pub fn citing(&self, key: &str) -> Vec<(&Entry, &Place)> {
        let mut found: Vec<(&Entry, &Place)> = self
            .cited
            .get(key)
            .into_iter()
            .flatten()
            .filter_map(|p| self.entries.get(p))
            .flat_map(|e| {
                e.related
                    .iter()
                    .filter(move |r| r.key == key)
                    .map(move |r| (e, &r.place))
            })
            .collect();
        found.sort_by(|a, b| (&a.0.path, a.1.span.start).cmp(&(&b.0.path, b.1.span.start)));
        found
    }
}

/// Removes `path` from the lists of `keys`, dropping lists left empty.
fn unlink<'a>(
    map: &mut HashMap<String, Vec<PathBuf>>,
    keys: impl Iterator<Item = &'a String>,
    path: &Path,
) {
    for key in keys {
        if let Some(paths) = map.get_mut(key) {
            paths.retain(|p| p != path);
            if paths.is_empty() {
                map.remove(key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scrap(url: &str, related: &str) -> String {
        format!("## 헤드라인\n제목\n\n## 기사링크\n{url}\n\n## 연관기사 링크\n{related}\n")
    }

    fn entry(path: &str, url: &str, related: &str) -> Entry {
        Entry::from_text(
            path.into(),
            &scrap(url, related),
            &crate::scrap::config::Config::default(),
        )
    }

    #[test]
    fn duplicates_citations_and_updates() {
        let mut index = Index::from_entries([
            entry("a.scrap.md", "https://ex.com/1", "- https://ex.com/3"),
            entry("b.scrap.md", "http://www.ex.com/1/", ""),
            entry("c.scrap.md", "https://ex.com/3", "- [x](https://ex.com/1)"),
        ]);
        let a = index.get(Path::new("a.scrap.md")).unwrap();
        let dups: Vec<_> = index.duplicates(a).iter().map(|e| e.path.clone()).collect();
        assert_eq!(dups, [PathBuf::from("b.scrap.md")]);
        let citing: Vec<_> = index
            .citing("ex.com/1")
            .iter()
            .map(|(e, p)| (e.path.clone(), p.line))
            .collect();
        assert_eq!(citing, [(PathBuf::from("c.scrap.md"), 7)]);
        // b now names another article: a has no duplicate any more.
        index.insert(entry("b.scrap.md", "https://ex.com/2", ""));
        let a = index.get(Path::new("a.scrap.md")).unwrap();
        assert!(index.duplicates(a).is_empty());
        assert_eq!(index.by_key("ex.com/2").len(), 1);
        index.remove(Path::new("c.scrap.md"));
        assert!(index.citing("ex.com/1").is_empty());
        assert_eq!(index.len(), 2);
    }
}
