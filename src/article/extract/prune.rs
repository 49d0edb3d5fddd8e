//! Boilerplate by structure: the class/id word lists, the pass that
//! removes page chrome before scoring, and readability-style conditional
//! cleaning inside the chosen content.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::stats::{Count, Stats};
use crate::article::dom::{Data, Dom, Element, Ix, is_invisible};

/// Does a class/id string hold one of these words? Long words match as
/// substrings; short ones must be whole tokens ("ad" must not match "head").
/// The reference [`Lexicon::read`] is pinned to.
#[cfg(test)]
fn has_word(class_id: &str, long: &[&str], short: &[&str]) -> bool {
    long.iter().any(|w| class_id.contains(w))
        || class_id
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|tok| short.contains(&tok))
}

/// Which word lists a class string draws on, one bit per list.
const NEG_W: u8 = 1;
const POS_W: u8 = 2;
const UNLIKELY_W: u8 = 4;
const MAYBE_W: u8 = 8;
const EVEN_W: u8 = 16;
const CAPTION_W: u8 = 32;

/// Every class word of every list in one automaton, so a class string is
/// scanned once rather than once per word (a hundred substring searches
/// per element were a tenth of the extraction time).
struct Lexicon {
    ac: AhoCorasick,
    /// Per pattern: the lists it belongs to as a substring, and as a
    /// whole token.
    masks: Vec<(u8, u8)>,
}

/// Each list's bit, its substring words and its whole-token words.
type WordList = (u8, &'static [&'static str], &'static [&'static str]);
const LISTS: [WordList; 6] = [
    (NEG_W, NEGATIVE_LONG, NEGATIVE_SHORT),
    (POS_W, POSITIVE_LONG, POSITIVE_SHORT),
    (UNLIKELY_W, UNLIKELY_LONG, UNLIKELY_SHORT),
    (MAYBE_W, MAYBE_LONG, &[]),
    (EVEN_W, UNLIKELY_EVEN_IN_CONTENT, &[]),
    (CAPTION_W, CAPTION_LONG, CAPTION_SHORT),
];

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut words: BTreeMap<&str, (u8, u8)> = BTreeMap::new();
    for (bit, long, short) in LISTS {
        for w in long {
            words.entry(w).or_default().0 |= bit;
        }
        for w in short {
            words.entry(w).or_default().1 |= bit;
        }
    }
    Lexicon {
        ac: AhoCorasick::new(words.keys()).expect("class words build an automaton"),
        masks: words.into_values().collect(),
    }
});

impl Lexicon {
    /// The lists `class_id` draws on. A `widget` right after `elementor-`
    /// is no chrome word: page builders call every block a widget
    /// (`elementor-widget-container` holds the text of an Elementor page).
    fn read(&self, class_id: &str) -> u8 {
        let bytes = class_id.as_bytes();
        let boundary = |i: usize| bytes.get(i).is_none_or(|b| !b.is_ascii_alphanumeric());
        let mut lists = 0;
        for m in self.ac.find_overlapping_iter(class_id) {
            let (long, short) = self.masks[m.pattern().as_usize()];
            if class_id[..m.start()].ends_with("elementor-") && &class_id[m.range()] == "widget" {
                continue;
            }
            lists |= long;
            if short != 0 && (m.start() == 0 || boundary(m.start() - 1)) && boundary(m.end()) {
                lists |= short;
            }
        }
        lists
    }
}

/// Chrome words (readability's negative list): −25 to a block's score.
const NEGATIVE_LONG: &[&str] = &[
    "comment",
    "share",
    "social",
    "related",
    "recommend",
    "sidebar",
    "sponsor",
    "promo",
    "advert",
    "banner",
    "footer",
    "masthead",
    "breadcrumb",
    "newsletter",
    "subscri",
    "popup",
    "modal",
    "cookie",
    "widget",
    "outbrain",
    "taboola",
    "combx",
    "shoutbox",
    "skyscraper",
    "byline",
    "caption",
    "disclaimer",
    "toolbar",
    "pagination",
    "signup",
    "trending",
    "most-popular",
    "mostpopular",
    "hidden",
];
/// Chrome words matched as whole tokens only.
const NEGATIVE_SHORT: &[&str] = &[
    "ad", "ads", "nav", "menu", "tags", "tag", "meta", "tools", "foot", "hid", "author", "credit",
    "aside", "more", "popular", "rail",
];
/// Content words (readability's positive list): +25.
const POSITIVE_LONG: &[&str] = &[
    "article", "content", "entry", "hentry", "story", "body", "text", "post", "main", "blog",
];
/// Content words matched as whole tokens only.
const POSITIVE_SHORT: &[&str] = &["page"];

