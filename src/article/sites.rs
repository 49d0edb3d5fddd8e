//! Site rules for the major Korean press, as data.
//!
//! A generic extractor gets most pages right, but the papers people scrap
//! most are few, and for them a selector is both exact and cheap. Each rule
//! names the body container(s), what to cut out of them (captions, ads,
//! related-article boxes, bylines), extra text cleanups, and the press name.
//! Adding a site is adding a row (see `docs/extraction.md`) plus a fixture.

/// Where a site keeps its article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodySource {
    /// The first of [`SiteRule::body`] that matches an element with text.
    Html,
    /// Arc Publishing's Fusion: `Fusion.globalContent={…}` in a script holds
    /// `content_elements` (Chosun Ilbo renders its page from it).
    FusionJson,
}

/// A text cleanup applied to the body's paragraphs after rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cleanup {
    /// Drop paragraphs that start with this text.
    DropStartingWith(&'static str),
    /// Drop paragraphs that contain this text.
    DropContaining(&'static str),
    /// Drop the first paragraph that starts with this text and all after it
    /// (trailing promos, "more from this reporter" lists).
    CutFrom(&'static str),
}

/// One site's rule.
#[derive(Debug)]
pub struct SiteRule {
    /// Short key, also the fixture's file name.
    pub key: &'static str,
    /// Host suffixes: `hankyung.com` matches `www.hankyung.com`.
    pub domains: &'static [&'static str],
    /// The publication's name as readers know it.
    pub press: &'static str,
    /// Other names the site uses in `<title>` suffixes.
    pub aliases: &'static [&'static str],
    /// Where the body text lives (HTML elements, or a script's JSON).
    pub source: BodySource,
    /// Body container selectors, tried in order.
    pub body: &'static [&'static str],
    /// Selectors removed inside the body before rendering.
    pub remove: &'static [&'static str],
    /// Heading selectors (used when metadata has no headline).
    pub headline: &'static [&'static str],
    /// Byline selectors (used when metadata has no author).
    pub author: &'static [&'static str],
    /// Text cleanups applied to the rendered body, in order.
    pub cleanups: &'static [Cleanup],
    /// A selector that identifies the site's (or its CMS's) markup on a
    /// page whose URL is unknown (saved HTML, `scrapls extract` without
    /// `--url`), if the markup is distinctive enough.
    pub signature: Option<&'static str>,
}

/// Removed inside every site body: photos and their captions, scripts and
/// ad slots, share buttons. Cheap to apply and never article text.
pub const COMMON_REMOVE: &[&str] = &[
    "figure",
    "figcaption",
    "script",
    "style",
    "iframe",
    "button",
    "ins",
    "[class*=\"caption\"]",
    "[class*=\"share\"]",
    "[class*=\"relate\"]",
    "[class*=\"promo\"]",
];

/// Default "site rule" for pages on no listed site but built on the common
/// Korean CMS (ND소프트's, used by AI타임스, 청년일보 and hundreds of
/// regional papers): recognised by its body element, not its domain.
pub const CMS_ARTICLE_VIEW: SiteRule = SiteRule {
    key: "ndsoft",
    domains: &["aitimes.com", "youthdaily.co.kr"],
    press: "",
    aliases: &[],
    source: BodySource::Html,
    body: &["#article-view-content-div"],
    remove: &[
        ".view-editors",
        ".view-copyright",
        ".article-copy",
        "[class*=\"IMGFLOATING\"]",
        ".tag-group",
    ],
    headline: &[
        ".article-head-title",
        "h3.heading",
        ".article-view-header h1",
    ],
    author: &[
        ".info-text .icon-user-o",
        ".info-group .writer",
        ".info-text li:first-child",
    ],
    cleanups: &[],
    signature: Some("#article-view-content-div"),
};

