//! Fetching against a local HTTP server (127.0.0.1, started by the test;
//! nothing here reaches the internet): the normal cases, and the hostile
//! servers of issue 5 — each must end within its limits with a clear error.

use std::io::Write;
use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};

use scrapls::article::{FetchError, FetchOptions, fetch_article, fetch_article_cancellable};
use scrapls::i18n::Locale;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/articles")
            .join(name),
    )
    .unwrap()
}

const ARTICLE: &str = "<!doctype html><html><head><meta charset=\"utf-8\">\
<title>지역 화폐 발행 늘린다 - 테스트일보</title>\
<meta property=\"og:title\" content=\"지역 화폐 발행 늘린다 - 테스트일보\">\
<meta property=\"og:site_name\" content=\"테스트일보\"></head><body>\
<nav><a href=\"/\">홈</a> <a href=\"/economy\">경제</a></nav>\
<article><h1>지역 화폐 발행 늘린다</h1>\
<p>시는 올해 지역 화폐 발행 규모를 지난해보다 두 배로 늘리기로 했다고 밝혔다.</p>\
<p>골목상권의 매출이 늘어나는 효과가 확인됐다는 것이 시의 설명이다.</p>\
<p>할인율은 상반기 동안 10%를 유지하고 하반기에 다시 정하기로 했다.</p>\
</article><footer>테스트일보 무단전재 및 재배포 금지</footer></body></html>";

