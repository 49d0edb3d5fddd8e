//! The notebook's budgets on 10,000 generated scraps (about 46 MB):
//! cold index, re-index of one changed file, related-link ranking and
//! symbol search latency, and the wall time of `scrapls list` / `stats`.
//!
//! ```text
//! cargo bench --bench notebook -- [COUNT]
//! ```
//!
//! Prints a Markdown table of medians (and p99 for the per-request
//! figures) beside the targets of issue 10.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use scrapls::notebook::entry::Entry;
use scrapls::notebook::index::Index;
use scrapls::notebook::rank::{related, search};
use scrapls::scrap::config::Config;

#[path = "support/corpus.rs"]
mod corpus;

/// Writes the same folder as `benches/corpus.rs`.
fn write_corpus(dir: &Path, count: u64) -> usize {
    let mut total = 0;
    for i in 0..count {
        let sub = dir.join(format!("week-{:03}", i / 100));
        std::fs::create_dir_all(&sub).expect("create folder");
        let size = 2_600 + corpus::Rng::new(i).below(3_200);
        let text = corpus::scrap_of_size(i, size);
        total += text.len();
        std::fs::write(sub.join(format!("{i:05}.scrap.md")), text).expect("write scrap");
    }
    total
}

/// Median and 99th percentile.
fn percentiles(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.99))
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

fn run_cli(args: &[&str], dir: &Path) -> Duration {
    let started = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_scrapls"))
        .args(args)
        .arg(dir)
        .stdout(Stdio::null())
        .status()
        .expect("run scrapls");
    assert!(status.success());
    started.elapsed()
}

fn main() {
    let count: u64 = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    let bytes = write_corpus(dir, count);
    eprintln!("{count} scraps, {:.1} MB", bytes as f64 / 1e6);
    let config = Config::default();

    // Cold index: walk, read, parse and index everything (page cache warm).
    let mut cold = Vec::new();
    let mut index = Index::default();
    for _ in 0..7 {
        let started = Instant::now();
        index = Index::scan(dir, &config);
        cold.push(started.elapsed());
    }
    assert_eq!(index.len() as u64, count);
    let (cold, _) = percentiles(cold);

    // Re-index one changed file: parse its text and replace its entry.
    let paths: Vec<_> = {
        let mut p: Vec<_> = index.entries().map(|e| e.path.clone()).collect();
        p.sort();
        p
    };
    let mut rng = corpus::Rng::new(7);
    let mut reindex = Vec::new();
    for n in 0..1_000 {
        let path = &paths[rng.below(paths.len())];
        let mut text = std::fs::read_to_string(path).expect("read");
        text.push_str(&format!("\n- https://news.example.com/economy/{n}\n"));
        let started = Instant::now();
        index.insert(Entry::from_text(path.clone(), &text, &config));
        reindex.push(started.elapsed());
    }
    let (reindex50, reindex99) = percentiles(reindex);

    // Related-link ranking for a scrap (the completion's work).
    let mut ranking = Vec::new();
    for _ in 0..1_000 {
        let entry = index.get(&paths[rng.below(paths.len())]).expect("entry");
        let started = Instant::now();
        let found = related(&index, entry, 50);
        ranking.push(started.elapsed());
        assert!(!found.is_empty());
    }
    let (related50, related99) = percentiles(ranking);

    // Symbol search: headline words, initials, tags, presses.
    let queries = [
        "반도체",
        "ㅂㄷㅊ",
        "환율",
        "ㅎㅇ",
        "한빛",
        "수출 반등",
        "ㅈㅅ",
        "경제",
        "x",
    ];
    let mut symbol = Vec::new();
    for n in 0..1_000 {
        let started = Instant::now();
        let _ = search(&index, queries[n % queries.len()], 100);
        symbol.push(started.elapsed());
    }
    let (symbol50, symbol99) = percentiles(symbol);

    let wall = |args: &[&str]| {
        let runs: Vec<Duration> = (0..5).map(|_| run_cli(args, dir)).collect();
        percentiles(runs).0
    };
    let list = wall(&["list", "--format", "json"]);
    let stats = wall(&["stats", "--format", "json"]);

    println!("| figure ({count} scraps) | measured | target |");
    println!("|---|---|---|");
    println!("| cold index (median of 7) | {} | ≤ 1 s |", ms(cold));
    println!(
        "| re-index one file, p50 / p99 of 1,000 | {} / {} | ≤ 5 ms |",
        ms(reindex50),
        ms(reindex99)
    );
    println!(
        "| related ranking, p50 / p99 of 1,000 | {} / {} | p99 ≤ 10 ms |",
        ms(related50),
        ms(related99)
    );
    println!(
        "| symbol query, p50 / p99 of 1,000 | {} / {} | p99 ≤ 10 ms |",
        ms(symbol50),
        ms(symbol99)
    );
    println!(
        "| `scrapls list --format json` (median of 5) | {} | ≤ 0.5 s |",
        ms(list)
    );
    println!(
        "| `scrapls stats --format json` (median of 5) | {} | ≤ 0.5 s |",
        ms(stats)
    );
}
