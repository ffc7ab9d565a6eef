//! After a seek to frame `f`, the decoder returns frame `f` of a continuous decode, and
//! the frames after it, on every format: bit-exact.
//!
//! The reference is `decode_all` (one pass, no seek). Lossless formats are trivially
//! exact; the lossy ones are exact too because the seek path primes the decoder on
//! `PREROLL_MS` of audio (plus the MP3 bit reservoir) before the target, and decoders are
//! deterministic once their state (IMDCT overlap, synthesis filterbank, bit reservoir)
//! has been rebuilt from the same input. So the tolerance is zero, with one exception:
//!
//! AAC with Perceptual Noise Substitution (ffmpeg's encoder uses it by default). For
//! noise-like bands the encoder sends only an energy, and the decoder fills the band with
//! values from a pseudo-random generator whose state carries over from every frame
//! decoded before. After a seek (or any decoder reset) the noise has the same level but
//! other values: no decoder can reproduce it without decoding from the file start. For
//! such files the test checks that the difference is that noise: below the signal (under
//! 15 % of its RMS, -16 dB; speech fricatives are largely coded as noise, and two noise
//! draws of equal level differ by 1.4 times that level) and under half of what a
//! misalignment by a single frame gives. The same encoder with PNS off gives a bit-exact file
//! (`aac-moov-end-48k-mono-nopns.m4a`).
//!
//! And Opus: libopus's state (SILK's predictors, CELT's band energies) converges on the
//! continuous decode's after a seek but never quite reaches it. After the 300 ms Opus
//! pre-roll every sample is within 1/500 of full scale (-54 dB) of the continuous
//! decode (measured: under 1e-3), while a one-frame misalignment differs by more than
//! that.

use std::path::Path;

use earmark_player::{clip, decode_all, MediaDecoder, MediaInfo};

use crate::fixtures;

/// Frames compared after each seek.
const COMPARED: u64 = 3_000;

/// Fixtures whose decoder synthesizes noise (AAC PNS): compared by level, not bits.
const NOISE_SUBSTITUTION: &[&str] = &["aac-faststart-44k-stereo.m4a"];

/// Fixtures decoded by libopus: compared within [`CONVERGED`].
const CONVERGED_DECODERS: &[&str] = &["opus-48k-stereo.ogg", "opus-48k-stereo.mp4"];

/// How far libopus's samples after a seek may be from the continuous decode.
const CONVERGED: f32 = 2e-3;

/// How closely audio after a seek must match the continuous decode.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tolerance {
    /// Every sample identical.
    Exact,
    /// Aligned, differing only by synthesized noise (see the module documentation).
    Noise,
    /// Every sample within [`CONVERGED`], and aligned (see the module documentation).
    Converged,
}

/// Root mean square of `a − b`.
fn rms_diff(a: &[f32], b: &[f32]) -> f64 {
    let sum: f64 = a.iter().zip(b).map(|(x, y)| f64::from(x - y).powi(2)).sum();
    (sum / a.len().max(1) as f64).sqrt()
}

/// Checks `got` against `reference` (both starting at frame `target`) and `full`.
fn assert_matches(
    path: &Path,
    tolerance: Tolerance,
    target: u64,
    ch: usize,
    got: &[f32],
    full: &[f32],
) {
    let start = target as usize * ch;
    let reference = &full[start..start + got.len()];
    match tolerance {
        Tolerance::Exact => {
            if let Some(i) = got.iter().zip(reference).position(|(a, b)| a != b) {
                panic!(
                    "{}: after a seek to frame {target}, sample {i} is {} but the continuous decode has {}",
                    path.display(),
                    got[i],
                    reference[i]
                );
            }
        }
        Tolerance::Converged => {
            let off = |shift: usize| {
                got.iter()
                    .zip(&full[start + shift..])
                    .map(|(a, b)| (a - b).abs())
                    .fold(0.0f32, f32::max)
            };
            let aligned = off(0);
            assert!(
                aligned <= CONVERGED,
                "{}: after a seek to frame {target} a sample is {aligned:.2e} off",
                path.display()
            );
            if full.len() >= start + got.len() + ch && got.len() > 64 * ch {
                assert!(
                    off(ch) > aligned,
                    "{}: after a seek to frame {target} the audio is not aligned",
                    path.display()
                );
            }
        }
        Tolerance::Noise => {
            let signal = rms_diff(reference, &vec![0.0; reference.len()]);
            let aligned = rms_diff(got, reference);
            assert!(
                aligned <= 0.15 * signal,
                "{}: after a seek to frame {target} the audio differs by RMS {aligned:.2e} (signal {signal:.2e})",
                path.display()
            );
            // One frame later in the reference: a misaligned seek would match that better.
            if full.len() >= start + got.len() + ch {
                let shifted = rms_diff(got, &full[start + ch..start + ch + got.len()]);
                assert!(
                    shifted > 2.0 * aligned,
                    "{}: after a seek to frame {target} the audio is not aligned ({shifted:.2e} vs {aligned:.2e})",
                    path.display()
                );
            }
        }
    }
}