/// One canned response per path.
async fn respond(mut stream: TcpStream, path: &str) {
    let head = |status: &str, headers: &str| {
        format!("HTTP/1.1 {status}\r\nConnection: close\r\n{headers}\r\n")
    };
    let html = "Content-Type: text/html; charset=utf-8\r\n";
    let _ = match path {
        "/canonical?from=share" => {
            let page = ARTICLE.replace(
                "<meta charset=\"utf-8\">",
                "<meta charset=\"utf-8\"><link rel=\"canonical\" href=\"https://news.example.com/economy/1\">",
            );
            let h = head(
                "200 OK",
                &format!("{html}Content-Length: {}\r\n", page.len()),
            );
            stream
                .write_all(&[h.as_bytes(), page.as_bytes()].concat())
                .await
        }
        "/ok" => {
            let body = ARTICLE.as_bytes();
            let h = head(
                "200 OK",
                &format!("{html}Content-Length: {}\r\n", body.len()),
            );
            stream.write_all(&[h.as_bytes(), body].concat()).await
        }
        "/euc-kr" | "/wrong-charset" => {
            let body = fixture("mt.html");
            let ct = if path == "/euc-kr" {
                "text/html; charset=EUC-KR"
            } else {
                // The server lies: the bytes are EUC-KR.
                "text/html; charset=utf-8"
            };
            let h = head(
                "200 OK",
                &format!("Content-Type: {ct}\r\nContent-Length: {}\r\n", body.len()),
            );
            stream.write_all(&[h.as_bytes(), &body].concat()).await
        }
        "/redirect" => {
            stream
                .write_all(head("302 Found", "Location: /ok\r\nContent-Length: 0\r\n").as_bytes())
                .await
        }
        "/loop-a" | "/loop-b" => {
            let to = if path == "/loop-a" {
                "/loop-b"
            } else {
                "/loop-a"
            };
            stream
                .write_all(
                    head(
                        "302 Found",
                        &format!("Location: {to}\r\nContent-Length: 0\r\n"),
                    )
                    .as_bytes(),
                )
                .await
        }
        p if p.starts_with("/chain/") => {
            let n: u32 = p[7..].parse().unwrap_or(0);
            stream
                .write_all(
                    head(
                        "301 Moved Permanently",
                        &format!("Location: /chain/{}\r\nContent-Length: 0\r\n", n + 1),
                    )
                    .as_bytes(),
                )
                .await
        }
        "/to-file" => {
            stream
                .write_all(
                    head(
                        "302 Found",
                        "Location: file:///etc/passwd\r\nContent-Length: 0\r\n",
                    )
                    .as_bytes(),
                )
                .await
        }
        "/missing" => {
            stream
                .write_all(
                    head("404 Not Found", &format!("{html}Content-Length: 9\r\n")).as_bytes(),
                )
                .await
                .ok();
            stream.write_all(b"not found").await
        }
        "/slow" => {
            tokio::time::sleep(Duration::from_secs(30)).await;
            Ok(())
        }
        "/trickle" => {
            // Headers at once, then one byte a second, forever.
            stream.write_all(head("200 OK", html).as_bytes()).await.ok();
            loop {
                if stream.write_all(b"<").await.is_err() {
                    break Ok(());
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
        "/endless" => {
            stream.write_all(head("200 OK", html).as_bytes()).await.ok();
            let chunk = "<p>끝없는 본문</p>".repeat(1000);
            loop {
                if stream.write_all(chunk.as_bytes()).await.is_err() {
                    break Ok(());
                }
            }
        }
        "/oversize" => {
            let body = vec![b' '; 3 * 1024 * 1024];
            stream.write_all(head("200 OK", html).as_bytes()).await.ok();
            stream.write_all(&body).await
        }
        "/huge-length" => {
            stream
                .write_all(
                    head("200 OK", &format!("{html}Content-Length: 1000000000\r\n")).as_bytes(),
                )
                .await
                .ok();
            // Then hold the connection open without sending anything.
            tokio::time::sleep(Duration::from_secs(30)).await;
            Ok(())
        }
        "/gzip-bomb" => {
            let bomb = gzip_bomb();
            let h = head(
                "200 OK",
                &format!(
                    "{html}Content-Encoding: gzip\r\nContent-Length: {}\r\n",
                    bomb.len()
                ),
            );
            stream.write_all(&[h.as_bytes(), bomb].concat()).await
        }
        "/pdf" => {
            stream
                .write_all(
                    head(
                        "200 OK",
                        "Content-Type: application/pdf\r\nContent-Length: 8\r\n",
                    )
                    .as_bytes(),
                )
                .await
                .ok();
            stream.write_all(b"%PDF-1.7").await
        }
        "/nested" => {
            let mut body = String::from("<html><head><title>깊은 문서</title></head><body>");
            body.push_str(&"<div>".repeat(100_000));
            body.push_str("<p>아주 깊은 곳에 있는 문단도 읽을 수 있어야 한다.</p>");
            body.push_str(&"</div>".repeat(100_000));
            let h = head(
                "200 OK",
                &format!("{html}Content-Length: {}\r\n", body.len()),
            );
            stream
                .write_all(&[h.as_bytes(), body.as_bytes()].concat())
                .await
        }
        "/empty" => {
            let body = b"<html><body><div></div></body></html>";
            let h = head(
                "200 OK",
                &format!("{html}Content-Length: {}\r\n", body.len()),
            );
            stream.write_all(&[h.as_bytes(), &body[..]].concat()).await
        }
        _ => {
            stream
                .write_all(head("500 Internal Server Error", "Content-Length: 0\r\n").as_bytes())
                .await
        }
    };
    let _ = stream.shutdown().await;
}

/// Starts the server on an ephemeral port; it lives as long as the runtime.
/// 64 MiB of spaces gzipped, built once: compressing it (in a debug build)
/// takes seconds that are the test server's, not the client's.
fn gzip_bomb() -> &'static [u8] {
    static BOMB: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BOMB.get_or_init(|| {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![b' '; 1024 * 1024];
        for _ in 0..64 {
            enc.write_all(&zeros).unwrap();
        }
        enc.finish().unwrap()
    })
}

async fn server() -> SocketAddr {
    gzip_bomb();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((mut stream, _)) = listener.accept().await else {
                continue;
            };
            tokio::spawn(async move {
                let mut buf = vec![0u8; 8192];
                let mut len = 0;
                while len < buf.len() {
                    match stream.read(&mut buf[len..]).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => len += n,
                    }
                    if buf[..len].windows(4).any(|w| w == b"\r\n\r\n") {
                        break;
                    }
                }
                let request = String::from_utf8_lossy(&buf[..len]).into_owned();
                let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
                respond(stream, &path).await;
            });
        }
    });
    addr
}

fn opts() -> FetchOptions {
    FetchOptions {
        timeout: Duration::from_secs(3),
        connect_timeout: Duration::from_secs(2),
        max_bytes: 1024 * 1024,
        ..FetchOptions::default()
    }
}

async fn get(addr: SocketAddr, path: &str) -> Result<scrapls::article::Article, FetchError> {
    fetch_article(&format!("http://{addr}{path}"), &opts()).await
}

