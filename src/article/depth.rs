//! The depth guard: flattens hostile nesting before the HTML parser sees it.
//!
//! Its own file because it works on raw text, before any tree exists; the
//! flat DOM (`dom.rs`) only ever sees its output.

/// The deepest element nesting kept, as in browsers' parsers (Blink stops
/// nesting at 512).
pub const MAX_DEPTH: usize = 512;

/// Flattens hostile nesting before parsing: start tags (and their end tags)
/// beyond [`MAX_DEPTH`] open elements are dropped, their text kept.
///
/// Why: html5ever checks "is there a `<p>` in button scope" on every block
/// start tag by walking the stack of open elements, so 100,000 nested
/// `<div>`s cost ~10¹⁰ steps (measured: 27 s). A linear pre-scan bounds it.
/// Elements whose end tag is optional (`p`, `li`, `td`, …) are not counted:
/// the parser closes them itself, and counting them would flatten real pages.
pub fn limit_depth(html: &str) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    // Cheap exit: a document with fewer tags than the limit cannot exceed it.
    if bytecount_lt(bytes, b'<', MAX_DEPTH) {
        return std::borrow::Cow::Borrowed(html);
    }
    // (name as a byte range of `html`, dropped)
    let mut stack: Vec<(usize, usize, bool)> = Vec::new();
    let mut kept = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0usize; // bytes of `html` already copied to `out`
    let mut i = 0usize;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + off;
        i = start + 1;
        if bytes[i..].starts_with(b"!--") {
            i = find_from(bytes, i, b"-->").map_or(bytes.len(), |p| p + 3);
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = &bytes[name_start..name_start + name_len];
        // Lower-cased copy for the keyword checks; longer names are custom
        // elements, none of which is void or special.
        let mut lower = [0u8; 10];
        let short = name.len() <= lower.len();
        if short {
            for (d, s) in lower.iter_mut().zip(name) {
                *d = s.to_ascii_lowercase();
            }
        }
        let lname: &[u8] = if short { &lower[..name.len()] } else { b"" };
        let end = tag_end(bytes, name_start + name_len);
        i = end;
        let self_closing = end >= 2 && bytes[end - 2] == b'/';
        if closing {
            // Match against the top few open elements only: hostile input
            // could otherwise make this search quadratic.
            let depth = stack.len();
            if let Some(pos) = stack
                .iter()
                .rev()
                .take(64)
                .position(|&(s, l, _)| bytes[s..s + l].eq_ignore_ascii_case(name))
            {
                let at = depth - 1 - pos;
                let dropped = stack[at].2;
                for (_, _, d) in stack.drain(at..) {
                    if !d {
                        kept -= 1;
                    }
                }
                if dropped {
                    let o = out.get_or_insert_with(String::new);
                    o.push_str(&html[copied..start]);
                    copied = end;
                }
            }
            continue;
        }
        if is_void(lname) || self_closing || optional_end(lname) {
            continue;
        }
        let raw_text = matches!(
            lname,
            b"script" | b"style" | b"textarea" | b"title" | b"xmp"
        );
        if raw_text {
            // Skip the raw text: `<` inside a script is not a tag.
            let mut close = Vec::with_capacity(name.len() + 2);
            close.extend_from_slice(b"</");
            close.extend_from_slice(lname);
            i = find_from_ci(bytes, end, &close).unwrap_or(bytes.len());
        } else if kept >= MAX_DEPTH {
            let o = out.get_or_insert_with(String::new);
            o.push_str(&html[copied..start]);
            copied = end;
            stack.push((name_start, name_len, true));
        } else {
            kept += 1;
            stack.push((name_start, name_len, false));
        }
    }
    match out {
        None => std::borrow::Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            std::borrow::Cow::Owned(o)
        }
    }
}

fn bytecount_lt(bytes: &[u8], b: u8, n: usize) -> bool {
    let mut count = 0;
    for &x in bytes {
        if x == b {
            count += 1;
            if count >= n {
                return false;
            }
        }
    }
    true
}

/// Index just past the `>` that ends a tag, honouring quoted attributes.
fn tag_end(bytes: &[u8], mut i: usize) -> usize {
    let mut quote = 0u8;
    while i < bytes.len() {
        let b = bytes[i];
        if quote != 0 {
            if b == quote {
                quote = 0;
            }
        } else if b == b'"' || b == b'\'' {
            quote = b;
        } else if b == b'>' {
            return i + 1;
        }
        i += 1;
    }
    bytes.len()
}

fn find_from(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes[from.min(bytes.len())..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_from_ci(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes[from.min(bytes.len())..]
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"source"
            | b"track"
            | b"wbr"
            | b"param"
            | b"keygen"
    )
}

fn optional_end(name: &[u8]) -> bool {
    matches!(
        name,
        b"p" | b"li"
            | b"dt"
            | b"dd"
            | b"tr"
            | b"td"
            | b"th"
            | b"option"
            | b"optgroup"
            | b"rb"
            | b"rt"
            | b"rp"
            | b"thead"
            | b"tbody"
            | b"tfoot"
            | b"colgroup"
            | b"caption"
            | b"html"
            | b"head"
            | b"body"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattens_only_beyond_the_limit() {
        let deep = "<div>".repeat(2_000) + "본문" + &"</div>".repeat(2_000);
        let flat = limit_depth(&deep);
        assert_eq!(flat.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(flat.matches("</div>").count(), MAX_DEPTH);
        assert!(flat.contains("본문"));
        let normal = "<p>a".repeat(1_000);
        assert!(matches!(
            limit_depth(&normal),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
