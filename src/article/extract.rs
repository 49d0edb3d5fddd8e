//! The extraction pipeline: metadata, then the body from the most trusted
//! source that has one — a site rule, then the page's own structured data
//! (JSON-LD `articleBody`, `[itemprop=articleBody]`), then a generic
//! content-scoring extractor that knows no language (no stop words: they
//! fail on Korean, whose particles glue onto words).

use scraper::{Html, Selector};
use serde_json::Value;
use url::Url;

use super::Article;
use super::dom::{Data, Dom, Ix, is_block, push_collapsed};
use super::sites::{self, BodySource, Cleanup, SiteRule};

/// Pages whose body is shorter than this (in characters) are treated as
/// "no body found" by a source, and the next source is tried.
const MIN_BODY: usize = 60;

/// A site rule's body shorter than this (in characters) is checked against
/// the general sources, in case the rule is stale.
const STALE_RULE_BELOW: usize = 400;

/// Extracts everything from an already decoded document. `site_rules`
/// false skips the site table (to measure the generic path alone).
pub fn extract_str(html: &str, url: Option<&Url>, site_rules: bool) -> Article {
    let doc = Html::parse_document(html);
    let meta = Meta::collect(&doc);
    let ld = JsonLd::collect(&doc);
    let mut dom = Dom::from_html(&doc);

    let canonical = canonical_url(&doc, &meta, url);
    let host = url
        .and_then(|u| u.host_str().map(str::to_owned))
        .or_else(|| canonical.as_deref().and_then(host_of));
    let rule = host
        .as_deref()
        .and_then(sites::rule_for_host)
        .or_else(|| sites::rule_for_page(&doc))
        .filter(|_| site_rules);

    let fusion = match rule {
        Some(r) if r.source == BodySource::FusionJson => Fusion::find(&doc),
        _ => None,
    };

    // Body, by order of trust.
    let mut body: Vec<String> = Vec::new();
    if let Some(f) = &fusion {
        body = f.paragraphs.clone();
    }
    if let Some(r) = rule
        && text_len(&body) < MIN_BODY
        && r.source == BodySource::Html
    {
        body = site_body(&doc, &mut dom, r);
    }
    // A site rule that finds only a short text may have gone stale with a
    // redesign (its selector now hits a teaser or a caption): when the
    // general sources find several times more, trust them instead.
    if rule.is_some() && (MIN_BODY..STALE_RULE_BELOW).contains(&text_len(&body)) {
        let mut general = structured_body(&doc, &mut dom, &ld);
        if text_len(&general) < MIN_BODY {
            general = generic(&mut dom);
        }
        if text_len(&general) > 3 * text_len(&body) {
            body = general;
        }
    }
    if text_len(&body) < MIN_BODY {
        body = structured_body(&doc, &mut dom, &ld);
    }
    if text_len(&body) < MIN_BODY {
        body = generic(&mut dom);
    }
    let cleanups = rule.map_or(&[][..], |r| r.cleanups);
    let body = clean_paragraphs(body, cleanups);

    // Names the site uses for itself, stripped from titles.
    let mut names: Vec<String> = Vec::new();
    if let Some(r) = rule {
        if !r.press.is_empty() {
            names.push(r.press.to_owned());
        }
        names.extend(r.aliases.iter().map(|s| (*s).to_owned()));
    }
    if let Some(s) = meta.get("og:site_name") {
        names.push(s.to_owned());
    }
    if let Some(p) = &ld.publisher {
        names.push(p.clone());
    }
    if let Some(h) = &host {
        let h = h.trim_start_matches("www.");
        if let Some(label) = h.split('.').next() {
            names.push(label.to_owned());
        }
    }
    names.retain(|n| !n.trim().is_empty());

    let headings = heading_texts(&doc, rule);
    let headline = fusion
        .as_ref()
        .and_then(|f| f.headline.clone())
        .or_else(|| ld.headline.clone())
        .or_else(|| meta.get("headline").map(str::to_owned))
        .or_else(|| meta.get("og:title").map(str::to_owned))
        .or_else(|| meta.get("twitter:title").map(str::to_owned))
        .or_else(|| headings.first().cloned())
        .or_else(|| first_text(&doc, "title"))
        .map(|t| clean_title(&t, &names, &headings))
        .filter(|t| !t.is_empty());

    let press = rule
        .map(|r| r.press)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .or_else(|| naver_press(&doc))
        .or_else(|| meta.get("og:site_name").map(str::to_owned))
        .or_else(|| ld.publisher.clone())
        .map(|p| collapse(&p))
        .filter(|p| !p.is_empty());

    let author = fusion
        .as_ref()
        .and_then(|f| f.author.clone())
        .or_else(|| ld.author.clone())
        .or_else(|| {
            [
                "author",
                "article:author",
                "dable:author",
                "byl",
                "sailthru.author",
                "parsely-author",
            ]
            .iter()
            .find_map(|k| {
                meta.get(k)
                    .filter(|v| !v.starts_with("http"))
                    .map(str::to_owned)
            })
        })
        .or_else(|| rule.and_then(|r| r.author.iter().find_map(|s| first_text(&doc, s))))
        .map(|a| clean_author(&a))
        .filter(|a| !a.is_empty());

    let published = fusion
        .as_ref()
        .and_then(|f| f.published.clone())
        .or_else(|| ld.published.clone())
        .or_else(|| {
            [
                "article:published_time",
                "og:article:published_time",
                "datepublished",
                "pubdate",
                "publishdate",
                "og:regdate",
                "date",
                "dc.date.issued",
            ]
            .iter()
            .find_map(|k| meta.get(k).map(str::to_owned))
        })
        .or_else(|| first_attr(&doc, "[data-date-time]", "data-date-time"))
        .or_else(|| first_attr(&doc, "time[datetime]", "datetime"))
        .and_then(|d| iso_date(&d, rule.is_some()));

    Article {
        headline,
        body: body.join("\n\n"),
        press,
        author,
        published,
        url: canonical.or_else(|| url.map(|u| u.to_string())),
    }
}

