//! JSON-RPC latency and memory of language servers, measured from a client
//! process over stdio, scrapls and rumdl side by side on the same documents.
//!
//! ```text
//! cargo bench --bench lsp_latency -- [--edits N] [--inits N] [--only scrapls|rumdl]
//!                                    [--scrapls PATH]... [--interleaved N]
//! ```
//!
//! scrapls is the release binary cargo builds for the benchmark, or each
//! `--scrapls PATH` given (to compare builds in one run, named by the
//! binary's folder, e.g. `scrapls:dist` for `target/dist/scrapls`); rumdl is
//! `$RUMDL`, else `.cache/bench-venv/bin/rumdl` (see `scripts/bench.sh`),
//! else `rumdl` on `PATH`, and is skipped with a note when none runs.
//!
//! Figures (printed as a Markdown table):
//! * `initialize`: from spawning the process to the `initialize` response
//!   (the wait an editor sees when it opens a file), median and p99 of
//!   `--inits` (20);
//! * didChange → publishDiagnostics: one single-character incremental edit
//!   at a time, typed into a body paragraph, the clock stopping at the
//!   diagnostics for that edit (matched by version when the server sends
//!   one, else the next publication); p50 and p99 over `--edits` (1,000);
//! * completion and code action: a keystroke followed at once by the
//!   request, as an editor sends them, timed to the response;
//! * RSS: `VmRSS` from `/proc/PID/status` after `initialize`, and after
//!   1,000 scraps are open and diagnosed.
//!
//! `--interleaved N` measures only `initialize`: N rounds, each starting
//! every server once (the order rotating each round), so that a machine
//! whose load changes during the run weighs on every server alike.

use std::io::BufReader;
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

#[path = "support/corpus.rs"]
mod corpus;

/// No single answer may take longer than this; a server that stalls fails
/// the run instead of hanging it.
const TIMEOUT: Duration = Duration::from_secs(60);

/// A server under test and its configuration.
#[derive(Clone)]
struct Target {
    name: &'static str,
    program: PathBuf,
    args: Vec<&'static str>,
    /// URI suffix of the documents it lints.
    suffix: &'static str,
}

/// A running server.
struct Session {
    child: Child,
    stdin: Arc<Mutex<ChildStdin>>,
    rx: Receiver<(Instant, Value)>,
    /// Messages received while waiting for another one.
    backlog: Vec<(Instant, Value)>,
    next_id: i64,
}

#[path = "../tests/common/framing.rs"]
mod framing;
use framing::{read_message, write_message};

