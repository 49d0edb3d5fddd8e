//! JSON-RPC framing over stdio (`Content-Length` headers), shared by the
//! end-to-end tests and the latency benchmark (`benches/lsp_latency.rs`
//! includes this file by path).

use std::io::{BufRead, Write};

use serde_json::Value;

/// Writes one framed message.
pub fn write_message(stdin: &mut impl Write, value: &Value) {
    let body = serde_json::to_vec(value).expect("serialise");
    let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    frame.extend_from_slice(&body);
    stdin.write_all(&frame).expect("write to server");
    stdin.flush().expect("flush to server");
}

/// Reads one framed message; `None` at the end of the stream or on a frame
/// that is not JSON.
pub fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}
