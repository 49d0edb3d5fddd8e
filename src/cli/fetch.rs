//! `scrapls fetch URL` and `scrapls extract [--url URL] FILE|-`: a new scrap
//! (or the extraction as JSON) from an article link or from saved HTML.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{EXIT_USAGE, config_for, write_output};
use crate::article::{Article, FetchOptions, PARTIAL_BELOW, extract, fetch_article};
use crate::i18n::{Locale, Message};
use crate::scrap::config::Config;
use crate::scrap::prefill::Prefill;
use crate::scrap::render::new_scrap;

/// What to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OutputFormat {
    /// A new scrap from the template, headline, link and body filled.
    #[default]
    Scrap,
    /// The extraction as one JSON object (headline, body, press, author,
    /// published, url).
    Json,
}

/// Where and how to write the result; shared by both subcommands.
#[derive(Debug, clap::Args)]
pub struct OutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Scrap)]
    pub format: OutputFormat,
    /// Write to FILE instead of standard output (refuses to overwrite an
    /// existing file unless --force).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// A `scrapls.toml` whose template to use (default: the one found from
    /// the output's folder, else the current folder).
    #[arg(long)]
    pub config: Option<PathBuf>,
}

/// Arguments of `scrapls fetch`.
#[derive(Debug, clap::Args)]
pub struct FetchArgs {
    /// The article's link (http or https); several links with `-o DIR`
    /// fetch each into its own scrap in DIR.
    #[arg(value_name = "URL", required_unless_present = "from")]
    pub urls: Vec<String>,
    /// Read the links from FILE, one a line (blank lines and `#` comments
    /// skipped), into `-o DIR`.
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// Output format and destination.
    #[command(flatten)]
    pub out: OutputArgs,
    /// Give up after this many seconds.
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    pub timeout: u64,
    /// The User-Agent to send.
    #[arg(long, value_name = "UA")]
    pub user_agent: Option<String>,
}

/// Arguments of `scrapls extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Saved HTML (`-` for standard input).
    pub file: PathBuf,
    /// The URL the page came from (picks the site rule, fills the link).
    #[arg(long)]
    pub url: Option<String>,
    /// Output format and destination.
    #[command(flatten)]
    pub out: OutputArgs,
}

/// Fetches an article and prints (or writes) a new scrap or JSON.
/// Exit status: 0 done, 1 the fetch or the write failed, 2 bad usage.
pub fn run_fetch(args: FetchArgs) -> i32 {
    let locale = Locale::from_env();
    let opts = options(&args);
    if super::batch::is_batch(&args) {
        return super::batch::run(args, opts, locale);
    }
    let url = &args.urls[0];
    let Some(runtime) = runtime() else {
        return 1;
    };
    match runtime.block_on(fetch_article(url, &opts)) {
        Ok(article) => emit(article, Some(url), &args.out, locale),
        Err(e) => {
            eprintln!("scrapls: {url}: {}", e.message(locale));
            1
        }
    }
}

/// The runtime a command-line fetch runs on (extraction uses its blocking
/// pool); `None`, said on standard error, when it cannot start.
pub(crate) fn runtime() -> Option<tokio::runtime::Runtime> {
    match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => Some(rt),
        Err(e) => {
            eprintln!("scrapls: {e}");
            None
        }
    }
}

/// The fetch options the arguments ask for.
fn options(args: &FetchArgs) -> FetchOptions {
    FetchOptions {
        user_agent: args
            .user_agent
            .clone()
            .unwrap_or_else(|| FetchOptions::default().user_agent),
        timeout: Duration::from_secs(args.timeout.max(1)),
        ..FetchOptions::default()
    }
}

/// Extracts an article from saved HTML, offline.
pub fn run_extract(args: ExtractArgs) -> i32 {
    let locale = Locale::from_env();
    let url = match args.url.as_deref().map(url::Url::parse) {
        None => None,
        Some(Ok(u)) => Some(u),
        Some(Err(_)) => {
            eprintln!(
                "scrapls: {}: {}",
                args.url.as_deref().unwrap_or_default(),
                Message::NotAUrl.render(locale)
            );
            return EXIT_USAGE;
        }
    };
    let bytes = if args.file == Path::new("-") {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).map(|_| buf)
    } else {
        std::fs::read(&args.file)
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            eprintln!("scrapls: {}: {e}", args.file.display());
            return EXIT_USAGE;
        }
    };
    let article = extract(&bytes, url.as_ref(), None);
    if article.body.trim().is_empty() && article.headline.is_none() {
        eprintln!(
            "scrapls: {}: {}",
            args.file.display(),
            Message::NoArticleFound.render(locale)
        );
        return 1;
    }
    emit(article, args.url.as_deref(), &args.out, locale)
}

/// Renders and writes the result.
fn emit(article: Article, link: Option<&str>, out: &OutputArgs, env_locale: Locale) -> i32 {
    if article.confidence < PARTIAL_BELOW {
        eprintln!("{}", Message::PartialArticle.render(env_locale));
    }
    let text = match out.format {
        OutputFormat::Json => match serde_json::to_string_pretty(&article) {
            Ok(s) => s + "\n",
            Err(e) => {
                eprintln!("scrapls: {e}");
                return 1;
            }
        },
        OutputFormat::Scrap => {
            let dir = out
                .output
                .as_deref()
                .and_then(Path::parent)
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let config = match config_for(dir, out.config.as_deref(), env_locale) {
                Ok(c) => c,
                Err(e) => {
                    eprintln!("scrapls: {e}");
                    return EXIT_USAGE;
                }
            };
            scrap_text(article, link, &config)
        }
    };
    match &out.output {
        None => {
            let mut stdout = std::io::stdout().lock();
            if stdout
                .write_all(text.as_bytes())
                .and_then(|_| stdout.flush())
                .is_err()
            {
                return 1;
            }
            0
        }
        Some(path) => write_output(path, text.as_bytes(), out.force, env_locale),
    }
}

/// A new scrap of `article` from the template, dated today ([`Prefill::from_article`],
/// the rule the editor's fill uses too).
pub(crate) fn scrap_text(article: Article, link: Option<&str>, config: &Config) -> String {
    let fill = Prefill {
        date: Some(config.today()),
        ..Prefill::from_article(article, link)
    };
    new_scrap(&config.template, config.locale, &fill)
}
