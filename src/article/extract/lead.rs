//! The lead paragraph (standfirst): many pages set it apart from the body's
//! box — above it, in the header, in a teaser element — so every candidate
//! misses it, yet it is the article's first paragraph. The page says which
//! text that is: its description (`og:description`, `description`) is
//! usually the lead, word for word. When a visible paragraph of the page
//! holds the description's opening and the chosen body does not, that
//! paragraph is put back at the body's head. Headings are left out: a
//! subtitle that repeats the description (a dek) is set apart on purpose.

use super::stats::Stats;
use crate::article::dom::{Dom, is_block};

/// Characters of the description that identify the lead.
const KEY_CHARS: usize = 50;

/// Descriptions shorter than this are taglines, not leads.
const MIN_DESCRIPTION: usize = 40;

/// The lead block's text, when the page shows its description as a
/// paragraph that `body` lacks; `None` otherwise. `stats` are the unpruned
/// page's.
pub(super) fn missing_lead(
    dom: &Dom,
    stats: &Stats,
    body: &[String],
    description: &str,
) -> Option<Vec<String>> {
    let desc = collapse_ws(description);
    let desc = desc.trim_end_matches(['…', '.', ' ']);
    if desc.chars().count() < MIN_DESCRIPTION {
        return None;
    }
    let key: String = desc.chars().take(KEY_CHARS).collect();
    let text = collapse_ws(&body.join(" "));
    if text.contains(&key) {
        return None;
    }
    let limit = 2 * desc.chars().count() + 200;
    let removed = dom.removed_mask();
    for (i, &gone) in removed.iter().enumerate() {
        if gone {
            continue;
        }
        let Some(e) = dom.element(i) else {
            continue;
        };
        // A block with text of its own (not a wrapper of the article).
        let c = &stats.0[i];
        // A heading that repeats the description is a subtitle (a dek), set
        // apart from the text on purpose; a paragraph is the lead.
        let heading = matches!(&*e.tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        if heading || !is_block(&e.tag) || (c.inline_chars as usize) < KEY_CHARS.min(desc.len()) / 2
        {
            continue;
        }
        if c.chars as usize > limit || c.link_density() > 0.3 {
            continue;
        }
        let block = collapse_ws(&dom.text(i));
        if !block.contains(&key) {
            continue;
        }
        let head: String = block.chars().take(KEY_CHARS).collect();
        if text.contains(&head) {
            return None;
        }
        let mut out = Vec::new();
        dom.paragraphs(i, &mut out);
        // Only the paragraph that is the lead: not a byline or date beside it.
        out.retain(|p| collapse_ws(p).contains(&key));
        return (!out.is_empty()).then_some(out);
    }
    None
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    const LEAD: &str =
        "Die Ideen reichen vom Spuckschutz bis zur Kontrolle der Körpertemperatur am Werkstor.";
    const BODY: &str = "Viele Unternehmen haben ihre Belegschaft ins Homeoffice geschickt, andere arbeiten im Schichtbetrieb.";

    fn run(html: &str, body: &[&str], desc: &str) -> Option<Vec<String>> {
        let doc = Html::parse_document(html);
        let dom = Dom::from_html(&doc);
        let stats = Stats::compute(&dom);
        let body: Vec<String> = body.iter().map(|s| (*s).to_owned()).collect();
        missing_lead(&dom, &stats, &body, desc)
    }

    #[test]
    fn a_lead_outside_the_body_is_found() {
        let html = format!(
            "<body><header><p class=teaser>{LEAD}</p></header><div class=text><p>{BODY}</p></div></body>"
        );
        assert_eq!(run(&html, &[BODY], LEAD), Some(vec![LEAD.to_owned()]));
        // A description cut with an ellipsis still names it.
        let cut = format!("{}…", &LEAD[..60]);
        assert_eq!(run(&html, &[BODY], &cut), Some(vec![LEAD.to_owned()]));
    }

    #[test]
    fn no_lead_when_the_body_has_it_or_the_page_does_not_show_it() {
        let html = format!("<body><p>{LEAD}</p><div><p>{BODY}</p></div></body>");
        assert_eq!(run(&html, &[LEAD, BODY], LEAD), None);
        let hidden = format!("<body><div><p>{BODY}</p></div></body>");
        assert_eq!(run(&hidden, &[BODY], LEAD), None);
        // A subtitle heading repeating the description is left out.
        let dek = format!("<body><h2 class=dek>{LEAD}</h2><div><p>{BODY}</p></div></body>");
        assert_eq!(run(&dek, &[BODY], LEAD), None);
        // A tagline is no lead.
        assert_eq!(run(&html, &[BODY], "Nachrichten aus Berlin"), None);
    }
}
