//! Transcript formats, detection, sync and export, against real fixture files in
//! `tests/fixtures/transcripts/`.

mod bounds;
mod bytes;
mod contract;
mod detect;
mod estimate;
mod export;
mod html;
mod json;
mod page;
mod props;
mod srt;
mod sync;
mod text;
mod vtt;

use std::error::Error;
use std::path::PathBuf;

use earmark_core::transcript::{parse, FormatHint, Segment, Transcript};

/// What every test returns, so `?` can replace `unwrap()`.
pub type TestResult = Result<(), Box<dyn Error>>;

/// The path of a fixture file.
pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/transcripts")
        .join(name)
}

/// A fixture's bytes.
pub fn fixture_bytes(name: &str) -> Result<Vec<u8>, Box<dyn Error>> {
    let path = fixture_path(name);
    std::fs::read(&path).map_err(|e| format!("cannot read fixture {}: {e}", path.display()).into())
}

/// A UTF-8 fixture's text.
pub fn fixture(name: &str) -> Result<String, Box<dyn Error>> {
    Ok(String::from_utf8(fixture_bytes(name)?)?)
}

/// Parses a fixture with the hint its file name gives.
pub fn parse_fixture(name: &str) -> Result<Transcript, Box<dyn Error>> {
    let text = fixture(name)?;
    Ok(parse(&text, FormatHint::from_path(&fixture_path(name)))?)
}

/// `(start, end, speaker, text)` of one segment.
pub type Row<'a> = (Option<u64>, Option<u64>, Option<&'a str>, &'a str);

/// `(start, end, speaker, text)` of every segment, for compact assertions.
pub fn rows(t: &Transcript) -> Vec<Row<'_>> {
    t.segments
        .iter()
        .map(|s| (s.start_ms, s.end_ms, s.speaker.as_deref(), s.text.as_str()))
        .collect()
}

/// The segment at `i`, or an error naming what was missing.
pub fn segment(t: &Transcript, i: usize) -> Result<&Segment, Box<dyn Error>> {
    t.segments
        .get(i)
        .ok_or_else(|| format!("no segment {i}; got {:#?}", rows(t)).into())
}

/// Every piece of text the transcript holds, speakers and words included.
pub fn all_text(t: &Transcript) -> String {
    let mut out = String::new();
    for s in &t.segments {
        out.push_str(s.speaker.as_deref().unwrap_or(""));
        out.push('\n');
        out.push_str(&s.text);
        out.push('\n');
        for w in s.words.iter().flatten() {
            out.push_str(&w.text);
            out.push(' ');
        }
    }
    out
}
