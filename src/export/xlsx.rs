//! The weekly sheet as an Excel workbook (`rust_xlsxwriter`): a bold header
//! row that stays frozen, wrapped text aligned to the top, column widths
//! that count a Hangul syllable as two columns, and links as hyperlinks.

use rust_xlsxwriter::{Format, FormatAlign, Url, Workbook, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::rows::Sheet;
use crate::scrap::validate::is_http_url;

/// The most characters an Excel cell holds.
pub const MAX_CELL_CHARS: usize = 32_767;

/// Column widths, in Excel's character units.
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 60;

/// A workbook and what did not fit in it.
#[derive(Debug)]
pub struct Xlsx {
    /// The `.xlsx` file's bytes.
    pub bytes: Vec<u8>,
    /// Cells (row, column; 0 is the header) cut to [`MAX_CELL_CHARS`].
    pub truncated: Vec<(usize, usize)>,
}

/// The sheet as a workbook with one worksheet named `sheet_name`.
pub fn workbook(sheet: &Sheet, sheet_name: &str) -> Result<Xlsx, XlsxError> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet_name)?;
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let header = wrap.clone().set_bold().set_background_color("#E8EEF7");
    let link = wrap
        .clone()
        .set_font_color("#0563C1")
        .set_underline(rust_xlsxwriter::FormatUnderline::Single);
    let mut truncated = Vec::new();
    for (r, row) in std::iter::once(&sheet.header)
        .chain(&sheet.rows)
        .enumerate()
    {
        for (c, value) in row.iter().enumerate() {
            let (row_num, col_num) = (r as u32, c as u16);
            let text = match value.char_indices().nth(MAX_CELL_CHARS) {
                Some((cut, _)) => {
                    truncated.push((r, c));
                    &value[..cut]
                }
                None => value.as_str(),
            };
            if r == 0 {
                ws.write_string_with_format(row_num, col_num, text, &header)?;
            } else if is_http_url(text) && !text.contains(char::is_whitespace) {
                let url = Url::new(text).set_text(text);
                if ws
                    .write_url_with_format(row_num, col_num, url, &link)
                    .is_err()
                {
                    // Longer than Excel's link limit: the address as text.
                    ws.write_string_with_format(row_num, col_num, text, &wrap)?;
                }
            } else {
                ws.write_string_with_format(row_num, col_num, text, &wrap)?;
            }
        }
    }
    for (c, width) in column_widths(sheet).into_iter().enumerate() {
        ws.set_column_width(c as u16, width as f64)?;
    }
    ws.set_freeze_panes(1, 0)?;
    if !sheet.rows.is_empty() {
        ws.autofilter(0, 0, sheet.rows.len() as u32, sheet.header.len() as u16 - 1)?;
    }
    Ok(Xlsx {
        bytes: book.save_to_buffer()?,
        truncated,
    })
}

/// Each column's width: its widest line in display columns (a Hangul
/// syllable is two), within [`MIN_WIDTH`]..=[`MAX_WIDTH`]; longer text wraps.
pub fn column_widths(sheet: &Sheet) -> Vec<usize> {
    (0..sheet.header.len())
        .map(|c| {
            std::iter::once(&sheet.header)
                .chain(&sheet.rows)
                .filter_map(|row| row.get(c))
                .flat_map(|v| v.lines())
                .map(|line| line.width())
                .max()
                .unwrap_or(0)
                .saturating_add(2)
                .clamp(MIN_WIDTH, MAX_WIDTH)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangul_counts_double() {
        let sheet = Sheet {
            header: vec!["날짜".into(), "헤드라인".into(), "본문".into()],
            rows: vec![vec![
                "2026-11-20".into(),
                "반도체 수출 반등".into(),
                "가".repeat(100),
            ]],
        };
        assert_eq!(column_widths(&sheet), [12, 18, MAX_WIDTH]);
    }

    #[test]
    fn writes_a_zip_and_reports_cut_cells() {
        let sheet = Sheet {
            header: vec!["본문".into(), "기사링크".into()],
            rows: vec![vec![
                "가".repeat(MAX_CELL_CHARS + 5),
                format!("https://example.com/{}", "a".repeat(3000)),
            ]],
        };
        let x = workbook(&sheet, "스크랩").unwrap();
        assert!(x.bytes.starts_with(b"PK"));
        assert_eq!(x.truncated, [(1, 0)]);
    }
}
