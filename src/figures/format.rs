//! Figures as people read them: full values with separators
//! (`1,200,000,000,000원`), compact Korean magnitudes (`1.2조 원`), and
//! changes (`+300명, 2.5배, +150%`). The hover, the draft list and the CLI
//! all print through here.

use super::relate::kind_of;
use super::units::UnitKind;
use super::{Change, Direction, Figure};
use crate::i18n::Locale;

/// A number with `,` between thousands and at most four decimals
/// (`1200000` → `1,200,000`, `12.40` → `12.4`).
pub fn grouped(value: f64) -> String {
    let rounded = (value * 10_000.0).round() / 10_000.0;
    let negative = rounded < 0.0;
    let abs = rounded.abs();
    let int = abs.trunc();
    let mut digits = if int < 1e21 {
        format!("{int:.0}")
    } else {
        format!("{int:e}")
    };
    if int < 1e21 {
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        digits = out;
    }
    let frac = abs - int;
    let mut s = if negative {
        "-".to_string()
    } else {
        String::new()
    };
    s.push_str(&digits);
    if frac > 0.0 {
        let f = format!("{frac:.4}");
        let f = f.trim_start_matches('0').trim_end_matches('0');
        if f.len() > 1 {
            s.push_str(f);
        }
    }
    s
}

/// The value in the largest Korean magnitude it reaches (`1.2조`,
/// `3,500억`, `1.2만`), or `None` under 만.
pub fn compact_ko(value: f64) -> Option<String> {
    let abs = value.abs();
    [(1e12, "조"), (1e8, "억"), (1e4, "만")]
        .into_iter()
        .find(|(m, _)| abs >= *m)
        .map(|(m, word)| format!("{}{word}", grouped(value / m)))
}

/// The value in English magnitudes (`1.2 trillion`), or `None` under a
/// thousand.
fn compact_en(value: f64) -> Option<String> {
    let abs = value.abs();
    [
        (1e12, "trillion"),
        (1e9, "billion"),
        (1e6, "million"),
        (1e3, "thousand"),
    ]
    .into_iter()
    .find(|(m, _)| abs >= *m)
    .map(|(m, word)| format!("{} {word}", grouped(value / m)))
}

/// A value and unit short enough for a list: `300명`, `1.2조원`, `12.4%`.
pub fn short(value: f64, unit: &str) -> String {
    let number = compact_ko(value).unwrap_or_else(|| grouped(value));
    format!("{number}{unit}")
}

/// The unit a difference of this unit is written in: `%` differences are
/// percentage points.
fn delta_unit(unit: &str) -> &str {
    if kind_of(unit) == UnitKind::Percent {
        "%p"
    } else {
        unit
    }
}

fn signed(value: f64, unit: &str) -> String {
    let sign = if value > 0.0 { "+" } else { "" };
    format!("{sign}{}", short(value, unit))
}

/// The parts of a change worth printing: delta, ratio, and (with `percent`)
/// the ratio as a percentage change: `+300명, 2.5배, +150%`.
pub fn change_parts(change: &Change, unit: &str, locale: Locale, percent: bool) -> Vec<String> {
    let mut parts = Vec::new();
    if let Some(d) = change.delta {
        parts.push(signed(d, delta_unit(unit)));
    }
    if let Some(r) = change.ratio {
        let ratio_word = match locale {
            Locale::Ko => format!("{}배", grouped((r * 100.0).round() / 100.0)),
            Locale::En => format!("×{}", grouped((r * 100.0).round() / 100.0)),
        };
        if change.from.is_some() || kind_of(unit) == UnitKind::Times {
            parts.push(ratio_word);
        }
        if percent || change.from.is_none() {
            // Two decimals: `+931.25%` and `-0.05%` keep what was written.
            let pct = ((r - 1.0) * 10_000.0).round() / 100.0;
            parts.push(signed(pct, "%"));
        }
    }
    if parts.is_empty() {
        parts.push(direction_word(change.direction, locale).to_string());
    }
    parts
}

/// `증가`/`감소`/`변동 없음` (`up`/`down`/`unchanged`).
pub fn direction_word(direction: Direction, locale: Locale) -> &'static str {
    match direction {
        Direction::Up => locale.pick("증가", "up"),
        Direction::Down => locale.pick("감소", "down"),
        Direction::Flat => locale.pick("변동 없음", "unchanged"),
    }
}

/// The hover text of figure `index` of `figures`: its normalised value
/// (`1조2천억원 = 1,200,000,000,000원 (1.2조 원)`), its bounds, whether it is
/// approximate, and the change it ends or starts
/// (`200명 → 500명: +300명, 2.5배, +150%`).
pub fn hover(text: &str, figures: &[Figure], index: usize, locale: Locale) -> String {
    let figure = &figures[index];
    let written = &text[figure.span.clone()];
    let unit = figure.unit;
    let value = match figure.bounds {
        Some((lo, hi)) => format!("{}~{}{unit}", grouped(lo), grouped(hi)),
        None => format!("{}{unit}", grouped(figure.value)),
    };
    let compact = match locale {
        Locale::Ko => compact_ko(figure.value),
        Locale::En => compact_en(figure.value),
    };
    let mut out = format!("{written} = {value}");
    if let Some(c) = compact
        && figure.bounds.is_none()
    {
        out.push_str(&format!(" ({})", format!("{c} {unit}").trim_end()));
    }
    if figure.approx {
        out.push_str(locale.pick(" (어림값)", " (approximate)"));
    }
    // The change this figure ends, or the one it starts.
    let (end, start) = match figure.change_from_of {
        Some(to) => (to, Some(index)),
        None => (index, super::change_start(figures, index)),
    };
    if let Some(change) = &figures[end].change {
        let parts = change_parts(change, figures[end].unit, locale, true).join(", ");
        out.push_str("\n\n");
        match start {
            Some(s) => out.push_str(&format!(
                "{} → {}: {parts}",
                &text[figures[s].span.clone()],
                &text[figures[end].span.clone()]
            )),
            None => out.push_str(&format!(
                "{}: {parts}",
                direction_word(change.direction, locale)
            )),
        }
    }
    out
}
