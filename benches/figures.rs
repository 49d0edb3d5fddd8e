//! Figures: the parser on a 10 KB body (target ≤ 1 ms), and the semantic
//! tokens of a 1 MB scrap (target ≤ 20 ms p99), both on generated scraps.
//! `cargo bench --bench figures`.
//!
//! The tokens figure is the `textDocument/semanticTokens/full` handler's
//! work on an analysed version (the analysis is shared with diagnostics and
//! computed once per version): the figures of body and insight, and their
//! encoding in UTF-16. Criterion reports the median of a cold call (the
//! first request for a document); the p50/p99 of 200 timed calls follow,
//! cold and while typing (each call a new version with one line changed,
//! the line memo carried over as the server carries it), in wall-clock and
//! in CPU time.

use std::sync::Arc;
use std::time::Instant;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use scrapls::figures::figures_in;
use scrapls::figures::memo::Memo;
use scrapls::lsp::document::Analysis;
use scrapls::lsp::figures::encode;
use scrapls::scrap::config::Config;
use scrapls::scrap::parse::parse;
use scrapls::scrap::template::Role;
use scrapls::text::position::Encoding;

#[path = "support/corpus.rs"]
mod corpus;

#[path = "support/cpu.rs"]
mod cpu;

/// A scrap whose body has about `bytes` bytes, and the body's span.
fn body_of(bytes: usize) -> (String, std::ops::Range<usize>) {
    let config = Config::default();
    let text = corpus::scrap(11, bytes);
    let scrap = parse(&text, &config.template);
    let body = config.template.by_role(Role::Body).expect("a body role");
    let span = scrap.first_of(body).expect("a body").content.clone();
    (text, span)
}

fn parser(c: &mut Criterion) {
    let mut group = c.benchmark_group("figures");
    let (text, span) = body_of(10_000);
    group.throughput(Throughput::Bytes(span.len() as u64));
    group.bench_with_input(
        BenchmarkId::from_parameter("body_10KB"),
        &text,
        |b, text| b.iter(|| figures_in(std::hint::black_box(text), span.clone())),
    );
    group.finish();
}

fn semantic_tokens(c: &mut Criterion) {
    let config = Arc::new(Config::default());
    let analysis = Analysis::new(1, 1, corpus::scrap_of_size(7, 1_000_000), config.clone());
    let mut group = c.benchmark_group("semantic_tokens");
    group.sample_size(30);
    group.throughput(Throughput::Bytes(analysis.text.len() as u64));
    group.bench_function("scrap_1MB_cold", |b| {
        b.iter(|| {
            let mut memo = Memo::default();
            encode(
                std::hint::black_box(&analysis),
                &config,
                Encoding::Utf16,
                &mut memo,
            )
        })
    });
    group.finish();
}

/// This thread's CPU time, in ms.
fn cpu_ms() -> f64 {
    cpu::thread_cpu().as_secs_f64() * 1e3
}

/// Versions of a 1 MB scrap as typing makes them: each one a character
/// typed into another line of the body.
fn edited_versions(config: &Arc<Config>, n: usize) -> Vec<Analysis> {
    let text = corpus::scrap_of_size(7, 1_000_000);
    let lines: Vec<usize> = text
        .match_indices('\n')
        .map(|(i, _)| i)
        .filter(|&i| text[..i].ends_with('.'))
        .collect();
    assert!(!lines.is_empty(), "the generated body has sentences");
    (0..n)
        .map(|k| {
            let at = lines[(k * 7919) % lines.len()];
            let mut edited = text.clone();
            edited.insert_str(at, " 3곳");
            Analysis::new(k as i32 + 2, 1, edited, config.clone())
        })
        .collect()
}

/// p50 and p99 of 200 calls of the tokens handler's work on a 1 MB scrap,
/// in wall-clock and in CPU time: cold (the first request for a document)
/// and while typing (each call a new version with one line changed, the
/// memo carried from the call before, as the server does).
fn tokens_percentiles() {
    let config = Arc::new(Config::default());
    let versions = edited_versions(&config, 200);
    let mut memo = Memo::default();
    encode(&versions[0], &config, Encoding::Utf16, &mut memo);
    for what in ["cold", "typing"] {
        let mut wall = Vec::with_capacity(200);
        let mut cpu = Vec::with_capacity(200);
        let mut tokens = 0;
        for analysis in &versions {
            if what == "cold" {
                memo = Memo::default();
            }
            let (start, cpu_start) = (Instant::now(), cpu_ms());
            tokens =
                std::hint::black_box(encode(analysis, &config, Encoding::Utf16, &mut memo)).len();
            wall.push(start.elapsed().as_secs_f64() * 1000.0);
            cpu.push(cpu_ms() - cpu_start);
        }
        for (clock, times) in [("wall", &mut wall), ("cpu", &mut cpu)] {
            times.sort_by(f64::total_cmp);
            println!(
                "semantic_tokens/scrap_1MB {what} ({clock}): {tokens} tokens, p50 {:.2} ms, p99 {:.2} ms (200 calls)",
                times[100], times[197]
            );
        }
    }
}

criterion_group!(benches, parser, semantic_tokens);

fn main() {
    benches();
    tokens_percentiles();
    Criterion::default().configure_from_args().final_summary();
}
