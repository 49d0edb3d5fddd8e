//! End-to-end: the real `scrapls` binary's `check`, `convert` and `new`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn scrapls(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scrapls"))
        .args(args)
        .env("SCRAPLS_LANG", "ko")
        .output()
        .expect("run scrapls")
}

fn example(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
        .display()
        .to_string()
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn complete_example_is_clean() {
    let out = scrapls(&["check", &example("sample.scrap.md")]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("파일 1개 검사: 오류 0개"), "{stdout}");
}

#[test]
fn missing_section_is_an_error_with_a_snippet() {
    let out = scrapls(&["check", &example("missing-insight.scrap.md")]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("error[missing-section]"), "{stdout}");
    assert!(stdout.contains("missing-insight.scrap.md:11:1"), "{stdout}");
    assert!(stdout.contains("## 본문"), "{stdout}");

    let out = scrapls(&[
        "check",
        "--format",
        "json",
        &example("missing-insight.scrap.md"),
    ]);
    let reports = json_lines(&out);
    let d = &reports[0]["diagnostics"][0];
    assert_eq!(d["code"], "missing-section");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["section"], "insight");
    assert_eq!(d["range"]["start"]["line"], 10);
}

#[test]
fn english_messages_from_the_environment() {
    let out = Command::new(env!("CARGO_BIN_EXE_scrapls"))
        .args(["check", &example("missing-insight.scrap.md")])
        .env("SCRAPLS_LANG", "en")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Required section"), "{stdout}");
    assert!(stdout.contains("checked 1 file(s): 1 error(s)"), "{stdout}");
}

#[test]
fn folders_recurse_into_scrap_files_only() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("2026/11");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::copy(example("sample.scrap.md"), sub.join("a.scrap.md")).unwrap();
    std::fs::copy(example("table-form.scrap"), sub.join("b.scrap")).unwrap();
    std::fs::write(sub.join("notes.md"), "## 헤드라인\n").unwrap();
    let out = scrapls(&[
        "check",
        "--format",
        "json",
        &dir.path().display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let reports = json_lines(&out);
    let paths: Vec<PathBuf> = reports
        .iter()
        .map(|r| PathBuf::from(r["path"].as_str().unwrap()))
        .collect();
    assert_eq!(paths, [sub.join("a.scrap.md"), sub.join("b.scrap")]);
    assert_eq!(reports[1]["diagnostics"][0]["code"], "placeholder-text");
}

#[test]
fn workspace_config_changes_the_template() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(example("sample.scrap.md"), dir.path().join("a.scrap.md")).unwrap();
    std::fs::write(
        dir.path().join("scrapls.toml"),
        "[[sections]]\nid = \"job-fit\"\ntitle = \"직무 연관성\"\nrequired = true\n",
    )
    .unwrap();
    let out = scrapls(&[
        "check",
        "--format",
        "json",
        &dir.path().display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let reports = json_lines(&out);
    assert_eq!(reports[0]["diagnostics"][0]["section"], "job-fit");

    std::fs::write(
        dir.path().join("scrapls.toml"),
        "[severity]\nbogus = \"off\"\n",
    )
    .unwrap();
    let out = scrapls(&["check", &dir.path().display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bogus"));
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(scrapls(&["check"]).status.code(), Some(2));
    assert_eq!(
        scrapls(&["check", "/no/such/file.scrap.md"]).status.code(),
        Some(2)
    );
    assert_eq!(scrapls(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn convert_keeps_every_value() {
    let out = scrapls(&["convert", &example("table-form.scrap")]);
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with(
        "# 경제신문 스크랩 양식\n\n## 헤드라인 (요약과 압축)\n\n반도체 장비 수주 20% 증가\n"
    ));
    let original = std::fs::read_to_string(example("table-form.scrap")).unwrap();
    for cell in original
        .split(['\t', '\n'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        assert!(md.contains(cell), "lost {cell:?}");
    }
    // The converted text reports the same findings.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("converted.scrap.md");
    std::fs::write(&path, &md).unwrap();
    let out = scrapls(&["check", "--format", "json", &path.display().to_string()]);
    let codes: Vec<Value> = json_lines(&out)[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].clone())
        .collect();
    assert_eq!(codes, ["placeholder-text"]);

    let out = scrapls(&["convert", &example("sample.scrap.md")]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn new_prints_a_scrap_that_asks_to_be_filled() {
    let out = scrapls(&["new"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("---\ndate: 20"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.scrap.md");
    std::fs::write(&path, &text).unwrap();
    let out = scrapls(&["check", "--format", "json", &path.display().to_string()]);
    let reports = json_lines(&out);
    let diags = reports[0]["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 6);
    assert!(diags.iter().all(|d| d["code"] == "empty-section"));
}

/// The seed scrap the product started from (table form, copied from a
/// study group's sheet) must produce exactly one `placeholder-text` (its
/// insight row holds the template's guidance) and no errors.
#[test]
fn seed_scrap_has_exactly_one_placeholder() {
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/000_cc89472fafd61c1f.txt");
    if !seed.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have ../shared/seeds beside the clone"
        );
        eprintln!("skipping: {} not present", seed.display());
        return;
    }
    let out = scrapls(&["check", "--format", "json", &seed.display().to_string()]);
    assert_eq!(out.status.code(), Some(0));
    let reports = json_lines(&out);
    let diags = reports[0]["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["code"], "placeholder-text");
    assert_eq!(diags[0]["section"], "insight");
}

#[test]
fn euc_kr_file_reads_as_hangul() {
    let text = "## 헤드라인\n수출 5% 증가\n";
    let (bytes, _, _) = encoding_rs::EUC_KR.encode(text);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.scrap.md");
    std::fs::write(&path, &bytes).unwrap();
    let out = scrapls(&["check", "--format", "json", &path.display().to_string()]);
    let reports = json_lines(&out);
    let diags = reports[0]["diagnostics"].as_array().unwrap();
    assert!(
        diags.iter().all(|d| d["section"] != "headline"),
        "{diags:?}"
    );
    assert!(diags.iter().any(|d| d["section"] == "body"));
}

/// `scrapls new` in `dir` with the clock fixed at `now` and the given `TZ`.
fn new_at(dir: &Path, now: &str, tz: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_scrapls"))
        .arg("new")
        .current_dir(dir)
        .env("SCRAPLS_LANG", "ko")
        .env("SCRAPLS_NOW", now)
        .env("TZ", tz)
        .output()
        .expect("run scrapls")
}

/// At 08:30 in Seoul it is still the previous day in UTC: the scrap gets
/// the user's day, from `TZ` or from `scrapls.toml`'s `timezone`.
#[test]
fn new_dates_the_scrap_in_the_local_time_zone() {
    let dir = tempfile::tempdir().unwrap();
    let instant = "2026-11-21T23:30:00Z";
    let date = |out: Output| {
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        text.lines().nth(1).unwrap_or_default().to_string()
    };
    assert_eq!(
        date(new_at(dir.path(), instant, "Asia/Seoul")),
        "date: 2026-11-22"
    );
    assert_eq!(date(new_at(dir.path(), instant, "UTC")), "date: 2026-11-21");
    std::fs::write(
        dir.path().join("scrapls.toml"),
        "timezone = \"Asia/Seoul\"\n",
    )
    .unwrap();
    assert_eq!(date(new_at(dir.path(), instant, "UTC")), "date: 2026-11-22");
    std::fs::write(dir.path().join("scrapls.toml"), "timezone = \"Seoul\"\n").unwrap();
    let out = new_at(dir.path(), instant, "UTC");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Seoul"));
}