/// The table. Order does not matter: domains do not overlap.
pub static RULES: &[SiteRule] = &[
    SiteRule {
        key: "hankyung",
        domains: &["hankyung.com"],
        press: "한국경제",
        aliases: &["한경닷컴", "한경", "한국경제신문"],
        source: BodySource::Html,
        body: &["#articletxt", ".article-body"],
        remove: &[
            ".article-figure",
            ".figure-img",
            ".ad-area",
            ".txt-copyright",
        ],
        headline: &["h1.headline", ".article-tit"],
        author: &[".author .name", ".author"],
        cleanups: &[Cleanup::CutFrom("▶ 관련기사")],
        signature: None,
    },
    SiteRule {
        key: "mk",
        domains: &["mk.co.kr"],
        press: "매일경제",
        aliases: &["MK", "매경"],
        source: BodySource::Html,
        body: &[".news_cnt_detail_wrap", "#article_body", ".art_txt"],
        remove: &[
            ".thumb_area",
            ".ad_wrap",
            ".mid_ad",
            ".relate_news",
            ".news_sub_tit",
        ],
        headline: &["h2.news_ttl", "h1.top_title"],
        author: &[".author .name", "dl.author dt"],
        cleanups: &[],
        signature: None,
    },
    SiteRule {
        key: "fnnews",
        domains: &["fnnews.com"],
        press: "파이낸셜뉴스",
        aliases: &["파이낸셜뉴스 - 파이낸셜뉴스"],
        source: BodySource::Html,
        body: &["#article_content", ".cont_art"],
        remove: &[".art_img", ".img_area", ".ad_box", ".art_copyright", "#ad"],
        headline: &["h1.tit_view", ".article_head h1"],
        author: &[".byline .name", ".byline"],
        cleanups: &[],
        signature: None,
    },
    SiteRule {
        key: "edaily",
        domains: &["edaily.co.kr"],
        press: "이데일리",
        aliases: &["edaily"],
        source: BodySource::Html,
        body: &[".news_body", "[itemprop=\"articleBody\"]"],
        remove: &[
            ".news_img_wrap",
            "table.gg_textshow",
            ".gg_textshow",
            ".ad_news",
            ".newsad",
        ],
        headline: &[".news_titles h1", "h1"],
        author: &[".news_titles .reporter", ".reporter_name"],
        cleanups: &[],
        signature: None,
    },
    SiteRule {
        key: "mt",
        domains: &["mt.co.kr", "news.mt.co.kr"],
        press: "머니투데이",
        aliases: &["머니투데이 뉴스"],
        source: BodySource::Html,
        body: &["#textBody", ".view_text"],
        remove: &[
            "table.article_photo",
            ".article_photo",
            ".mt_ad",
            ".vc_ad",
            ".article_banner",
        ],
        headline: &["h1.subject", "#article h1"],
        author: &[".info .reporter", ".reporter"],
        cleanups: &[],
        signature: None,
    },
    SiteRule {
        key: "sedaily",
        domains: &["sedaily.com"],
        press: "서울경제",
        aliases: &["서울경제신문"],
        source: BodySource::Html,
        body: &[".article_view", "[itemprop=\"articleBody\"]"],
        remove: &[".art_photo", ".article_photo", ".sub_ad", ".art_rel"],
        headline: &["h1.art_tit", ".article_head h1"],
        author: &[".reporter_name", ".reporter"],
        cleanups: &[],
        signature: None,
    },
    SiteRule {
        key: "hankookilbo",
        domains: &["hankookilbo.com"],
        press: "한국일보",
        aliases: &[],
        source: BodySource::Html,
        body: &[".col-main .editor-p", ".article-story", ".col-main"],
        remove: &[
            ".editor-img-box",
            ".editor-img",
            ".end-ad-container",
            ".article-ad",
            ".more-news",
        ],
        headline: &[".article-head .title", "h2.title", "h1.title"],
        author: &[".writer .name", ".writer"],
        cleanups: &[],
        signature: None,
    },
    SiteRule {
        key: "chosun",
        domains: &["chosun.com"],
        press: "조선일보",
        aliases: &["조선닷컴"],
        source: BodySource::FusionJson,
        body: &["section.article-body", ".article-body"],
        remove: &[],
        headline: &["h1.article-header__headline", "h1"],
        author: &[".article-byline__author"],
        cleanups: &[],
        signature: Some("script#fusion-metadata"),
    },
    SiteRule {
        key: "joongang",
        domains: &["joongang.co.kr"],
        press: "중앙일보",
        aliases: &["중앙일보 - 중앙일보"],
        source: BodySource::Html,
        body: &["#article_body", ".article_body"],
        remove: &[
            ".ab_photo",
            ".ab_related_article",
            ".ab_byline",
            ".ab_ad",
            "[class^=\"ad_\"]",
        ],
        headline: &["h1.headline"],
        author: &[".byline a", ".byline"],
        cleanups: &[],
        signature: None,
    },
    SiteRule {
        key: "donga",
        domains: &["donga.com"],
        press: "동아일보",
        aliases: &["동아닷컴"],
        source: BodySource::Html,
        body: &["section.news_view", ".article_txt", "#article_txt"],
        remove: &[
            ".articlePhotoC",
            ".view_ad06",
            ".view_ad",
            ".article_relation",
            ".byline",
            ".sub_title",
        ],
        headline: &["h1.title", ".article_title h1"],
        author: &[".report", ".byline"],
        cleanups: &[],
        signature: None,
    },
    SiteRule {
        key: "hani",
        domains: &["hani.co.kr"],
        press: "한겨레",
        aliases: &["한겨레신문"],
        source: BodySource::Html,
        body: &[".article-text", "div.text"],
        remove: &[
            "[class*=\"imageContainer\"]",
            ".image-area",
            "[class*=\"adWrap\"]",
            "[class*=\"ArticleDetailContent_ad\"]",
        ],
        headline: &["h3[class*=\"ArticleDetailView_title\"]", "h4.title", "h1"],
        author: &["[class*=\"ArticleDetailView_reporter\"] a", ".name"],
        cleanups: &[],
        signature: None,
    },
    SiteRule {
        key: "yna",
        domains: &["yna.co.kr"],
        press: "연합뉴스",
        aliases: &["Yonhap News", "연합뉴스TV"],
        source: BodySource::Html,
        body: &["article.story-news", ".story-news"],
        remove: &[
            ".comp-box",
            ".photo-group",
            ".txt-copyright",
            ".adrs",
            "p.txt-copyright",
            ".article-ad-box",
            ".aside-box",
            ".keyword-zone",
        ],
        headline: &["h1.tit", ".title-article01 h1"],
        author: &[".writer-zone01 .tit-name", ".tit-name"],
        cleanups: &[Cleanup::DropStartingWith("제보는 카카오톡")],
        signature: None,
    },
    SiteRule {
        key: "etnews",
        domains: &["etnews.com"],
        press: "전자신문",
        aliases: &["전자신문 etnews"],
        source: BodySource::Html,
        body: &["#articleBody", ".article_body"],
        remove: &[
            ".article_image",
            "figure",
            ".ad_article",
            ".related_article",
        ],
        headline: &["h1.article_title", ".article_title h1"],
        author: &[".article_info .writer", ".writer"],
        cleanups: &[],
        signature: None,
    },
    SiteRule {
        key: "zdnet",
        domains: &["zdnet.co.kr"],
        press: "지디넷코리아",
        aliases: &["ZDNet Korea", "ZDNET Korea", "지디넷 코리아"],
        source: BodySource::Html,
        body: &["#articleBody", ".view_cont #content", "#content"],
        remove: &[
            "figure",
            ".img_box",
            ".ad_wrap",
            ".ad_box",
            ".reporter_info",
            ".news_box",
        ],
        headline: &[".news_head h1", "h1"],
        author: &[".news_head .meta a", ".reporter_name"],
        cleanups: &[],
        signature: None,
    },
    SiteRule {
        key: "naver",
        domains: &["n.news.naver.com", "news.naver.com", "m.news.naver.com"],
        press: "",
        aliases: &["네이버 뉴스", "네이버뉴스", "Naver News"],
        source: BodySource::Html,
        body: &["#dic_area", "#articleBodyContents", "#newsEndContents"],
        remove: &[
            ".end_photo_org",
            ".img_desc",
            ".media_end_summary",
            ".vod_player_wrap",
            ".artical-btm",
            ".nbd_table",
        ],
        headline: &["#title_area", "h2.media_end_head_headline", "#articleTitle"],
        author: &[".media_end_head_journalist_name", ".byline_s"],
        cleanups: &[
            Cleanup::DropStartingWith("기사제공 "),
            Cleanup::DropContaining("네이버에서 구독하세요"),
        ],
        signature: Some("#dic_area"),
    },
];

