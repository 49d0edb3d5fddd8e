//! The scrap format: template, parsing (Markdown and table form),
//! validation, conversion and rendering. Pure functions over text: no LSP,
//! no network, no file system (except [`config::ConfigFile::load`]).

pub mod config;
pub mod convert;
pub mod dates;
pub mod diagnostic;
pub mod edit;
pub mod frontmatter;
pub mod parse;
pub mod prefill;
pub mod render;
pub mod table;
pub mod template;
pub mod validate;
