//! Podcasting 2.0 JSON chapters, as fetched from a feed's `<podcast:chapters>`.
#![no_main]

use earmark_core::chapters::parse_json_chapters;
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: earmark_fuzz::report_stack_overflows(), |data: &[u8]| {
    let _ = parse_json_chapters(data);
});
