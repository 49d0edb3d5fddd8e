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
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::frontmatter::{Field, of};

/// The top-level values of a front matter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Values {
    map: HashMap<String, Loose>,
}

/// A YAML value read without insisting on its type.
#[derive(Debug, Clone, PartialEq)]
enum Loose {
    Text(String),
    Integer(i64),
    Float(f64),
    Bool(bool),
    List(Vec<Loose>),
    /// A mapping, a null, or anything else scrapls reads no text from.
    Other,
}

/// Reads values straight from the parser's events, without serde's
/// buffering of untagged enums (which copies every value once more and is
/// what made the front matter the largest cost of validating a keystroke).
struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Loose, E> {
        Ok(Loose::Text(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Loose, E> {
        Ok(Loose::Text(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Loose, E> {
        Ok(Loose::Integer(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Loose, E> {
        Ok(i64::try_from(v).map_or(Loose::Float(v as f64), Loose::Integer))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Loose, E> {
        Ok(Loose::Float(v))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Loose, E> {
        Ok(Loose::Bool(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Other)
    }
    fn visit_none<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Other)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Loose, D::Error> {
        d.deserialize_any(LooseVisitor)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(LooseSeed)? {
            items.push(item);
        }
        Ok(Loose::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Loose::Other)
    }
}

/// Reads one [`Loose`] value.
struct LooseSeed;

impl<'de> DeserializeSeed<'de> for LooseSeed {
    type Value = Loose;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Loose, D::Error> {
        d.deserialize_any(LooseVisitor)
    }
}

/// The document as a whole: a mapping's keys (those that are text) with
/// their values; any other document is valid YAML with no values.
struct TopVisitor;

impl<'de> Visitor<'de> for TopVisitor {
    type Value = HashMap<String, Loose>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a YAML document")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = HashMap::new();
        while let Some(key) = map.next_key_seed(LooseSeed)? {
            let value = map.next_value_seed(LooseSeed)?;
            if let Loose::Text(key) = key {
                out.insert(key, value);
            }
        }
        Ok(out)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(HashMap::new())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(HashMap::new())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(HashMap::new())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(HashMap::new())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(HashMap::new())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(HashMap::new())
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(HashMap::new())
    }
}

/// The document, read through [`TopVisitor`].
struct Top(HashMap<String, Loose>);

impl<'de> Deserialize<'de> for Top {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Top, D::Error> {
        d.deserialize_any(TopVisitor).map(Top)
    }
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
        serde_yaml2::from_str::<Top>(yaml)
            .map(|Top(map)| Values { map })
            .map_err(|e| e.to_string())
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
