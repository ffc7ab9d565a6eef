//! Transcripts of unknown format, as a dropped file or a fetched one without a usable
//! type: the byte decoder, the format detector, then the parser it picks.
#![no_main]

use earmark_core::transcript::parse_bytes;
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: earmark_fuzz::report_stack_overflows(), |data: &[u8]| {
    let _ = parse_bytes(data, None);
});
