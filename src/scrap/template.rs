//! The template: which sections a scrap has, in which order, what each must
//! hold. It is data: the default ships inside the binary as
//! `src/scrap/default.toml`, and a workspace's `scrapls.toml` (same format,
//! see [`crate::scrap::config`]) extends or replaces it.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::i18n::Locale;
use crate::text::{hangul, title_key};

/// What a section's content must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Free text.
    Text,
    /// Exactly one http(s) URL.
    Url,
    /// Any number of http(s) URLs, one per line, optionally with titles.
    UrlList,
}

/// What a section is for, independent of its id and title: the features
/// that need "the body" or "the insight" (fetch fill, figures, the notebook,
/// export) look sections up by role, so a group's own template (other ids,
/// other titles, an English template) keeps them working.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// The article's headline (filled from the page's title).
    Headline,
    /// The article's URL (the fetch source, the notebook's article key).
    Link,
    /// The article's text (filled from the page; the figures' source).
    Body,
    /// The writer's figures and insight (수치화).
    Insight,
    /// Further research.
    Research,
    /// Summary and opinion.
    Summary,
    /// Questions for people in the industry.
    Questions,
    /// Links to related articles.
    Related,
}

impl Role {
    /// Every role, in the default template's order.
    pub const ALL: [Role; 8] = [
        Role::Headline,
        Role::Link,
        Role::Body,
        Role::Insight,
        Role::Research,
        Role::Summary,
        Role::Questions,
        Role::Related,
    ];

    /// The name used in `scrapls.toml` (`role = "body"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Headline => "headline",
            Role::Link => "link",
            Role::Body => "body",
            Role::Insight => "insight",
            Role::Research => "research",
            Role::Summary => "summary",
            Role::Questions => "questions",
            Role::Related => "related",
        }
    }
}

/// Checks on a section's content beyond its kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Rules {
    /// Maximum length in characters (Unicode scalar values, so a Hangul
    /// syllable counts once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
    /// The content must fit on one line.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub single_line: bool,
    /// The content must contain a figure (the template asks for 수치화).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub must_contain_number: bool,
    /// The content must ask at least one question.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub must_ask_question: bool,
}

/// One field of the template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct SectionSpec {
    /// Stable id used in diagnostics, configuration and tests.
    pub id: String,
    /// Canonical (Korean) title, written when a section is inserted.
    pub title: String,
    /// English title, shown in English UI next to the canonical one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// Other titles that name this section.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What the section is for; features find sections by role, not id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Whether a scrap without this section is incomplete.
    #[serde(default)]
    pub required: bool,
    /// What the content must be.
    #[serde(default = "default_kind")]
    pub kind: Kind,
    /// The template's guidance: hover text, snippet placeholder, and the
    /// text recognised as "left unfilled".
    #[serde(default)]
    pub guidance: String,
    /// English guidance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance_en: Option<String>,
    /// Extra checks.
    #[serde(default)]
    pub rules: Rules,
}

fn default_kind() -> Kind {
    Kind::Text
}

impl SectionSpec {
    /// The guidance in the wanted language (English falls back to Korean).
    pub fn guidance_in(&self, locale: Locale) -> &str {
        match (locale, &self.guidance_en) {
            (Locale::En, Some(en)) => en,
            _ => &self.guidance,
        }
    }

    /// A display name: the canonical title, with the English one in English.
    pub fn display_title(&self, locale: Locale) -> String {
        match (locale, &self.title_en) {
            (Locale::En, Some(en)) => format!("{} ({en})", self.title),
            _ => self.title.clone(),
        }
    }
}

/// A resolved template: sections in order, with a lookup from title keys.
#[derive(Debug, Clone)]
pub struct Template {
    sections: Vec<SectionSpec>,
    /// [`title_key`] of every title and alias → section index.
    keys: HashMap<String, usize>,
    /// Jamo of every key, for typo suggestions.
    jamo_keys: Vec<(Vec<char>, usize)>,
    /// Normalised guidance of every section, for placeholder detection.
    guidance_keys: Vec<Vec<String>>,
}

/// The default template's source.
pub const DEFAULT_TEMPLATE_TOML: &str = include_str!("default.toml");

/// The deserialised shape of the default template file.
#[derive(Deserialize)]
struct TemplateFile {
    sections: Vec<SectionSpec>,
}

