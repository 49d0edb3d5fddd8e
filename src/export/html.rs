//! A printable digest of a week's scraps: one self-contained HTML file
//! (inline CSS, nothing fetched) with, per scrap, the headline, press and
//! date, the link, the summary, and the insight and the questions standing
//! out, the parts the group discusses. The body is left out unless asked
//! for, and then folded. Korean typography: a system font stack with Korean
//! fonts, `word-break: keep-all`; print CSS puts each scrap on its own page.
//! A scrap is user text: every value is escaped.

use std::borrow::Cow;
use std::fmt::Write;

use super::Record;
use crate::i18n::{Locale, Message};
use crate::scrap::template::{Role, Template};
use crate::scrap::validate::is_http_url;

/// The inline style sheet.
const STYLE: &str = r#"
:root { color-scheme: light; }
body {
  font-family: "Pretendard", "Apple SD Gothic Neo", "Noto Sans KR", "Noto Sans CJK KR",
    "Malgun Gothic", "맑은 고딕", "NanumGothic", "Nanum Gothic", system-ui, sans-serif;
  line-height: 1.65; color: #1b1b1b; background: #fff;
  word-break: keep-all; overflow-wrap: break-word;
  max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem;
}
header.digest h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
header.digest p { color: #555; margin: 0 0 1.5rem; }
article.scrap { border-top: 2px solid #1b1b1b; padding-top: 1rem; margin-top: 2rem; }
article.scrap h2 { font-size: 1.35rem; margin: 0 0 .25rem; }
.meta { color: #555; margin: 0 0 .5rem; }
.link a { color: #0b57d0; overflow-wrap: anywhere; word-break: break-all; }
section { margin: 1rem 0; }
section h3, details summary { font-size: 1rem; margin: 0 0 .35rem; color: #333; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.insight, .questions { padding: .6rem 1rem; border-left: 4px solid; border-radius: 4px; }
.insight { background: #fff6dc; border-color: #e2a400; }
.questions { background: #e7f2fd; border-color: #1e6fd9; }
.empty { color: #999; }
@page { size: A4; margin: 16mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  article.scrap { break-after: page; page-break-after: always; border-top: none; margin-top: 0; }
  article.scrap:last-of-type { break-after: auto; page-break-after: auto; }
  .insight, .questions { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// The digest of `records`; `with_body` adds each body, folded.
pub fn digest(records: &[Record], template: &Template, locale: Locale, with_body: bool) -> String {
    let title = Message::DigestTitle.render(locale);
    let mut out = String::with_capacity(4096);
    let lang = locale.pick("ko", "en");
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header class=\"digest\"><h1>{title}</h1><p>{}</p></header>\n",
        escape(&summary_line(records, locale))
    );
    for record in records {
        scrap(&mut out, record, template, locale, with_body);
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// "3건 · 2026-11-16 – 2026-11-20": how many scraps, over which days.
fn summary_line(records: &[Record], locale: Locale) -> String {
    let count = Message::DigestCount {
        count: records.len(),
    }
    .render(locale);
    let mut days: Vec<&str> = records
        .iter()
        .filter_map(|r| r.meta.date.as_deref())
        .map(|d| d.get(..10).unwrap_or(d))
        .collect();
    days.sort_unstable();
    match (days.first(), days.last()) {
        (Some(first), Some(last)) if first != last => format!("{count} · {first} – {last}"),
        (Some(day), _) => format!("{count} · {day}"),
        _ => count,
    }
}

fn scrap(out: &mut String, record: &Record, template: &Template, locale: Locale, body: bool) {
    let text = |role| record.by_role(template, role).unwrap_or_default();
    let label = |role| template.spec_by_role(role).map_or("", |s| s.title.as_str());
    let headline = Some(text(Role::Headline))
        .filter(|h| !h.is_empty())
        .or_else(|| record.title.clone())
        .unwrap_or_else(|| Message::NoHeadline.render(locale));
    let _ = write!(
        out,
        "<article class=\"scrap\">\n<h2>{}</h2>\n",
        escape(&headline)
    );
    let meta: Vec<&str> = [record.meta.press.as_deref(), record.meta.date.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let mut meta = meta.join(" · ");
    if !record.meta.tags.is_empty() {
        let tags: Vec<String> = record.meta.tags.iter().map(|t| format!("#{t}")).collect();
        if !meta.is_empty() {
            meta.push_str(" · ");
        }
        meta.push_str(&tags.join(" "));
    }
    if !meta.is_empty() {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(&meta));
    }
    let link = text(Role::Link);
    if is_http_url(&link) {
        let link = escape(&link);
        let _ = writeln!(out, "<p class=\"link\"><a href=\"{link}\">{link}</a></p>");
    } else if !link.is_empty() {
        let _ = writeln!(out, "<p class=\"link\">{}</p>", escape(&link));
    }
    for (role, class) in [
        (Role::Summary, "summary"),
        (Role::Insight, "insight"),
        (Role::Questions, "questions"),
    ] {
        if template.by_role(role).is_none() {
            continue;
        }
        let value = text(role);
        let value = if value.is_empty() {
            format!(
                "<span class=\"empty\">{}</span>",
                Message::EmptyValue.render(locale)
            )
        } else {
            escape(&value).into_owned()
        };
        let _ = writeln!(
            out,
            "<section class=\"{class}\"><h3>{}</h3><div class=\"text\">{value}</div></section>",
            escape(label(role))
        );
    }
    let text_body = text(Role::Body);
    if body && !text_body.is_empty() {
        let _ = writeln!(
            out,
            "<details class=\"body\"><summary>{}</summary><div class=\"text\">{}</div></details>",
            escape(label(Role::Body)),
            escape(&text_body)
        );
    }
    out.push_str("</article>\n");
}

/// Text as HTML text or attribute value: `& < > " '` escaped.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(text: &str) -> Record {
        Record::read(text, &Template::default())
    }

    #[test]
    fn values_are_escaped_and_parts_stand_out() {
        let r = record(
            "---\ndate: 2026-11-20\npress: 한빛경제\n---\n## 헤드라인\n\nA&B <b>\n\n## 기사링크\n\nhttps://example.com/a?x=1&y=\"2\"\n\n## 인사이트\n\n<script>alert(1)</script> 12%\n\n## 본문\n\n본문 글\n",
        );
        let html = digest(&[r], &Template::default(), Locale::Ko, false);
        assert!(html.contains("<h2>A&amp;B &lt;b&gt;</h2>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; 12%"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("href=\"https://example.com/a?x=1&amp;y=&quot;2&quot;\""));
        assert!(html.contains("<p class=\"meta\">한빛경제 · 2026-11-20</p>"));
        assert!(html.contains("class=\"insight\""));
        assert!(html.contains("스크랩 1건 · 2026-11-20"));
        assert!(!html.contains("본문 글"));
        assert!(!html.contains("http://") && !html.contains("src="));
    }

    #[test]
    fn body_only_when_asked_and_folded() {
        let r = record("## 본문\n\n본문 글\n");
        let html = digest(&[r], &Template::default(), Locale::En, true);
        assert!(html.contains("<details class=\"body\"><summary>본문 (본문 내용 복사)</summary>"));
        assert!(html.contains("(no headline)"));
    }
}
