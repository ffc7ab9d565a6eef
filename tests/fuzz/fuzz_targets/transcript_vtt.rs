//! Transcripts read as WebVTT whatever they look like, as when the user names the
//! format: the byte decoder (UTF-8, UTF-16, Windows-1252), then the WebVTT parser.
#![no_main]

use earmark_core::transcript::{parse_bytes_as, TranscriptFormat};
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: earmark_fuzz::report_stack_overflows(), |data: &[u8]| {
    let _ = parse_bytes_as(data, TranscriptFormat::Vtt);
});
