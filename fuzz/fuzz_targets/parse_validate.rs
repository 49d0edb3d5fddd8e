//! Any text: parsing and validation never panic, and every diagnostic's
//! span lies inside the text on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scrapls::scrap::config::Config;
use scrapls::scrap::validate::check;

fuzz_target!(|text: &str| {
    let (_, diagnostics) = check(text, &Config::default());
    for d in diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= text.len());
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
    }
});
