//! The notebook in the language server, end to end: the real binary over
//! JSON-RPC on a temporary folder of scraps. Indexing with `$/progress`,
//! `duplicate-article` with related information, related-link completion,
//! definition, references, workspace symbols, and the index kept current
//! from edits and watched-file events.

mod common;

use std::path::Path;

use common::{Client, range};
use serde_json::{Value, json};

fn scrap(date: &str, press: &str, tags: &str, headline: &str, url: &str, related: &str) -> String {
    format!(
        "---\ndate: {date}\npress: {press}\ntags: [{tags}]\n---\n\n## 헤드라인\n{headline}\n\n## 기사링크\n{url}\n\n## 본문\n본문입니다.\n\n## 연관기사 링크\n{related}\n"
    )
}

const NAVER_A: &str = "https://n.news.naver.com/mnews/article/015/0005012345?sid=101";
const NAVER_B: &str = "https://news.naver.com/main/read.naver?oid=015&aid=0005012345";

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: String| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "a.scrap.md",
        scrap(
            "2026-11-20",
            "한빛경제",
            "반도체",
            "반도체 수출 석 달 만에 반등",
            NAVER_A,
            "- 메모",
        ),
    );
    write(
        "b.scrap.md",
        scrap(
            "2026-11-21",
            "누리비즈",
            "경제",
            "같은 기사, 다른 주소",
            NAVER_B,
            "",
        ),
    );
    write(
        "c.scrap.md",
        scrap(
            "2026-11-22",
            "가람뉴스",
            "반도체, 수출",
            "반도체 업황 회복 기대",
            "https://www.example.co.kr/news/3",
            "- [석 달 만에 반등](https://n.news.naver.com/article/015/0005012345)",
        ),
    );
    write(
        "d.scrap.md",
        scrap(
            "2026-11-01",
            "새벽일보",
            "유통",
            "편의점 매출 감소",
            "https://example.co.kr/news/4",
            "",
        ),
    );
    dir
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// Starts the server on the folder and waits for the index to be built.
fn start(dir: &Path) -> Client {
    let mut c = Client::spawn();
    let root = uri(dir);
    c.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": root,
            "workspaceFolders": [{"uri": root, "name": "scraps"}],
            "capabilities": {
                "window": {"workDoneProgress": true},
                "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
            },
            "locale": "ko",
        }),
    );
    c.notify("initialized", json!({}));
    let end = c.wait_for(|m| {
        m["method"] == "$/progress"
            && m["params"]["token"] == "scrapls-notebook-index"
            && m["params"]["value"]["kind"] == "end"
    });
    assert_eq!(end["params"]["value"]["message"], "스크랩 4개");
    c
}

fn open_file(c: &mut Client, path: &Path) -> String {
    let u = uri(path);
    c.open(&u, &std::fs::read_to_string(path).unwrap(), 1);
    u
}

/// Waits for a publication of `uri` whose diagnostics satisfy `pred`.
fn diagnostics_where(c: &mut Client, u: &str, pred: impl Fn(&[Value]) -> bool) -> Vec<Value> {
    let msg = c.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == u
            && pred(m["params"]["diagnostics"].as_array().unwrap())
    });
    msg["params"]["diagnostics"].as_array().unwrap().clone()
}

fn duplicate(ds: &[Value]) -> Option<&Value> {
    ds.iter().find(|d| d["code"] == "duplicate-article")
}

#[test]
fn duplicate_article_points_at_the_other_scraps_link() {
    let dir = folder();
    let mut c = start(dir.path());
    let registered = c.server_requests.lock().unwrap().clone();
    let watch = registered
        .iter()
        .find(|r| r["method"] == "client/registerCapability")
        .expect("watcher registered");
    assert!(watch.to_string().contains("**/*.scrap.md"), "{watch}");

    let a = open_file(&mut c, &dir.path().join("a.scrap.md"));
    let ds = diagnostics_where(&mut c, &a, |ds| duplicate(ds).is_some());
    let d = duplicate(&ds).unwrap();
    assert_eq!(d["severity"], 2);
    assert_eq!(
        d["message"],
        "이 기사는 이미 b.scrap.md에 스크랩되어 있습니다."
    );
    assert_eq!(d["range"], range(10, 0, 10, NAVER_A.len() as u32));
    let info = &d["relatedInformation"][0];
    assert_eq!(info["location"]["uri"], uri(&dir.path().join("b.scrap.md")));
    assert_eq!(
        info["location"]["range"],
        range(10, 0, 10, NAVER_B.len() as u32)
    );

    // b's link now names another article: a is no longer a duplicate,
    // without a keystroke in a.
    let b = open_file(&mut c, &dir.path().join("b.scrap.md"));
    diagnostics_where(&mut c, &b, |ds| duplicate(ds).is_some());
    c.change(
        &b,
        2,
        range(10, 0, 10, NAVER_B.len() as u32),
        "https://example.com/other",
    );
    diagnostics_where(&mut c, &a, |ds| duplicate(ds).is_none());
    c.shutdown();
}

