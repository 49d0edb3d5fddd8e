//! Exporting a folder of scraps. `cargo bench --bench export`.
//!
//! 50 scraps (the shipped example, each ~2.3 KB, headlines numbered) are
//! read into records once; then each format is timed over all of them:
//! `read` (parse + front matter), `table` (sheet rows of every scrap),
//! `csv`, `xlsx` (the whole workbook, zipped) and `html` (the digest).

use criterion::{Criterion, criterion_group, criterion_main};
use scrapls::export::csv::{Delimiter, delimited};
use scrapls::export::{Record, html, rows, table, xlsx};
use scrapls::i18n::Locale;
use scrapls::scrap::template::Template;

const SCRAPS: usize = 50;

fn week() -> Vec<String> {
    let sample = include_str!("../examples/sample.scrap.md");
    (0..SCRAPS)
        .map(|i| {
            sample
                .replace(
                    "date: 2026-11-20",
                    &format!("date: 2026-11-{:02}", 1 + i % 28),
                )
                .replace(
                    "2차전지 수출 석 달 만에 반등",
                    &format!("{i}번째 스크랩: 2차전지 수출 반등"),
                )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let template = Template::default();
    let texts = week();
    let records: Vec<Record> = texts.iter().map(|t| Record::read(t, &template)).collect();
    let mut g = c.benchmark_group("export_50_scraps");
    g.bench_function("read", |b| {
        b.iter(|| {
            for t in &texts {
                std::hint::black_box(Record::read(t, &template));
            }
        })
    });
    g.bench_function("table", |b| {
        b.iter(|| {
            records
                .iter()
                .map(|r| table::sheet_rows(r, &template, Locale::Ko).len())
                .sum::<usize>()
        })
    });
    g.bench_function("csv", |b| {
        b.iter(|| {
            delimited(
                &rows::sheet(&records, &template, Locale::Ko),
                Delimiter::Comma,
                true,
            )
        })
    });
    g.bench_function("xlsx", |b| {
        b.iter(|| {
            xlsx::workbook(&rows::sheet(&records, &template, Locale::Ko), "스크랩")
                .map(|x| x.bytes.len())
        })
    });
    g.bench_function("html", |b| {
        b.iter(|| html::digest(&records, &template, Locale::Ko, true).len())
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
