//! One scrap as the notebook knows it: what a folder-wide view needs from a
//! file (date, press, headline, link and its article key, tags, the required
//! sections still missing, the related links it lists), taken from the
//! parser's output so the notebook and the validator never disagree.

use std::hash::{Hash, Hasher};
use std::path::PathBuf;

use jiff::civil::Date;

use super::key::article_key;
use crate::scrap::config::Config;
use crate::scrap::frontmatter::Field;
use crate::scrap::parse::{Scrap, content_text, parse};
use crate::scrap::template::Role;
use crate::scrap::validate::url_tokens;
use crate::scrap::values::Values;
use crate::text::hangul::initials;
use crate::text::position::{LineIndex, Place};
use crate::text::title_key;

/// A link in the related-links section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelatedLink {
    /// The link's article key.
    pub key: String,
    /// Where it is.
    pub place: Place,
}

/// What the notebook knows about one scrap file.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The file.
    pub path: PathBuf,
    /// The front matter's `date` (else the date part of `published`).
    pub date: Option<Date>,
    /// The front matter's `press`.
    pub press: Option<String>,
    /// The headline section's first line.
    pub headline: Option<String>,
    /// The link section's URL, else the front matter's `url`.
    pub url: Option<String>,
    /// Where the link section's URL is (what duplicates point at).
    pub link: Option<Place>,
    /// Article keys: the link's, then the front matter's canonical `url`'s
    /// when it differs.
    pub keys: Vec<String>,
    /// The front matter's `tags`, as written.
    pub tags: Vec<String>,
    /// Ids of required sections that are missing, empty or still hold
    /// only the template's guidance, in template order.
    pub missing: Vec<String>,
    /// The links the related-links section lists.
    pub related: Vec<RelatedLink>,
    /// NFC lower-case keys of the tags (for matching).
    pub(crate) tag_keys: Vec<String>,
    /// The tag keys' hashes, sorted and deduplicated: ranking compares
    /// 10,000 scraps' tags per request, as numbers rather than strings.
    pub(crate) tag_ids: Vec<u64>,
    /// The article keys' hashes, for the same reason.
    pub(crate) key_ids: Vec<u64>,
    /// The headline's key (for symbol search).
    pub(crate) headline_key: String,
    /// The press's key (for symbol search).
    pub(crate) press_key: Option<String>,
    /// The initial consonants of the headline, tag and press keys, in that
    /// order ([`crate::text::hangul::initials`]): a 초성 query searches
    /// them as plain text first.
    pub(crate) initials: Initials,
    /// Sorted, deduplicated character bigrams of the headline's words.
    pub(crate) grams: Vec<u64>,
}

/// The date at the start of an ISO 8601 value (`2026-11-20`,
/// `2026-11-20T09:00:00+09:00`).
pub fn parse_date(value: &str) -> Option<Date> {
    value.trim().get(..10)?.parse().ok()
}

impl Entry {
    /// The path's bytes: a total order for stable answers that is a plain
    /// byte comparison (`Path`'s own order parses components, which is far
    /// slower when 10,000 scraps tie on everything else).
    pub fn path_bytes(&self) -> &[u8] {
        self.path.as_os_str().as_encoded_bytes()
    }

    /// Reads a scrap's text.
    pub fn from_text(path: PathBuf, text: &str, config: &Config) -> Entry {
        let scrap = parse(text, &config.template);
        Entry::from_parsed(path, text, &scrap, &LineIndex::new(text), config)
    }