#[test]
fn related_links_complete_as_markdown_links_ranked_by_tags_and_titles() {
    let dir = folder();
    let mut c = start(dir.path());
    // A new scrap, not yet on disk, about semiconductors.
    let path = dir.path().join("new.scrap.md");
    let u = uri(&path);
    let text = scrap(
        "2026-11-30",
        "한빛경제",
        "반도체, 수출",
        "반도체 수출 회복",
        "https://ex.com/new",
        "- ",
    );
    c.open(&u, &text, 1);
    let line = text.lines().count() as u32 - 1;
    let result = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": u}, "position": {"line": line, "character": 2}}),
    );
    let items = result.as_array().expect("a completion list");
    let labels: Vec<&str> = items.iter().map(|i| i["label"].as_str().unwrap()).collect();
    // Two shared tags first, then one shared tag (newest first), then the rest.
    assert_eq!(labels[0], "반도체 업황 회복 기대", "{labels:?}");
    assert_eq!(labels[1], "반도체 수출 석 달 만에 반등", "{labels:?}");
    assert_eq!(labels.len(), 4);
    let first = &items[0];
    assert_eq!(first["detail"], "가람뉴스 · 2026-11-22");
    assert_eq!(
        first["textEdit"]["newText"],
        "[반도체 업황 회복 기대](https://www.example.co.kr/news/3)"
    );
    assert_eq!(first["textEdit"]["range"], range(line, 2, line, 2));
    // Outside the related-links section, headings complete as before.
    let body = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": u}, "position": {"line": 6, "character": 0}}),
    );
    assert!(!body.to_string().contains("example.co.kr"));
    c.shutdown();
}

#[test]
fn definition_references_and_workspace_symbols() {
    let dir = folder();
    let mut c = start(dir.path());
    let cpath = dir.path().join("c.scrap.md");
    let cu = open_file(&mut c, &cpath);
    let ctext = std::fs::read_to_string(&cpath).unwrap();
    let related_line = ctext.lines().position(|l| l.contains("[석 달")).unwrap() as u32;
    // On the related link's URL: the local scraps of that article.
    let defs = c.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": cu}, "position": {"line": related_line, "character": 20}}),
    );
    let mut targets: Vec<&str> = defs
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["uri"].as_str().unwrap())
        .collect();
    targets.sort();
    assert_eq!(
        targets,
        [
            uri(&dir.path().join("a.scrap.md")),
            uri(&dir.path().join("b.scrap.md"))
        ]
    );
    assert_eq!(defs[0]["range"]["start"]["line"], 10);

    // On a's link: c lists it as related.
    let apath = dir.path().join("a.scrap.md");
    let au = open_file(&mut c, &apath);
    let refs = c.request(
        "textDocument/references",
        json!({"textDocument": {"uri": au}, "position": {"line": 10, "character": 5},
               "context": {"includeDeclaration": false}}),
    );
    let refs = refs.as_array().unwrap();
    assert_eq!(refs.len(), 1, "{refs:?}");
    assert_eq!(refs[0]["uri"], cu);
    assert_eq!(refs[0]["range"]["start"]["line"], related_line);
    // `[석 달 만에 반등](` is 12 UTF-16 units after "- ".
    assert_eq!(refs[0]["range"]["start"]["character"], 2 + 12);

    let names = |c: &mut Client, query: &str| -> Vec<String> {
        c.request("workspace/symbol", json!({"query": query}))
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        names(&mut c, "ㅂㄷㅊ"),
        ["반도체 업황 회복 기대", "반도체 수출 석 달 만에 반등"]
    );
    assert_eq!(names(&mut c, "새벽"), ["편의점 매출 감소"]);
    assert_eq!(names(&mut c, "수출").len(), 2);
    c.shutdown();
}

#[test]
fn watched_files_keep_the_index_current() {
    let dir = folder();
    let mut c = start(dir.path());
    let fpath = dir.path().join("f.scrap.md");
    std::fs::write(
        &fpath,
        scrap(
            "2026-11-29",
            "새벽일보",
            "유통",
            "편의점 매출 다시 감소",
            "http://example.co.kr/news/4/",
            "",
        ),
    )
    .unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&fpath), "type": 1}]}),
    );
    let d = open_file(&mut c, &dir.path().join("d.scrap.md"));
    let ds = diagnostics_where(&mut c, &d, |ds| duplicate(ds).is_some());
    assert!(
        duplicate(&ds).unwrap()["message"]
            .as_str()
            .unwrap()
            .contains("f.scrap.md")
    );
    std::fs::remove_file(&fpath).unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&fpath), "type": 3}]}),
    );
    // The event is handled off the input path: ask until it has been.
    let mut version = 1;
    let deleted = (0..100).any(|_| {
        version += 1;
        c.change(&d, version, range(0, 0, 0, 0), "");
        let ds = c.diagnostics(&d, version);
        std::thread::sleep(std::time::Duration::from_millis(20));
        duplicate(&ds).is_none()
    });
    assert!(deleted);
    let found = c.request("workspace/symbol", json!({"query": "편의점"}));
    assert_eq!(found.as_array().unwrap().len(), 1);
    c.shutdown();
}
