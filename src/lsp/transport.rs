//! A message-level guard between stdio and the server.
//!
//! tower-lsp-server reads stdin with a `FramedRead`, and a framed stream ends
//! after its first decoding error: one malformed message from a client would
//! end the session. This layer reads frames itself, answers a body that is
//! not JSON with the JSON-RPC parse error (-32700), and passes only
//! well-formed frames on. Output goes through one writer, a whole frame at a
//! time, so an injected error never interleaves with a server message.

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
    let body = serde_json::json!({
        "jsonrpc": "2.0",
        "id": null,
        "error": {"code": -32700, "message": format!("Parse error: {reason}")},
    });
    frame(body.to_string().as_bytes())
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
                Frame::Body(body) => match serde_json::from_slice::<serde_json::Value>(&body) {
                    Ok(serde_json::Value::Object(_)) => {
                        if to_server.write_all(&frame(&body)).await.is_err() {
                            break;
                        }
                    }
                    Ok(_) => {
                        let _ = errors.send(parse_error("not a JSON-RPC object")).await;
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
