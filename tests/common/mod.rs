//! A minimal LSP client for end-to-end tests: spawns the real `scrapls
//! serve` binary and speaks JSON-RPC over its stdio.
#![allow(dead_code)] // Each test binary uses a different part of it.

use std::io::{BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

mod framing;
use framing::read_message;
pub use framing::write_message;

/// How long a test waits for one message before failing.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// A running server and the messages it sent that nobody consumed yet.
pub struct Client {
    child: Child,
    stdin: Arc<Mutex<ChildStdin>>,
    rx: Receiver<Value>,
    backlog: Vec<Value>,
    next_id: i64,
    /// Server→client requests seen (applyEdit, progress create, …).
    pub server_requests: Arc<Mutex<Vec<Value>>>,
    /// Whether `workspace/applyEdit` is answered `applied: true`.
    pub accept_edits: Arc<Mutex<bool>>,
}

impl Client {
    /// Starts `scrapls serve` in `cwd` (or the current directory).
    pub fn spawn() -> Client {
        Client::spawn_with_env(&[])
    }

    /// Starts the server with extra environment variables.
    pub fn spawn_with_env(env: &[(&str, &str)]) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_scrapls"))
            .arg("serve")
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn scrapls serve");
        let stdin = Arc::new(Mutex::new(child.stdin.take().unwrap()));
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        let server_requests = Arc::new(Mutex::new(Vec::new()));
        let accept_edits = Arc::new(Mutex::new(true));
        {
            let stdin = stdin.clone();
            let server_requests = server_requests.clone();
            let accept_edits = accept_edits.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stdout);
                while let Some(msg) = read_message(&mut reader) {
                    // Answer server→client requests at once, like an editor.
                    if msg.get("method").is_some() && msg.get("id").is_some() {
                        let result = match msg["method"].as_str() {
                            Some("workspace/applyEdit") => {
                                json!({ "applied": *accept_edits.lock().unwrap() })
                            }
                            _ => Value::Null,
                        };
                        server_requests.lock().unwrap().push(msg.clone());
                        let reply = json!({"jsonrpc": "2.0", "id": msg["id"], "result": result});
                        write_message(&mut *stdin.lock().unwrap(), &reply);
                    }
                    if tx.send(msg).is_err() {
                        break;
                    }
                }
            });
        }
        Client {
            child,
            stdin,
            rx,
            backlog: Vec::new(),
            next_id: 1,
            server_requests,
            accept_edits,
        }
    }

    /// Sends raw bytes (for malformed-input tests).
    pub fn send_raw(&mut self, bytes: &[u8]) {
        let mut stdin = self.stdin.lock().unwrap();
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    /// Sends a notification.
    pub fn notify(&mut self, method: &str, params: Value) {
        let msg = json!({"jsonrpc": "2.0", "method": method, "params": params});
        write_message(&mut *self.stdin.lock().unwrap(), &msg);
    }

    /// Sends a request without waiting; returns its id.
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        let msg = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        write_message(&mut *self.stdin.lock().unwrap(), &msg);
        id
    }

    /// Sends a request and waits for its whole response message.
    pub fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.wait_for(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())
    }

    /// Sends a request and returns its result (panics on an error).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.request_raw(method, params);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// Waits for a message matching `pred`, keeping the others.
    pub fn wait_for(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&pred) {
            return self.backlog.remove(i);
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(msg) if pred(&msg) => return msg,
                Ok(msg) => self.backlog.push(msg),
                Err(RecvTimeoutError::Timeout) => panic!(
                    "timed out; unconsumed messages: {}",
                    serde_json::to_string_pretty(&self.backlog).unwrap()
                ),
                Err(RecvTimeoutError::Disconnected) => panic!("server exited"),
            }
        }
    }

    /// Whether an already received, unconsumed message matches `pred`.
    pub fn backlog_has(&self, pred: impl Fn(&Value) -> bool) -> bool {
        self.backlog.iter().any(pred)
    }

    /// Forgets every received, unconsumed message.
    pub fn clear_backlog(&mut self) {
        self.backlog.clear();
    }

    /// Waits for the diagnostics of `uri` at `version`.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let msg = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        msg["params"]["diagnostics"].as_array().unwrap().clone()
    }

    /// `initialize` + `initialized` with the given client capabilities and
    /// options; returns the server's capabilities.
    pub fn initialize(
        &mut self,
        capabilities: Value,
        options: Value,
        locale: Option<&str>,
    ) -> Value {
        let root = std::env::temp_dir();
        let result = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": null,
                "capabilities": capabilities,
                "initializationOptions": options,
                "locale": locale,
                "workspaceFolders": null,
                "clientInfo": {"name": "scrapls-tests"},
                "trace": "off",
                "rootPath": root,
            }),
        );
        self.notify("initialized", json!({}));
        result["capabilities"].clone()
    }

    /// Opens a document.
    pub fn open(&mut self, uri: &str, text: &str, version: i64) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "scrap", "version": version, "text": text}}),
        );
    }

    /// Sends one incremental change.
    pub fn change(&mut self, uri: &str, version: i64, range: Value, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": range, "text": text}],
            }),
        );
    }

    /// `shutdown` + `exit`; returns the exit status.
    pub fn shutdown(mut self) -> Option<i32> {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                return None;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An LSP range value.
pub fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Value {
    json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}})
}

/// Applies LSP text edits (UTF-16 or UTF-8 columns) to `text`.
pub fn apply_edits(text: &str, edits: &[Value], utf8: bool) -> String {
    let offset = |pos: &Value| -> usize {
        let line = pos["line"].as_u64().unwrap() as usize;
        let character = pos["character"].as_u64().unwrap() as usize;
        let mut start = 0;
        for (i, l) in text.split_inclusive('\n').enumerate() {
            if i == line {
                let l = l.trim_end_matches(['\n', '\r']);
                if utf8 {
                    return start + character.min(l.len());
                }
                let mut units = 0;
                for (b, c) in l.char_indices() {
                    if units >= character {
                        return start + b;
                    }
                    units += c.len_utf16();
                }
                return start + l.len();
            }
            start += l.len();
        }
        text.len()
    };
    let mut edits: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (a, b, t) in edits {
        out.replace_range(a..b, &t);
    }
    out
}
