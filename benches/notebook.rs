//! The notebook's budgets on 10,000 generated scraps (about 46 MB):
//! cold index, re-index of one changed file, related-link ranking and
//! symbol search latency, and the wall time of `scrapls list` / `stats`.
//!
//! ```text
//! cargo bench --bench notebook -- [COUNT]
//! ```
//!
//! Prints a Markdown table of medians (and p99 for the per-request
//! figures) beside the targets of issue 10. `scrapls check` on the same
//! folder is timed in the same run as the reference to compare by ratio on
//! a shared machine. The server figure spawns `scrapls serve` on the folder
//! and waits for its indexing progress to end, then reads its `VmRSS`.

use std::io::BufReader;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use scrapls::notebook::entry::Entry;
use scrapls::notebook::index::Index;
use scrapls::notebook::rank::{related, search};
use scrapls::scrap::config::Config;
use scrapls::scrap::validate::check;
use scrapls::text::position::LineIndex;

#[path = "support/corpus.rs"]
mod corpus;

#[path = "support/cpu.rs"]
mod cpu;
use cpu::thread_cpu;

#[path = "../tests/common/framing.rs"]
mod framing;
use framing::{read_message, write_message};

/// Times `f` by wall clock.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let out = f();
    (out, started.elapsed())
}

/// Wall-clock and CPU time of one call, pushed to `wall` and `cpu`.
fn sample<T>(wall: &mut Vec<Duration>, cpu: &mut Vec<Duration>, f: impl FnOnce() -> T) -> T {
    let on_cpu = thread_cpu();
    let (out, elapsed) = timed(f);
    cpu.push(thread_cpu().saturating_sub(on_cpu));
    wall.push(elapsed);
    out
}