impl Default for Template {
    fn default() -> Template {
        static DEFAULT: std::sync::OnceLock<Template> = std::sync::OnceLock::new();
        DEFAULT
            .get_or_init(|| {
                let file: TemplateFile =
                    toml::from_str(DEFAULT_TEMPLATE_TOML).expect("the built-in template is valid");
                Template::new(file.sections)
            })
            .clone()
    }
}

impl Template {
    /// Builds a template; later duplicates of a title or alias lose to
    /// earlier ones (the canonical title of an earlier section wins).
    pub fn new(sections: Vec<SectionSpec>) -> Template {
        let mut keys = HashMap::new();
        for (i, spec) in sections.iter().enumerate() {
            for name in std::iter::once(&spec.title)
                .chain(spec.title_en.iter())
                .chain(spec.aliases.iter())
            {
                keys.entry(title_key(name)).or_insert(i);
            }
            keys.entry(title_key(&spec.id)).or_insert(i);
        }
        let jamo_keys = keys
            .iter()
            .map(|(key, &i)| (hangul::jamo(key), i))
            .collect();
        let guidance_keys = sections
            .iter()
            .map(|spec| {
                std::iter::once(spec.guidance.as_str())
                    .chain(spec.guidance_en.as_deref())
                    .map(content_key)
                    .filter(|k| !k.is_empty())
                    .collect()
            })
            .collect();
        Template {
            sections,
            keys,
            jamo_keys,
            guidance_keys,
        }
    }

    /// Sections in template order.
    pub fn sections(&self) -> &[SectionSpec] {
        &self.sections
    }

    /// The section at `index`.
    pub fn section(&self, index: usize) -> &SectionSpec {
        &self.sections[index]
    }

    /// Index of the first section with this role.
    pub fn by_role(&self, role: Role) -> Option<usize> {
        self.sections.iter().position(|s| s.role == Some(role))
    }

    /// The first section with this role.
    pub fn spec_by_role(&self, role: Role) -> Option<&SectionSpec> {
        self.by_role(role).map(|i| &self.sections[i])
    }

    /// Index of the section with this stable id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.sections.iter().position(|s| s.id == id)
    }

    /// Index of the section a heading's text names, matched forgivingly
    /// (NFC, case, spacing, trailing colon).
    pub fn lookup(&self, title: &str) -> Option<usize> {
        self.keys.get(&title_key(title)).copied()
    }

    /// The section a mistyped title most likely meant, comparing Hangul by
    /// jamo. Returns `None` when nothing is close enough to be a typo.
    pub fn suggest(&self, title: &str) -> Option<usize> {
        let key = title_key(title);
        if key.is_empty() {
            return None;
        }
        let query = hangul::jamo(&key);
        let mut best: Option<(usize, usize, usize)> = None; // (distance, len, index)
        for (cand, index) in &self.jamo_keys {
            // A quick length bound before the quadratic distance.
            let len_gap = cand.len().abs_diff(query.len());
            let limit = typo_limit(cand.len().max(query.len()));
            if len_gap > limit {
                continue;
            }
            let d = hangul::distance(&query, cand);
            if d <= limit && best.is_none_or(|(bd, bl, _)| (d, cand.len()) < (bd, bl)) {
                best = Some((d, cand.len(), *index));
            }
        }
        best.map(|(_, _, index)| index)
    }

    /// Whether what the user typed at a heading (without `#`s) could be the
    /// start of this section's title or an alias, with Hangul initials
    /// standing for syllables (ㅇㅅㅇㅌ → 인사이트).
    pub fn prefix_matches(&self, index: usize, typed: &str) -> bool {
        let query = title_key(typed);
        if query.is_empty() {
            return true;
        }
        let spec = &self.sections[index];
        std::iter::once(&spec.title)
            .chain(spec.title_en.iter())
            .chain(spec.aliases.iter())
            .chain(std::iter::once(&spec.id))
            .any(|name| hangul::prefix_matches(&query, &title_key(name)))
    }

    /// Whether `content` is nothing but this section's guidance (possibly
    /// trimmed, re-spaced or cut short by the user).
    pub fn is_guidance(&self, index: usize, content: &str) -> bool {
        let guidance = &self.guidance_keys[index];
        // A key longer than the longest guidance by more than the 10:8
        // allowance below matches none: stop reading there, so a 10 MB body
        // costs a few hundred characters here, not a pass over all of it.
        let longest = guidance.iter().map(String::len).max().unwrap_or(0);
        let Some(key) = content_key_within(content, longest * 10 / 8) else {
            return false;
        };
        if key.chars().count() < 6 {
            return false;
        }
        guidance.iter().any(|g| {
            if *g == key {
                return true;
            }
            // One contains the other and they are nearly the same length:
            // the guidance with a word dropped or a line added.
            let (short, long) = if g.len() < key.len() {
                (g, &key)
            } else {
                (&key, g)
            };
            // Lengths first: building a substring searcher costs more than
            // the comparison it saves.
            short.len() * 10 >= long.len() * 8 && long.contains(short.as_str())
        })
    }
}

