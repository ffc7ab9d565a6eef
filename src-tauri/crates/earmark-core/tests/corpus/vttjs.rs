//! Upstream expectations read from mozilla/vtt.js's own test files: each directory's
//! `test.js` pairs a `.vtt` with the `.json` of the cues vtt.js parses from it
//! (`jsonEqual…("dir/a.vtt", "dir/a.json", …)`), and each JSON cue gives its
//! `startTime` and `endTime` in seconds and its `text`.
//!
//! Compared: the number of cues, each cue's start and end (in milliseconds), and its
//! text where it is plain (vtt.js keeps cue markup such as `<b>` and `&amp;` in its
//! `text`, which Earmark turns into plain text, so those texts are not compared).

use serde_json::Value;

use crate::corpus_dir;
use crate::table::{Expectation, Status};

/// The corpus directory of vtt.js's files.
const DIR: &str = "transcripts/vtt.js";

/// Every expectation vtt.js's tests give for the corpus files.
pub fn expectations() -> Vec<Expectation> {
    let mut expectations = Vec::new();
    for test_js in crate::corpus_files(DIR, &["test.js"]) {
        let source = std::fs::read_to_string(corpus_dir().join(&test_js)).unwrap();
        for (vtt, json) in pairs(&source) {
            expectations.extend(from_json(&format!("{DIR}/{vtt}"), &format!("{DIR}/{json}")));
        }
    }
    assert!(!expectations.is_empty(), "no vtt.js pairs found");
    expectations
}

/// The `(vtt, json)` paths of every `test.jsonEqual…("a.vtt", "a.json"` call.
fn pairs(source: &str) -> Vec<(String, String)> {
    source
        .split("test.jsonEqual")
        .skip(1)
        .filter_map(|call| {
            let mut quoted = call.split('"').skip(1).step_by(2);
            let vtt = quoted.next()?;
            let json = quoted.next()?;
            (vtt.ends_with(".vtt") && json.ends_with(".json"))
                .then(|| (vtt.to_owned(), json.to_owned()))
        })
        .collect()
}

fn from_json(vtt: &str, json: &str) -> Vec<Expectation> {
    let path = corpus_dir().join(json);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{json}: {e}"));
    let cues = value["cues"].as_array().cloned().unwrap_or_default();
    let expect = |check: String, upstream: String| Expectation {
        file: vtt.to_owned(),
        check,
        upstream,
        status: Status::Same,
        earmark: None,
        reason: String::new(),
        origin: json.to_owned(),
    };
    let mut out = vec![expect("cues".into(), cues.len().to_string())];
    for (n, cue) in cues.iter().enumerate() {
        for (field, check) in [("startTime", "start"), ("endTime", "end")] {
            let seconds = cue[field]
                .as_f64()
                .unwrap_or_else(|| panic!("{json}: cue {n} has no {field}"));
            let ms = (seconds * 1000.0).round();
            out.push(expect(format!("cue.{n}.{check}"), format!("{ms}")));
        }
        let text = cue["text"].as_str().unwrap_or_default();
        if !text.contains(['<', '&']) {
            out.push(expect(format!("cue.{n}.text"), text.to_owned()));
        }
    }
    out
}
