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
    let mut total = 0;
    for i in 0..count {
        // 100 files a folder, like a study group's per-week folders.
        let sub = dir.join(format!("week-{:03}", i / 100));
        std::fs::create_dir_all(&sub).expect("create folder");
        let size = 2_600 + corpus::Rng::new(i).below(3_200);
        let text = corpus::scrap_of_size(i, size);
        total += text.len();
        std::fs::write(sub.join(format!("{i:05}.scrap.md")), text).expect("write scrap");
    }
    println!(
        "wrote {count} scraps, {:.1} MB, to {}",
        total as f64 / 1e6,
        dir.display()
    );
}
