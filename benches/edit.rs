//! Cost growth of one keystroke with document size. `cargo bench --bench edit`.
//!
//! * `rope_edit`: applying a one-character `didChange` (insert, then the
//!   matching delete) to the rope: O(log n), flat across sizes.
//! * `keystroke`: everything the server does for it: the edit, the text
//!   snapshot, parse + validate + line index, and the conversion of the
//!   diagnostics to LSP ranges.
//! * `analysis`: parse + validate + line index alone, the part that has to
//!   see the whole text. `keystroke / analysis` close to 1 at every size
//!   shows no other per-keystroke work grows with the document.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use scrapls::lsp::document::{Analysis, Change, Document};
use scrapls::lsp::proto::diagnostic;
use scrapls::scrap::config::Config;
use scrapls::text::position::{Encoding, Position};

#[path = "support/corpus.rs"]
mod corpus;

const SIZES: [(&str, usize); 4] = [
    ("10KB", 10_000),
    ("100KB", 100_000),
    ("1MB", 1_000_000),
    ("10MB", 10_000_000),
];

/// A position in the middle of the body, where a user types.
fn middle(doc: &Document) -> Position {
    let line = doc.rope.len_lines() / 2;
    Position {
        line: line as u32,
        character: 3,
    }
}

fn type_and_erase(doc: &mut Document, at: Position, version: &mut i32) {
    let after = Position {
        character: at.character + 1,
        ..at
    };
    *version += 1;
    doc.apply(
        &[Change {
            range: Some((at, at)),
            text: "가",
        }],
        *version,
        Encoding::Utf16,
    );
    *version += 1;
    doc.apply(
        &[Change {
            range: Some((at, after)),
            text: "",
        }],
        *version,
        Encoding::Utf16,
    );
}

fn edit_growth(c: &mut Criterion) {
    let config = std::sync::Arc::new(Config::default());
    let mut group = c.benchmark_group("edit");
    for (name, size) in SIZES {
        let text = corpus::scrap_of_size(11, size);
        if size >= 1_000_000 {
            group.sample_size(20);
        }
        let mut doc = Document::new(&text, 1);
        let at = middle(&doc);
        let mut version = 1;
        group.bench_function(BenchmarkId::new("rope_edit", name), |b| {
            b.iter(|| type_and_erase(&mut doc, at, &mut version))
        });
        group.bench_function(BenchmarkId::new("keystroke", name), |b| {
            b.iter(|| {
                type_and_erase(&mut doc, at, &mut version);
                let analysis = Analysis::new(version, 1, doc.rope.to_string(), config.clone());
                let published: Vec<_> = analysis
                    .diagnostics
                    .iter()
                    .map(|d| diagnostic(&analysis, d, Encoding::Utf16))
                    .collect();
                published
            })
        });
        group.bench_function(BenchmarkId::new("analysis", name), |b| {
            b.iter(|| Analysis::new(1, 1, text.clone(), config.clone()))
        });
    }
    group.finish();
}

criterion_group!(benches, edit_growth);
criterion_main!(benches);