#[tokio::test]
async fn success() {
    let addr = server().await;
    let a = get(addr, "/ok").await.unwrap();
    assert_eq!(a.headline.as_deref(), Some("지역 화폐 발행 늘린다"));
    assert!(a.body.starts_with("시는 올해 지역 화폐"));
    assert!(a.body.contains("\n\n골목상권의"));
    assert!(!a.body.contains("무단전재"));
    assert_eq!(a.press.as_deref(), Some("테스트일보"));
}

#[tokio::test]
async fn euc_kr_declared_and_lied_about() {
    let addr = server().await;
    for path in ["/euc-kr", "/wrong-charset"] {
        let a = get(addr, path).await.unwrap();
        assert_eq!(
            a.headline.as_deref(),
            Some("배터리 3사, 올해 북미 투자 20조…\"공급망 재편 대응\""),
            "{path}"
        );
        assert!(a.body.contains("국내 배터리 3사가"), "{path}: {}", a.body);
    }
}

#[tokio::test]
async fn redirects() {
    let addr = server().await;
    let a = get(addr, "/redirect").await.unwrap();
    assert!(a.body.contains("지역 화폐"));
    assert!(matches!(
        get(addr, "/loop-a").await,
        Err(FetchError::RedirectLoop(_))
    ));
    assert_eq!(
        get(addr, "/chain/0").await,
        Err(FetchError::TooManyRedirects(5))
    );
    assert_eq!(
        get(addr, "/to-file").await,
        Err(FetchError::UnsupportedScheme("file".into()))
    );
}

#[tokio::test]
async fn not_found() {
    let addr = server().await;
    let e = get(addr, "/missing").await.unwrap_err();
    assert_eq!(e, FetchError::Status(404));
    assert!(e.message(Locale::Ko).contains("HTTP 404"));
}

/// Runs a fetch that must fail within `limit`, returning the error.
async fn fails_within(addr: SocketAddr, path: &str, limit: Duration) -> FetchError {
    let start = Instant::now();
    let result = get(addr, path).await;
    let took = start.elapsed();
    assert!(took < limit, "{path} took {took:?}");
    result.expect_err(path)
}

#[tokio::test]
async fn timeouts() {
    let addr = server().await;
    let limit = Duration::from_secs(6);
    assert_eq!(
        fails_within(addr, "/slow", limit).await,
        FetchError::Timeout(3)
    );
    assert_eq!(
        fails_within(addr, "/trickle", limit).await,
        FetchError::Timeout(3)
    );
}

#[tokio::test]
async fn size_limits() {
    let addr = server().await;
    let limit = Duration::from_secs(6);
    let cap = FetchError::TooLarge(1024 * 1024);
    assert_eq!(fails_within(addr, "/endless", limit).await, cap);
    assert_eq!(fails_within(addr, "/oversize", limit).await, cap);
    // Refused from the header, without waiting for a byte of body.
    assert_eq!(
        fails_within(addr, "/huge-length", Duration::from_secs(2)).await,
        cap
    );
    // 64 MiB of spaces in ~64 KiB of gzip: the cap counts decompressed bytes.
    assert_eq!(fails_within(addr, "/gzip-bomb", limit).await, cap);
}

#[tokio::test]
async fn non_html_is_refused() {
    let addr = server().await;
    let e = get(addr, "/pdf").await.unwrap_err();
    assert_eq!(e, FetchError::NotHtml("application/pdf".into()));
    assert!(e.message(Locale::Ko).contains("HTML 문서가 아닙니다"));
    assert!(e.message(Locale::En).contains("not an HTML page"));
}

#[tokio::test]
async fn deeply_nested_page_ends_in_time() {
    let addr = server().await;
    let start = Instant::now();
    // 1.1 MB of tags: above the tests' usual cap.
    let opts = FetchOptions {
        max_bytes: 4 * 1024 * 1024,
        ..opts()
    };
    let a = fetch_article(&format!("http://{addr}/nested"), &opts)
        .await
        .unwrap();
    assert!(start.elapsed() < Duration::from_secs(10));
    assert!(a.body.contains("아주 깊은 곳에 있는 문단도"));
}

#[tokio::test]
async fn empty_page_is_an_error() {
    let addr = server().await;
    assert_eq!(get(addr, "/empty").await, Err(FetchError::NoArticle));
}