fn text_len(paras: &[String]) -> usize {
    paras.iter().map(|p| p.chars().count()).sum()
}

fn host_of(u: &str) -> Option<String> {
    Url::parse(u).ok()?.host_str().map(str::to_owned)
}

fn collapse(s: &str) -> String {
    let mut out = String::new();
    push_collapsed(&mut out, s);
    out.trim().to_owned()
}

fn selector(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

/// Flat indices of the elements matching a selector, outermost only.
fn select_ix(doc: &Html, dom: &Dom, sel: &str) -> Vec<Ix> {
    let Some(sel) = selector(sel) else {
        return Vec::new();
    };
    let mut out: Vec<Ix> = Vec::new();
    // Matches come in document order: a match is nested exactly when it
    // lies inside the last outermost one.
    for el in doc.select(&sel) {
        if let Some(&ix) = dom.by_id.get(&el.id())
            && !out.last().is_some_and(|&o| dom.contains(o, ix))
        {
            out.push(ix);
        }
    }
    out
}

fn first_text(doc: &Html, sel: &str) -> Option<String> {
    let sel = selector(sel)?;
    doc.select(&sel)
        .map(|e| collapse(&e.text().collect::<String>()))
        .find(|t| !t.is_empty())
}

fn first_attr(doc: &Html, sel: &str, attr: &str) -> Option<String> {
    let sel = selector(sel)?;
    doc.select(&sel)
        .find_map(|e| e.value().attr(attr).map(str::to_owned))
}

/// Text of an HTML snippet (JSON-LD and Fusion strings may hold tags and
/// entities), as paragraphs.
fn fragment_paragraphs(s: &str) -> Vec<String> {
    // Some CMSs escape the HTML of `articleBody` twice: "&lt;p&gt;…".
    if ["&lt;p", "&lt;div", "&lt;a ", "&lt;br", "&lt;span"]
        .iter()
        .any(|t| s.contains(t))
    {
        let once = Html::parse_fragment(s);
        let unescaped: String = once.root_element().text().collect();
        if !unescaped.contains("&lt;") {
            return fragment_paragraphs(&unescaped);
        }
    }
    if !s.contains(['<', '&']) {
        return s
            .split("\n\n")
            .flat_map(|p| p.split('\n'))
            .map(collapse)
            .filter(|p| !p.is_empty())
            .collect();
    }
    let frag = Html::parse_fragment(&s.replace("\n\n", "<br><br>").replace('\n', "<br><br>"));
    let dom = Dom::from_html(&frag);
    let mut out = Vec::new();
    dom.paragraphs(0, &mut out);
    out
}

fn fragment_text(s: &str) -> String {
    fragment_paragraphs(s).join(" ")
}

// ---------------------------------------------------------------- metadata

/// `<meta>` values by lower-cased `property`/`name`/`itemprop`; first wins.
struct Meta(Vec<(String, String)>);

impl Meta {
    fn collect(doc: &Html) -> Meta {
        let mut v = Vec::new();
        if let Some(sel) = selector("meta[content]") {
            for el in doc.select(&sel) {
                let e = el.value();
                let Some(content) = e.attr("content") else {
                    continue;
                };
                for key in ["property", "name", "itemprop"] {
                    if let Some(k) = e.attr(key) {
                        v.push((k.trim().to_ascii_lowercase(), collapse(content)));
                    }
                }
            }
        }
        Meta(v)
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, v)| k == key && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }
}

/// What the page's JSON-LD says about its article.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    body: Option<String>,
    author: Option<String>,
    published: Option<String>,
    publisher: Option<String>,
}

impl JsonLd {
    fn collect(doc: &Html) -> JsonLd {
        let mut out = JsonLd::default();
        let Some(sel) = selector("script[type]") else {
            return out;
        };
        for el in doc.select(&sel) {
            if !el
                .value()
                .attr("type")
                .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
            {
                continue;
            }
            let raw: String = el.text().collect();
            let Ok(value) = serde_json::from_str::<Value>(raw.trim()) else {
                continue;
            };
            // Flatten arrays and @graph, iteratively.
            let mut stack = vec![&value];
            let mut budget = 10_000;
            while let Some(v) = stack.pop() {
                budget -= 1;
                if budget == 0 {
                    break;
                }
                match v {
                    Value::Array(items) => stack.extend(items.iter().rev()),
                    Value::Object(map) => {
                        if let Some(g) = map.get("@graph") {
                            stack.push(g);
                        }
                        if is_article_type(map.get("@type")) || map.contains_key("articleBody") {
                            out.absorb(map);
                        }
                    }
                    _ => {}
                }
            }
        }
        out
    }

    fn absorb(&mut self, map: &serde_json::Map<String, Value>) {
        let s = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_owned);
        if self.headline.is_none() {
            self.headline = s("headline")
                .map(|h| fragment_text(&h))
                .filter(|h| !h.is_empty());
        }
        if self.body.is_none() {
            self.body = s("articleBody").filter(|b| !b.trim().is_empty());
        }
        if self.published.is_none() {
            self.published = s("datePublished").or_else(|| s("dateCreated"));
        }
        if self.author.is_none() {
            self.author = map.get("author").and_then(person_names);
        }
        if self.publisher.is_none() {
            self.publisher = map.get("publisher").and_then(person_names);
        }
    }
}

