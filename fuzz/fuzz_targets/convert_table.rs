//! Any text read as a table converts to Markdown that reads back as
//! Markdown with the same sections.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scrapls::i18n::Locale;
use scrapls::scrap::convert::table_to_markdown;
use scrapls::scrap::parse::{Form, parse};
use scrapls::scrap::template::Template;

fuzz_target!(|text: &str| {
    let template = Template::default();
    let table = parse(text, &template);
    if let Some(markdown) = table_to_markdown(text, &table, &template, Locale::Ko) {
        let back = parse(&markdown, &template);
        assert_eq!(back.form, Form::Markdown);
        assert_eq!(back.sections.len(), table.sections.len());
    }
});
