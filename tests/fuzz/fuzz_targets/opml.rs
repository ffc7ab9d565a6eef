//! OPML subscription lists, as `earmark-cli import-opml` and the window's import read them.
#![no_main]

use earmark_core::opml::parse_opml;
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: earmark_fuzz::report_stack_overflows(), |data: &[u8]| {
    let _ = parse_opml(data);
});
