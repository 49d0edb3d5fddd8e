//! The scrap format: template, parsing (Markdown and table form),
//! validation, conversion and rendering. Pure functions over text.
