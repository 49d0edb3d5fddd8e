//! Article identity: two links name the same article when they normalise to
//! the same key.
//!
//! People paste the same article in many shapes: `http` or `https`, with or
//! without `www.` or the mobile `m.` host, with a trailing slash, with the
//! tracking parameters a share button adds (`utm_*`, `fbclid`, …), with a
//! `#fragment`. Naver serves one article under three URL shapes. The key
//! drops everything that does not name the article, so a folder of scraps
//! can tell when one is scrapped twice.

use url::Url;

/// Query parameters that track the click, not the article.
const TRACKING: [&str; 14] = [
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid",
    "mc_eid", "_ga", "_gl", "ref_src", "cmpid",
];

/// Whether a query parameter only tracks where the click came from.
fn is_tracking(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.starts_with("utm_") || TRACKING.contains(&lower.as_str())
}

/// The normalised key of an article link, or `None` when `link` is not an
/// http(s) URL with a host. A link without a scheme (`www.…`) is read as
/// http.
pub fn article_key(link: &str) -> Option<String> {
    let link = link.trim();
    let url = match Url::parse(link) {
        Ok(url) => url,
        Err(_) if link.to_ascii_lowercase().starts_with("www.") => {
            Url::parse(&format!("http://{link}")).ok()?
        }
        Err(_) => return None,
    };
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let mut host = url.host_str()?.trim_end_matches('.');
    while let Some(rest) = host
        .strip_prefix("www.")
        .or_else(|| host.strip_prefix("m."))
        .filter(|rest| rest.contains('.'))
    {
        host = rest;
    }
    if host.is_empty() {
        return None;
    }
    if let Some(key) = naver_key(host, &url) {
        return Some(key);
    }
    let path = url.path().trim_end_matches('/');
    let mut params: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !is_tracking(k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    params.sort();
    let mut key = format!("{host}{path}");
    if !params.is_empty() {
        let query = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(params)
            .finish();
        key.push('?');
        key.push_str(&query);
    }
    Some(key)
}

/// Naver News: `n.news.naver.com/article/{oid}/{aid}`,
/// `n.news.naver.com/mnews/article/{oid}/{aid}` and
/// `news.naver.com/main/read.naver?oid=…&aid=…` are one article.
fn naver_key(host: &str, url: &Url) -> Option<String> {
    if host != "news.naver.com" && host != "n.news.naver.com" {
        return None;
    }
    let segments: Vec<&str> = url.path_segments()?.filter(|s| !s.is_empty()).collect();
    let (oid, aid) = match segments.as_slice() {
        ["article", oid, aid, ..] | ["mnews", "article", oid, aid, ..] => {
            ((*oid).to_string(), (*aid).to_string())
        }
        ["main", page] if page.starts_with("read.") => {
            let find = |name: &str| {
                url.query_pairs()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.into_owned())
            };
            (find("oid")?, find("aid")?)
        }
        _ => return None,
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(&oid) && digits(&aid)).then(|| format!("naver:{oid}/{aid}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_article_same_key() {
        let same = [
            (
                "https://www.example.co.kr/news/123",
                "http://example.co.kr/news/123/",
            ),
            (
                "https://m.example.co.kr/news/123",
                "https://example.co.kr/news/123#comments",
            ),
            (
                "https://example.co.kr/news/123?utm_source=kakao&utm_medium=share",
                "https://EXAMPLE.co.kr/news/123",
            ),
            (
                "https://example.co.kr/view?id=5&fbclid=IwAR0x",
                "https://example.co.kr/view?id=5",
            ),
            (
                "https://example.co.kr/view?b=2&a=1",
                "https://example.co.kr/view?a=1&b=2",
            ),
            (
                "www.example.co.kr/news/123",
                "https://example.co.kr/news/123",
            ),
            (
                "https://example.co.kr:443/news/123",
                "https://example.co.kr/news/123",
            ),
            (
                "https://n.news.naver.com/article/015/0005012345",
                "https://n.news.naver.com/mnews/article/015/0005012345?sid=101",
            ),
            (
                "https://news.naver.com/main/read.naver?mode=LSD&mid=sec&oid=015&aid=0005012345",
                "https://n.news.naver.com/article/015/0005012345",
            ),
            (
                "https://m.news.naver.com/main/read.nhn?oid=015&aid=0005012345",
                "https://n.news.naver.com/mnews/article/015/0005012345",
            ),
        ];
        for (a, b) in same {
            assert_eq!(article_key(a), article_key(b), "{a} vs {b}");
            assert!(article_key(a).is_some(), "{a}");
        }
    }

    #[test]
    fn different_articles_differ() {
        let different = [
            (
                "https://example.co.kr/news/123",
                "https://example.co.kr/news/124",
            ),
            (
                "https://example.co.kr/view?id=5",
                "https://example.co.kr/view?id=6",
            ),
            (
                "https://example.co.kr/News/123",
                "https://example.co.kr/news/123",
            ),
            (
                "https://a.example.co.kr/news/1",
                "https://b.example.co.kr/news/1",
            ),
            (
                "https://n.news.naver.com/article/015/0005012345",
                "https://n.news.naver.com/article/016/0005012345",
            ),
        ];
        for (a, b) in different {
            assert_ne!(article_key(a), article_key(b), "{a} vs {b}");
        }
    }

    #[test]
    fn keys_are_readable_and_not_links_are_none() {
        assert_eq!(
            article_key("https://www.hankyung.com/article/2026112012345/?utm_source=x").as_deref(),
            Some("hankyung.com/article/2026112012345")
        );
        assert_eq!(
            article_key("https://n.news.naver.com/mnews/article/015/0005012345").as_deref(),
            Some("naver:015/0005012345")
        );
        assert_eq!(article_key("https://m.com/a").as_deref(), Some("m.com/a"));
        for bad in [
            "",
            "기사 링크",
            "ftp://example.com/a",
            "mailto:a@b.c",
            "http://",
        ] {
            assert_eq!(article_key(bad), None, "{bad}");
        }
    }
}
