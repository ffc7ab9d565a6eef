//! Writing a timed transcript as Podcasting 2.0 JSON:
//! `{"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]}`,
//! times in seconds, and `"machineMade": true` for a machine-made transcript. A segment without speaker has no `speaker` key. Ends are filled
//! as for subtitles ([`super::to_vtt`]); word timings are not written (the format
//! would need one segment per word).

use serde::Serialize;

use super::subtitles::cues;
use crate::transcript::{Transcript, TranscriptError, TranscriptFormat};

/// The document.
#[derive(Serialize)]
struct PodcastJson<'a> {
    version: &'static str,
    /// Set for a machine-made transcript (readers of the format ignore keys they do
    /// not know).
    #[serde(rename = "machineMade", skip_serializing_if = "std::ops::Not::not")]
    machine_made: bool,
    segments: Vec<PodcastSegment<'a>>,
}

/// One segment of the document.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PodcastSegment<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'a str>,
    start_time: f64,
    end_time: f64,
    body: &'a str,
}

/// The transcript as a Podcasting 2.0 JSON document. Fails when a segment has no
/// time.
pub fn to_json(transcript: &Transcript) -> Result<String, TranscriptError> {
    let segments = cues(transcript, TranscriptFormat::Json)?
        .into_iter()
        .map(|(segment, start, end)| PodcastSegment {
            speaker: segment.speaker.as_deref(),
            start_time: seconds(start),
            end_time: seconds(end),
            body: &segment.text,
        })
        .collect();
    let document = PodcastJson {
        version: "1.0.0",
        machine_made: transcript.machine_made(),
        segments,
    };
    // Serializing plain strings and finite numbers cannot fail; say so if it ever does.
    serde_json::to_string_pretty(&document).map_err(|e| TranscriptError::InvalidJson {
        reason: e.to_string(),
        line: e.line(),
        column: e.column(),
    })
}

/// Milliseconds as seconds, exact to the millisecond.
fn seconds(ms: u64) -> f64 {
    ms as f64 / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::{parse, Segment};

    #[test]
    fn writes_the_podcasting_shape_and_reads_back() {
        let transcript = Transcript {
            format: TranscriptFormat::Json,
            warnings: Vec::new(),
            segments: vec![
                Segment::timed(400, 2005, "Welcome \"in\".").with_speaker("Maya"),
                Segment::timed(2235, 6787, "No speaker here."),
            ],
        };
        let json = to_json(&transcript).unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["version"], "1.0.0");
        assert_eq!(value["segments"][0]["startTime"], 0.4);
        assert_eq!(value["segments"][0]["endTime"], 2.005);
        assert_eq!(value["segments"][0]["speaker"], "Maya");
        assert!(value["segments"][1].get("speaker").is_none());
        let back = parse(&json, None).unwrap();
        assert_eq!(back.segments, transcript.segments);
    }

    #[test]
    fn untimed_is_refused() {
        let transcript = Transcript {
            format: TranscriptFormat::Text,
            warnings: Vec::new(),
            segments: vec![Segment::untimed("a")],
        };
        assert_eq!(
            to_json(&transcript),
            Err(TranscriptError::Untimed {
                format: TranscriptFormat::Json
            })
        );
    }
}
