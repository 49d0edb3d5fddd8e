//! The notebook: every scrap of a folder known at once. Article identity
//! across link shapes, one entry per file, the index with its duplicate and
//! citation maps, ranking (related links, symbol search), filters and
//! statistics. Shared by the CLI (`list`, `stats`, `check`'s
//! `duplicate-article`, batch `fetch`) and the language server.

pub mod duplicate;
pub mod entry;
pub mod filter;
pub mod index;
pub mod key;
pub mod rank;
pub mod stats;
pub mod walk;
