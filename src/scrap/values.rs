//! The front matter's values, read from its YAML once per parse and asked
//! for by [`Field`]: validation (is the YAML well formed?), the notebook's
//! entries (date, press, url, tags) and export (date, press, tags) all read
//! the same reading, so they never disagree about a value and the editor
//! does not parse the same YAML twice per keystroke.
//!
//! Values are loose: a number or a list where a string was expected still
//! reads, so one odd value never hides the others.

use std::collections::HashMap;

use serde::Deserialize;

use super::frontmatter::{Field, of};

/// The top-level values of a front matter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Values {
    map: HashMap<String, Loose>,
}

/// The YAML document as a whole: a mapping of keys, or anything else
/// (which is valid YAML with no values scrapls reads).
#[derive(Deserialize)]
#[serde(untagged)]
enum Top {
    Map(HashMap<String, Loose>),
    Other(serde::de::IgnoredAny),
}

/// A YAML value read without insisting on its type.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
enum Loose {
    Text(String),
    Integer(i64),
    Float(f64),
    Bool(bool),
    List(Vec<Loose>),
    #[serde(deserialize_with = "ignore")]
    Other,
}

/// Accepts any value and keeps nothing of it.
fn ignore<'de, D: serde::Deserializer<'de>>(d: D) -> Result<(), D::Error> {
    serde::de::IgnoredAny::deserialize(d).map(|_| ())
}

impl Values {
    /// Reads the YAML between the front matter's delimiters; the error is
    /// the YAML parser's message, for the `invalid-front-matter` diagnostic.
    pub fn read(yaml: &str) -> Result<Values, String> {
        // An empty document (or only comments) is no error: no values.
        if yaml.lines().all(|l| {
            let l = l.trim();
            l.is_empty() || l.starts_with('#')
        }) {
            return Ok(Values::default());
        }
        match serde_yaml2::from_str::<Top>(yaml) {
            Ok(Top::Map(map)) => Ok(Values { map }),
            Ok(Top::Other(_)) => Ok(Values::default()),
            Err(e) => Err(e.to_string()),
        }
    }

    fn get(&self, field: Field) -> Option<&Loose> {
        self.map.get(of(field).name)
    }

    /// The value of `field` as one trimmed, non-empty string, when it is a
    /// scalar.
    pub fn text(&self, field: Field) -> Option<String> {
        self.get(field).and_then(Loose::text)
    }

    /// The value of `field` as a list of trimmed, non-empty strings: a YAML
    /// list, or one string separated by commas (`반도체, 수출`).
    pub fn list(&self, field: Field) -> Vec<String> {
        match self.get(field) {
            Some(Loose::List(items)) => items.iter().filter_map(Loose::text).collect(),
            Some(Loose::Text(s)) => s
                .split([',', '，'])
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect(),
            Some(other) => other.text().into_iter().collect(),
            None => Vec::new(),
        }
    }
}

impl Loose {
    /// The value as one trimmed string, when it is a non-empty scalar.
    fn text(&self) -> Option<String> {
        let s = match self {
            Loose::Text(s) => s.trim().to_string(),
            Loose::Integer(n) => n.to_string(),
            Loose::Float(f) => f.to_string(),
            Loose::Bool(b) => b.to_string(),
            Loose::List(_) | Loose::Other => return None,
        };
        (!s.is_empty()).then_some(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_scalars_lists_and_odd_values_loosely() {
        let v = Values::read(
            "date: 2026-11-20\npress: 123\ntags: 반도체, 수출，금리 \nurl:\n  nested: 1\njob: ' '\n",
        )
        .unwrap();
        assert_eq!(v.text(Field::Date).as_deref(), Some("2026-11-20"));
        assert_eq!(v.text(Field::Press).as_deref(), Some("123"));
        assert_eq!(v.list(Field::Tags), ["반도체", "수출", "금리"]);
        assert_eq!(v.text(Field::Url), None);
        assert_eq!(v.text(Field::Job), None);
        assert_eq!(v.text(Field::Author), None);
        let v = Values::read("tags:\n  - 금리\n  - 2026\n  - [x]\n").unwrap();
        assert_eq!(v.list(Field::Tags), ["금리", "2026"]);
        assert_eq!(v.text(Field::Tags), None);
    }

    #[test]
    fn valid_yaml_that_is_not_a_mapping_has_no_values_and_broken_yaml_an_error() {
        for yaml in [
            "",
            "\n",
            "# 메모\n",
            "- a\n- b\n",
            "그냥 글\n",
            "? [a]\n: b\n",
        ] {
            assert_eq!(Values::read(yaml), Ok(Values::default()), "{yaml:?}");
        }
        for yaml in ["tags: [수출\n", "a: b: c\n", "\"열린 따옴표\n"] {
            assert!(Values::read(yaml).is_err(), "{yaml:?}");
        }
    }
}
