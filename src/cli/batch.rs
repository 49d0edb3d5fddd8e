//! Batch fetching: `scrapls fetch URL... -o DIR` and
//! `scrapls fetch --from urls.txt -o DIR`. Four articles at a time, a
//! progress bar on a terminal (plain lines otherwise), one new scrap per
//! article named from its date and headline (never overwriting: a numbered
//! suffix instead), articles already scrapped in DIR skipped by article key
//! unless `--force`, failures listed at the end while the rest continue.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use futures::StreamExt;
use indicatif::{ProgressBar, ProgressStyle};

use super::fetch::{FetchArgs, OutputFormat, runtime, scrap_text};
use super::{EXIT_USAGE, config_for, layers};
use crate::article::{Article, FetchOptions, fetch_article};
use crate::i18n::Locale;
use crate::notebook::index::Index;
use crate::notebook::key::article_key;
use crate::scrap::config::Config;
use crate::scrap::resolve::ConfigCache;

/// How many articles are fetched at once.
const CONCURRENCY: usize = 4;

/// Whether the arguments ask for a batch: several links, a `--from` list,
/// or `-o` naming a folder.
pub fn is_batch(args: &FetchArgs) -> bool {
    args.from.is_some()
        || args.urls.len() > 1
        || args.out.output.as_deref().is_some_and(Path::is_dir)
}

/// The links of `--from FILE`: one a line, blank lines and `#` comments
/// skipped.
fn read_links(path: &Path) -> std::io::Result<Vec<String>> {
    Ok(std::fs::read_to_string(path)?
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}

/// What happened to one link.
enum Outcome {
    Saved(PathBuf),
    Skipped(PathBuf),
    Failed(String),
}

/// Runs a batch fetch; returns the exit status (1 when any link failed).
pub fn run(args: FetchArgs, opts: FetchOptions, locale: Locale) -> i32 {
    let usage = |message: String| {
        eprintln!("scrapls: {message}");
        EXIT_USAGE
    };
    let Some(dir) = args.out.output.clone() else {
        return usage(
            locale
                .pick(
                    "여러 기사를 가져오려면 -o DIR로 폴더를 주세요",
                    "fetching several articles needs a folder: -o DIR",
                )
                .into(),
        );
    };
    if args.out.format != OutputFormat::Scrap {
        return usage(
            locale
                .pick(
                    "여러 기사 가져오기는 스크랩 파일만 씁니다 (--format scrap)",
                    "a batch fetch writes scrap files only (--format scrap)",
                )
                .into(),
        );
    }
    let mut links = args.urls.clone();
    if let Some(from) = &args.from {
        match read_links(from) {
            Ok(more) => links.extend(more),
            Err(e) => return usage(format!("{}: {e}", from.display())),
        }
    }
    if let Err(e) = std::fs::create_dir_all(&dir) {
        return usage(format!("{}: {e}", dir.display()));
    }
    let config = match config_for(&dir, args.out.config.as_deref(), locale) {
        Ok(c) => c,
        Err(e) => return usage(e),
    };
    // Articles already in the folder, by key (unless --force).
    let mut known: HashMap<String, PathBuf> = HashMap::new();
    if !args.out.force {
        let configs = ConfigCache::new(layers(args.out.config.as_deref(), locale));
        for entry in Index::scan(&dir, &configs).entries() {
            for key in &entry.keys {
                known.insert(key.clone(), entry.path.clone());
            }
        }
    }
    let Some(runtime) = runtime() else {
        return 1;
    };
    let progress = std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new(links.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
            bar.set_style(style);
        }
        bar
    });
    let report = |line: String| match &progress {
        Some(bar) => {
            bar.println(line);
            bar.inc(1);
        }
        None => println!("{line}"),
    };
    let mut failures: Vec<(String, String)> = Vec::new();
    let mut batch = Batch {
        dir: &dir,
        config: &config,
        known,
        force: args.out.force,
        locale,
    };
    runtime.block_on(async {
        // A link naming an article already in the folder is skipped without
        // fetching; one repeated later in the list is caught when the first
        // is saved (results arrive in list order).
        let skips: Vec<Option<PathBuf>> = links
            .iter()
            .map(|link| article_key(link).and_then(|k| batch.known.get(&k).cloned()))
            .collect();
        let fetches = futures::stream::iter(links.iter().zip(skips).map(|(link, skip)| {
            let opts = &opts;
            async move {
                let result = match skip {
                    Some(path) => Err(path),
                    None => Ok(fetch_article(link, opts).await),
                };
                (link, result)
            }
        }))
        .buffered(CONCURRENCY);
        futures::pin_mut!(fetches);
        while let Some((link, result)) = fetches.next().await {
            let outcome = match result {
                Err(path) => Outcome::Skipped(path),
                Ok(Ok(article)) => batch.save(link, article),
                Ok(Err(e)) => Outcome::Failed(e.message(locale)),
            };
            let line = match outcome {
                Outcome::Saved(path) => {
                    format!(
                        "{} {link} → {}",
                        locale.pick("저장", "saved"),
                        path.display()
                    )
                }
                Outcome::Skipped(path) => format!(
                    "{} {link}: {} {}",
                    locale.pick("건너뜀", "skipped"),
                    locale.pick("이미 있음", "already in"),
                    path.display()
                ),
                Outcome::Failed(why) => {
                    let line = format!("{} {link}: {why}", locale.pick("실패", "failed"));
                    failures.push((link.clone(), why));
                    line
                }
            };
            report(line);
        }
    });
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    if failures.is_empty() {
        return 0;
    }
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(
        stderr,
        "{}",
        match locale {
            Locale::Ko => format!("가져오지 못한 기사 {}개:", failures.len()),
            Locale::En => format!("{} article(s) could not be fetched:", failures.len()),
        }
    );
    for (link, why) in &failures {
        let _ = writeln!(stderr, "  {link}: {why}");
    }
    1
}