/// Bits of [`Element::class_memo`]: what the word lists say of a class.
const READ: u8 = 1;
const NEGATIVE: u8 = 2;
const POSITIVE: u8 = 4;
const UNLIKELY: u8 = 8;
const CAPTION: u8 = 16;

/// The word lists' reading of `e`'s class and id, scanned once per element.
fn class_flags(e: &Element) -> u8 {
    let memo = e.class_memo.get();
    if memo & READ != 0 {
        return memo;
    }
    let mut f = READ;
    if !e.class_id.is_empty() {
        let lists = LEXICON.read(&e.class_id);
        if lists & NEG_W != 0 {
            f |= NEGATIVE;
        }
        if lists & POS_W != 0 {
            f |= POSITIVE;
        }
        if (lists & UNLIKELY_W != 0 && lists & MAYBE_W == 0) || lists & EVEN_W != 0 {
            f |= UNLIKELY;
        }
        if lists & CAPTION_W != 0 {
            f |= CAPTION;
        }
    }
    e.class_memo.set(f);
    f
}

/// The class weight of an element (readability's): −25 for a chrome word,
/// +25 for a content word, both or neither 0.
pub(super) fn element_weight(e: &Element) -> i32 {
    let f = class_flags(e);
    let mut w = 0;
    if f & NEGATIVE != 0 {
        w -= 25;
    }
    if f & POSITIVE != 0 {
        w += 25;
    }
    w
}

/// Names of boxes that are never the article: pruned before scoring
/// unless a content word ([`MAYBE_LONG`]) stands beside them.
const UNLIKELY_LONG: &[&str] = &[
    "-ad-",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "legends",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "share",
    "newsletter",
    "subscri",
    "promo",
    "recommend",
    "outbrain",
    "taboola",
    "cookie",
    "signup",
    "trending",
    "disclaimer",
    "disclosure",
    "button",
    "flyout",
    "table-of-contents",
    "teaser",
    "kommentar",
];
/// Unlikely names matched as whole tokens only (`ad` is not `head`).
const UNLIKELY_SHORT: &[&str] = &[
    "menu", "nav", "navi", "ad", "ads", "header", "tags", "toc", "meta",
];
/// Unlikely names that a content word beside them does not redeem
/// (`relatedArticles`, `article-copyright`, `entry-meta`, `article-tags`,
/// `article-byline`): the box is about the article, not the article.
const UNLIKELY_EVEN_IN_CONTENT: &[&str] = &[
    "related",
    "rating",
    "copyright",
    "consent",
    "postmeta",
    "post-meta",
    "entry-meta",
    "newsletter",
    "tags",
    "byline",
];
/// Content words that redeem an unlikely name (`article-footer content`).
const MAYBE_LONG: &[&str] = &[
    "article", "body", "column", "content", "main", "shadow", "story",
];

