//! Transcripts: the decoder and format detector in front of the parsers, then each of
//! the five parsers (WebVTT, SRT, Podcasting 2.0 JSON, HTML, plain text) forced on the
//! same bytes, as when the user names the format.
#![no_main]

use earmark_core::transcript::{parse_bytes, parse_bytes_as, TranscriptFormat};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parse_bytes(data, None);
    for format in [
        TranscriptFormat::Vtt,
        TranscriptFormat::Srt,
        TranscriptFormat::Json,
        TranscriptFormat::Html,
        TranscriptFormat::Text,
    ] {
        let _ = parse_bytes_as(data, format);
    }
});