fn is_article_type(t: Option<&Value>) -> bool {
    let check = |s: &str| {
        s.ends_with("Article") || s == "BlogPosting" || s == "Report" || s == "LiveBlogPosting"
    };
    match t {
        Some(Value::String(s)) => check(s),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(check),
        _ => false,
    }
}

/// `"name"`, `{"name": …}` or a list of either, joined with ", ".
fn person_names(v: &Value) -> Option<String> {
    let one = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(m) => m.get("name").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    };
    let names: Vec<String> = match v {
        Value::Array(a) => a.iter().filter_map(one).collect(),
        other => one(other).into_iter().collect(),
    };
    let names: Vec<String> = names
        .into_iter()
        .map(|n| fragment_text(&n))
        .filter(|n| !n.is_empty() && !n.starts_with("http"))
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// Arc Publishing's `Fusion.globalContent` (Chosun Ilbo).
struct Fusion {
    paragraphs: Vec<String>,
    headline: Option<String>,
    author: Option<String>,
    published: Option<String>,
}

impl Fusion {
    fn find(doc: &Html) -> Option<Fusion> {
        let sel = selector("script")?;
        const KEY: &str = "Fusion.globalContent=";
        for el in doc.select(&sel) {
            let raw: String = el.text().collect();
            let Some(pos) = raw.find(KEY) else {
                continue;
            };
            let rest = raw[pos + KEY.len()..].trim_start();
            // Parse the one JSON value that starts here; the script goes on
            // with more assignments after it.
            let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
            let Some(Ok(value)) = stream.next() else {
                continue;
            };
            let mut paragraphs = Vec::new();
            if let Some(items) = value.get("content_elements").and_then(Value::as_array) {
                for item in items {
                    match item.get("type").and_then(Value::as_str) {
                        Some("text") | Some("header") => {
                            if let Some(c) = item.get("content").and_then(Value::as_str) {
                                paragraphs.extend(fragment_paragraphs(c));
                            }
                        }
                        Some("list") => {
                            for li in item
                                .get("items")
                                .and_then(Value::as_array)
                                .into_iter()
                                .flatten()
                            {
                                if let Some(c) = li.get("content").and_then(Value::as_str) {
                                    paragraphs.extend(fragment_paragraphs(c));
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
            let headline = value
                .pointer("/headlines/basic")
                .and_then(Value::as_str)
                .map(fragment_text)
                .filter(|h| !h.is_empty());
            let author = value.pointer("/credits/by").and_then(person_names);
            let published = value
                .get("first_publish_date")
                .or_else(|| value.get("display_date"))
                .and_then(Value::as_str)
                .map(str::to_owned);
            return Some(Fusion {
                paragraphs,
                headline,
                author,
                published,
            });
        }
        None
    }
}

fn canonical_url(doc: &Html, meta: &Meta, base: Option<&Url>) -> Option<String> {
    let raw = first_attr(doc, "link[rel~=\"canonical\"][href]", "href")
        .or_else(|| meta.get("og:url").map(str::to_owned))?;
    let resolved = match base {
        Some(b) => b.join(raw.trim()).ok()?,
        None => Url::parse(raw.trim()).ok()?,
    };
    matches!(resolved.scheme(), "http" | "https").then(|| resolved.to_string())
}

/// Naver News names the original press in its logo's `alt`/`title`.
fn naver_press(doc: &Html) -> Option<String> {
    let sel = selector(".media_end_head_top_logo img")?;
    doc.select(&sel).find_map(|e| {
        e.value()
            .attr("title")
            .or_else(|| e.value().attr("alt"))
            .map(str::to_owned)
    })
}

/// Heading texts that may hold the clean headline: the site's heading
/// selectors, then `h1`s.
fn heading_texts(doc: &Html, rule: Option<&SiteRule>) -> Vec<String> {
    let mut out = Vec::new();
    let sels = rule.map_or(&[][..], |r| r.headline);
    for s in sels.iter().chain(["h1", "h2"].iter()) {
        if let Some(t) = first_text(doc, s)
            && t.chars().count() >= 2
            && !out.contains(&t)
        {
            out.push(t);
        }
    }
    out
}

const TITLE_SEPARATORS: &[&str] = &[
    " - ", " | ", " < ", " > ", "ㅣ", "｜", " :: ", " – ", " — ", " · ", "|", " : ", " :", " / ",
];

/// Removes the site-name suffix from a title: " - 매일경제", " | 한국일보",
/// "-정치ㅣ한국일보", " < 기사본문 - AI타임스".
fn clean_title(raw: &str, names: &[String], headings: &[String]) -> String {
    let mut t = collapse(&fragment_text(raw));
    while let Some((pos, sep)) = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| t.rfind(sep).map(|p| (p, *sep)))
        .max_by_key(|(p, _)| *p)
    {
        let seg = t[pos + sep.len()..].trim();
        let lower = seg.to_lowercase();
        let is_site = !seg.is_empty()
            && (names.iter().any(|n| lower.contains(&n.to_lowercase()))
                || matches!(seg, "기사본문" | "기사" | "뉴스" | "전체기사" | "홈"));
        if is_site && pos > 0 {
            t.truncate(pos);
            t = t.trim_end().to_owned();
        } else {
            break;
        }
    }
    // A heading that is the title minus a trailing "-섹션" is the headline.
    for h in headings {
        if t.len() > h.len()
            && t.starts_with(h.as_str())
            && t[h.len()..]
                .trim_start()
                .starts_with(['-', '|', '<', 'ㅣ', '｜', ':', '–', '—', '·'])
        {
            return h.clone();
        }
    }
    t
}

fn clean_author(a: &str) -> String {
    let a = collapse(&fragment_text(a));
    let words: Vec<&str> = a.split(' ').filter(|w| !w.contains('@')).collect();
    let joined = words.join(" ");
    // A scrap records the person: "홍길동 기자" → "홍길동".
    let mut name = joined.trim();
    for prefix in ["기자명 ", "글 "] {
        name = name.strip_prefix(prefix).unwrap_or(name);
    }
    for suffix in [
        " 선임기자",
        " 객원기자",
        " 인턴기자",
        " 기자",
        " 특파원",
        " 논설위원",
        " 객원기자",
    ] {
        name = name.strip_suffix(suffix).unwrap_or(name);
    }
    name.trim_matches(|c: char| {
        c == '[' || c == ']' || c == '(' || c == ')' || c == '/' || c == ',' || c.is_whitespace()
    })
    .to_owned()
}

/// Normalises dates to ISO 8601: keeps ISO input, turns "2024-03-05
/// 09:30:00", "2024.03.05 09:30" and "20240305093000" into
/// "2024-03-05T09:30:00"; Korean sites' local times get "+09:00".
fn iso_date(raw: &str, korean_site: bool) -> Option<String> {
    let s = raw.trim();
    let digits: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.parse().ok())
        .collect();
    let compact: String = s.chars().take_while(char::is_ascii_digit).collect();
    let (y, mo, d, h, mi, sec) = if compact.len() >= 8 && compact.len() == s.len() {
        let n = |a: usize, b: usize| {
            compact
                .get(a..b)
                .and_then(|x| x.parse::<u32>().ok())
                .unwrap_or(0)
        };
        (n(0, 4), n(4, 6), n(6, 8), n(8, 10), n(10, 12), n(12, 14))
    } else if digits.len() >= 3 && digits[0] >= 1900 {
        let g = |i: usize| digits.get(i).copied().unwrap_or(0);
        (g(0), g(1), g(2), g(3), g(4), g(5))
    } else {
        return None;
    };
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    // Keep an explicit offset or Z from the input.
    let offset = if s.ends_with('Z') {
        "Z".to_owned()
    } else if let Some(p) = s
        .rfind(['+', '-'])
        .filter(|&p| p > 10 && s[p..].contains(':') && s.len() - p == 6)
    {
        s[p..].to_owned()
    } else if let Some(p) = s
        .rfind(['+', '-'])
        .filter(|&p| p > 10 && s.len() - p == 5 && s[p + 1..].bytes().all(|b| b.is_ascii_digit()))
    {
        format!("{}:{}", &s[p..p + 3], &s[p + 3..])
    } else if korean_site && (h, mi, sec) != (0, 0, 0) {
        "+09:00".to_owned()
    } else {
        String::new()
    };
    if (h, mi, sec) == (0, 0, 0) && digits.len() <= 3 && compact.len() <= 8 {
        return Some(format!("{y:04}-{mo:02}-{d:02}"));
    }
    Some(format!(
        "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{sec:02}{offset}"
    ))
}

// -------------------------------------------------------------- site rules

fn site_body(doc: &Html, dom: &mut Dom, rule: &SiteRule) -> Vec<String> {
    for sel in rule.body {
        let roots = select_ix(doc, dom, sel);
        if roots.is_empty() {
            continue;
        }
        for rsel in sites::COMMON_REMOVE.iter().chain(rule.remove) {
            for ix in select_ix(doc, dom, rsel) {
                if roots.iter().any(|&r| r != ix && dom.contains(r, ix)) {
                    dom.nodes[ix].removed = true;
                }
            }
        }
        let mut out = Vec::new();
        for &r in &roots {
            dom.paragraphs(r, &mut out);
        }
        if text_len(&out) >= MIN_BODY {
            return out;
        }
    }
    Vec::new()
}

/// JSON-LD `articleBody`, then `[itemprop=articleBody]`.
fn structured_body(doc: &Html, dom: &mut Dom, ld: &JsonLd) -> Vec<String> {
    let mut from_ld = ld
        .body
        .as_deref()
        .map(fragment_paragraphs)
        .unwrap_or_default();
    // A teaser cut with an ellipsis is not the article.
    if from_ld
        .last()
        .is_some_and(|p| p.ends_with('…') || p.ends_with("...") || p.ends_with("[…]"))
    {
        from_ld.clear();
    }
    let roots = select_ix(doc, dom, "[itemprop=\"articleBody\"]");
    let mut from_item = Vec::new();
    if !roots.is_empty() {
        let mut stats = Stats::compute(dom);
        let mut seen: Vec<Vec<String>> = Vec::new();
        for &r in &roots {
            clean_subtree(dom, &mut stats, r);
            let mut paras = Vec::new();
            dom.paragraphs(r, &mut paras);
            // Pages repeat their microdata block (a hidden copy for
            // crawlers): the same body twice is one body.
            if !seen.contains(&paras) {
                from_item.extend(paras.iter().cloned());
                seen.push(paras);
            }
        }
    }
    // The two usually agree; JSON-LD bodies are sometimes cut to a teaser,
    // so the longer one wins.
    if text_len(&from_item) > text_len(&from_ld) {
        from_item
    } else {
        from_ld
    }
}

// -------------------------------------------------------- paragraph cleanup

/// Removes reporter bylines, copyright lines, promos and "관련기사" lists
/// from rendered paragraphs; applies the site's own cleanups.
fn clean_paragraphs(paras: Vec<String>, cleanups: &[Cleanup]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(paras.len());
    let mut in_related = false;
    for (i, p) in paras.into_iter().enumerate() {
        let p = p.trim().to_owned();
        if cleanups
            .iter()
            .any(|c| matches!(c, Cleanup::CutFrom(s) if p.starts_with(s)))
        {
            break;
        }
        if cleanups.iter().any(|c| match c {
            Cleanup::DropStartingWith(s) => p.starts_with(s),
            Cleanup::DropContaining(s) => p.contains(s),
            Cleanup::CutFrom(_) => false,
        }) {
            continue;
        }
        let n = p.chars().count();
        let compact: String = p.chars().filter(|c| !c.is_whitespace()).collect();
        if matches!(
            compact.as_str(),
            "관련기사" | "[관련기사]" | "■관련기사" | "▶관련기사" | "관련뉴스"
        ) {
            in_related = true;
            continue;
        }
        if in_related {
            // Related-article titles: short, no sentence end.
            if n < 80 && !p.ends_with('.') {
                continue;
            }
            in_related = false;
        }
        if is_boilerplate_line(&p, n) {
            continue;
        }

        let p = if i == 0 { strip_lead_byline(&p) } else { p };
        if !p.is_empty() {
            out.push(p);
        }
    }
    // Trailing reporter name line without e-mail ("홍길동 기자").
    while let Some(last) = out.last() {
        let n = last.chars().count();
        if n <= 20
            && (last.ends_with("기자") || last.ends_with("특파원") || last.ends_with("기자]"))
        {
            out.pop();
        } else {
            break;
        }
    }
    out
}

fn is_boilerplate_line(p: &str, n: usize) -> bool {
    if n == 0 {
        return true;
    }
    let copyright = p.contains("무단전재")
        || p.contains("무단 전재")
        || p.contains("재배포 금지")
        || p.contains("재배포금지")
        || p.contains("무단복제");
    if copyright && n < 200 {
        return true;
    }
    // Korean papers' copyright footers. Only with Hangul in the line: in
    // other languages a wire-service credit is often part of the article.
    if n < 200
        && (p.starts_with('ⓒ') || p.starts_with('©') || p.starts_with("Copyright"))
        && !p.ends_with('다')
        && p.chars().any(is_hangul)
    {
        return true;
    }
    // "홍길동 기자 hong@example.com", "/홍길동 기자", "[홍길동 기자]".
    if n < 80 && has_email(p) && (p.contains("기자") || p.contains("특파원") || n < 50) {
        return true;
    }
    if n < 100 && (p.starts_with('▶') || p.starts_with('☞') || p.starts_with("▷")) {
        return true;
    }
    matches!(p, "광고" | "AD" | "Advertisement" | "ADVERTISEMENT")
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{3131}'..='\u{318E}')
}

fn has_email(p: &str) -> bool {
    p.split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == '[' || c == ']' || c == '<' || c == '>')
        .any(|w| {
            let mut parts = w.split('@');
            matches!((parts.next(), parts.next(), parts.next()), (Some(a), Some(b), None) if !a.is_empty() && b.contains('.'))
        })
}

/// "[이데일리 홍길동 기자] 본문…" and "(서울=연합뉴스) 홍길동 기자 = 본문…":
/// the byline prefix goes, the sentence stays.
fn strip_lead_byline(p: &str) -> String {
    if !(p.starts_with('[') || p.starts_with('(')) {
        return p.to_owned();
    }
    for marker in [
        "기자] ",
        "특파원] ",
        "기자 = ",
        "특파원 = ",
        "기자= ",
        "기자 =",
        "기자]",
    ] {
        if let Some(pos) = p.find(marker)
            && p[..pos].chars().count() <= 40
        {
            return p[pos + marker.len()..].trim_start().to_owned();
        }
    }
    p.to_owned()
}

// ------------------------------------------------------- generic extractor

/// Per-node counts over a subtree, kept current as nodes are removed.
#[derive(Clone, Copy, Default)]
struct Count {
    /// Non-whitespace characters of visible text.
    chars: u32,
    /// Of which inside links.
    link_chars: u32,
    /// Characters not inside a nested block element: text "of its own".
    inline_chars: u32,
    commas: u32,
    p: u32,
    img: u32,
    li: u32,
    input: u32,
    embed: u32,
    heading_chars: u32,
    /// Characters inside `<blockquote>`: quoted posts (tweets) that
    /// articles embed in widget boxes.
    quote_chars: u32,
    /// Pictures as parsed, not reduced when empty picture wrappers are
    /// removed: what the photo-box test looks at.
    pics: u32,
}

impl Count {
    fn add(&mut self, o: &Count) {
        self.chars += o.chars;
        self.link_chars += o.link_chars;
        self.commas += o.commas;
        self.p += o.p;
        self.img += o.img;
        self.li += o.li;
        self.input += o.input;
        self.embed += o.embed;
        self.heading_chars += o.heading_chars;
        self.quote_chars += o.quote_chars;
        self.pics += o.pics;
    }

    fn sub(&mut self, o: &Count) {
        self.chars = self.chars.saturating_sub(o.chars);
        self.link_chars = self.link_chars.saturating_sub(o.link_chars);
        self.commas = self.commas.saturating_sub(o.commas);
        self.p = self.p.saturating_sub(o.p);
        self.img = self.img.saturating_sub(o.img);
        self.li = self.li.saturating_sub(o.li);
        self.input = self.input.saturating_sub(o.input);
        self.embed = self.embed.saturating_sub(o.embed);
        self.heading_chars = self.heading_chars.saturating_sub(o.heading_chars);
        self.quote_chars = self.quote_chars.saturating_sub(o.quote_chars);
    }

    fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

struct Stats(Vec<Count>);

impl Stats {
    /// One reverse pass: flat indices are in document (pre-)order, so every
    /// child comes after its parent.
    fn compute(dom: &Dom) -> Stats {
        let n = dom.nodes.len();
        let mut c = vec![Count::default(); n];
        for i in (0..n).rev() {
            let node = &dom.nodes[i];
            if node.removed {
                continue;
            }
            match &node.data {
                Data::Text(t) => {
                    for ch in t.chars() {
                        if !ch.is_whitespace() && ch != '\u{a0}' {
                            c[i].chars += 1;
                            if matches!(ch, ',' | '，' | '、') {
                                c[i].commas += 1;
                            }
                        }
                    }
                    c[i].inline_chars = c[i].chars;
                }
                Data::Element(e) => {
                    let tag = &*e.tag;
                    if super::dom::is_invisible(tag)
                        && !matches!(
                            tag,
                            "input"
                                | "select"
                                | "textarea"
                                | "iframe"
                                | "embed"
                                | "object"
                                | "video"
                        )
                    {
                        c[i] = Count::default();
                        continue;
                    }
                    match tag {
                        "a" => c[i].link_chars = c[i].chars,
                        "p" => c[i].p += 1,
                        "img" => {
                            c[i].img += 1;
                            c[i].pics += 1;
                        }
                        "li" => c[i].li += 1,
                        "input" | "select" | "textarea" => {
                            c[i] = Count {
                                input: 1,
                                ..Count::default()
                            };
                        }
                        "iframe" | "embed" | "object" | "video" => {
                            c[i] = Count {
                                embed: 1,
                                ..Count::default()
                            };
                        }
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => c[i].heading_chars = c[i].chars,
                        "blockquote" => c[i].quote_chars = c[i].chars,
                        _ => {}
                    }
                }
                Data::Other => {}
            }
            if let Some(p) = node.parent {
                let mine = c[i];
                c[p].add(&mine);
                let inline_child = match &node.data {
                    Data::Element(e) => !is_block(&e.tag),
                    _ => true,
                };
                if inline_child {
                    c[p].inline_chars += mine.inline_chars;
                }
            }
        }
        Stats(c)
    }

    /// Takes a removed node's counts out of its ancestors.
    fn remove(&mut self, dom: &Dom, ix: Ix) {
        let mine = self.0[ix];
        let mut cur = dom.nodes[ix].parent;
        while let Some(p) = cur {
            self.0[p].sub(&mine);
            cur = dom.nodes[p].parent;
        }
    }
}

/// Does a class/id string hold one of these words? Long words match as
/// substrings; short ones must be whole tokens ("ad" must not match "head").
fn has_word(class_id: &str, long: &[&str], short: &[&str]) -> bool {
    long.iter().any(|w| class_id.contains(w))
        || class_id
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|tok| short.contains(&tok))
}

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
const NEGATIVE_SHORT: &[&str] = &[
    "ad", "ads", "nav", "menu", "tags", "tag", "meta", "tools", "foot", "hid", "author", "credit",
    "aside", "more", "popular", "rail",
];
const POSITIVE_LONG: &[&str] = &[
    "article", "content", "entry", "hentry", "story", "body", "text", "post", "main", "blog",
];
const POSITIVE_SHORT: &[&str] = &["page"];

fn class_weight(class_id: &str) -> i32 {
    if class_id.is_empty() {
        return 0;
    }
    let mut w = 0;
    if has_word(class_id, NEGATIVE_LONG, NEGATIVE_SHORT) {
        w -= 25;
    }
    if has_word(class_id, POSITIVE_LONG, POSITIVE_SHORT) {
        w += 25;
    }
    w
}

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
];
const UNLIKELY_SHORT: &[&str] = &["menu", "nav", "ad", "ads", "header"];
const MAYBE_LONG: &[&str] = &[
    "article", "body", "column", "content", "main", "shadow", "story",
];

/// Removes what is never content anywhere on a page: invisible elements,
/// navigation and page chrome, hidden elements, and (when `strip_unlikely`)
/// blocks whose class or id says they are comments, shares, related links...
fn prune(dom: &mut Dom, strip_unlikely: bool) {
    for i in 0..dom.nodes.len() {
        let Data::Element(e) = &dom.nodes[i].data else {
            continue;
        };
        let tag = &*e.tag;
        let remove = super::dom::is_invisible(tag)
            || matches!(
                tag,
                "nav"
                    | "aside"
                    | "footer"
                    | "figure"
                    | "figcaption"
                    | "form"
                    | "dialog"
                    | "menu"
                    | "header"
            )
            || e.attr("hidden").is_some()
            || e.attr("aria-hidden").is_some_and(|v| v == "true")
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
            })
            || (strip_unlikely
                && !matches!(tag, "body" | "html" | "a" | "article" | "main")
                && has_word(&e.class_id, UNLIKELY_LONG, UNLIKELY_SHORT)
                && !has_word(&e.class_id, MAYBE_LONG, &[]));
        if remove && !matches!(tag, "body" | "html") {
            // `form` wraps whole pages on some CMSs: keep it when it holds
            // the page's paragraphs.
            if tag == "form" && dom.nodes[i].children.len() > 3 {
                continue;
            }
            dom.nodes[i].removed = true;
        }
    }
}

