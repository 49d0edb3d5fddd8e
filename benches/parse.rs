//! Parse + validate throughput on generated scraps of 10 KB, 1 MB and
//! 10 MB (target ≥ 500 MB/s). `cargo bench --bench parse`.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use scrapls::scrap::config::Config;
use scrapls::scrap::validate::check;

#[path = "support/corpus.rs"]
mod corpus;

fn parse_validate(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("parse_validate");
    for (name, size) in [("10KB", 10_000), ("1MB", 1_000_000), ("10MB", 10_000_000)] {
        let text = corpus::scrap_of_size(7, size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        if size >= 10_000_000 {
            group.sample_size(20);
        }
        group.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, text| {
            b.iter(|| check(std::hint::black_box(text), &config))
        });
    }
    group.finish();
}

criterion_group!(benches, parse_validate);
criterion_main!(benches);