    /// Builds the entry from an already parsed scrap and its line index (as
    /// `check` and the language server have them).
    pub fn from_parsed(
        path: PathBuf,
        text: &str,
        scrap: &Scrap,
        lines: &LineIndex,
        config: &Config,
    ) -> Entry {
        let template = &config.template;
        let no_values = Values::default();
        let meta = scrap
            .front_matter
            .as_ref()
            .and_then(|fm| fm.values(text).as_ref().ok())
            .unwrap_or(&no_values);
        let section_text = |role: Role| {
            let section = scrap.first_of(template.by_role(role)?)?;
            Some(section)
        };
        let headline = section_text(Role::Headline)
            .map(|s| content_text(text, s, scrap.form))
            .and_then(|c| {
                c.lines()
                    .map(str::trim)
                    .find(|l| !l.is_empty())
                    .map(str::to_string)
            })
            .filter(|h| {
                !template
                    .by_role(Role::Headline)
                    .is_some_and(|i| template.is_guidance(i, h))
            });
        let link = section_text(Role::Link).and_then(|s| {
            url_tokens(text, s.content.clone())
                .into_iter()
                .find(|(_, ok)| *ok)
                .map(|(span, _)| span)
        });
        let front_url = meta.text(Field::Url);
        let url = link
            .as_ref()
            .map(|span| text[span.clone()].to_string())
            .or_else(|| front_url.clone());
        let mut keys: Vec<String> = Vec::new();
        for key in [url.as_deref(), front_url.as_deref()]
            .into_iter()
            .flatten()
            .filter_map(article_key)
        {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        let related = section_text(Role::Related)
            .map(|s| {
                url_tokens(text, s.content.clone())
                    .into_iter()
                    .filter(|(_, ok)| *ok)
                    .filter_map(|(span, _)| {
                        Some(RelatedLink {
                            key: article_key(&text[span.clone()])?,
                            place: lines.place(text, span),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        let missing = template
            .sections()
            .iter()
            .enumerate()
            .filter(|(i, spec)| {
                spec.required
                    && scrap.first_of(*i).is_none_or(|s| {
                        let content = content_text(text, s, scrap.form);
                        content.is_empty() || template.is_guidance(*i, &content)
                    })
            })
            .map(|(_, spec)| spec.id.clone())
            .collect();
        let tags = meta.list(Field::Tags);
        let tag_keys: Vec<String> = tags.iter().map(|t| title_key(t)).collect();
        let date = meta
            .text(Field::Date)
            .or_else(|| meta.text(Field::Published))
            .and_then(|d| parse_date(&d));
        let press = meta.text(Field::Press);
        let headline_key = headline.as_deref().map(title_key).unwrap_or_default();
        let press_key = press.as_deref().map(title_key);
        Entry {
            path,
            date,
            initials: Initials {
                headline: initials(&headline_key),
                tags: tag_keys.iter().map(|k| initials(k)).collect(),
                press: press_key.as_deref().map(initials),
            },
            headline_key,
            press_key,
            press,
            grams: headline.as_deref().map(bigrams).unwrap_or_default(),
            headline,
            url,
            link: link.map(|span| lines.place(text, span)),
            key_ids: ids(&keys),
            keys,
            tags,
            tag_ids: ids(&tag_keys),
            tag_keys,
            missing,
            related,
        }
    }
}

/// The initial consonants of an entry's search keys.
#[derive(Debug, Clone, Default)]
pub(crate) struct Initials {
    /// Of the headline key.
    pub headline: String,
    /// Of each tag key.
    pub tags: Vec<String>,
    /// Of the press key.
    pub press: Option<String>,
}

/// Sorted, deduplicated hashes of some keys (equal keys, equal hashes; a
/// 64-bit collision between two tags of one folder is not a concern).
fn ids(keys: &[String]) -> Vec<u64> {
    let mut out: Vec<u64> = keys
        .iter()
        .map(|k| {
            let mut h = std::hash::DefaultHasher::new();
            k.hash(&mut h);
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The character bigrams of a title's words, as sorted, deduplicated
/// numbers: Korean compounds and particles (반도체가, 반도체 수출) share
/// bigrams where whitespace tokens would share nothing. A one-character
/// word counts as itself.
pub(crate) fn bigrams(title: &str) -> Vec<u64> {
    let key = crate::text::nfc(title);
    let mut out = Vec::new();
    for word in key
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let chars: Vec<u64> = word
            .chars()
            .flat_map(char::to_lowercase)
            .map(u64::from)
            .collect();
        if chars.len() == 1 {
            out.push(chars[0]);
        }
        out.extend(chars.windows(2).map(|w| (w[0] << 32) | w[1]));
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCRAP: &str = "---\ndate: 2026-11-20\npress: 한빛경제\nurl: https://news.example.com/a/1?utm_source=x\ntags: [반도체, 수출]\n---\n\n## 헤드라인\n반도체 수출 20% 증가\n\n## 기사링크\nhttps://www.news.example.com/a/1/\n\n## 본문\n본문입니다.\n\n## 인사이트\n\n## 연관기사 링크\n- [다른 기사](https://news.example.com/a/2)\n- 메모\n";

    #[test]
    fn reads_what_the_notebook_needs() {
        let e = Entry::from_text("a.scrap.md".into(), SCRAP, &Config::default());
        assert_eq!(e.date, Some(jiff::civil::date(2026, 11, 20)));
        assert_eq!(e.press.as_deref(), Some("한빛경제"));
        assert_eq!(e.headline.as_deref(), Some("반도체 수출 20% 증가"));
        assert_eq!(e.url.as_deref(), Some("https://www.news.example.com/a/1/"));
        // The link and the canonical url are one article: one key.
        assert_eq!(e.keys, ["news.example.com/a/1"]);
        assert_eq!(e.tags, ["반도체", "수출"]);
        assert_eq!(e.missing, ["insight", "summary", "questions"]);
        assert_eq!(e.related.len(), 1);
        assert_eq!(e.related[0].key, "news.example.com/a/2");
        let link = e.link.unwrap();
        assert_eq!(link.line, 11);
        assert_eq!(
            &SCRAP[link.span.clone()],
            "https://www.news.example.com/a/1/"
        );
        assert_eq!(link.utf16, (0, 33));
    }

    #[test]
    fn odd_front_matter_still_reads() {
        let text = "---\ndate: 2026-11-20T09:00:00+09:00\npress: 1234\ntags: 반도체, 경제\n---\n## 헤드라인\n제목\n";
        let e = Entry::from_text("b.scrap.md".into(), text, &Config::default());
        assert_eq!(e.date, Some(jiff::civil::date(2026, 11, 20)));
        assert_eq!(e.press.as_deref(), Some("1234"));
        assert_eq!(e.tags, ["반도체", "경제"]);
        assert!(e.keys.is_empty());
        let broken = "---\ndate: [\n---\n## 헤드라인\n제목\n";
        let e = Entry::from_text("c.scrap.md".into(), broken, &Config::default());
        assert_eq!(e.date, None);
        assert_eq!(e.headline.as_deref(), Some("제목"));
    }

    #[test]
    fn bigrams_see_korean_compounds() {
        let a = bigrams("반도체 수출 증가");
        let b = bigrams("반도체가 수출을 이끌다");
        let shared = a.iter().filter(|g| b.contains(g)).count();
        assert!(shared >= 3, "{shared}");
        assert_eq!(bigrams("A"), vec![u64::from('a')]);
    }
}
