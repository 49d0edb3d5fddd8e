//! Korean-first localisation.
//!
//! Every user-facing string exists in Korean and English. Korean is the
//! default because the people who keep scraps write them in Korean; English
//! is chosen when the LSP client's `locale` or the CLI's environment
//! (`SCRAPLS_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG`) asks for it. The
//! sentences themselves live in one typed catalogue, [`messages`].

pub mod messages;

pub use messages::Message;

use serde::{Deserialize, Serialize};

/// The language of messages, hovers and action titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// 한국어 (default).
    #[default]
    Ko,
    /// English.
    En,
}

impl Locale {
    /// Reads a BCP 47 / POSIX locale tag such as `en-US`, `ko_KR.UTF-8` or `C`.
    /// Anything that is not clearly Korean and clearly a language (`en…`)
    /// picks English; unknown or empty tags keep Korean.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let lower = tag.trim().to_ascii_lowercase();
        if lower.is_empty() {
            return None;
        }
        if lower.starts_with("ko") {
            Some(Locale::Ko)
        } else if lower.starts_with("en") || lower == "c" || lower == "posix" {
            Some(Locale::En)
        } else {
            None
        }
    }

    /// The CLI's locale: `SCRAPLS_LANG` wins, then the POSIX variables in
    /// their usual precedence.
    pub fn from_env() -> Locale {
        for var in ["SCRAPLS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(value) = std::env::var(var)
                && let Some(locale) = Locale::from_tag(&value)
            {
                // `C`/`POSIX` are what minimal containers default to; they
                // say nothing about the user, so only an explicit
                // SCRAPLS_LANG may turn them into English.
                let lower = value.to_ascii_lowercase();
                if var != "SCRAPLS_LANG" && (lower == "c" || lower == "posix") {
                    continue;
                }
                return locale;
            }
        }
        Locale::Ko
    }

    /// Picks the Korean or the English text.
    pub fn pick<'a>(self, ko: &'a str, en: &'a str) -> &'a str {
        match self {
            Locale::Ko => ko,
            Locale::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        assert_eq!(Locale::from_tag("en-US"), Some(Locale::En));
        assert_eq!(Locale::from_tag("ko_KR.UTF-8"), Some(Locale::Ko));
        assert_eq!(Locale::from_tag("ja"), None);
        assert_eq!(Locale::from_tag(""), None);
    }
}