/// Seek targets in frames, in an order that goes forwards and backwards: the start, the
/// first frames, codec frame boundaries (576, 1024, 1152 and their multiples, ±1),
/// the middle, and the very end.
fn targets(info: &MediaInfo) -> Vec<u64> {
    let n = info.frames;
    let mut t = vec![
        n / 2,
        0,
        1,
        n - 1,
        1152 * 40,
        1152 * 40 - 1,
        n / 3,
        1024 * 17,
        1024 * 17 + 1,
        576 * 101,
        n - 2_000,
        4_410,
        n * 9 / 10,
        1152,
        1024,
        n / 2 + 1,
        n - 1152,
        n / 5,
        0,
    ];
    t.retain(|&f| f < n);
    t
}

/// Seeks one decoder (as playback does) to every target and compares with `full`.
fn assert_seeks_match(path: &Path, info: &MediaInfo, full: &[f32], tolerance: Tolerance) {
    let ch = usize::from(info.channels);
    let mut decoder = MediaDecoder::open(path).expect("open");
    for target in targets(info) {
        decoder.seek_to_frame(target).expect("seek");
        let wanted = (COMPARED.min(info.frames - target)) as usize * ch;
        let mut got = Vec::with_capacity(wanted + 8192);
        while got.len() < wanted && decoder.decode_next(&mut got).expect("decode") {}
        got.truncate(wanted);
        assert_eq!(
            got.len(),
            wanted,
            "{}: enough frames after a seek to {target}",
            path.display()
        );
        assert_matches(path, tolerance, target, ch, &got, full);
    }
}

/// `clip` at millisecond positions (fresh decoder each time) matches the full decode.
fn assert_clips_match(path: &Path, info: &MediaInfo, full: &[f32], tolerance: Tolerance) {
    let ch = usize::from(info.channels);
    let positions = [
        0,
        12,
        1_000,
        info.duration_ms / 2,
        info.duration_ms.saturating_sub(150),
    ];
    for ms in positions {
        let (_, part) = clip(path, ms, ms + 100).expect("clip");
        assert!(
            !part.is_empty(),
            "{}: clip at {ms} ms is not empty",
            path.display()
        );
        assert_matches(path, tolerance, info.frame_at_ms(ms), ch, &part, full);
    }
}

#[test]
fn seeks_are_sample_exact_on_every_format() {
    for fixture in fixtures::expected() {
        let path = fixture.path();
        let (info, full) = decode_all(&path).expect("full decode");
        assert_eq!(
            full.len() as u64,
            info.frames * u64::from(info.channels),
            "{}: the continuous decode has exactly `frames` frames",
            fixture.name
        );
        let name = fixture.name.as_str();
        let tolerance = if NOISE_SUBSTITUTION.contains(&name) {
            Tolerance::Noise
        } else if CONVERGED_DECODERS.contains(&name) {
            Tolerance::Converged
        } else {
            Tolerance::Exact
        };
        assert_seeks_match(&path, &info, &full, tolerance);
        assert_clips_match(&path, &info, &full, tolerance);
    }
}

#[test]
fn long_wav_seeks_are_sample_exact() {
    let dir = tempfile::tempdir().expect("tempdir");
    let wav = fixtures::sweep_wav(dir.path(), 22_050, 200);
    let (info, full) = decode_all(&wav).expect("full decode");
    assert_seeks_match(&wav, &info, &full, Tolerance::Exact);
}

#[test]
fn demo_episode_seeks_are_sample_exact() {
    let path = fixtures::demo_mp3();
    let (info, full) = decode_all(&path).expect("full decode");
    assert_seeks_match(&path, &info, &full, Tolerance::Exact);
    assert_clips_match(&path, &info, &full, Tolerance::Exact);
}

#[test]
fn seeking_to_the_end_yields_nothing_and_past_it_fails() {
    let path = fixtures::audio("mp3-vbr-xing-44k-stereo.mp3");
    let mut decoder = MediaDecoder::open(&path).expect("open");
    let frames = decoder.info().frames;
    decoder.seek_to_frame(frames).expect("seek to the end");
    let mut out = Vec::new();
    assert!(
        !decoder.decode_next(&mut out).expect("decode"),
        "nothing after the end"
    );
    assert!(out.is_empty());
    let err = decoder.seek_to_frame(frames + 1).expect_err("past the end");
    assert!(err.to_string().contains("past the end"), "message: {err}");
}
