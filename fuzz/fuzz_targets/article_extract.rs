//! Any bytes as an HTML page, with any declared charset: extraction never
//! panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&[u8], Option<&str>)| {
    let (html, charset) = input;
    let url = url::Url::parse("https://news.example.com/a/1").ok();
    let _ = scrapls::article::extract(html, url.as_ref(), charset);
});
