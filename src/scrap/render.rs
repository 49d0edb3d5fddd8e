//! Writing scrap text: a new scrap from the template (optionally filled from
//! a fetched article), and the section blocks that completions and code
//! actions insert.

use super::frontmatter::KEYS;
use super::prefill::Prefill;
use super::template::{Role, SectionSpec, Template};
use crate::i18n::{Locale, Message};

/// The heading prefix used for sections written by scrapls.
pub const SECTION_LEVEL: &str = "##";

/// A complete new scrap: front matter, a title, and every template section
/// in order, each holding its guidance as an HTML comment (invisible when
/// rendered, recognised by validation as "not filled yet").
pub fn new_scrap(template: &Template, locale: Locale, fill: &Prefill) -> String {
    let mut out = String::new();
    out.push_str("---\n");
    for key in &KEYS {
        let value = fill.get(key.field);
        if value.is_none() && !key.always_written {
            continue;
        }
        out.push_str(key.name);
        out.push(':');
        let value = value.map_or_else(|| key.empty_value().to_string(), yaml_scalar);
        if !value.is_empty() {
            out.push(' ');
            out.push_str(&value);
        }
        out.push('\n');
    }
    out.push_str("---\n\n");
    out.push_str(&format!("# {}\n\n", Message::ScrapTitle.render(locale)));
    for spec in template.sections() {
        let value = match spec.role {
            Some(Role::Headline) => fill.headline.as_deref(),
            Some(Role::Link) => fill.url.as_deref(),
            Some(Role::Body) => fill.body.as_deref(),
            _ => None,
        };
        match value.map(str::trim).filter(|v| !v.is_empty()) {
            Some(v) => {
                out.push_str(&format!("{SECTION_LEVEL} {}\n\n{v}\n\n", spec.title));
            }
            None => out.push_str(&section_block(spec, locale)),
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// One empty section: heading, guidance comment, blank line.
pub fn section_block(spec: &SectionSpec, locale: Locale) -> String {
    format!(
        "{SECTION_LEVEL} {}\n\n{}\n\n",
        spec.title,
        guidance_comment(spec, locale)
    )
}

/// The guidance as an HTML comment (`--` would end a comment early).
pub fn guidance_comment(spec: &SectionSpec, locale: Locale) -> String {
    let guidance = spec.guidance_in(locale).replace("--", "—");
    if guidance.is_empty() {
        String::new()
    } else {
        format!("<!-- {guidance} -->")
    }
}

/// A YAML scalar: plain when that is unambiguous, else double-quoted
/// (JSON strings are valid YAML).
pub fn yaml_scalar(value: &str) -> String {
    let plain = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '.' | '/' | '_'))
        && !value.starts_with([' ', '-'])
        && !value.ends_with(' ');
    if plain {
        value.to_string()
    } else {
        serde_json::to_string(value).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::super::config::Config;
    use super::super::diagnostic::Code;
    use super::super::validate::check;
    use super::*;

    #[test]
    fn new_scrap_parses_and_asks_to_be_filled() {
        let t = Template::default();
        let text = new_scrap(&t, Locale::Ko, &Prefill::default());
        let (scrap, diags) = check(&text, &Config::default());
        assert_eq!(scrap.sections.len(), t.sections().len());
        assert!(diags.iter().all(|d| d.code == Code::EmptySection));
        assert_eq!(
            diags.len(),
            t.sections().iter().filter(|s| s.required).count()
        );
    }

    #[test]
    fn prefill_fills() {
        let t = Template::default();
        let fill = Prefill {
            headline: Some("수출 3개월 연속 증가".into()),
            url: Some("https://news.example.com/1".into()),
            press: Some("예시: 신문".into()),
            ..Prefill::default()
        };
        let text = new_scrap(&t, Locale::Ko, &fill);
        assert!(text.contains("## 헤드라인 (요약과 압축)\n\n수출 3개월 연속 증가\n"));
        assert!(text.contains("press: \"예시: 신문\"\n"));
        assert!(text.contains("url: \"https://news.example.com/1\"\n"));
    }
}