/// The rule whose [`SiteRule::signature`] the page matches, for pages of
/// unknown origin.
pub fn rule_for_page(doc: &scraper::Html) -> Option<&'static SiteRule> {
    RULES
        .iter()
        .chain(std::iter::once(&CMS_ARTICLE_VIEW))
        .find(|rule| {
            rule.signature
                .and_then(|sig| scraper::Selector::parse(sig).ok())
                .is_some_and(|sel| doc.select(&sel).next().is_some())
        })
}

/// The rule for a host, if any (suffix match on a label boundary).
pub fn rule_for_host(host: &str) -> Option<&'static SiteRule> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    RULES
        .iter()
        .chain(std::iter::once(&CMS_ARTICLE_VIEW))
        .find(|rule| {
            rule.domains.iter().any(|d| {
                host == *d
                    || (host.len() > d.len()
                        && host.ends_with(d)
                        && host.as_bytes()[host.len() - d.len() - 1] == b'.')
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_matching_respects_label_boundaries() {
        assert_eq!(
            rule_for_host("www.hankyung.com").map(|r| r.key),
            Some("hankyung")
        );
        assert_eq!(
            rule_for_host("n.news.naver.com").map(|r| r.key),
            Some("naver")
        );
        assert_eq!(rule_for_host("nothankyung.com").map(|r| r.key), None);
        assert_eq!(
            rule_for_host("www.aitimes.com").map(|r| r.key),
            Some("ndsoft")
        );
    }

    #[test]
    fn every_selector_parses() {
        for rule in RULES.iter().chain(std::iter::once(&CMS_ARTICLE_VIEW)) {
            for sel in rule
                .body
                .iter()
                .chain(rule.remove)
                .chain(rule.headline)
                .chain(rule.author)
                .chain(COMMON_REMOVE)
            {
                assert!(scraper::Selector::parse(sel).is_ok(), "{}: {sel}", rule.key);
            }
        }
    }
}