/// The state a batch keeps while articles arrive.
struct Batch<'a> {
    dir: &'a Path,
    config: &'a Config,
    /// Article key → the scrap of it in the folder.
    known: HashMap<String, PathBuf>,
    force: bool,
    locale: Locale,
}

impl Batch<'_> {
    /// Writes the scrap of a fetched article, unless the folder has it.
    fn save(&mut self, link: &str, article: Article) -> Outcome {
        let keys: Vec<String> = [Some(link), article.url.as_deref()]
            .into_iter()
            .flatten()
            .filter_map(article_key)
            .collect();
        if !self.force
            && let Some(path) = keys.iter().find_map(|k| self.known.get(k))
        {
            return Outcome::Skipped(path.clone());
        }
        let date = self.config.today();
        let name = file_stem(&date, article.headline.as_deref());
        let text = scrap_text(article, Some(link), self.config);
        match write_new(self.dir, &name, &text) {
            Ok(path) => {
                for key in keys {
                    self.known.entry(key).or_insert_with(|| path.clone());
                }
                Outcome::Saved(path)
            }
            Err(e) => Outcome::Failed(format!(
                "{}: {e}",
                self.locale
                    .pick("파일을 쓸 수 없습니다", "cannot write the file")
            )),
        }
    }
}

/// The longest headline part of a file name, in characters.
const MAX_NAME_CHARS: usize = 60;

/// A file name stem from the date and the headline: Hangul and other
/// letters kept, spaces as `-`, characters unsafe in file names dropped.
pub fn file_stem(date: &str, headline: Option<&str>) -> String {
    let mut name = String::new();
    for c in headline.unwrap_or_default().chars() {
        let unsafe_char =
            c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|');
        let c = if c.is_whitespace() || unsafe_char {
            '-'
        } else {
            c
        };
        if c == '-' && (name.is_empty() || name.ends_with('-')) {
            continue;
        }
        if name.chars().count() >= MAX_NAME_CHARS {
            break;
        }
        name.push(c);
    }
    let name = name.trim_matches(['-', '.']);
    if name.is_empty() {
        format!("{date}-scrap")
    } else {
        format!("{date}-{name}")
    }
}

/// The highest numbered suffix tried before giving up.
const MAX_SUFFIX: u32 = 10_000;

/// Creates `DIR/STEM.scrap.md`, or `STEM-2.scrap.md`, `STEM-3…` when taken;
/// an existing file is never opened for writing.
fn write_new(dir: &Path, stem: &str, text: &str) -> std::io::Result<PathBuf> {
    for n in 1..=MAX_SUFFIX {
        let name = if n == 1 {
            format!("{stem}.scrap.md")
        } else {
            format!("{stem}-{n}.scrap.md")
        };
        let path = dir.join(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                file.write_all(text.as_bytes())?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("no free file name"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_keep_hangul_and_drop_unsafe_characters() {
        assert_eq!(
            file_stem("2026-12-01", Some("반도체 수출, 20% 증가/\"역대 최대\"?")),
            "2026-12-01-반도체-수출,-20%-증가-역대-최대"
        );
        assert_eq!(file_stem("2026-12-01", None), "2026-12-01-scrap");
        assert_eq!(file_stem("2026-12-01", Some(" ../.. ")), "2026-12-01-scrap");
        let long = "가".repeat(200);
        assert_eq!(
            file_stem("2026-12-01", Some(&long)).chars().count(),
            11 + MAX_NAME_CHARS
        );
    }

    #[test]
    fn numbered_suffix_instead_of_overwriting() {
        let dir = tempfile::tempdir().unwrap();
        let a = write_new(dir.path(), "x", "one").unwrap();
        let b = write_new(dir.path(), "x", "two").unwrap();
        assert_eq!(a.file_name().unwrap(), "x.scrap.md");
        assert_eq!(b.file_name().unwrap(), "x-2.scrap.md");
        assert_eq!(std::fs::read_to_string(a).unwrap(), "one");
    }
}
