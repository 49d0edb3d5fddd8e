//! The notebook from the command line, end to end on the real binary:
//! `list`, `stats`, `check DIR`'s `duplicate-article`, and batch `fetch`
//! against a local HTTP server (127.0.0.1; a slow page, a failing page and
//! an article already in the folder).

use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use unicode_width::UnicodeWidthStr;

fn scrapls() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_scrapls"));
    cmd.env("SCRAPLS_LANG", "ko").env("TZ", "UTC");
    cmd
}

/// A complete scrap (nothing missing) unless `missing_insight`.
fn scrap(date: &str, press: &str, tags: &str, headline: &str, url: &str, insight: bool) -> String {
    let insight = if insight {
        "## 기사 내용의 수치화, 인사이트\n수출 20% 증가\n\n"
    } else {
        ""
    };
    format!(
        "---\ndate: {date}\npress: {press}\ntags: [{tags}]\n---\n\n## 헤드라인 (요약과 압축)\n{headline}\n\n## 기사링크\n{url}\n\n## 본문 (본문 내용 복사)\n본문입니다.\n\n{insight}## 요약 및 의견 for 경제신문스크랩 스터디용\n요약입니다.\n\n## 적용할점 (현직자에게 할 질문)\n어떻게 대응하나요?\n"
    )
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Three scraps, two of them one Naver article in two URL shapes, and one
/// in a hidden folder that the walker skips.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    write(
        p,
        "2026-11/a.scrap.md",
        &scrap(
            "2026-11-20",
            "한빛경제",
            "반도체, 수출",
            "반도체 수출이 석 달 만에 반등했다는 아주 긴 헤드라인",
            "https://n.news.naver.com/mnews/article/015/0005012345?sid=101",
            true,
        ),
    );
    write(
        p,
        "2026-11/b.scrap.md",
        &scrap(
            "2026-11-02",
            "새벽일보",
            "환율",
            "원·달러 환율 급등",
            "https://www.example.co.kr/news/77?utm_source=kakao",
            false,
        ),
    );
    write(
        p,
        "c.scrap.md",
        &scrap(
            "2026-11-25",
            "한빛경제",
            "반도체",
            "같은 기사를 다시",
            "https://news.naver.com/main/read.naver?oid=015&aid=0005012345",
            true,
        ),
    );
    write(
        p,
        ".trash/old.scrap.md",
        &scrap("2026-01-01", "x", "x", "x", "https://x.com/1", true),
    );
    dir
}