/// Starts `scrapls serve` on `dir`; returns the time until its indexing
/// progress ends and its resident memory then, in MB.
fn server(dir: &Path) -> (Duration, f64) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_scrapls"))
        .arg("serve")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn scrapls serve");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let root = format!("file://{}", dir.display());
    write_message(
        &mut stdin,
        &serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "processId": null, "rootUri": root,
            "workspaceFolders": [{"uri": root, "name": "bench"}],
            "capabilities": {"window": {"workDoneProgress": true}}}}),
    );
    // `initialized` only after the answer to `initialize`.
    while let Some(msg) = read_message(&mut stdout) {
        if msg["id"] == 1 {
            break;
        }
    }
    write_message(
        &mut stdin,
        &serde_json::json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    );
    while let Some(msg) = read_message(&mut stdout) {
        if msg["method"] == "window/workDoneProgress/create" {
            write_message(
                &mut stdin,
                &serde_json::json!({"jsonrpc": "2.0", "id": msg["id"], "result": null}),
            );
        }
        if msg["method"] == "$/progress" && msg["params"]["value"]["kind"] == "end" {
            break;
        }
    }
    let indexed = started.elapsed();
    let rss = std::fs::read_to_string(format!("/proc/{}/status", child.id()))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .unwrap_or(0.0)
        / 1024.0;
    let _ = child.kill();
    let _ = child.wait();
    (indexed, rss)
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
    let bytes = corpus::write_folder(dir, count);
    eprintln!("{count} scraps, {:.1} MB", bytes as f64 / 1e6);
    let config = Config::default();

    // Cold index: walk, read, parse and index everything (page cache warm).
    let mut cold = Vec::new();
    let mut index = Index::default();
    for _ in 0..7 {
        let started = Instant::now();
        index = Index::scan(dir, &scrapls::scrap::resolve::ConfigCache::default());
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
    let (mut reindex, mut reindex_cpu) = (Vec::new(), Vec::new());
    for n in 0..1_000 {
        let path = &paths[rng.below(paths.len())];
        let mut text = std::fs::read_to_string(path).expect("read");
        text.push_str(&format!("\n- https://news.example.com/economy/{n}\n"));
        sample(&mut reindex, &mut reindex_cpu, || {
            index.insert(Entry::from_text(path.clone(), &text, &config))
        });
    }

    // Related-link ranking for a scrap (the completion's work).
    let (mut ranking, mut ranking_cpu) = (Vec::new(), Vec::new());
    for _ in 0..1_000 {
        let entry = index.get(&paths[rng.below(paths.len())]).expect("entry");
        let found = sample(&mut ranking, &mut ranking_cpu, || {
            related(&index, entry, 50).len()
        });
        assert!(found > 0);
    }

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
    let (mut symbol, mut symbol_cpu) = (Vec::new(), Vec::new());
    for n in 0..1_000 {
        sample(&mut symbol, &mut symbol_cpu, || {
            search(&index, queries[n % queries.len()], 100).len()
        });
    }

    // What the server adds to each analysis of an open scrap (its notebook
    // entry), beside the analysis itself (parse + validate + lines), on a
    // 10 KB and a 1 MB scrap.
    let per_analysis: Vec<(&str, Duration, Duration)> =
        [("10 KB", 10_000, 1_000), ("1 MB", 1_000_000, 20)]
            .into_iter()
            .map(|(name, size, n)| {
                let typed = corpus::scrap_of_size(3, size);
                let (scrap, lines) = (check(&typed, &config).0, LineIndex::new(&typed));
                let (_, analysis) = timed(|| {
                    for _ in 0..n {
                        std::hint::black_box((check(&typed, &config), LineIndex::new(&typed)));
                    }
                });
                let (_, entry) = timed(|| {
                    for _ in 0..n {
                        std::hint::black_box(Entry::from_parsed(
                            "typed.scrap.md".into(),
                            &typed,
                            &scrap,
                            &lines,
                            &config,
                        ));
                    }
                });
                (name, entry / n, analysis / n)
            })
            .collect();

    let wall = |args: &[&str]| {
        let runs: Vec<Duration> = (0..5).map(|_| run_cli(args, dir)).collect();
        percentiles(runs).0
    };
    let list = wall(&["list", "--format", "json"]);
    let stats = wall(&["stats", "--format", "json"]);
    let check = {
        let runs: Vec<Duration> = (0..5)
            .map(|_| {
                let started = Instant::now();
                let _ = Command::new(env!("CARGO_BIN_EXE_scrapls"))
                    .args(["check", "--format", "json"])
                    .arg(dir)
                    .stdout(Stdio::null())
                    .status();
                started.elapsed()
            })
            .collect();
        percentiles(runs).0
    };
    let (served, rss) = server(dir);
    let per_request = |name: &str, wall: Vec<Duration>, cpu: Vec<Duration>, target: &str| {
        let (p50, p99) = percentiles(wall);
        let (cpu50, cpu99) = percentiles(cpu);
        println!(
            "| {name}, p50 / p99 of 1,000: wall; CPU | {} / {}; {} / {} | {target} |",
            ms(p50),
            ms(p99),
            ms(cpu50),
            ms(cpu99)
        );
    };
    println!("| figure ({count} scraps) | measured | target |");
    println!("|---|---|---|");
    println!(
        "| cold index, in process (median of 7) | {} | ≤ 1 s |",
        ms(cold)
    );
    per_request("re-index one file", reindex, reindex_cpu, "≤ 5 ms");
    per_request("related ranking", ranking, ranking_cpu, "p99 ≤ 10 ms");
    per_request("symbol query", symbol, symbol_cpu, "p99 ≤ 10 ms");
    println!(
        "| `scrapls list --format json` (median of 5) | {} | ≤ 0.5 s |",
        ms(list)
    );
    println!(
        "| `scrapls stats --format json` (median of 5) | {} | ≤ 0.5 s |",
        ms(stats)
    );
    println!(
        "| reference: `scrapls check --format json` (median of 5) | {} | |",
        ms(check)
    );
    println!(
        "| `scrapls serve`: spawn to indexing done | {} | |",
        ms(served)
    );
    println!("| `scrapls serve`: RSS with the index | {rss:.1} MB | ≤ 60 MB |");
    for (name, entry, analysis) in per_analysis {
        println!(
            "| per analysis of a {name} scrap: notebook entry vs the analysis itself (mean) | {} vs {} ({:.0}%) | |",
            ms(entry),
            ms(analysis),
            100.0 * entry.as_secs_f64() / analysis.as_secs_f64().max(1e-9)
        );
    }
}
