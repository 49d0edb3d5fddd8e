//! The language server: protocol glue over the pure [`crate::scrap`] layer.
