//! Writes the folder of generated scraps that `scripts/bench.sh` times
//! `scrapls check`, `rumdl check` and `cat` on:
//! `cargo bench --bench corpus -- DIR [COUNT]` (default 10,000 files,
//! about 46 MB, 4.6 KB a file as study-group scraps are).

#[path = "support/corpus.rs"]
mod corpus;

fn main() {
    // `cargo bench` passes `--bench`; only positional arguments are ours.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: cargo bench --bench corpus -- DIR [COUNT]");
        std::process::exit(2);
    };
    let count: u64 = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let dir = std::path::Path::new(dir);
    let total = corpus::write_folder(dir, count);
    println!(
        "wrote {count} scraps, {:.1} MB, to {}",
        total as f64 / 1e6,
        dir.display()
    );
}
