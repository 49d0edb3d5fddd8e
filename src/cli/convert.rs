//! `scrapls convert FILE` and `scrapls new`: print scrap text.

use std::path::{Path, PathBuf};

use super::{EXIT_USAGE, config_for, config_for_file, read_text};
use crate::i18n::{Locale, Message};
use crate::scrap::convert::table_to_markdown;
use crate::scrap::parse::{Form, parse};
use crate::scrap::prefill::Prefill;
use crate::scrap::render::new_scrap;

/// Arguments of `scrapls convert`.
#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// A table-form scrap (`-` for standard input).
    pub file: PathBuf,
}

/// Arguments of `scrapls new`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// A `scrapls.toml` whose template to use (default: the one found from
    /// the current folder).
    #[arg(long)]
    pub config: Option<PathBuf>,
}

/// Prints the Markdown form of a table-form scrap.
pub fn run_convert(args: ConvertArgs) -> i32 {
    let locale = Locale::from_env();
    let text = match read_text(&args.file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("scrapls: {}: {e}", args.file.display());
            return EXIT_USAGE;
        }
    };
    let config = match config_for_file(&args.file, locale) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("scrapls: {e}");
            return EXIT_USAGE;
        }
    };
    let scrap = parse(&text, &config.template);
    match table_to_markdown(&text, &scrap, &config.template, config.locale) {
        Some(markdown) => {
            print!("{markdown}");
            0
        }
        None => {
            debug_assert_eq!(scrap.form, Form::Markdown);
            eprintln!(
                "scrapls: {}: {}",
                args.file.display(),
                Message::NotTableForm.render(config.locale)
            );
            1
        }
    }
}

/// Prints an empty scrap from the template.
pub fn run_new(args: NewArgs) -> i32 {
    let locale = Locale::from_env();
    match config_for(Path::new("."), args.config.as_deref(), locale) {
        Ok(config) => {
            let fill = Prefill {
                date: Some(config.today()),
                ..Prefill::default()
            };
            print!("{}", new_scrap(&config.template, config.locale, &fill));
            0
        }
        Err(e) => {
            eprintln!("scrapls: {e}");
            EXIT_USAGE
        }
    }
}