/// How many jamo edits still count as a typo of a title this long.
fn typo_limit(jamo_len: usize) -> usize {
    match jamo_len {
        0..=3 => 0,
        4..=8 => 1,
        9..=16 => 2,
        _ => 3,
    }
}

/// Text reduced to its letters and digits, NFC and lower case: what stays of
/// a sentence when spacing, punctuation and line breaks change.
pub fn content_key(text: &str) -> String {
    content_key_within(text, usize::MAX).unwrap_or_default()
}

/// [`content_key`] of `text`, or `None` as soon as it grows past
/// `max_bytes`, so only the characters needed are read.
///
/// This runs on every section at every keystroke, so text made only of
/// characters that NFC leaves alone (ASCII, Latin-1, precomposed Hangul,
/// common punctuation: nearly every scrap) skips normalisation and the
/// Unicode tables; anything else (NFD Hangul from macOS, combining marks)
/// takes the full path.
fn content_key_within(text: &str, max_bytes: usize) -> Option<String> {
    let mut key = String::new();
    for c in text.chars() {
        if !crate::text::nfc_inert(c) {
            return content_key_normalised(text, max_bytes);
        }
        push_key_char(&mut key, c);
        if key.len() > max_bytes {
            return None;
        }
    }
    Some(key)
}

/// The general path of [`content_key_within`]: normalise, then keep letters
/// and digits.
fn content_key_normalised(text: &str, max_bytes: usize) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let mut key = String::new();
    for c in text.nfc() {
        push_key_char(&mut key, c);
        if key.len() > max_bytes {
            return None;
        }
    }
    Some(key)
}

/// Appends `c` to a key if it is a letter or digit, lower-cased; ASCII and
/// Hangul syllables without a table lookup.
fn push_key_char(key: &mut String, c: char) {
    match c {
        'a'..='z' | '0'..='9' | '\u{AC00}'..='\u{D7A3}' => key.push(c),
        'A'..='Z' => key.push(c.to_ascii_lowercase()),
        c if c.is_ascii() => {}
        c if c.is_alphanumeric() => key.extend(c.to_lowercase()),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_template_has_the_seed_sections() {
        let t = Template::default();
        let ids: Vec<&str> = t.sections().iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "headline",
                "link",
                "body",
                "insight",
                "research",
                "summary",
                "questions",
                "related"
            ]
        );
    }

    #[test]
    fn lookup_is_forgiving() {
        let t = Template::default();
        let research = t.index_of("research");
        assert_eq!(t.lookup("추가조사할 내용 또는 결과:"), research);
        assert_eq!(t.lookup("추가 조사"), research);
        assert_eq!(t.lookup("INSIGHT"), t.index_of("insight"));
        assert_eq!(t.lookup("배경"), None);
    }

    #[test]
    fn suggestions_compare_jamo() {
        let t = Template::default();
        assert_eq!(t.suggest("인사이틍"), t.index_of("insight"));
        assert_eq!(t.suggest("헤드라잉"), t.index_of("headline"));
        assert_eq!(t.suggest("배경"), None);
        assert_eq!(t.suggest("시장 전망"), None);
    }

    #[test]
    fn guidance_is_recognised() {
        let t = Template::default();
        let i = t.index_of("insight").unwrap();
        let g = t.section(i).guidance.clone();
        assert!(t.is_guidance(i, &g));
        assert!(t.is_guidance(i, &g.replace(' ', "  ")));
        assert!(!t.is_guidance(i, "매출이 30% 늘었다는 점이 중요하다."));
    }

    #[test]
    fn every_default_section_has_its_role() {
        let t = Template::default();
        for role in Role::ALL {
            let spec = t
                .spec_by_role(role)
                .expect("the default template has every role");
            assert_eq!(spec.id, role.as_str());
        }
    }
}
