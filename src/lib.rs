//! scrapls: a language server, CLI and article extractor for 경제신문 스크랩
//! (economic-news scraps).
//!
//! The crate is split the way rust-analyzer splits `ide` from its LSP glue:
//!
//! * [`text`] and [`scrap`] are pure functions over text: the format, the
//!   template, validation, conversion. No LSP or network types appear there.
//! * [`article`] turns HTML bytes into an article (pure), with a thin fetching
//!   layer on top.
//! * [`lsp`] translates between the protocol and the pure layers.
//! * [`cli`] is the command line; it calls the same pure functions.
//!
//! `docs/architecture.md` maps the modules and the invariants.

#![warn(missing_docs)]

pub mod article;
pub mod cli;
pub mod export;
pub mod figures;
pub mod i18n;
pub mod lsp;
pub mod notebook;
pub mod scrap;
pub mod text;
