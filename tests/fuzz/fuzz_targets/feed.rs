//! Feeds: RSS 2.0 and Atom (with the iTunes and Podcasting 2.0 tags), through the one
//! entry point that subscribing and refreshing use.
#![no_main]

use earmark_core::feeds::parse_feed;
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: earmark_fuzz::report_stack_overflows(), |data: &[u8]| {
    let _ = parse_feed(data);
});