/// Removes what is never content anywhere on a page: invisible elements,
/// navigation and page chrome, hidden elements, and (when `strip_unlikely`)
/// blocks whose class or id says they are comments, shares, related links...
///
/// A form with fields and under [`SMALL_FORM`] characters (a comment or
/// rating form) goes; a larger one, or one holding the prose, wraps the
/// page.
///
/// A `header`, `aria-hidden` or an "unlikely" class is only a hint: an element
/// that holds most of the page's prose (a theme that wraps the article in
/// `div#socialicons-sticky`, an unclosed `<header>`) is kept.
///
/// `page` holds the statistics of the unpruned page.
pub(super) fn prune(dom: &mut Dom, page: &Stats, strip_unlikely: bool) {
    let page_chars = page.0[dom.body()].chars;
    for i in 0..dom.nodes.len() {
        let Data::Element(e) = &dom.nodes[i].data else {
            continue;
        };
        let tag = &*e.tag;
        if matches!(tag, "body" | "html") {
            continue;
        }
        let hard = is_invisible(tag)
            || matches!(
                tag,
                "nav" | "aside" | "footer" | "figcaption" | "dialog" | "menu"
            )
            // A figure is a picture, unless it holds a table (the block
            // editors wrap every table in one: `figure.wp-block-table`).
            || (tag == "figure" && !holds_table(dom, i))
            || e.attr("hidden").is_some()
            || e.attr("style").is_some_and(|s| {
                let s = s.replace(' ', "").to_ascii_lowercase();
                s.contains("display:none") || s.contains("visibility:hidden")
            })
            || e.attr("role").is_some_and(|r| {
                matches!(
                    r,
                    "menu"
                        | "menubar"
                        | "complementary"
                        | "navigation"
                        | "alert"
                        | "alertdialog"
                        | "dialog"
                )
            });
        // A header inside an article without the title is a section's
        // (an accordion's head), not the page's masthead. `aria-hidden`
        // hides an off-canvas menu, and on some themes an unclosed one
        // swallows the whole page: a hint, not a verdict.
        let soft = (tag == "header" && (!inside_article(dom, i) || holds_title(dom, i)))
            || e.attr("aria-hidden").is_some_and(|v| v == "true")
            || (strip_unlikely
                && !matches!(tag, "a" | "article" | "main")
                && class_flags(e) & UNLIKELY != 0);
        // `form` wraps whole pages on some CMSs; a comment or rating form
        // is fields and a few labels.
        let small_form = tag == "form" && page.0[i].input > 0 && page.0[i].chars < SMALL_FORM;
        if hard || ((small_form || soft) && !holds_the_prose(&page.0[i], page_chars)) {
            dom.nodes[i].removed = true;
        }
    }
}

/// Does node `i` hold a `<table>`?
fn holds_table(dom: &Dom, i: Ix) -> bool {
    dom.descendants(i)
        .into_iter()
        .any(|d| dom.tag(d) == "table")
}

/// Does node `i` hold an `<h1>`?
fn holds_title(dom: &Dom, i: Ix) -> bool {
    dom.descendants(i).into_iter().any(|d| dom.tag(d) == "h1")
}

/// Does an `<article>` hold node `i`?
fn inside_article(dom: &Dom, i: Ix) -> bool {
    let mut at = dom.nodes[i].parent;
    while let Some(p) = at {
        if dom.tag(p) == "article" {
            return true;
        }
        at = dom.nodes[p].parent;
    }
    false
}

/// A form with fields and less text than this is a form, not a page.
const SMALL_FORM: u32 = 600;

/// Most of the page's text, in paragraphs, few links: the content itself.
fn holds_the_prose(c: &Count, page_chars: u32) -> bool {
    c.p >= 2 && c.chars * 10 >= page_chars * 4 && c.link_density() < 0.35
}

/// Readability-style conditional cleaning inside the chosen content: drops
/// link lists, image galleries, forms, short link-heavy blocks and headings
/// that are page chrome. Bottom-up, so a parent is judged without what its
/// children lost.
pub(super) fn clean_subtree(dom: &mut Dom, stats: &mut Stats, root: Ix) {
    let nodes = dom.descendants(root);
    for &i in nodes.iter().rev() {
        if i == root || dom.nodes[i].removed {
            continue;
        }
        let Some(e) = dom.element(i) else {
            continue;
        };
        let tag = &*e.tag;
        let c = stats.0[i];
        let weight = element_weight(e);
        let remove = match tag {
            "h1" => true,
            "h2" | "h3" | "h4" | "h5" | "h6" => weight < 0 || c.link_density() > 0.33,
            "p" | "em" | "span" | "figcaption" | "td"
                if c.chars < 200 && class_flags(e) & CAPTION != 0 =>
            {
                true
            }
            // A box named like chrome that holds most of what is left of
            // the content in paragraphs is the article's wrapper.
            "table" | "ul" | "ol" | "div" | "section" | "dl" | "aside" | "center" | "span" => {
                conditional(tag, &c, weight) && !holds_the_prose(&c, stats.0[root].chars)
            }
            "p" => c.chars > 0 && c.link_density() > 0.8 && c.chars < 200,
            _ => false,
        };
        if remove {
            dom.nodes[i].removed = true;
            stats.remove(dom, i);
        }
    }
}

