//! A message-level guard between stdio and the server.
//!
//! tower-lsp-server reads stdin with a `FramedRead`, and a framed stream ends
//! after its first decoding error: one malformed message from a client would
//! end the session. This layer reads frames itself and passes on only
//! messages of JSON-RPC 2.0's shape ([`classify`]): a body that is not JSON
//! is answered with the parse error (-32700); valid JSON that is not a
//! request, notification or response (`{}`, `42`, a wrong `jsonrpc`, a
//! method that is not a string, an id that is an object, a batch) is
//! answered with Invalid Request (-32600, with its id when one can be read)
//! or, for a notification, dropped and logged. Output goes through one
//! writer, a whole frame at a time, so an injected error never interleaves
//! with a server message.

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;

/// Largest message accepted (a 64 MB document is far beyond any scrap).
const MAX_MESSAGE: usize = 64 * 1024 * 1024;

/// What reading one frame gave.
enum Frame {
    /// A complete body.
    Body(Vec<u8>),
    /// A frame whose header or size is unusable; skipped.
    Bad(String),
}

/// Reads one `Content-Length`-framed message; `None` at end of input.
async fn read_frame<R: AsyncRead + Unpin>(
    reader: &mut BufReader<R>,
) -> std::io::Result<Option<Frame>> {
    let mut length: Option<usize> = None;
    let mut saw_header = false;
    loop {
        let mut line = Vec::new();
        if reader.read_until(b'\n', &mut line).await? == 0 {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if saw_header {
                break;
            }
            continue; // Stray blank lines between messages.
        }
        saw_header = true;
        if let Some((name, value)) = text.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok();
        }
    }
    let Some(length) = length else {
        return Ok(Some(Frame::Bad("missing or invalid Content-Length".into())));
    };
    if length > MAX_MESSAGE {
        // Drain it without keeping it.
        let mut limited = reader.take(length as u64);
        tokio::io::copy(&mut limited, &mut tokio::io::sink()).await?;
        return Ok(Some(Frame::Bad(format!(
            "message of {length} bytes is too large"
        ))));
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).await?;
    Ok(Some(Frame::Body(body)))
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn parse_error(reason: &str) -> Vec<u8> {
    error_frame(&Value::Null, -32700, &format!("Parse error: {reason}"))
}

fn error_frame(id: &Value, code: i64, message: &str) -> Vec<u8> {
    let body = serde_json::json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": {"code": code, "message": message},
    });
    frame(body.to_string().as_bytes())
}

/// What the guard does with one well-formed JSON body.
#[derive(Debug, PartialEq)]
pub enum Verdict {
    /// A request, notification or response of JSON-RPC 2.0's shape: the
    /// server handles it.
    Forward,
    /// Not a valid message: answer Invalid Request (-32600) with this id.
    Reject {
        /// The message's id when it is a valid one, otherwise `null`.
        id: Value,
        /// Why the message is invalid.
        reason: String,
    },
    /// An invalid notification (no id to answer): dropped and logged.
    Drop(String),
}

/// Checks a JSON value against JSON-RPC 2.0's message shapes. A batch is
/// not supported by LSP: as JSON-RPC asks for an invalid batch, each element
/// but a notification is answered with Invalid Request (with its id).
pub fn classify(value: &Value) -> Vec<Verdict> {
    match value {
        Value::Array(items) if items.is_empty() => vec![reject(&Value::Null, "empty batch")],
        Value::Array(items) => items
            .iter()
            .map(|item| {
                let reason = "batches are not supported by LSP";
                match item.get("id") {
                    // A notification has nothing to answer.
                    None if item.get("method").is_some() => Verdict::Drop(reason.into()),
                    Some(id) if valid_id(id) => reject(id, reason),
                    _ => reject(&Value::Null, reason),
                }
            })
            .collect(),
        Value::Object(map) => vec![classify_object(map)],
        _ => vec![reject(&Value::Null, "a message must be a JSON object")],
    }
}

fn reject(id: &Value, reason: &str) -> Verdict {
    Verdict::Reject {
        id: id.clone(),
        reason: reason.to_string(),
    }
}

/// An id is a string, an integer or null (JSON-RPC 2.0; LSP uses the first two).
fn valid_id(id: &Value) -> bool {
    id.is_string() || id.is_i64() || id.is_u64() || id.is_null()
}

fn classify_object(map: &serde_json::Map<String, Value>) -> Verdict {
    let id = map.get("id");
    let answer_id = id.filter(|id| valid_id(id)).cloned().unwrap_or(Value::Null);
    let problem = if map.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        Some("`jsonrpc` must be \"2.0\"")
    } else if id.is_some_and(|id| !valid_id(id)) {
        Some("`id` must be a string, an integer or null")
    } else if let Some(method) = map.get("method") {
        if !method.is_string() {
            Some("`method` must be a string")
        } else if map
            .get("params")
            // `null` is tolerated: clients send it for "no parameters".
            .is_some_and(|p| !(p.is_object() || p.is_array() || p.is_null()))
        {
            Some("`params` must be an object or an array")
        } else {
            None
        }
    } else if id.is_none() || (map.contains_key("result") == map.contains_key("error")) {
        // Neither a request nor a response (`{}` lands here).
        Some("not a request, a notification or a response")
    } else {
        None
    };
    match problem {
        None => Verdict::Forward,
        // A notification has no id to answer with: log it and go on.
        Some(reason) if id.is_none() && map.get("method").is_some() => {
            Verdict::Drop(reason.to_string())
        }
        Some(reason) => reject(&answer_id, reason),
    }
}

