//! What Earmark reads from a corpus transcript, as the app reads a file: bytes in,
//! format detected from the content with the file's extension as a hint.
//!
//! Checks: `result` (`ok` or `error:CODE`), `format`, `cues` (how many; `0` for a
//! refused file, which shows none, as upstream parsers give none), `warnings`
//! (how many cues were left out, with a sentence each), and per cue `cue.N.start`,
//! `cue.N.end` (milliseconds), `cue.N.text` and `cue.N.speaker`.

use std::collections::BTreeMap;
use std::path::Path;

use earmark_core::transcript::{parse_bytes, FormatHint};

use crate::{corpus_dir, Observed};

/// Reads every file in `files` (relative to the corpus).
pub fn observe_all(files: &[String]) -> BTreeMap<String, Observed> {
    files
        .iter()
        .map(|file| (file.clone(), observe(file)))
        .collect()
}

fn observe(file: &str) -> Observed {
    let path = corpus_dir().join(file);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut seen = Observed::new();
    let transcript = match parse_bytes(&bytes, FormatHint::from_path(Path::new(file))) {
        Ok(transcript) => transcript,
        Err(e) => {
            seen.insert("result".into(), format!("error:{}", e.code()));
            seen.insert("cues".into(), "0".into());
            return seen;
        }
    };
    seen.insert("result".into(), "ok".into());
    seen.insert("format".into(), transcript.format.as_str().into());
    seen.insert("cues".into(), transcript.segments.len().to_string());
    seen.insert("warnings".into(), transcript.warnings.len().to_string());
    for (n, segment) in transcript.segments.iter().enumerate() {
        let mut put = |name: &str, value: Option<String>| {
            if let Some(value) = value {
                seen.insert(format!("cue.{n}.{name}"), value);
            }
        };
        put("start", segment.start_ms.map(|ms| ms.to_string()));
        put("end", segment.end_ms.map(|ms| ms.to_string()));
        put("text", Some(segment.text.clone()));
        put("speaker", segment.speaker.clone());
    }
    seen
}