/// Photo captions by class name (Korean CMSs: `img_desc`, `thumb_txt`,
/// `editor-img-caption`, `txt-desc`).
const CAPTION_LONG: &[&str] = &[
    "caption",
    "img_desc",
    "img-desc",
    "imgdesc",
    "photo_desc",
    "thumb_txt",
    "txt-desc",
    "photo-txt",
    "photo_txt",
];
const CAPTION_SHORT: &[&str] = &["cap", "desc"];

pub(super) fn conditional(tag: &str, c: &Count, weight: i32) -> bool {
    // An embedded quotation (a tweet in a widget box) is article text.
    if c.quote_chars * 2 >= c.chars && c.chars > 30 {
        return false;
    }
    if weight < 0 && c.chars < 2000 {
        return true;
    }
    if c.chars == 0 {
        return c.img > 0 || c.embed > 0;
    }
    if c.commas >= 10 {
        return false;
    }
    if tag == "span" {
        return c.link_density() > 0.5 && c.chars < 100;
    }
    let is_list = matches!(tag, "ul" | "ol");
    let p = c.p as f32;
    let img = c.img as f32;
    let li = c.li as f32 - 100.0;
    let ld = c.link_density();
    let heading_density = c.heading_chars as f32 / c.chars as f32;
    let len = c.chars;
    // A photo box: pictures and a caption-sized text.
    (c.pics >= 1 && c.chars < 120 && c.p <= 1 && !is_list)
        || (img > 1.0 && p / img < 0.5)
        || (!is_list && li > p)
        || (c.input as f32 > p / 3.0)
        || (!is_list && heading_density < 0.9 && len < 25 && (c.img == 0 || c.img > 2) && ld > 0.0)
        || (!is_list && weight < 25 && ld > 0.2)
        || (weight >= 25 && ld > 0.5)
        || (is_list && ld > 0.5)
        || ((c.embed == 1 && len < 75) || c.embed > 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use scraper::Html;

    proptest! {
        /// The one-pass lexicon reads every list as the plain per-word
        /// search does (Elementor's `widget` aside).
        #[test]
        fn lexicon_agrees_with_the_word_lists(
            class_id in "(ad|ads|head|nav|navi|meta|metadata|comment|share|related|article|content|elementor-widget|widget|caption|cap|desc|tags|teaser|x|1|-|_| ){0,8}",
        ) {
            let lists = LEXICON.read(&class_id);
            let plain = class_id.replace("elementor-widget", "elementor-block");
            for (bit, long, short) in LISTS {
                prop_assert_eq!(lists & bit != 0, has_word(&plain, long, short), "list {}", bit);
            }
        }
    }

    fn element(class_id: &str) -> Element {
        Element {
            tag: "div".into(),
            class_id: class_id.into(),
            attrs: Vec::new(),
            class_memo: Default::default(),
        }
    }

    #[test]
    fn class_words_weigh_an_element() {
        assert_eq!(element_weight(&element("sidebar")), -25);
        assert_eq!(element_weight(&element("entry-content")), 25);
        assert_eq!(element_weight(&element("article-share")), 0);
        assert_eq!(element_weight(&element("head")), 0, "`ad` is a whole word");
        // A page builder's block is no widget; a sidebar's still is.
        assert_eq!(element_weight(&element("elementor-widget-container")), 0);
        assert_eq!(element_weight(&element("widget widget_archive")), -25);
    }

    #[test]
    fn a_box_about_the_article_is_chrome_even_when_content_named() {
        let unlikely = |c: &str| class_flags(&element(c)) & UNLIKELY != 0;
        // Readability's rule: a content word redeems an unlikely one…
        assert!(!unlikely("article-footer-wrap content"));
        assert!(unlikely("footer"));
        // …but not for related links, ratings, the copyright or post meta.
        assert!(unlikely("ce_relatedArticles".to_ascii_lowercase().as_str()));
        assert!(unlikely("article-copyright"));
        assert!(unlikely("entry-meta"));
        assert!(!unlikely("entry-content"));
        // Teasers and German comment boxes are chrome.
        assert!(unlikely("teaser-list"));
        assert!(unlikely("kommentarmodul"));
        assert!(!unlikely("article-teaser"));
    }

    const PARA: &str = "Die Stadt hat am Montag beschlossen, die Brücke zu sanieren, und die Arbeiten beginnen schon im Frühjahr.";

    fn dom_of(html: &str) -> Dom {
        Dom::from_html(&Html::parse_document(html))
    }

    fn text_after_prune(html: &str) -> String {
        let mut dom = dom_of(html);
        let page = Stats::compute(&dom);
        prune(&mut dom, &page, true);
        let mut out = Vec::new();
        dom.paragraphs(dom.body(), &mut out);
        out.join("\n")
    }

    #[test]
    fn aria_hidden_is_a_hint_not_a_verdict() {
        // An off-canvas menu goes…
        let menu = format!(
            "<body><div aria-hidden=true><p>Menü Startseite Kontakt</p></div><p>{PARA}</p><p>{PARA}</p></body>"
        );
        assert!(!text_after_prune(&menu).contains("Menü"));
        // …but an unclosed one that swallowed the article stays.
        let swallowed = format!(
            "<body><div aria-hidden=true><a href=/>Menü</a><p>{PARA}</p><p>{PARA}</p></div></body>"
        );
        assert!(text_after_prune(&swallowed).contains("Die Stadt"));
    }

    #[test]
    fn a_comment_form_goes_a_form_wrapping_the_page_stays() {
        let comment = format!(
            "<body><p>{PARA}</p><p>{PARA}</p><form id=commentform><label>Name (Pflichtfeld)</label>\
             <input name=author><textarea></textarea></form></body>"
        );
        assert!(!text_after_prune(&comment).contains("Pflichtfeld"));
        let wrapping = format!(
            "<body><form id=aspnetForm><input type=hidden name=state><p>{PARA}</p><p>{PARA}</p>\
             <p>{PARA}</p><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></form></body>"
        );
        assert!(text_after_prune(&wrapping).contains("Die Stadt"));
    }

    #[test]
    fn a_figure_is_a_picture_unless_it_holds_a_table() {
        let page = format!(
            "<body><p>{PARA}</p><figure><img src=a.jpg><figcaption>Foto: Archiv</figcaption></figure>\
             <figure class=wp-block-table><table><tr><td>Leasing</td><td>steuerlich absetzbar</td></tr></table>\
             <figcaption>Tabelle 1</figcaption></figure><p>{PARA}</p></body>"
        );
        let text = text_after_prune(&page);
        assert!(text.contains("steuerlich absetzbar"), "{text}");
        assert!(
            !text.contains("Archiv") && !text.contains("Tabelle 1"),
            "{text}"
        );
    }

    #[test]
    fn a_section_header_inside_the_article_stays() {
        let page = format!(
            "<body><header><a href=/>Startseite</a></header><article>\
             <header><h1>Brücke wird saniert</h1><span>Von Anna Muster</span></header><p>{PARA}</p>\
             <header><h3>Vorteile der Sanierung</h3></header><p>{PARA}</p></article></body>"
        );
        let text = text_after_prune(&page);
        assert!(text.contains("Vorteile der Sanierung"), "{text}");
        assert!(!text.contains("Startseite"), "{text}");
        assert!(!text.contains("Anna Muster"), "{text}");
    }

    #[test]
    fn cleaning_keeps_a_chrome_named_box_holding_the_prose() {
        let run = |html: &str| {
            let mut dom = dom_of(html);
            let mut stats = Stats::compute(&dom);
            let body = dom.body();
            clean_subtree(&mut dom, &mut stats, body);
            let mut out = Vec::new();
            dom.paragraphs(body, &mut out);
            out
        };
        let wrapped = format!(
            "<body><div id=socialicons-sticky><p>{PARA}</p><p>{PARA}</p></div><p>Kurz.</p></body>"
        );
        assert_eq!(run(&wrapped).len(), 3);
        // A share box beside the article still goes.
        let beside = format!(
            "<body><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p><div class=share><p>Teilen Sie diesen Artikel</p></div></body>"
        );
        assert_eq!(run(&beside).len(), 3);
    }
}
