//! Article-extraction quality and speed.
//!
//! ```text
//! cargo bench --bench extract_quality -- [SHARED_BENCH_DIR] [--worst N] [--dump DIR] [--show KEY]
//! ```
//!
//! `SHARED_BENCH_DIR` defaults to `$SCRAPLS_BENCH_DIR`, else `../shared/bench`
//! beside the repository. It reads `zyte/html/*.html.gz`,
//! `zyte/ground-truth.json` and every `zyte/output/*.json`, scores all with
//! the same code ([`scrapls::article::quality`]), then the Korean fixture set
//! in `tests/fixtures/articles`, then times extraction on one thread.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use scrapls::article::quality::{Match, shingle_match, summarize};
use serde_json::Value;

struct Options {
    dir: PathBuf,
    worst: usize,
    dump: Option<PathBuf>,
    /// Explain the trafilatura-dev pages whose key contains this.
    show: Option<String>,
}

fn options() -> Options {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let mut dir = None;
    let mut worst = 0;
    let mut dump = None;
    let mut show = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--worst" => worst = args.next().and_then(|n| n.parse().ok()).unwrap_or(10),
            "--dump" => dump = args.next().map(PathBuf::from),
            "--show" => show = args.next(),
            other if !other.starts_with('-') => dir = Some(PathBuf::from(other)),
            _ => {}
        }
    }
    let dir = dir
        .or_else(|| std::env::var_os("SCRAPLS_BENCH_DIR").map(PathBuf::from))
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench"));
    Options {
        dir,
        worst,
        dump,
        show,
    }
}

