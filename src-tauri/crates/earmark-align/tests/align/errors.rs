//! Errors a user can meet, as sentences.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use earmark_align::{align, AlignError, AlignOptions, AudioFeatures, Voice};
use earmark_core::transcript::{Segment, Transcript, TranscriptFormat};

use crate::episode;

fn transcript(texts: &[&str]) -> Transcript {
    Transcript {
        format: TranscriptFormat::Text,
        warnings: Vec::new(),
        segments: texts.iter().map(|t| Segment::untimed(*t)).collect(),
    }
}

#[test]
fn a_missing_synthesizer_says_what_to_install() {
    let options = AlignOptions {
        voice: Voice {
            program: PathBuf::from("/nonexistent/espeak-ng"),
            ..Voice::default()
        },
        ..AlignOptions::default()
    };
    let never = AtomicBool::new(false);
    let result = align(
        &episode().audio,
        &transcript(&["Hello."]),
        &options,
        &mut |_| {},
        &never,
    );
    let Err(error) = result else {
        panic!("aligning without the synthesizer succeeded: {result:?}");
    };
    assert!(
        matches!(error, AlignError::SynthesizerMissing { .. }),
        "{error:?}"
    );
    assert!(
        error.to_string().contains("apt install espeak-ng"),
        "the message says how to get it: {error}"
    );
}

#[test]
fn no_text_or_no_audio_is_refused() {
    let never = AtomicBool::new(false);
    let options = AlignOptions::default();
    let empty = align(
        &episode().audio,
        &transcript(&["", " … "]),
        &options,
        &mut |_| {},
        &never,
    );
    assert_eq!(empty.err(), Some(AlignError::NoText));
    let silence = AudioFeatures::from_mono(&[], 16_000);
    let no_audio = align(
        &silence,
        &transcript(&["Hello."]),
        &options,
        &mut |_| {},
        &never,
    );
    assert_eq!(no_audio.err(), Some(AlignError::NoAudio));
}
