//! Which scraps an export takes: `--since`, `--until` and `--tag` over the
//! front matter's `date` and `tags`. One function, so that every listing
//! (export, the workspace index) can share it.

use super::Meta;
use crate::text::nfc;

/// A selection of scraps; the default takes every scrap.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// The first day taken (`YYYY-MM-DD`), inclusive.
    pub since: Option<String>,
    /// The last day taken (`YYYY-MM-DD`), inclusive.
    pub until: Option<String>,
    /// A tag the scrap must have (NFC, case-insensitive, a leading `#`
    /// ignored).
    pub tag: Option<String>,
}

impl Selection {
    /// Whether a scrap with this front matter is selected. With a date
    /// bound, a scrap without a date is not (it cannot be said to be in the
    /// range); dates compare by their `YYYY-MM-DD` day.
    pub fn selects(&self, meta: &Meta) -> bool {
        let day = meta.date.as_deref().map(|d| d.get(..10).unwrap_or(d));
        let in_range = |bound: &Option<String>, ok: fn(&str, &str) -> bool| {
            bound
                .as_deref()
                .is_none_or(|b| day.is_some_and(|d| ok(d, b)))
        };
        let tag_key = |t: &str| nfc(t.trim().trim_start_matches('#')).to_lowercase();
        in_range(&self.since, |d, b| d >= b)
            && in_range(&self.until, |d, b| d <= b)
            && self.tag.as_deref().is_none_or(|want| {
                let want = tag_key(want);
                meta.tags.iter().any(|t| tag_key(t) == want)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(date: Option<&str>, tags: &[&str]) -> Meta {
        Meta {
            date: date.map(str::to_owned),
            press: None,
            tags: tags.iter().map(|t| t.to_string()).collect(),
        }
    }

    #[test]
    fn bounds_are_inclusive_days() {
        let week = Selection {
            since: Some("2026-11-16".into()),
            until: Some("2026-11-22".into()),
            tag: None,
        };
        assert!(week.selects(&meta(Some("2026-11-16"), &[])));
        assert!(week.selects(&meta(Some("2026-11-22T23:00:00+09:00"), &[])));
        assert!(!week.selects(&meta(Some("2026-11-23"), &[])));
        assert!(!week.selects(&meta(Some("2026-11-15"), &[])));
        assert!(!week.selects(&meta(None, &[])));
        assert!(Selection::default().selects(&meta(None, &[])));
    }

    #[test]
    fn tags_match_forgivingly() {
        let nfd: String = {
            use unicode_normalization::UnicodeNormalization;
            "반도체".nfd().collect()
        };
        let sel = Selection {
            tag: Some("#반도체".into()),
            ..Selection::default()
        };
        assert!(sel.selects(&meta(None, &["수출", &nfd])));
        assert!(!sel.selects(&meta(None, &["수출"])));
        let sel = Selection {
            tag: Some("AI".into()),
            ..Selection::default()
        };
        assert!(sel.selects(&meta(None, &["ai"])));
    }
}
