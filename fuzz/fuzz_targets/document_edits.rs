//! Incremental edits at arbitrary positions, in both encodings: the rope
//! never panics and always holds valid text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scrapls::lsp::document::{Change, Document};
use scrapls::text::position::{Encoding, Position};

fuzz_target!(|input: (&str, Vec<(u32, u32, u32, u32, bool, &str)>)| {
    let (text, edits) = input;
    let mut doc = Document::new(text, 0);
    for (version, (l1, c1, l2, c2, utf8, new)) in edits.into_iter().enumerate() {
        let encoding = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
        let range = (
            Position { line: l1 % 64, character: c1 % 256 },
            Position { line: l2 % 64, character: c2 % 256 },
        );
        doc.apply(&[Change { range: Some(range), text: new }], version as i32 + 1, encoding);
    }
    assert!(std::str::from_utf8(doc.rope.to_string().as_bytes()).is_ok());
});