#[tokio::test]
async fn cancellation_is_prompt() {
    let addr = server().await;
    let token = tokio_util::sync::CancellationToken::new();
    let cancel = token.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(200)).await;
        cancel.cancel();
    });
    let start = Instant::now();
    let url = format!("http://{addr}/slow");
    let result = fetch_article_cancellable(&url, &opts(), &token).await;
    assert_eq!(result, Err(FetchError::Cancelled));
    assert!(start.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn connection_refused_is_reported() {
    // Bind and drop to get a port nobody listens on.
    let addr = TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap()
        .local_addr()
        .unwrap();
    let e = get(addr, "/").await.unwrap_err();
    assert!(matches!(e, FetchError::Connect(_)), "{e:?}");
}

// ------------------------------------------------------------ CLI, end to end

/// Runs the built binary with a server on a separate runtime thread.
fn cli_server() -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async {
            tx.send(server().await).unwrap();
            std::future::pending::<()>().await;
        });
    });
    rx.recv().unwrap()
}

fn scrapls() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_scrapls"));
    cmd.env("SCRAPLS_LANG", "ko");
    cmd
}

/// `scrapls fetch URL`'s scrap, the command having succeeded.
fn fetched_scrap(url: &str) -> String {
    let out = scrapls().args(["fetch", url]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn cli_fetch_prints_a_scrap_and_json() {
    let addr = cli_server();
    let url = format!("http://{addr}/ok");
    let text = fetched_scrap(&url);
    assert!(text.starts_with("---\n"));
    assert!(text.contains("press: 테스트일보"));
    assert!(text.contains("\n지역 화폐 발행 늘린다\n"));
    assert!(text.contains(&url));
    assert!(text.contains("시는 올해 지역 화폐 발행 규모를"));

    let out = scrapls()
        .args(["fetch", &url, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["headline"], "지역 화폐 발행 늘린다");
    for key in ["body", "press", "author", "published", "url"] {
        assert!(v.get(key).is_some(), "{key}");
    }
}

#[test]
fn cli_fetch_failure_says_why() {
    let addr = cli_server();
    let out = scrapls()
        .args(["fetch", &format!("http://{addr}/pdf")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("HTML 문서가 아닙니다"));
    assert!(out.stdout.is_empty());
}

#[test]
fn cli_output_file_is_never_overwritten_without_force() {
    let addr = cli_server();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("scrap.md");
    std::fs::write(&file, "내가 쓴 글").unwrap();
    let url = format!("http://{addr}/ok");
    let f = file.to_str().unwrap();
    let out = scrapls().args(["fetch", &url, "-o", f]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "내가 쓴 글");

    let out = scrapls()
        .args(["fetch", &url, "-o", f, "--force"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("지역 화폐")
    );

    let fresh = dir.path().join("new.md");
    let out = scrapls()
        .args(["fetch", &url, "-o", fresh.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(fresh.exists());
}

#[test]
fn cli_extract_offline_from_file_and_stdin() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles/mk.html");
    let url = "https://www.mk.co.kr/news/economy/10950001";
    let out = scrapls()
        .args([
            "extract",
            "--url",
            url,
            "--format",
            "json",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["press"], "매일경제");
    assert_eq!(v["url"], url);

    let out = scrapls()
        .args(["extract", "-"])
        .write_stdin(fixture("naver.html"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("인터넷전문은행들이 1분기에 역대 최대 순이익을 냈다."));

    let out = scrapls()
        .args(["extract", "/nonexistent/page.html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// The link the user gave stays the scrap's link; the page's differing
/// canonical address is recorded as `canonical` (the editor does the same:
/// `tests/lsp_fetch.rs`).
#[test]
fn cli_fetch_keeps_the_users_link_and_records_the_canonical() {
    let addr = cli_server();
    let url = format!("http://{addr}/canonical?from=share");
    let text = fetched_scrap(&url);
    assert!(text.contains(&format!("\nurl: \"{url}\"\n")), "{text}");
    assert!(
        text.contains("\ncanonical: \"https://news.example.com/economy/1\"\n"),
        "{text}"
    );
    assert!(text.contains(&format!("## 기사링크\n\n{url}\n")), "{text}");

    // Without a canonical address there is nothing to record.
    let text = fetched_scrap(&format!("http://{addr}/ok"));
    assert!(!text.contains("canonical:"), "{text}");
}