/// The generic extractor: score paragraph-holding elements, pick the best
/// container, add its sibling paragraphs, clean it, render it.
fn generic(dom: &mut Dom) -> Vec<String> {
    let snapshot: Vec<bool> = dom.nodes.iter().map(|n| n.removed).collect();
    let mut best = Vec::new();
    for strip_unlikely in [true, false] {
        for (n, &was) in dom.nodes.iter_mut().zip(&snapshot) {
            n.removed = was;
        }
        prune(dom, strip_unlikely);
        let out = score_and_render(dom);
        if text_len(&out) > text_len(&best) {
            best = out;
        }
        if text_len(&best) >= 250 {
            break;
        }
    }
    best
}

fn score_and_render(dom: &mut Dom) -> Vec<String> {
    let mut stats = Stats::compute(dom);
    let n = dom.nodes.len();
    let mut score = vec![0f32; n];
    let mut initialised = vec![false; n];
    let removed = dom.removed_mask();
    for i in 0..n {
        if removed[i] {
            continue;
        }
        let Some(e) = dom.element(i) else {
            continue;
        };
        let c = &stats.0[i];
        let len = match &*e.tag {
            "p" | "pre" | "td" => c.chars,
            "div" | "section" | "article" | "span" | "li" | "dd" | "font" | "center" | "main"
                if c.inline_chars >= 25 =>
            {
                c.inline_chars
            }
            _ => continue,
        };
        if len < 25 || c.link_density() > 0.5 {
            continue;
        }
        let content = 1.0 + c.commas.min(len / 10) as f32 + (len as f32 / 100.0).min(3.0);
        let mut level = 0usize;
        let mut cur = dom.nodes[i].parent;
        // A div scored for its own text is its own first candidate.
        if matches!(&*e.tag, "div" | "section" | "article" | "main") {
            init_score(dom, i, &mut score, &mut initialised);
            score[i] += content;
            level = 1;
            cur = dom.nodes[i].parent;
        }
        while let Some(a) = cur {
            if level > 4 || dom.element(a).is_none() {
                break;
            }
            init_score(dom, a, &mut score, &mut initialised);
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[a] += content / divider;
            level += 1;
            cur = dom.nodes[a].parent;
        }
    }
    let mut top: Option<Ix> = None;
    let mut top_score = 0f32;
    for i in 0..n {
        if !initialised[i] {
            continue;
        }
        score[i] *= 1.0 - stats.0[i].link_density();
        if score[i] > top_score {
            top_score = score[i];
            top = Some(i);
        }
    }
    let Some(mut top) = top else {
        let mut out = Vec::new();
        let body = dom.body();
        dom.paragraphs(body, &mut out);
        return out;
    };
    // Wrappers that add nothing: climb while the parent holds the same text.
    while let Some(p) = dom.nodes[top].parent {
        if dom.element(p).is_none() || matches!(dom.tag(p), "body" | "html") {
            break;
        }
        if stats.0[p].chars as f32 <= stats.0[top].chars as f32 * 1.05 {
            top = p;
        } else {
            break;
        }
    }
    // Several strong candidates under one ancestor: the article is split
    // into blocks (ads between them); take the ancestor.
    let strong: Vec<Ix> = (0..n)
        .filter(|&i| initialised[i] && i != top && score[i] >= top_score * 0.75)
        .collect();
    if strong.len() >= 2 {
        let mut cur = dom.nodes[top].parent;
        while let Some(a) = cur {
            if matches!(dom.tag(a), "body" | "html") || dom.element(a).is_none() {
                break;
            }
            if strong.iter().filter(|&&s| dom.contains(a, s)).count() >= 2 {
                top = a;
                break;
            }
            cur = dom.nodes[a].parent;
        }
    }
    let top_score = score[top].max(top_score);

    // Siblings that belong to the article.
    let mut selected: Vec<Ix> = Vec::new();
    match dom.nodes[top].parent {
        Some(parent) if dom.element(parent).is_some() => {
            let threshold = (top_score * 0.2).max(10.0);
            let top_class = dom
                .element(top)
                .map(|e| e.class_id.clone())
                .unwrap_or_default();
            for &s in &dom.nodes[parent].children.clone() {
                if dom.nodes[s].removed {
                    continue;
                }
                if s == top {
                    selected.push(s);
                    continue;
                }
                let Some(e) = dom.element(s) else {
                    continue;
                };
                let mut bonus = 0.0;
                if !top_class.is_empty() && e.class_id == top_class {
                    bonus = top_score * 0.2;
                }
                let c = &stats.0[s];
                let ld = c.link_density();
                let append = (initialised[s] && score[s] + bonus >= threshold)
                    || (e.tag.as_ref() == "p"
                        && ((c.chars > 80 && ld < 0.25)
                            || (c.chars > 0 && ld == 0.0 && ends_sentence(&dom.text(s)))));
                if append {
                    selected.push(s);
                }
            }
        }
        _ => selected.push(top),
    }

    for &s in &selected {
        clean_subtree(dom, &mut stats, s);
    }
    let mut out = Vec::new();
    for &s in &selected {
        dom.paragraphs(s, &mut out);
    }
    trim_edges(&mut out);
    out
}

