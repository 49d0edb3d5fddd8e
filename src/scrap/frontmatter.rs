//! The front matter's keys, in one table: what each means (Korean and
//! English), what kind of value it holds, and whether a new scrap writes it.
//!
//! Rendering new scraps, filling from an article, validation, completion and
//! hover all read this table, and `schemas/frontmatter.schema.json` is kept
//! in step with it by a test, so a key is added or explained in one place.

use crate::i18n::Locale;

/// Which key: the typed name callers use instead of string literals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The day of the scrap.
    Date,
    /// The publication.
    Press,
    /// The reporter.
    Author,
    /// When the article was published.
    Published,
    /// The article's link, as the user gave it.
    Url,
    /// The page's canonical address, when it differs from `url`.
    Canonical,
    /// The user's tags.
    Tags,
    /// The job the user is aiming for.
    Job,
}

/// What a key's value must look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// Free text.
    Text,
    /// An ISO 8601 calendar date (`2026-11-22`), optionally with a time.
    Date,
    /// An absolute http(s) URL.
    Url,
    /// A YAML list (or a single string).
    List,
}

/// One front matter key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// Which key.
    pub field: Field,
    /// The name written in the file.
    pub name: &'static str,
    /// Its value's kind.
    pub kind: ValueKind,
    /// What it means, in Korean.
    pub meaning_ko: &'static str,
    /// What it means, in English.
    pub meaning_en: &'static str,
    /// Whether a new scrap writes the key even without a value (so the user
    /// sees it is there to fill); otherwise only with one.
    pub always_written: bool,
}

impl Key {
    /// What the key means, in `locale`.
    pub fn meaning(&self, locale: Locale) -> &'static str {
        locale.pick(self.meaning_ko, self.meaning_en)
    }

    /// The value a new scrap writes when there is none (`[]` for lists).
    pub fn empty_value(&self) -> &'static str {
        match self.kind {
            ValueKind::List => "[]",
            _ => "",
        }
    }
}

/// Every key scrapls knows, in the order a new scrap writes them (which is
/// `Field`'s order).
pub const KEYS: [Key; 8] = [
    Key {
        field: Field::Date,
        name: "date",
        kind: ValueKind::Date,
        meaning_ko: "스크랩한 날짜 (YYYY-MM-DD)",
        meaning_en: "Date of the scrap (YYYY-MM-DD)",
        always_written: true,
    },
    Key {
        field: Field::Press,
        name: "press",
        kind: ValueKind::Text,
        meaning_ko: "언론사",
        meaning_en: "Publication",
        always_written: true,
    },
    Key {
        field: Field::Author,
        name: "author",
        kind: ValueKind::Text,
        meaning_ko: "기자",
        meaning_en: "Reporter",
        always_written: true,
    },
    Key {
        field: Field::Published,
        name: "published",
        kind: ValueKind::Date,
        meaning_ko: "기사 게재일 (ISO 8601)",
        meaning_en: "When the article was published (ISO 8601)",
        always_written: true,
    },
    Key {
        field: Field::Url,
        name: "url",
        kind: ValueKind::Url,
        meaning_ko: "기사 주소 (기사링크 섹션과 같은, 사용자가 준 주소)",
        meaning_en: "Article URL (the link you gave, as in the link section)",
        always_written: true,
    },
    Key {
        field: Field::Canonical,
        name: "canonical",
        kind: ValueKind::Url,
        meaning_ko: "기사 페이지가 밝힌 대표 주소 (url과 다를 때만)",
        meaning_en: "The page's canonical URL (only when it differs from url)",
        always_written: false,
    },
    Key {
        field: Field::Tags,
        name: "tags",
        kind: ValueKind::List,
        meaning_ko: "태그 목록",
        meaning_en: "Tags",
        always_written: true,
    },
    Key {
        field: Field::Job,
        name: "job",
        kind: ValueKind::Text,
        meaning_ko: "희망직무",
        meaning_en: "The job you are aiming for",
        always_written: true,
    },
];

/// The key written as `name`, if scrapls knows it.
pub fn key(name: &str) -> Option<&'static Key> {
    KEYS.iter().find(|k| k.name == name)
}

/// The table entry of `field` (rows are in `Field` order, checked by a test).
pub fn of(field: Field) -> &'static Key {
    &KEYS[field as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHEMA: &str = include_str!("../../schemas/frontmatter.schema.json");

    #[test]
    fn every_field_has_one_row() {
        for field in [
            Field::Date,
            Field::Press,
            Field::Author,
            Field::Published,
            Field::Url,
            Field::Canonical,
            Field::Tags,
            Field::Job,
        ] {
            assert_eq!(KEYS.iter().filter(|k| k.field == field).count(), 1);
            assert_eq!(of(field).field, field, "KEYS out of Field order");
        }
        assert_eq!(key("canonical").map(|k| k.field), Some(Field::Canonical));
        assert_eq!(key("nope"), None);
    }

    /// The JSON Schema editors validate front matter with says what this
    /// table says: the same keys, meanings and value shapes.
    #[test]
    fn schema_matches_the_table() {
        let schema: serde_json::Value = serde_json::from_str(SCHEMA).unwrap();
        let properties = schema["properties"].as_object().unwrap();
        let names: Vec<&str> = properties.keys().map(String::as_str).collect();
        let mut expected: Vec<&str> = KEYS.iter().map(|k| k.name).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        expected.sort_unstable();
        assert_eq!(sorted, expected, "schema keys");
        for key in KEYS {
            let p = &properties[key.name];
            assert_eq!(
                p["description"].as_str(),
                Some(format!("{} / {}", key.meaning_ko, key.meaning_en).as_str()),
                "{}",
                key.name
            );
            let pattern = p["pattern"].as_str();
            match key.kind {
                ValueKind::Url => assert_eq!(pattern, Some("^https?://"), "{}", key.name),
                ValueKind::Date => {
                    assert_eq!(pattern, Some("^\\d{4}-\\d{2}-\\d{2}"), "{}", key.name)
                }
                ValueKind::Text => {
                    assert_eq!(
                        p["type"],
                        serde_json::json!(["string", "null"]),
                        "{}",
                        key.name
                    )
                }
                ValueKind::List => assert!(p["oneOf"].is_array(), "{}", key.name),
            }
        }
    }
}