/// Runs the guard: returns the reader and writer the server should use in
/// place of stdin and stdout, after spawning the pumping tasks, and the
/// output task (await it after the server ends so the last frames are
/// flushed).
pub fn guard<I, O>(
    stdin: I,
    stdout: O,
) -> (
    impl AsyncRead + Unpin,
    impl AsyncWrite + Unpin,
    tokio::task::JoinHandle<()>,
)
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    let (server_in, mut to_server) = tokio::io::duplex(1 << 16);
    let (server_out, from_server) = tokio::io::duplex(1 << 16);
    let (tx, mut rx) = mpsc::channel::<Vec<u8>>(64);

    // Client → server.
    let errors = tx.clone();
    tokio::spawn(async move {
        let mut reader = BufReader::new(stdin);
        while let Ok(Some(f)) = read_frame(&mut reader).await {
            match f {
                Frame::Body(body) => match serde_json::from_slice::<Value>(&body) {
                    Ok(value) => {
                        for verdict in classify(&value) {
                            match verdict {
                                Verdict::Forward => {
                                    if to_server.write_all(&frame(&body)).await.is_err() {
                                        return;
                                    }
                                }
                                Verdict::Reject { id, reason } => {
                                    eprintln!("scrapls: invalid request: {reason}");
                                    let message = format!("Invalid Request: {reason}");
                                    let _ = errors.send(error_frame(&id, -32600, &message)).await;
                                }
                                Verdict::Drop(reason) => {
                                    eprintln!("scrapls: dropped an invalid notification: {reason}");
                                }
                            }
                        }
                    }
                    Err(e) => {
                        let _ = errors.send(parse_error(&e.to_string())).await;
                    }
                },
                Frame::Bad(reason) => {
                    let _ = errors.send(parse_error(&reason)).await;
                }
            }
        }
        // End of input: closing the pipe lets the server finish.
        let _ = to_server.shutdown().await;
    });

    // Server → client, frame by frame.
    tokio::spawn(async move {
        let mut reader = BufReader::new(from_server);
        while let Ok(Some(Frame::Body(body))) = read_frame(&mut reader).await {
            if tx.send(frame(&body)).await.is_err() {
                break;
            }
        }
    });
    let writer = tokio::spawn(async move {
        let mut stdout = stdout;
        while let Some(bytes) = rx.recv().await {
            if stdout.write_all(&bytes).await.is_err() || stdout.flush().await.is_err() {
                break;
            }
        }
    });
    (server_in, server_out, writer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn verdicts(text: &str) -> Vec<Verdict> {
        classify(&serde_json::from_str(text).unwrap())
    }

    #[test]
    fn valid_messages_are_forwarded() {
        for text in [
            r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#,
            r#"{"jsonrpc":"2.0","id":"a","method":"shutdown"}"#,
            r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
            r#"{"jsonrpc":"2.0","id":7,"result":null}"#,
            r#"{"jsonrpc":"2.0","id":7,"error":{"code":1,"message":"x"}}"#,
        ] {
            assert_eq!(verdicts(text), [Verdict::Forward], "{text}");
        }
    }

    #[test]
    fn invalid_requests_are_rejected_with_their_id_when_readable() {
        let cases = [
            (r#"{"jsonrpc":"2.0","id":1,"method":12}"#, json!(1)),
            ("{}", Value::Null),
            (r#"{"jsonrpc":"1.0","id":3,"method":"shutdown"}"#, json!(3)),
            (
                r#"{"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}"#,
                Value::Null,
            ),
            (
                r#"{"jsonrpc":"2.0","id":4,"method":"x","params":5}"#,
                json!(4),
            ),
            (r#"{"jsonrpc":"2.0","id":5}"#, json!(5)),
            ("[]", Value::Null),
            ("null", Value::Null),
            ("42", Value::Null),
        ];
        for (text, want) in cases {
            match &verdicts(text)[..] {
                [Verdict::Reject { id, .. }] => assert_eq!(id, &want, "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn invalid_notifications_are_dropped_and_batches_answered_per_request() {
        assert!(matches!(
            &verdicts(r#"{"jsonrpc":"1.0","method":"initialized"}"#)[..],
            [Verdict::Drop(_)]
        ));
        let batch = verdicts(
            r#"[{"jsonrpc":"2.0","id":1,"method":"shutdown"},{"jsonrpc":"2.0","method":"exit"}]"#,
        );
        assert!(matches!(&batch[0], Verdict::Reject { id, .. } if id == &json!(1)));
        assert!(matches!(&batch[1], Verdict::Drop(_)));
    }
}