/// Runs `scrapls ARGS DIR`, which must succeed; returns its output.
fn run_ok(args: &[&str], dir: &Path) -> Vec<u8> {
    let out = scrapls().args(args).arg(dir).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn json_lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn list_json_has_every_field_sorted_by_date() {
    let dir = folder();
    let stdout = run_ok(&["list", "--format", "json"], dir.path());
    let rows = json_lines(&stdout);
    let names: Vec<&str> = rows.iter().map(|r| r["path"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names[0].ends_with("b.scrap.md") && names[2].ends_with("c.scrap.md"));
    let b = &rows[0];
    assert_eq!(b["date"], "2026-11-02");
    assert_eq!(b["press"], "새벽일보");
    assert_eq!(b["headline"], "원·달러 환율 급등");
    assert_eq!(
        b["url"],
        "https://www.example.co.kr/news/77?utm_source=kakao"
    );
    assert_eq!(b["article_key"], "example.co.kr/news/77");
    assert_eq!(b["tags"], serde_json::json!(["환율"]));
    assert_eq!(b["missing"], serde_json::json!(["insight"]));
    assert_eq!(b["duplicates"], serde_json::json!([]));
    let a = &rows[1];
    assert_eq!(a["article_key"], "naver:015/0005012345");
    assert_eq!(a["missing"], serde_json::json!([]));
    let dups = a["duplicates"].as_array().unwrap();
    assert_eq!(dups.len(), 1);
    assert!(dups[0].as_str().unwrap().ends_with("c.scrap.md"));
}

#[test]
fn list_filters_and_csv() {
    let dir = folder();
    let list = |args: &[&str]| -> Vec<String> {
        let args = [&["list", "--format", "json"], args].concat();
        json_lines(&run_ok(&args, dir.path()))
            .iter()
            .map(|r| r["headline"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(list(&["--since", "2026-11-21"]), ["같은 기사를 다시"]);
    assert_eq!(list(&["--until", "2026-11-10"]), ["원·달러 환율 급등"]);
    assert_eq!(list(&["--press", "한빛 경제", "--tag", "수출"]).len(), 1);
    assert_eq!(list(&["--missing", "인사이트"]), ["원·달러 환율 급등"]);
    assert_eq!(list(&["--missing", "insight"]), ["원·달러 환율 급등"]);
    let bad = scrapls()
        .arg("list")
        .arg(dir.path())
        .args(["--missing", "없는섹션"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let bad = scrapls()
        .args(["list", "--since", "11월"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let csv = scrapls()
        .arg("list")
        .arg(dir.path())
        .args(["--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.starts_with("path,date,press,headline,url,article_key,tags,missing,duplicates\n"));
    assert!(csv.contains(",반도체;수출,"));
}

#[test]
fn list_table_fits_the_terminal_counting_hangul_wide() {
    let dir = folder();
    for columns in ["60", "100"] {
        let out = scrapls()
            .arg("list")
            .arg(dir.path())
            .env("COLUMNS", columns)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert!(lines[0].starts_with("날짜"));
        let limit: usize = columns.parse().unwrap();
        for line in &lines {
            assert!(
                line.width() <= limit,
                "{columns}: {line} ({})",
                line.width()
            );
        }
        assert!(text.contains('…'), "{text}");
        assert!(text.contains("중복"));
        assert!(text.contains("빠짐"), "{text}");
        if limit >= 100 {
            assert!(text.contains("빠짐: insight"), "{text}");
        }
    }
}

#[test]
fn stats_count_weeks_streaks_presses_and_missing() {
    use jiff::ToSpan;
    let today = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date();
    let dir = tempfile::tempdir().unwrap();
    // Today, yesterday, the day before: current 3. Ten to fourteen days
    // ago: the longest run, 5.
    let mut days: Vec<i64> = vec![0, 1, 2];
    days.extend(10..15);
    for (n, back) in days.iter().enumerate() {
        let date = today.checked_sub(back.days()).unwrap();
        let press = if n % 3 == 0 {
            "새벽일보"
        } else {
            "한빛경제"
        };
        write(
            dir.path(),
            &format!("{n}.scrap.md"),
            &scrap(
                &date.to_string(),
                press,
                "반도체",
                "제목",
                &format!("https://ex.com/{n}"),
                n != 0,
            ),
        );
    }
    let stdout = run_ok(&["stats", "--format", "json"], dir.path());
    let v: Value = serde_json::from_slice(&stdout).unwrap();
    assert_eq!(v["total"], 8);
    assert_eq!(v["streak"]["current"], 3);
    assert_eq!(v["streak"]["longest"], 5);
    let weeks = v["per_week"].as_array().unwrap();
    assert!(
        weeks
            .iter()
            .all(|w| w["week"].as_str().unwrap().contains("-W"))
    );
    assert_eq!(
        weeks
            .iter()
            .map(|w| w["count"].as_u64().unwrap())
            .sum::<u64>(),
        8
    );
    assert_eq!(v["presses"][0]["name"], "한빛경제");
    assert_eq!(v["presses"][0]["count"], 5);
    assert_eq!(v["tags"][0]["count"], 8);
    assert_eq!(v["missing"]["insight"], 1);
    let text = scrapls().arg("stats").arg(dir.path()).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("연속 기록: 지금 3일, 최장 5일"), "{text}");
    assert!(text.contains("기사 내용의 수치화, 인사이트  1"), "{text}");
}

#[test]
fn check_dir_reports_duplicate_articles_with_the_other_link() {
    let dir = folder();
    // Exit status 1: the scraps have errors besides the duplicates.
    let out = scrapls()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let reports = json_lines(&out.stdout);
    assert_eq!(reports.len(), 3);
    let dup = |r: &Value| -> Vec<Value> {
        r["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "duplicate-article")
            .cloned()
            .collect()
    };
    let a = reports
        .iter()
        .find(|r| r["path"].as_str().unwrap().ends_with("a.scrap.md"))
        .unwrap();
    let found = dup(a);
    assert_eq!(found.len(), 1);
    let d = &found[0];
    assert_eq!(d["severity"], "warning");
    assert!(d["message"].as_str().unwrap().contains("c.scrap.md"));
    // The link line of a.scrap.md, and the link line of c.scrap.md.
    assert_eq!(d["range"]["start"]["line"], 10);
    let related = &d["related"][0];
    assert!(related["path"].as_str().unwrap().ends_with("c.scrap.md"));
    assert_eq!(related["range"]["start"]["line"], 10);
    assert_eq!(related["range"]["end"]["character"], 61);
    let b = reports
        .iter()
        .find(|r| r["path"].as_str().unwrap().ends_with("b.scrap.md"))
        .unwrap();
    assert!(dup(b).is_empty());
    // People see the other file's place too; `off` silences the code.
    let human = scrapls().arg("check").arg(dir.path()).output().unwrap();
    let human = String::from_utf8(human.stdout).unwrap();
    assert!(human.contains("warning[duplicate-article]"), "{human}");
    assert!(human.contains("같은 기사의 링크: "), "{human}");
    write(
        dir.path(),
        "scrapls.toml",
        "[severity]\nduplicate-article = \"off\"\n",
    );
    let quiet = scrapls()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        !String::from_utf8(quiet.stdout)
            .unwrap()
            .contains("duplicate-article")
    );
}

// ------------------------------------------------------------ batch fetch

fn article(headline: &str) -> String {
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>{headline}</title>\
<meta property=\"og:title\" content=\"{headline}\">\
<meta property=\"og:site_name\" content=\"테스트일보\"></head><body>\
<article><h1>{headline}</h1>\
<p>시는 올해 지역 화폐 발행 규모를 지난해보다 두 배로 늘리기로 했다고 밝혔다.</p>\
<p>골목상권의 매출이 늘어나는 효과가 확인됐다는 것이 시의 설명이다.</p>\
<p>할인율은 상반기 동안 10%를 유지하고 하반기에 다시 정하기로 했다.</p>\
</article></body></html>"
    )
}

/// `/fail` answers 500; `/slow/N` waits a second; `/same/N` all carry one
/// headline; any other path is an article headlined after it.
async fn respond(mut stream: tokio::net::TcpStream, path: &str) {
    let headline = match path {
        "/fail" => {
            let _ = stream
                .write_all(b"HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
                .await;
            return;
        }
        p if p.starts_with("/slow/") => {
            tokio::time::sleep(Duration::from_secs(1)).await;
            format!("느린 기사 {}", &p[6..])
        }
        p if p.starts_with("/same/") => "같은 제목: 반도체/수출?".to_string(),
        p => format!("기사 {}", p.trim_start_matches('/')),
    };
    let body = article(&headline);
    let head = format!(
        "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    let _ = stream
        .write_all(&[head.as_bytes(), body.as_bytes()].concat())
        .await;
    let _ = stream.shutdown().await;
}

fn server() -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async {
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
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
    });
    rx.recv().unwrap()
}

fn scrap_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".scrap.md"))
        .collect();
    names.sort();
    names
}

#[test]
fn batch_fetch_continues_past_failures_and_skips_known_articles() {
    let addr = server();
    let dir = tempfile::tempdir().unwrap();
    let known = format!("http://{addr}/known");
    write(
        dir.path(),
        "mine.scrap.md",
        &scrap("2026-11-01", "x", "x", "내 스크랩", &known, true),
    );
    let mine = std::fs::read_to_string(dir.path().join("mine.scrap.md")).unwrap();
    let list = dir.path().join("urls.txt");
    let urls = [
        "# 이번 주".to_string(),
        format!("http://{addr}/slow/1"),
        format!("http://{addr}/fail"),
        String::new(),
        format!("https://www.{addr}/known?utm_source=x").replace("https://www.", "http://"),
        format!("http://{addr}/same/1"),
        format!("http://{addr}/same/2"),
        format!("http://{addr}/ok#top"),
        format!("http://{addr}/ok"),
    ];
    std::fs::write(&list, urls.join("\n")).unwrap();
    let out = scrapls()
        .args(["fetch", "--timeout", "5", "--from"])
        .arg(&list)
        .arg("-o")
        .arg(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
    // Plain lines (not a terminal), in list order.
    assert!(stdout.contains("건너뜀"), "{stdout}");
    assert_eq!(stdout.matches("저장 ").count(), 4, "{stdout}");
    assert_eq!(stdout.matches("건너뜀 ").count(), 2, "{stdout}");
    assert!(stdout.contains("mine.scrap.md"), "{stdout}");
    // The failure is listed at the end, with its reason.
    assert!(stderr.contains("가져오지 못한 기사 1개"), "{stderr}");
    assert!(stderr.contains(&format!("http://{addr}/fail")), "{stderr}");
    let today = scrapls::scrap::config::Config::default().today();
    let names = scrap_names(dir.path());
    assert_eq!(
        names,
        [
            format!("{today}-같은-제목-반도체-수출-2.scrap.md"),
            format!("{today}-같은-제목-반도체-수출.scrap.md"),
            format!("{today}-기사-ok.scrap.md"),
            format!("{today}-느린-기사-1.scrap.md"),
            "mine.scrap.md".to_string(),
        ]
    );
    // The user's file is untouched; a new scrap holds the article.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mine.scrap.md")).unwrap(),
        mine
    );
    let slow =
        std::fs::read_to_string(dir.path().join(format!("{today}-느린-기사-1.scrap.md"))).unwrap();
    assert!(slow.contains("\n느린 기사 1\n"), "{slow}");
    assert!(slow.contains(&format!("http://{addr}/slow/1")));
    // A second run skips everything it already has; --force fetches again
    // and still overwrites nothing.
    let again = scrapls()
        .args([
            "fetch",
            &format!("http://{addr}/ok"),
            &format!("http://{addr}/slow/1"),
            "-o",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&again.stdout)
            .matches("건너뜀 ")
            .count(),
        2
    );
    let forced = scrapls()
        .args(["fetch", &format!("http://{addr}/ok"), "--force", "-o"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(forced.status.code(), Some(0));
    assert!(scrap_names(dir.path()).contains(&format!("{today}-기사-ok-2.scrap.md")));
}

#[test]
fn batch_fetch_runs_four_at_a_time() {
    let addr = server();
    let dir = tempfile::tempdir().unwrap();
    let urls: Vec<String> = (1..=4).map(|n| format!("http://{addr}/slow/{n}")).collect();
    let started = Instant::now();
    let out = scrapls()
        .arg("fetch")
        .args(&urls)
        .arg("-o")
        .arg(dir.path().join("new"))
        .output()
        .unwrap();
    let took = started.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(scrap_names(&dir.path().join("new")).len(), 4);
    // Four one-second pages one after another would take four seconds.
    assert!(took < Duration::from_millis(3000), "{took:?}");
}

/// Each scrap is indexed with its own folder's template, as `check` and
/// the editor read it: a group folder whose own template has only a title
/// and a source misses nothing, where the default template would report
/// body, insight, summary and questions missing.
#[test]
fn list_reads_each_scrap_with_its_own_folders_template() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    write(
        p,
        "a.scrap.md",
        &scrap(
            "2026-11-20",
            "한빛경제",
            "",
            "전기요금 동결",
            "https://news.example.com/a/1",
            true,
        ),
    );
    write(
        p,
        "group/scrapls.toml",
        "extends-default = false\n[[sections]]\nid = \"title\"\ntitle = \"Title\"\nrole = \"headline\"\n[[sections]]\nid = \"source\"\ntitle = \"Source\"\nrole = \"link\"\nkind = \"url\"\n",
    );
    write(
        p,
        "group/b.scrap.md",
        "---\ndate: 2026-11-21\n---\n\n## Title\n반도체 수출 반등\n\n## Source\nhttps://news.example.com/b/2\n",
    );
    let rows = json_lines(&run_ok(&["list", "--format", "json"], p));
    let b = rows
        .iter()
        .find(|r| r["path"].as_str().unwrap().ends_with("b.scrap.md"))
        .expect("the group's scrap is listed");
    assert_eq!(b["headline"], "반도체 수출 반등", "{b}");
    assert_eq!(b["url"], "https://news.example.com/b/2", "{b}");
    assert!(
        b["article_key"].as_str().is_some_and(|k| k.contains("b/2")),
        "{b}"
    );
}
