//! Bytes → text. Korean pages still come in EUC-KR/CP949, and servers lie
//! about charsets, so the order of trust follows the HTML standard's
//! "encoding sniffing": the HTTP charset, then a byte order mark, then a
//! `<meta>` declaration near the start, then statistical detection.
//!
//! The result is never normalised (no NFC/NFD pass): Hangul comes out as the
//! precomposed syllables the page held.

use encoding_rs::{Encoding, UTF_8};

/// How far into the document a `<meta charset>` is looked for. The standard
/// says 1024 bytes; real pages put long `<title>`s and scripts first, so a
/// little more is read.
const META_SCAN: usize = 4096;

/// Decodes a page. `http_charset` is the `charset` parameter of the response's
/// `Content-Type`, if any. Returns the text and the encoding used.
/// Valid UTF-8 is borrowed, not copied.
pub fn decode_html<'a>(
    bytes: &'a [u8],
    http_charset: Option<&str>,
) -> (std::borrow::Cow<'a, str>, &'static Encoding) {
    let encoding = sniff(bytes, http_charset);
    // `decode` strips a BOM that matches, and replaces malformed sequences
    // with U+FFFD instead of failing.
    let (text, used, _had_errors) = encoding.decode(bytes);
    (text, used)
}

/// Picks the encoding by the order of trust above.
pub fn sniff(bytes: &[u8], http_charset: Option<&str>) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        // A BOM is more reliable than any label: the standard lets it win
        // even over HTTP.
        return enc;
    }
    if let Some(enc) = http_charset.and_then(label_to_encoding) {
        // A declared UTF-8 that is not valid UTF-8 while the bytes look like
        // a legacy Korean encoding is the classic misconfigured server; trust
        // the bytes then.
        if enc == UTF_8 && std::str::from_utf8(bytes).is_err() {
            return detect(bytes);
        }
        return enc;
    }
    if let Some(enc) = meta_charset(&bytes[..bytes.len().min(META_SCAN)]) {
        if enc == UTF_8 && std::str::from_utf8(bytes).is_err() {
            return detect(bytes);
        }
        return enc;
    }
    detect(bytes)
}

/// `chardetng` on the whole prefix that matters; it is trained on the web
/// and knows EUC-KR well.
fn detect(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(
        &bytes[..bytes.len().min(256 * 1024)],
        bytes.len() <= 256 * 1024,
    );
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// Maps a charset label to its encoding. `x-user-defined` and the
/// UTF-16 labels are not valid for a page declared in ASCII (the standard
/// turns them into windows-1252 / UTF-8 respectively).
fn label_to_encoding(label: &str) -> Option<&'static Encoding> {
    let label = label.trim().trim_matches(|c| c == '"' || c == '\'');
    let enc = Encoding::for_label(label.as_bytes())?;
    if enc == encoding_rs::UTF_16BE || enc == encoding_rs::UTF_16LE {
        return Some(UTF_8);
    }
    if enc == encoding_rs::X_USER_DEFINED {
        return Some(encoding_rs::WINDOWS_1252);
    }
    Some(enc)
}

/// Finds `<meta charset=…>` or `<meta http-equiv=content-type content="…;
/// charset=…">` in the first bytes. A byte-level scan: the document is not
/// decoded yet, and all the relevant encodings are ASCII-compatible.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos + 5;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |p| start + p);
        let tag = &lower[start..end];
        if let Some(cs) = find(tag, b"charset") {
            let mut rest = &tag[cs + 7..];
            rest = trim_start(rest);
            if let Some(after_eq) = rest.strip_prefix(b"=") {
                let value = trim_start(after_eq);
                let value = value
                    .strip_prefix(b"\"")
                    .or_else(|| value.strip_prefix(b"'"))
                    .unwrap_or(value);
                let len = value
                    .iter()
                    .position(|&b| {
                        matches!(
                            b,
                            b'"' | b'\'' | b';' | b' ' | b'/' | b'>' | b'\t' | b'\n' | b'\r'
                        )
                    })
                    .unwrap_or(value.len());
                if let Ok(label) = std::str::from_utf8(&value[..len])
                    && let Some(enc) = label_to_encoding(label)
                {
                    return Some(enc);
                }
            }
        }
        from = end.min(lower.len());
        if from >= lower.len() {
            break;
        }
    }
    None
}

fn trim_start(mut s: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = s {
        if first.is_ascii_whitespace() {
            s = rest;
        } else {
            break;
        }
    }
    s
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euc_kr_meta() {
        let (bytes, _, _) = encoding_rs::EUC_KR
            .encode("<html><head><meta charset=\"euc-kr\"></head><body>경제 뉴스</body></html>");
        let (text, enc) = decode_html(&bytes, None);
        assert_eq!(enc, encoding_rs::EUC_KR);
        assert!(text.contains("경제 뉴스"));
    }

    #[test]
    fn http_equiv() {
        let html = b"<meta http-equiv='Content-Type' content='text/html; charset=ks_c_5601-1987'>";
        assert_eq!(sniff(html, None), encoding_rs::EUC_KR);
    }

    #[test]
    fn bom_wins_and_lying_utf8_is_detected() {
        assert_eq!(sniff(b"\xEF\xBB\xBFabc", Some("euc-kr")), UTF_8);
        let (bytes, _, _) = encoding_rs::EUC_KR
            .encode("<p>한국 경제가 성장했다. 수출이 늘었다. 반도체 호황이 이어졌다.</p>");
        assert_eq!(sniff(&bytes, Some("utf-8")), encoding_rs::EUC_KR);
    }

    #[test]
    fn undeclared_euc_kr_detected() {
        let (bytes, _, _) = encoding_rs::EUC_KR.encode(
            "<p>한국은행이 기준금리를 동결했다. 물가 상승률이 둔화되고 있다는 판단이다.</p>",
        );
        let (text, _) = decode_html(&bytes, None);
        assert!(text.contains("기준금리를 동결했다"));
    }
}
