//! The weekly sheet as CSV (RFC 4180) or TSV, written by the `csv` crate:
//! CRLF between records, a field quoted when it holds the delimiter, a
//! quote or a line break. UTF-8, with a byte order mark on request, which
//! Excel needs to read Hangul from a CSV file.

use super::rows::Sheet;

/// The field separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    /// `,` (CSV).
    Comma,
    /// `TAB` (TSV, what a sheet pastes).
    Tab,
}

/// The sheet as delimited text; `bom` starts it with U+FEFF for Excel.
pub fn delimited(sheet: &Sheet, delimiter: Delimiter, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(match delimiter {
            Delimiter::Comma => b',',
            Delimiter::Tab => b'\t',
        })
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    // Writing to a Vec cannot fail, and every row is as wide as the header.
    for row in std::iter::once(&sheet.header).chain(&sheet.rows) {
        let _ = writer.write_record(row);
    }
    writer.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet() -> Sheet {
        Sheet {
            header: vec!["날짜".into(), "본문".into()],
            rows: vec![vec!["2026-11-20".into(), "첫 줄\n\"인용\", 둘째".into()]],
        }
    }

    #[test]
    fn rfc4180_quoting() {
        let out = String::from_utf8(delimited(&sheet(), Delimiter::Comma, false)).unwrap();
        assert_eq!(
            out,
            "날짜,본문\r\n2026-11-20,\"첫 줄\n\"\"인용\"\", 둘째\"\r\n"
        );
        let back: Vec<csv::StringRecord> = ::csv::Reader::from_reader(out.as_bytes())
            .records()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(&back[0][1], "첫 줄\n\"인용\", 둘째");
    }

    #[test]
    fn tsv_and_bom() {
        let out = delimited(&sheet(), Delimiter::Tab, true);
        assert!(out.starts_with("\u{feff}날짜\t본문\r\n".as_bytes()));
    }
}
