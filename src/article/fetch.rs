//! Fetching an article page: a thin, defensive layer over `reqwest`.
//!
//! Every limit is enforced here because the caller is a language server that
//! must never hang or run out of memory on a hostile or broken server:
//! connect and total timeouts (a trickling or endless body ends at the total
//! timeout), a byte cap on the *decompressed* body (a gzip bomb ends at the
//! cap), a refusal of oversized `Content-Length` up front, at most
//! [`FetchOptions::max_redirects`] redirects (loops detected), http/https
//! only, and HTML content types only.
//!
//! # Cancellation
//!
//! [`fetch_article`] is an ordinary future: dropping it aborts the request
//! and closes the connection, so it composes with `tokio::select!`.
//! [`fetch_article_cancellable`] does that select for a
//! [`CancellationToken`], the shape the language server's
//! `window/workDoneProgress/cancel` handling wants. Extraction itself runs on
//! the blocking pool (`spawn_blocking`) so it never stalls the async runtime.

use std::time::Duration;

use reqwest::header::{CONTENT_LENGTH, CONTENT_TYPE};
use tokio_util::sync::CancellationToken;
use url::Url;

use super::Article;
use crate::i18n::Locale;

/// Limits and identity for one fetch.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Sent as `User-Agent`. Browser-like so that sites serve their normal
    /// page, honest about being scrapls.
    pub user_agent: String,
    /// Limit for establishing the connection (DNS, TCP, TLS).
    pub connect_timeout: Duration,
    /// Limit for the whole exchange, body included.
    pub timeout: Duration,
    /// Largest body accepted, counted after decompression.
    pub max_bytes: usize,
    /// Redirects followed before giving up.
    pub max_redirects: usize,
}

/// The default `User-Agent`.
pub const USER_AGENT: &str = concat!(
    "Mozilla/5.0 (compatible; scrapls/",
    env!("CARGO_PKG_VERSION"),
    "; +https://github.com/scrapls)"
);

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            user_agent: USER_AGENT.to_owned(),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            // Korean news pages are 100–600 KB; 10 MiB leaves room for
            // inline scripts without letting a server fill memory.
            max_bytes: 10 * 1024 * 1024,
            max_redirects: 5,
        }
    }
}

/// Why a fetch failed. [`FetchError::message`] gives the text for users in
/// their language; `Display` is the English one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// The link is not a URL.
    InvalidUrl(String),
    /// Not http or https (also for redirects to such URLs).
    UnsupportedScheme(String),
    /// DNS, TCP or TLS failed.
    Connect(String),
    /// The connect or total timeout passed; seconds of the limit hit.
    Timeout(u64),
    /// More redirects than allowed.
    TooManyRedirects(usize),
    /// A redirect led back to a URL already visited.
    RedirectLoop(String),
    /// The final response was not a success.
    Status(u16),
    /// The content type is not HTML.
    NotHtml(String),
    /// The body (decompressed) is larger than the cap, in bytes.
    TooLarge(usize),
    /// Any other transport error.
    Network(String),
    /// The page has neither a headline nor article text.
    NoArticle,
    /// The caller cancelled.
    Cancelled,
}

