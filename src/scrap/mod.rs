//! The scrap format: template, parsing (Markdown and table form),
//! validation, conversion and rendering. Pure functions over text: no LSP,
//! no network, no file system (except [`config::ConfigFile::load`] and
//! [`resolve`], which finds a scrap's `scrapls.toml`).

pub mod config;
pub mod convert;
pub mod dates;
pub mod diagnostic;
pub mod edit;
pub mod frontmatter;
pub mod parse;
pub mod prefill;
pub mod render;
pub mod resolve;
pub mod table;
pub mod template;
pub mod validate;
pub mod values;
