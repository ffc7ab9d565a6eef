//! After a seek to `t`, the first frame is frame `round(t × rate)` of a continuous decode.

use std::path::Path;

use earmark_player::{clip, decode_all};

use crate::fixtures;

/// Positions in ms, forwards and backwards, including the very start.
const POSITIONS: &[u64] = &[
    90_000, 1_000, 150_250, 0, 33_333, 176_000, 12, 61_234, 45_000, 120_001,
];

fn assert_clips_match_full_decode(path: &Path, tolerance: f32) {
    let (info, full) = decode_all(path).expect("full decode");
    let ch = usize::from(info.channels);
    assert_eq!(
        full.len() as u64,
        info.frames * info.channels as u64,
        "continuous decode has exactly `frames` frames"
    );
    for &ms in POSITIONS.iter().filter(|&&ms| ms + 200 < info.duration_ms) {
        let (_, part) = clip(path, ms, ms + 200).expect("clip");
        let start = info.frame_at_ms(ms) as usize * ch;
        let reference = &full[start..start + part.len()];
        assert!(!part.is_empty(), "clip at {ms} ms is not empty");
        let worst = part
            .iter()
            .zip(reference)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0f32, f32::max);
        assert!(
            worst <= tolerance,
            "clip at {ms} ms differs from the continuous decode by {worst} (> {tolerance})"
        );
    }
}

#[test]
fn wav_seeks_are_sample_exact() {
    let dir = tempfile::tempdir().expect("tempdir");
    let wav = fixtures::sweep_wav(dir.path(), 22_050, 200);
    assert_clips_match_full_decode(&wav, 0.0);
}

#[test]
fn vbr_mp3_seeks_are_sample_exact() {
    // MP3 frames decoded after a reset differ from a continuous decode only by float
    // rounding once the decoder is primed; 1e-4 is far below audibility (-80 dBFS).
    assert_clips_match_full_decode(&fixtures::demo_mp3(), 1e-4);
}