impl FetchError {
    /// The user-facing message.
    pub fn message(&self, locale: Locale) -> String {
        let ko = locale == Locale::Ko;
        match self {
            FetchError::InvalidUrl(u) => {
                if ko {
                    format!("주소를 해석할 수 없습니다: {u}")
                } else {
                    format!("not a valid URL: {u}")
                }
            }
            FetchError::UnsupportedScheme(s) => {
                if ko {
                    format!("http와 https 주소만 가져올 수 있습니다 ({s})")
                } else {
                    format!("only http and https URLs can be fetched ({s})")
                }
            }
            FetchError::Connect(d) => {
                if ko {
                    format!("서버에 연결할 수 없습니다: {d}")
                } else {
                    format!("could not connect to the server: {d}")
                }
            }
            FetchError::Timeout(s) => {
                if ko {
                    format!("응답 시간이 초과되었습니다 ({s}초)")
                } else {
                    format!("the server took too long (limit {s} s)")
                }
            }
            FetchError::TooManyRedirects(n) => {
                if ko {
                    format!("리다이렉트가 너무 많습니다 (최대 {n}회)")
                } else {
                    format!("too many redirects (at most {n})")
                }
            }
            FetchError::RedirectLoop(u) => {
                if ko {
                    format!("리다이렉트가 같은 주소로 되돌아옵니다: {u}")
                } else {
                    format!("redirect loop back to {u}")
                }
            }
            FetchError::Status(code) => {
                if ko {
                    format!("서버가 오류를 돌려주었습니다 (HTTP {code})")
                } else {
                    format!("the server answered HTTP {code}")
                }
            }
            FetchError::NotHtml(t) => {
                if ko {
                    format!("HTML 문서가 아닙니다 ({t})")
                } else {
                    format!("not an HTML page ({t})")
                }
            }
            FetchError::TooLarge(n) => {
                let mb = *n as f64 / (1024.0 * 1024.0);
                if ko {
                    format!("문서가 너무 큽니다 (최대 {mb:.1} MB)")
                } else {
                    format!("the page is too large (limit {mb:.1} MB)")
                }
            }
            FetchError::Network(d) => {
                if ko {
                    format!("네트워크 오류: {d}")
                } else {
                    format!("network error: {d}")
                }
            }
            FetchError::NoArticle => locale
                .pick(
                    "페이지에서 기사 제목이나 본문을 찾지 못했습니다",
                    "no headline or article text found on the page",
                )
                .to_owned(),
            FetchError::Cancelled => locale.pick("취소되었습니다", "cancelled").to_owned(),
        }
    }
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for FetchError {}

/// Raised inside the redirect policy; recovered from the error chain.
#[derive(Debug)]
enum RedirectError {
    TooMany(usize),
    Loop(String),
    Scheme(String),
}

impl std::fmt::Display for RedirectError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for RedirectError {}

/// Fetches `url` and extracts its article. See the module docs for the
/// limits and for cancellation (drop the future, or use
/// [`fetch_article_cancellable`]).
pub async fn fetch_article(url: &str, opts: &FetchOptions) -> Result<Article, FetchError> {
    let page = fetch_html(url, opts).await?;
    let article = tokio::task::spawn_blocking(move || {
        super::extract(&page.bytes, Some(&page.url), page.charset.as_deref())
    })
    .await
    .map_err(|e| FetchError::Network(e.to_string()))?;
    if article.body.trim().is_empty() && article.headline.is_none() {
        return Err(FetchError::NoArticle);
    }
    Ok(article)
}

/// [`fetch_article`] that stops as soon as `cancel` fires, returning
/// [`FetchError::Cancelled`] (the request is dropped, its connection closed).
pub async fn fetch_article_cancellable(
    url: &str,
    opts: &FetchOptions,
    cancel: &CancellationToken,
) -> Result<Article, FetchError> {
    tokio::select! {
        biased;
        _ = cancel.cancelled() => Err(FetchError::Cancelled),
        result = fetch_article(url, opts) => result,
    }
}

/// A fetched page: bytes, the URL after redirects, the declared charset.
struct Page {
    bytes: Vec<u8>,
    url: Url,
    charset: Option<String>,
}

async fn fetch_html(raw: &str, opts: &FetchOptions) -> Result<Page, FetchError> {
    let url = Url::parse(raw.trim()).map_err(|_| FetchError::InvalidUrl(raw.to_owned()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(FetchError::UnsupportedScheme(url.scheme().to_owned()));
    }
    let max_redirects = opts.max_redirects;
    let policy = reqwest::redirect::Policy::custom(move |attempt| {
        let next = attempt.url().clone();
        if !matches!(next.scheme(), "http" | "https") {
            let scheme = next.scheme().to_owned();
            return attempt.error(RedirectError::Scheme(scheme));
        }
        if attempt.previous().contains(&next) {
            return attempt.error(RedirectError::Loop(next.to_string()));
        }
        if attempt.previous().len() > max_redirects {
            return attempt.error(RedirectError::TooMany(max_redirects));
        }
        attempt.follow()
    });
    let client = reqwest::Client::builder()
        .user_agent(opts.user_agent.clone())
        .connect_timeout(opts.connect_timeout)
        .timeout(opts.timeout)
        .redirect(policy)
        .build()
        .map_err(|e| FetchError::Network(e.to_string()))?;
    let map_err = |e: reqwest::Error| classify(e, opts);

    let mut response = client
        .get(url)
        .header(
            reqwest::header::ACCEPT,
            "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
        )
        .header(reqwest::header::ACCEPT_LANGUAGE, "ko,en;q=0.8")
        .send()
        .await
        .map_err(map_err)?;

    let status = response.status();
    if status.is_redirection() {
        // reqwest hands back redirects it cannot follow (a `Location` that is
        // not http/https, or none at all) instead of calling the policy.
        let target = response
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|loc| response.url().join(loc).ok());
        if let Some(t) = target
            && !matches!(t.scheme(), "http" | "https")
        {
            return Err(FetchError::UnsupportedScheme(t.scheme().to_owned()));
        }
    }
    if !status.is_success() {
        return Err(FetchError::Status(status.as_u16()));
    }
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let charset = content_type.as_deref().and_then(charset_param);
    if let Some(ct) = &content_type {
        let essence = ct
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if !matches!(essence.as_str(), "text/html" | "application/xhtml+xml" | "") {
            return Err(FetchError::NotHtml(essence));
        }
    }
    // Refuse an announced oversize body before reading any of it.
    let declared = response
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .or(response.content_length());
    if declared.is_some_and(|n| n > opts.max_bytes as u64) {
        return Err(FetchError::TooLarge(opts.max_bytes));
    }
    let final_url = response.url().clone();

    // Stream, counting decompressed bytes.
    let mut bytes: Vec<u8> = Vec::with_capacity(declared.map_or(64 * 1024, |n| n as usize));
    while let Some(chunk) = response.chunk().await.map_err(map_err)? {
        if bytes.len() + chunk.len() > opts.max_bytes {
            return Err(FetchError::TooLarge(opts.max_bytes));
        }
        bytes.extend_from_slice(&chunk);
    }
    if content_type.is_none() && !looks_like_html(&bytes) {
        return Err(FetchError::NotHtml("unknown".to_owned()));
    }
    Ok(Page {
        bytes,
        url: final_url,
        charset,
    })
}

/// Maps a transport error to what the user should hear.
fn classify(e: reqwest::Error, opts: &FetchOptions) -> FetchError {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&e);
    while let Some(s) = source {
        if let Some(r) = s.downcast_ref::<RedirectError>() {
            return match r {
                RedirectError::TooMany(n) => FetchError::TooManyRedirects(*n),
                RedirectError::Loop(u) => FetchError::RedirectLoop(u.clone()),
                RedirectError::Scheme(s) => FetchError::UnsupportedScheme(s.clone()),
            };
        }
        source = s.source();
    }
    if e.is_connect() && e.is_timeout() {
        FetchError::Timeout(opts.connect_timeout.as_secs().max(1))
    } else if e.is_timeout() {
        FetchError::Timeout(opts.timeout.as_secs().max(1))
    } else if e.is_connect() {
        FetchError::Connect(root_cause(&e))
    } else if e.is_redirect() {
        FetchError::TooManyRedirects(opts.max_redirects)
    } else {
        FetchError::Network(root_cause(&e))
    }
}

fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}

fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (k, v) = param.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset")).then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// For responses without a content type: does the start look like HTML?
fn looks_like_html(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes
        .iter()
        .take(1024)
        .map(u8::to_ascii_lowercase)
        .collect();
    let head = String::from_utf8_lossy(&head);
    let t = head.trim_start_matches('\u{feff}').trim_start();
    t.starts_with("<!doctype html")
        || t.starts_with("<html")
        || t.contains("<head")
        || t.contains("<body")
        || t.contains("<meta")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_from_content_type() {
        assert_eq!(
            charset_param("text/html; charset=\"EUC-KR\"").as_deref(),
            Some("EUC-KR")
        );
        assert_eq!(charset_param("text/html"), None);
    }

    #[test]
    fn messages_in_both_languages() {
        let e = FetchError::NotHtml("application/pdf".into());
        assert!(e.message(Locale::Ko).contains("HTML 문서가 아닙니다"));
        assert_eq!(e.to_string(), "not an HTML page (application/pdf)");
    }

    #[tokio::test]
    async fn refuses_other_schemes_without_network() {
        let opts = FetchOptions::default();
        assert_eq!(
            fetch_article("file:///etc/passwd", &opts).await,
            Err(FetchError::UnsupportedScheme("file".into()))
        );
        assert!(matches!(
            fetch_article("not a url", &opts).await,
            Err(FetchError::InvalidUrl(_))
        ));
    }
}
