//! A web page given to "Add podcast" or "Add transcript from a web page": the feed
//! addresses autodiscovery reads from it (`<link rel="alternate">`, feed-like links)
//! and the transcript section read from it, on any bytes, nested however deep.
#![no_main]

use earmark_core::feeds::feed_links;
use earmark_core::transcript::read_fetched_page;
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: earmark_fuzz::report_stack_overflows(), |data: &[u8]| {
    let Ok(base) = url::Url::parse("https://show.example/episodes/1") else {
        return;
    };
    let _ = feed_links(&String::from_utf8_lossy(data), &base);
    let _ = read_fetched_page(data, Some("text/html; charset=utf-8"));
});