fn main() {
    let opts = options();
    let zyte = opts.dir.join("zyte");
    let truth: BTreeMap<String, Value> = match std::fs::read(zyte.join("ground-truth.json"))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
    {
        Some(t) => t,
        None => {
            eprintln!(
                "no benchmark at {} (pass the shared/bench path)",
                zyte.display()
            );
            std::process::exit(2);
        }
    };
    let body = |v: &Value| {
        v.get("articleBody")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    };

    // Load and decompress every page first: I/O is not extraction time.
    let mut pages: Vec<(String, Vec<u8>, Option<url::Url>)> = Vec::new();
    for (id, t) in &truth {
        let path = zyte.join("html").join(format!("{id}.html.gz"));
        let Ok(file) = std::fs::File::open(&path) else {
            eprintln!("missing {}", path.display());
            continue;
        };
        let mut html = Vec::new();
        if flate2::read::GzDecoder::new(file)
            .read_to_end(&mut html)
            .is_err()
        {
            eprintln!("bad gzip {}", path.display());
            continue;
        }
        let url = t
            .get("url")
            .and_then(Value::as_str)
            .and_then(|u| url::Url::parse(u).ok());
        pages.push((id.clone(), html, url));
    }

    // Quality: ours.
    let mut ours: Vec<(String, Match)> = Vec::new();
    let mut zyte_pages = Vec::new();
    for (id, html, url) in &pages {
        let (article, trace) = scrapls::article::extract_traced(html, url.as_ref(), None);
        if let Some(d) = &opts.dump {
            let _ = std::fs::create_dir_all(d);
            let _ = std::fs::write(d.join(format!("{id}.txt")), &article.body);
        }
        let truth_body = body(&truth[id]);
        let m = shingle_match(&truth_body, &article.body);
        zyte_pages.push(Page {
            f1: m.f1(),
            confidence: article.confidence,
            trace,
            near_empty: !truth_body.trim().is_empty() && article.body.chars().count() < 50,
        });
        ours.push((id.clone(), m));
    }
    let mut rows: Vec<(String, (f64, f64, f64))> = Vec::new();
    let m: Vec<Match> = ours.iter().map(|(_, m)| *m).collect();
    rows.push(("scrapls".to_owned(), summarize(&m)));

    // Quality: every stored output, same code.
    if let Ok(entries) = std::fs::read_dir(zyte.join("output")) {
        let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for f in files {
            let Some(v) = std::fs::read(&f)
                .ok()
                .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
            else {
                continue;
            };
            let v = v.get("output").cloned().unwrap_or(v);
            let m: Vec<Match> = truth
                .iter()
                .map(|(id, t)| shingle_match(&body(t), &v.get(id).map(body).unwrap_or_default()))
                .collect();
            let name = f
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            rows.push((name, summarize(&m)));
        }
    }
    rows.sort_by(|a, b| b.1.2.total_cmp(&a.1.2));
    println!(
        "## zyte article-extraction benchmark ({} pages)",
        pages.len()
    );
    println!("| extractor | precision | recall | F1 |");
    println!("|---|---|---|---|");
    for (name, (p, r, f)) in &rows {
        println!("| {name} | {p:.3} | {r:.3} | {f:.3} |");
    }
    report_pages("zyte", &zyte_pages);
    if opts.worst > 0 {
        ours.sort_by(|a, b| a.1.f1().total_cmp(&b.1.f1()));
        println!("\nworst pages (f1 precision recall id):");
        for (id, m) in ours.iter().take(opts.worst) {
            println!("{:.3} {:.3} {:.3} {id}", m.f1(), m.precision(), m.recall());
        }
    }

    trafilatura_dev(
        &opts.dir,
        opts.worst,
        opts.show.as_deref(),
        opts.dump.as_deref(),
    );
    korean_set();

    // Speed: single thread, three runs, median. On-CPU time of this thread
    // is reported beside wall time: on a shared machine the wall clock also
    // counts time other processes held the core.
    let bytes: usize = pages.iter().map(|p| p.1.len()).sum();
    let mut runs: Vec<(Duration, Option<Duration>)> = (0..3)
        .map(|_| {
            let cpu0 = thread_cpu_time();
            let start = Instant::now();
            for (_, html, url) in &pages {
                std::hint::black_box(scrapls::article::extract(html, url.as_ref(), None));
            }
            let wall = start.elapsed();
            let cpu = thread_cpu_time()
                .zip(cpu0)
                .map(|(b, a)| b.saturating_sub(a));
            (wall, cpu)
        })
        .collect();
    runs.sort_by_key(|r| r.1.unwrap_or(r.0));
    let (wall, cpu) = runs[1];
    let secs = cpu.unwrap_or(wall).as_secs_f64();
    println!(
        "\n## speed (one thread, median of 3)\n{} pages, {:.1} MB: {:.3} s on CPU ({:.3} s wall): {:.0} pages/s, {:.1} MB/s",
        pages.len(),
        bytes as f64 / 1e6,
        secs,
        wall.as_secs_f64(),
        pages.len() as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
}

/// trafilatura's evaluation half, scored trafilatura's way: every `with`
/// segment found in the body is a true positive, every `without` segment
/// found a false positive, summed over all pages (whitespace collapsed).
fn trafilatura_dev(dir: &Path, worst: usize, show: Option<&str>, dump: Option<&Path>) {
    let base = dir.join("trafilatura-dev");
    let Some(eval) = std::fs::read(base.join("evaldata.json"))
        .ok()
        .and_then(|b| serde_json::from_slice::<BTreeMap<String, Value>>(&b).ok())
    else {
        eprintln!("no trafilatura-dev set at {}", base.display());
        return;
    };
    let segments = |v: &Value, k: &str| -> Vec<String> {
        v.get(k)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(collapse_ws)
            .filter(|s| !s.is_empty())
            .collect()
    };
    let (mut tp, mut fp, mut fn_, mut tn) = (0usize, 0usize, 0usize, 0usize);
    let mut near_empty = Vec::new();
    let mut pages: Vec<(f64, String)> = Vec::new();
    let mut traced = Vec::new();
    let mut bodies = BTreeMap::new();
    for (key, v) in &eval {
        let Some(file) = v.get("file").and_then(Value::as_str) else {
            continue;
        };
        let mut html = Vec::new();
        let Ok(f) = std::fs::File::open(base.join("html").join(file)) else {
            eprintln!("missing {file}");
            continue;
        };
        if flate2::read::GzDecoder::new(f)
            .read_to_end(&mut html)
            .is_err()
        {
            continue;
        }
        let url = url::Url::parse(key).ok();
        let (article, trace) = scrapls::article::extract_traced(&html, url.as_ref(), None);
        let text = collapse_ws(&article.body);
        if dump.is_some() {
            bodies.insert(key.clone(), article.body.clone());
        }
        let with = segments(v, "with");
        let without = segments(v, "without");
        let found = with.iter().filter(|s| text.contains(s.as_str())).count();
        let leaked = without.iter().filter(|s| text.contains(s.as_str())).count();
        if show.is_some_and(|s| key.contains(s)) {
            println!(
                "\n### {key}\nconfidence {:.2}, winner {:?}, candidates {:?}",
                article.confidence, trace.winner, trace.candidates
            );
            for w in with.iter().filter(|s| !text.contains(s.as_str())) {
                println!("  missed: {w}");
            }
            for w in without.iter().filter(|s| text.contains(s.as_str())) {
                println!("  leaked: {w}");
            }
            println!("--- body ---\n{}\n---", article.body);
        }
        tp += found;
        fn_ += with.len() - found;
        fp += leaked;
        tn += without.len() - leaked;
        if !with.is_empty() && article.body.chars().count() < 50 {
            near_empty.push(key.clone());
        }
        let p = if found + leaked == 0 {
            0.0
        } else {
            found as f64 / (found + leaked) as f64
        };
        let r = if with.is_empty() {
            1.0
        } else {
            found as f64 / with.len() as f64
        };
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        pages.push((f1, key.clone()));
        traced.push(Page {
            f1,
            confidence: article.confidence,
            trace,
            near_empty: !with.is_empty() && article.body.chars().count() < 50,
        });
    }
    if let Some(d) = dump {
        let _ = std::fs::create_dir_all(d);
        if let Ok(json) = serde_json::to_vec(&bodies) {
            let _ = std::fs::write(d.join("trafilatura-dev.json"), json);
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "\n## trafilatura-dev ({} pages, scored trafilatura's way)",
        pages.len()
    );
    println!(
        "| extractor | precision | recall | F1 | with found | without leaked | near-empty bodies |"
    );
    println!("|---|---|---|---|---|---|---|");
    println!(
        "| scrapls | {p:.3} | {r:.3} | {:.3} | {tp}/{} | {fp}/{} | {} |",
        2.0 * p * r / (p + r).max(f64::MIN_POSITIVE),
        tp + fn_,
        fp + tn,
        near_empty.len()
    );
    for k in &near_empty {
        println!("  near-empty: {k}");
    }
    report_pages("trafilatura-dev", &traced);
    if worst > 0 {
        pages.sort_by(|a, b| a.0.total_cmp(&b.0));
        println!("\nworst trafilatura-dev pages (page F1, key):");
        for (f, k) in pages.iter().take(worst) {
            println!("{f:.3} {k}");
        }
    }
}

/// One page's outcome: its F1, the confidence the extractor gave, which
/// candidate won.
struct Page {
    f1: f64,
    confidence: f32,
    trace: scrapls::article::Trace,
    near_empty: bool,
}

/// Winners per candidate, and how confidence relates to page F1.
fn report_pages(set: &str, pages: &[Page]) {
    use scrapls::article::Source;
    println!(
        "\n{set}: winners per candidate (pages won, mean page F1; pages where the candidate had a body)"
    );
    println!("| candidate | won | mean F1 when won | had a body |");
    println!("|---|---|---|---|");
    for s in Source::ALL {
        let won: Vec<&Page> = pages.iter().filter(|p| p.trace.winner == Some(s)).collect();
        let had = pages
            .iter()
            .filter(|p| p.trace.candidates.iter().any(|c| c.0 == s))
            .count();
        let mean = won.iter().map(|p| p.f1).sum::<f64>() / won.len().max(1) as f64;
        println!("| {s:?} | {} | {mean:.3} | {had} |", won.len());
    }
    let none = pages.iter().filter(|p| p.trace.winner.is_none()).count();
    println!("| (no body) | {none} | | |");
    println!("\n{set}: confidence calibration");
    println!("| confidence | pages | mean page F1 |");
    println!("|---|---|---|");
    for (lo, hi) in [(0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01)] {
        let b: Vec<&Page> = pages
            .iter()
            .filter(|p| p.confidence >= lo && p.confidence < hi)
            .collect();
        let mean = b.iter().map(|p| p.f1).sum::<f64>() / b.len().max(1) as f64;
        println!("| {lo:.1}–{:.1} | {} | {mean:.3} |", hi.min(1.0), b.len());
    }
    println!(
        "{set}: near-empty bodies where the truth has text: {}",
        pages.iter().filter(|p| p.near_empty).count()
    );
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// This thread's on-CPU time (Linux `schedstat`), if available.
fn thread_cpu_time() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// The hand-written Korean pages: every headline exact, body F1.
fn korean_set() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    files.sort();
    let mut matches = Vec::new();
    let mut generic = Vec::new();
    let mut exact = 0;
    let mut report = Vec::new();
    for f in &files {
        let stem = f
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(expected) = std::fs::read(dir.join("expected").join(format!("{stem}.json")))
            .ok()
            .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
        else {
            continue;
        };
        let Ok(html) = std::fs::read(f) else { continue };
        let url = expected
            .get("url")
            .and_then(Value::as_str)
            .and_then(|u| url::Url::parse(u).ok());
        let a = scrapls::article::extract(&html, url.as_ref(), None);
        let m = shingle_match(expected["body"].as_str().unwrap_or(""), &a.body);
        let g = scrapls::article::extract_without_site_rules(&html, url.as_ref(), None);
        generic.push(shingle_match(
            expected["body"].as_str().unwrap_or(""),
            &g.body,
        ));
        let headline_ok = a.headline.as_deref() == expected["headline"].as_str();
        exact += usize::from(headline_ok);
        report.push(format!(
            "{stem}: headline {} body F1 {:.3}",
            if headline_ok { "exact" } else { "WRONG" },
            m.f1()
        ));
        matches.push(m);
    }
    let (p, r, f) = summarize(&matches);
    println!("\n## Korean fixture set ({} pages)", matches.len());
    println!(
        "headlines exact: {exact}/{}; body precision {p:.3} recall {r:.3} F1 {f:.3}",
        matches.len()
    );
    let min = matches.iter().map(Match::f1).fold(1.0, f64::min);
    println!("lowest page F1: {min:.3}");
    let (gp, gr, gf) = summarize(&generic);
    println!(
        "without site rules (structured data + generic only): precision {gp:.3} recall {gr:.3} F1 {gf:.3}"
    );
    for line in report {
        println!("  {line}");
    }
}
