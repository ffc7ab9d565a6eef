//! The JSON shape of a parsed transcript (docs/cli.md) does not drift.

use serde_json::json;

use crate::{parse_fixture, TestResult};

#[test]
fn parsed_transcripts_serialize_to_the_contract_shape() -> TestResult {
    let timed = parse_fixture("karaoke.vtt")?;
    let value = serde_json::to_value(&timed)?;
    assert_eq!(value["format"], json!("vtt"), "format is the short name");
    assert_eq!(
        value["segments"][0]["words"][0],
        json!({"start_ms": 1000, "end_ms": 1500, "text": "Hello"}),
        "words carry start_ms, end_ms, text"
    );
    assert_eq!(value["segments"][0]["speaker"], json!("Ana"));

    let untimed = parse_fixture("unlabelled.txt")?;
    let value = serde_json::to_value(&untimed)?;
    assert_eq!(
        value["segments"][0],
        json!({"start_ms": null, "end_ms": null, "speaker": null,
               "text": "Welcome back to the show. Today is a quiet one, just me."}),
        "times and speaker are null when missing, and words are left out"
    );
    Ok(())
}
