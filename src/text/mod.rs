//! Text primitives shared by every layer: line splitting that agrees with the
//! LSP (and with ropey's `cr_lines`), position arithmetic, Hangul helpers.

pub mod hangul;
pub mod lines;
pub mod position;

/// A half-open byte range into a document's text.
///
/// Pure code works in UTF-8 byte offsets; only the LSP layer converts them to
/// the client's negotiated encoding.
pub type Span = std::ops::Range<usize>;

/// Normalises text to Unicode NFC without allocating when it already is.
///
/// macOS file systems and some IMEs hand Hangul over decomposed (NFD); the
/// template's titles are NFC, so every comparison goes through this.
pub fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if text.chars().all(nfc_inert) {
        return std::borrow::Cow::Borrowed(text);
    }
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => std::borrow::Cow::Borrowed(text),
        _ => std::borrow::Cow::Owned(text.nfc().collect()),
    }
}

/// Characters that are NFC and compose with nothing before them: ASCII,
/// Latin-1, precomposed Hangul syllables, general and CJK punctuation.
/// Text made only of these (nearly every scrap) needs no normalisation, and
/// checking this is far cheaper than the Unicode tables.
pub fn nfc_inert(c: char) -> bool {
    (c as u32) < 0x300
        || ('\u{AC00}'..='\u{D7A3}').contains(&c)
        || ('\u{2000}'..='\u{206F}').contains(&c)
        || ('\u{3000}'..='\u{303F}').contains(&c)
}

/// The comparison key of a section title: NFC, lower case, without
/// whitespace, without a trailing colon and without Markdown emphasis.
///
/// "추가조사할 내용 또는결과", "추가조사할 내용 또는 결과:" and
/// "**추가조사할 내용 또는결과**" all share one key.
pub fn title_key(title: &str) -> String {
    let normalized = nfc(title);
    let mut key = String::with_capacity(normalized.len());
    for c in normalized.chars() {
        match c {
            c if c.is_whitespace() || c == '*' || c == '_' => {}
            // ASCII and Hangul (which has no case) skip the Unicode tables.
            c if c.is_ascii() => key.push(c.to_ascii_lowercase()),
            '\u{AC00}'..='\u{D7A3}' => key.push(c),
            c => key.extend(c.to_lowercase()),
        }
    }
    while key.ends_with([':', '：']) {
        key.pop();
    }
    key
}

/// Trims whitespace that spreadsheets leave behind (tabs, spaces, NBSP, the
/// ideographic space) from both ends.
pub fn trim_cells(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_keys_are_forgiving() {
        assert_eq!(
            title_key("추가조사할 내용 또는결과"),
            title_key("추가조사할 내용 또는 결과 :")
        );
        assert_eq!(title_key("Headline"), title_key("headline"));
        let nfd: String = {
            use unicode_normalization::UnicodeNormalization;
            "인사이트".nfd().collect()
        };
        assert_ne!(nfd, "인사이트");
        assert_eq!(title_key(&nfd), title_key("인사이트"));
    }
}