impl Session {
    fn spawn(target: &Target) -> Session {
        let mut child = Command::new(&target.program)
            .args(&target.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("spawn {}: {e}", target.program.display()));
        let stdin = Arc::new(Mutex::new(child.stdin.take().expect("stdin")));
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = channel();
        let replies = stdin.clone();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(msg) = read_message(&mut reader) {
                let at = Instant::now();
                // Answer server→client requests at once, as an editor does.
                if let (Some(method), Some(id)) = (msg["method"].as_str(), msg.get("id")) {
                    let result = match method {
                        "workspace/configuration" => {
                            let n = msg["params"]["items"].as_array().map_or(0, Vec::len);
                            Value::Array(vec![Value::Null; n])
                        }
                        _ => Value::Null,
                    };
                    let reply = json!({"jsonrpc": "2.0", "id": id, "result": result});
                    write_message(&mut *replies.lock().expect("stdin lock"), &reply);
                    continue;
                }
                if tx.send((at, msg)).is_err() {
                    break;
                }
            }
        });
        Session {
            child,
            stdin,
            rx,
            backlog: Vec::new(),
            next_id: 1,
        }
    }

    fn send(&self, value: &Value) {
        write_message(&mut *self.stdin.lock().expect("stdin lock"), value);
    }

    fn notify(&self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns when its response arrived (and whether
    /// it was a result rather than an error).
    fn request(&mut self, method: &str, params: Value) -> (Instant, Duration, bool) {
        let id = self.next_id;
        self.next_id += 1;
        let sent = Instant::now();
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let (at, msg) = self.wait(|m| m["id"] == id && m.get("method").is_none());
        (at, at - sent, msg.get("error").is_none())
    }

    fn wait(&mut self, pred: impl Fn(&Value) -> bool) -> (Instant, Value) {
        if let Some(i) = self.backlog.iter().position(|(_, m)| pred(m)) {
            return self.backlog.remove(i);
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok((at, msg)) if pred(&msg) => return (at, msg),
                Ok(other) => self.backlog.push(other),
                Err(RecvTimeoutError::Timeout) => panic!("server gave no answer in {TIMEOUT:?}"),
                Err(RecvTimeoutError::Disconnected) => panic!("server exited"),
            }
        }
    }

    /// Waits for diagnostics of `uri` for `version` (or later), or, from a
    /// server that does not say which version they are for, the next ones.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Instant {
        let is_for_uri = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        };
        let (at, _) = self.wait(|m| {
            is_for_uri(m) && m["params"]["version"].as_i64().is_none_or(|v| v >= version)
        });
        // Older publications of this document are stale now.
        self.backlog.retain(|(_, m)| !is_for_uri(m));
        at
    }

    fn initialize(&mut self) -> Duration {
        let (_, took, ok) = self.request(
            "initialize",
            json!({
                "processId": std::process::id(),
                "rootUri": null,
                "capabilities": {
                    "textDocument": {
                        "synchronization": {"didSave": true},
                        "publishDiagnostics": {"versionSupport": true},
                        "completion": {"completionItem": {"snippetSupport": true}},
                        "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source"]}}}
                    }
                },
                "clientInfo": {"name": "scrapls-bench"},
            }),
        );
        assert!(ok, "initialize failed");
        self.notify("initialized", json!({}));
        took
    }

    fn open(&self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
    }

    fn change(&self, uri: &str, version: i64, line: u32, character: u32, text: &str) {
        let at = json!({"line": line, "character": character});
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": at, "end": at}, "text": text}],
            }),
        );
    }

    fn rss_kb(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }

    fn close(mut self) {
        let _ = self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Median and p99 of a sample, in milliseconds.
fn percentiles(mut sample: Vec<Duration>) -> (f64, f64) {
    sample.sort();
    let at = |q: usize| {
        let i = (sample.len() * q / 100).min(sample.len() - 1);
        sample[i].as_secs_f64() * 1e3
    };
    (at(50), at(99))
}

/// The line of a body paragraph in the middle of `text`: where the edits
/// are typed.
fn typing_line(text: &str) -> u32 {
    let lines: Vec<&str> = text.lines().collect();
    let mid = lines.len() / 2;
    (mid..lines.len())
        .chain(0..mid)
        .find(|&i| lines[i].len() > 40 && !lines[i].starts_with('#'))
        .unwrap_or(0) as u32
}

/// One row of results.
#[derive(Default)]
struct Row {
    figures: Vec<(String, String)>,
}

impl Row {
    fn push(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.figures.push((name.into(), value.into()));
    }
}

fn measure(target: &Target, edits: usize, starts: usize) -> Row {
    let mut row = Row::default();
    // initialize, from a fresh process each time.
    let mut inits = Vec::new();
    let mut idle_rss = Vec::new();
    for _ in 0..starts {
        let mut s = Session::spawn(target);
        inits.push(s.initialize());
        std::thread::sleep(Duration::from_millis(50));
        idle_rss.push(s.rss_kb());
        s.close();
    }
    let (p50, p99) = percentiles(inits);
    row.push("initialize p50 / p99 (ms)", format!("{p50:.2} / {p99:.2}"));
    idle_rss.sort();
    row.push(
        "idle RSS after initialize (MB)",
        format!("{:.1}", idle_rss[idle_rss.len() / 2] as f64 / 1024.0),
    );

    for (label, size) in [("10 KB", 10_000), ("1 MB", 1_000_000)] {
        let mut s = Session::spawn(target);
        s.initialize();
        let text = corpus::scrap_of_size(42, size);
        let uri = format!("file:///bench/latency-{size}{}", target.suffix);
        s.open(&uri, &text);
        s.diagnostics(&uri, 1);
        let line = typing_line(&text);
        let mut version = 1;
        let mut column = 0;
        let mut type_one = |s: &mut Session| {
            version += 1;
            // Alternate Hangul and ASCII, as Korean prose with figures.
            let ch = if version % 3 == 0 { "7" } else { "가" };
            s.change(&uri, version, line, column, ch);
            column += 1;
            version
        };
        let mut sample = Vec::with_capacity(edits);
        for _ in 0..edits {
            let sent = Instant::now();
            let v = type_one(&mut s);
            let at = s.diagnostics(&uri, v);
            sample.push(at - sent);
        }
        let (p50, p99) = percentiles(sample);
        row.push(
            format!("didChange→diagnostics {label} p50 / p99 (ms)"),
            format!("{p50:.2} / {p99:.2}"),
        );

        // Completion at the start of an empty line (where a heading is
        // typed), and code actions on the first heading's line, each right
        // after a keystroke.
        let empty_line = text.lines().position(str::is_empty).unwrap_or(0) as u32;
        let heading_line = text.lines().position(|l| l.starts_with("## ")).unwrap_or(0) as u32;
        for (what, method) in [
            ("completion", "textDocument/completion"),
            ("code action", "textDocument/codeAction"),
        ] {
            let mut sample = Vec::new();
            let mut supported = true;
            for _ in 0..(edits / 4).max(10) {
                let v = type_one(&mut s);
                let params = if method == "textDocument/completion" {
                    json!({"textDocument": {"uri": uri}, "position": {"line": empty_line, "character": 0}})
                } else {
                    let at = json!({"line": heading_line, "character": 0});
                    json!({"textDocument": {"uri": uri}, "range": {"start": at, "end": at}, "context": {"diagnostics": []}})
                };
                let (_, took, ok) = s.request(method, params);
                supported &= ok;
                sample.push(took);
                // Let this keystroke's diagnostics pass before the next.
                s.diagnostics(&uri, v);
            }
            let (p50, p99) = percentiles(sample);
            let note = if supported {
                ""
            } else {
                " (error: unsupported)"
            };
            row.push(
                format!("{what} {label} p50 / p99 (ms)"),
                format!("{p50:.2} / {p99:.2}{note}"),
            );
        }
        s.close();
    }

    // Memory with 1,000 open scraps.
    let mut s = Session::spawn(target);
    s.initialize();
    let uris: Vec<String> = (0..1000)
        .map(|i| format!("file:///bench/open/{i:04}{}", target.suffix))
        .collect();
    for (i, uri) in uris.iter().enumerate() {
        s.open(uri, &corpus::scrap_of_size(i as u64, 4_600));
    }
    for uri in &uris {
        s.diagnostics(uri, 1);
    }
    std::thread::sleep(Duration::from_millis(200));
    row.push(
        "RSS with 1,000 open scraps (MB)",
        format!("{:.1}", s.rss_kb() as f64 / 1024.0),
    );
    s.close();
    row
}

fn rumdl_program() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("RUMDL").map(PathBuf::from),
        Some(PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/.cache/bench-venv/bin/rumdl"
        ))),
        Some(PathBuf::from("rumdl")),
    ];
    candidates.into_iter().flatten().find(|p| {
        Command::new(p)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value_of = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let edits: usize = value_of("--edits")
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    let inits: usize = value_of("--inits")
        .and_then(|n| n.parse().ok())
        .unwrap_or(20);
    let only = value_of("--only");

    let builds: Vec<PathBuf> = args
        .windows(2)
        .filter(|w| w[0] == "--scrapls")
        .map(|w| PathBuf::from(&w[1]))
        .collect();
    let scrapls = |name: &'static str, program: PathBuf| Target {
        name,
        program,
        args: vec!["serve"],
        suffix: ".scrap.md",
    };
    let mut targets: Vec<Target> = if builds.is_empty() {
        vec![scrapls(
            "scrapls",
            PathBuf::from(env!("CARGO_BIN_EXE_scrapls")),
        )]
    } else {
        builds
            .into_iter()
            .map(|program| {
                let dir = program.parent().and_then(|d| d.file_name());
                let label = format!("scrapls:{}", dir.unwrap_or_default().to_string_lossy());
                scrapls(Box::leak(label.into_boxed_str()), program)
            })
            .collect()
    };
    match rumdl_program() {
        Some(program) => targets.push(Target {
            name: "rumdl",
            program,
            args: vec!["server"],
            suffix: ".md",
        }),
        None => eprintln!("rumdl not found (set RUMDL or run scripts/bench.sh): skipped"),
    }
    targets.retain(|t| {
        only.as_deref()
            .is_none_or(|o| t.name.split(':').next() == Some(o))
    });

    if let Some(rounds) = value_of("--interleaved").and_then(|n| n.parse::<usize>().ok()) {
        let mut samples = vec![Vec::with_capacity(rounds); targets.len()];
        for round in 0..rounds {
            for k in 0..targets.len() {
                let i = (round + k) % targets.len();
                let mut s = Session::spawn(&targets[i]);
                samples[i].push(s.initialize());
                s.close();
            }
        }
        println!("| server | initialize p50 / p99 (ms), interleaved, n = {rounds} |");
        println!("|---|---|");
        for (t, sample) in targets.iter().zip(samples) {
            let (p50, p99) = percentiles(sample);
            println!("| {} | {p50:.2} / {p99:.2} |", t.name);
        }
        return;
    }

    let rows: Vec<(&str, Row)> = targets
        .iter()
        .map(|t| {
            eprintln!("measuring {} …", t.name);
            (t.name, measure(t, edits, inits))
        })
        .collect();
    let names: Vec<&str> = rows.iter().map(|(n, _)| *n).collect();
    println!("| figure | {} |", names.join(" | "));
    println!("|---|{}", "---|".repeat(names.len()));
    for (i, (figure, _)) in rows[0].1.figures.iter().enumerate() {
        let values: Vec<&str> = rows
            .iter()
            .map(|(_, r)| r.figures.get(i).map_or("", |f| f.1.as_str()))
            .collect();
        println!("| {figure} | {} |", values.join(" | "));
    }
}