/// Drops label-like scraps at the start and end of a generic extraction:
/// "TRENDING:", "Comments", a date, a view count. Short (under four words),
/// no sentence end. Only at the edges: inside the text such lines are
/// subheadings.
fn trim_edges(out: &mut Vec<String>) {
    let is_label = |p: &str| p.split_whitespace().count() < 4 && !ends_sentence(p);
    while out.len() > 1 && out.last().is_some_and(|p| is_label(p)) {
        out.pop();
    }
    let lead = out.iter().take_while(|p| is_label(p)).count();
    if lead < out.len() {
        out.drain(..lead);
    }
}

fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end();
    t.ends_with(['.', '。', '!', '?', '"', '”', '다'])
}

fn init_score(dom: &Dom, i: Ix, score: &mut [f32], initialised: &mut [bool]) {
    if initialised[i] {
        return;
    }
    initialised[i] = true;
    let Some(e) = dom.element(i) else {
        return;
    };
    let base: f32 = match &*e.tag {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let mut w = class_weight(&e.class_id) as f32;
    if e.attr("itemprop")
        .is_some_and(|v| v.contains("articleBody"))
    {
        w += 50.0;
    }
    score[i] = base + w;
}

/// Readability-style conditional cleaning inside the chosen content: drops
/// link lists, image galleries, forms, short link-heavy blocks and headings
/// that are page chrome. Bottom-up, so a parent is judged without what its
/// children lost.
fn clean_subtree(dom: &mut Dom, stats: &mut Stats, root: Ix) {
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
        let weight = class_weight(&e.class_id);
        let remove = match tag {
            "h1" => true,
            "h2" | "h3" | "h4" | "h5" | "h6" => weight < 0 || c.link_density() > 0.33,
            "p" | "em" | "span" | "figcaption" | "td"
                if c.chars < 200 && has_word(&e.class_id, CAPTION_LONG, CAPTION_SHORT) =>
            {
                true
            }
            "table" | "ul" | "ol" | "div" | "section" | "dl" | "aside" | "center" | "span" => {
                conditional(tag, &c, weight)
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

fn conditional(tag: &str, c: &Count, weight: i32) -> bool {
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

    #[test]
    fn title_suffixes() {
        let names = vec![
            "매일경제".to_owned(),
            "한국일보".to_owned(),
            "AI타임스".to_owned(),
        ];
        assert_eq!(
            clean_title("금리 동결 - 매일경제", &names, &[]),
            "금리 동결"
        );
        assert_eq!(
            clean_title("금리 동결 | 한국일보", &names, &[]),
            "금리 동결"
        );
        assert_eq!(
            clean_title("금리 동결 < 기사본문 - AI타임스", &names, &[]),
            "금리 동결"
        );
        assert_eq!(
            clean_title("금리 동결 < 기사 < AI타임스", &names, &[]),
            "금리 동결"
        );
        assert_eq!(
            clean_title(
                "금리 동결-정치ㅣ한국일보",
                &names,
                &["금리 동결".to_owned()]
            ),
            "금리 동결"
        );
        assert_eq!(
            clean_title("A - B 협상 타결", &names, &[]),
            "A - B 협상 타결"
        );
        let donga = vec!["동아일보".to_owned()];
        assert_eq!(
            clean_title("물가 3.1% 상승｜동아일보", &donga, &[]),
            "물가 3.1% 상승"
        );
    }

    #[test]
    fn dates() {
        assert_eq!(
            iso_date("2024-03-05 09:30:00", true).as_deref(),
            Some("2024-03-05T09:30:00+09:00")
        );
        assert_eq!(
            iso_date("20240305093000", false).as_deref(),
            Some("2024-03-05T09:30:00")
        );
        assert_eq!(
            iso_date("2024-03-05T09:30:00+09:00", true).as_deref(),
            Some("2024-03-05T09:30:00+09:00")
        );
        assert_eq!(
            iso_date("2024-03-05T00:30:00Z", false).as_deref(),
            Some("2024-03-05T00:30:00Z")
        );
        assert_eq!(iso_date("2024.03.05", true).as_deref(), Some("2024-03-05"));
        assert_eq!(iso_date("어제", true), None);
    }

    #[test]
    fn site_cleanups() {
        let paras = vec![
            "본문 첫 문단이다.".to_owned(),
            "제보는 카카오톡 okjebo".to_owned(),
            "본문 둘째 문단이다. 네이버에서 구독하세요 같은 말은 없다.".to_owned(),
            "▷ 더 보기".to_owned(),
            "▶ 관련기사 목록".to_owned(),
            "잘려 나갈 문단이다.".to_owned(),
        ];
        let cleanups = [
            Cleanup::DropStartingWith("제보는"),
            Cleanup::DropContaining("같은 말은"),
            Cleanup::CutFrom("▶ 관련기사"),
        ];
        assert_eq!(
            clean_paragraphs(paras, &cleanups),
            vec!["본문 첫 문단이다."]
        );
    }

    #[test]
    fn boilerplate_lines() {
        let paras = vec![
            "[이데일리 홍길동 기자] 한국은행이 기준금리를 동결했다.".to_owned(),
            "물가가 안정되고 있다는 판단이다.".to_owned(),
            "관련기사".to_owned(),
            "금리 동결 배경은".to_owned(),
            "홍길동 기자 hong@example.co.kr".to_owned(),
            "ⓒ 이데일리, 무단전재 및 재배포 금지".to_owned(),
        ];
        assert_eq!(
            clean_paragraphs(paras, &[]),
            vec![
                "한국은행이 기준금리를 동결했다.",
                "물가가 안정되고 있다는 판단이다."
            ]
        );
    }
}
