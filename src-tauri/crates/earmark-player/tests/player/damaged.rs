//! Damaged files never stop the engine: a file whose header sets off a panic in the
//! decoder, or makes its reader report the same error forever, gets a clear error for
//! that file, and the engine plays the next file; randomly damaged copies of every
//! format never let a panic out.

use std::path::{Path, PathBuf};

use earmark_player::{clip, decode_all, probe, PlayerError};

use crate::fixtures;
use crate::rig::Rig;

/// Byte offset of the `fmt ` chunk's fields in the WAV files `fixtures::sweep_wav`
/// writes (RIFF header 12 bytes, chunk id and size 8).
const FMT: usize = 20;
/// Offsets of fields inside the `fmt ` chunk.
const SAMPLE_RATE: usize = FMT + 4;
const BLOCK_ALIGN: usize = FMT + 12;

/// A copy of a good WAV with `value` written over the header field at `offset`.
fn wav_with_field(dir: &Path, name: &str, offset: usize, value: &[u8]) -> PathBuf {
    let good = fixtures::sweep_wav(dir, 8_000, 2);
    let mut bytes = std::fs::read(&good).expect("read");
    assert_eq!(&bytes[12..16], b"fmt ", "the layout this test expects");
    bytes[offset..offset + value.len()].copy_from_slice(value);
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

/// Plays `path` from the start for half a second on `rig`; returns the clock after.
fn play_half_a_second(rig: &mut Rig, path: PathBuf) -> u64 {
    rig.player.open(path, 0).expect("a good file opens");
    rig.player.play().expect("play");
    let clock = rig.pull_ms(500);
    assert!(clock.playing, "playing");
    let loudest = rig.last_pull().iter().fold(0f32, |m, s| m.max(s.abs()));
    assert!(loudest > 0.1, "the good file is heard: peak {loudest}");
    clock.media_ms
}

#[test]
fn a_decoder_panic_is_an_error_for_that_file_and_the_engine_plays_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    // symphonia's WAV reader panics on a sample rate of 0 (a time base of 1/0).
    let panics = wav_with_field(dir.path(), "rate-0.wav", SAMPLE_RATE, &0u32.to_le_bytes());
    let err = probe(&panics).expect_err("no playable audio");
    assert!(matches!(err, PlayerError::Corrupt { .. }), "{err:?}");
    assert!(
        err.to_string()
            .contains("rate-0.wav is damaged and cannot be played"),
        "a message naming the file: {err}"
    );

    let mut rig = Rig::new(8_000, 1, false);
    for _ in 0..2 {
        let err = rig.player.open(panics.clone(), 0).expect_err("refused");
        assert!(err.to_string().contains("rate-0.wav"), "{err}");
    }
    let good = fixtures::sweep_wav(dir.path(), 8_000, 3);
    assert_eq!(
        play_half_a_second(&mut rig, good),
        500,
        "the engine still plays"
    );
}

#[test]
fn a_reader_stuck_on_one_error_is_refused_not_a_freeze() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A block size of 0: symphonia reports "block size is 0" for every packet asked.
    let stuck = wav_with_field(dir.path(), "align-0.wav", BLOCK_ALIGN, &0u16.to_le_bytes());
    let err = probe(&stuck).expect_err("no playable audio");
    assert!(
        err.to_string()
            .contains("align-0.wav is damaged and cannot be played"),
        "{err}"
    );
    let mut rig = Rig::new(8_000, 1, false);
    rig.player.open(stuck, 0).expect_err("refused");
    let good = fixtures::sweep_wav(dir.path(), 8_000, 3);
    assert_eq!(play_half_a_second(&mut rig, good), 500);
}

/// Overwrites a few short runs of `bytes` (in the first 4 KB, where the headers are,
/// for even seeds) with values from a generator seeded by `seed`.
fn damage(bytes: &mut [u8], seed: u64) {
    let mut state = seed.wrapping_add(1).wrapping_mul(0x5851_F42D_4C95_7F2D);
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        state >> 33
    };
    let span = if seed.is_multiple_of(2) {
        4_096
    } else {
        bytes.len() as u64
    };
    let span = span.min(bytes.len() as u64);
    for _ in 0..1 + next() % 6 {
        let at = (next() % span) as usize;
        let len = 1 + (next() % 24) as usize;
        for b in bytes.iter_mut().skip(at).take(len) {
            *b = match next() % 3 {
                0 => next() as u8,
                1 => 0xFF,
                _ => 0,
            };
        }
    }
}

#[test]
fn damaged_copies_of_every_format_never_let_a_panic_out() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut rig = Rig::new(48_000, 2, false);
    let mut refused = 0;
    let mut total = 0;
    for fixture in fixtures::expected() {
        let original = std::fs::read(fixture.path()).expect("read");
        let ext = Path::new(&fixture.name).extension().expect("extension");
        for seed in 0..12 {
            let mut bytes = original.clone();
            damage(&mut bytes, seed);
            let path = dir
                .path()
                .join(format!("damaged-{seed}"))
                .with_extension(ext);
            std::fs::write(&path, &bytes).expect("write");
            // Each step may fail with an error; none may panic.
            let whole = decode_all(&path);
            let _ = clip(&path, 700, 900);
            refused += usize::from(whole.is_err());
            total += 1;
            if rig.player.open(path, 0).is_ok() {
                let _ = rig.player.seek(1_000);
            }
        }
    }
    // A few damaged bytes cost the frames they fall in, not the file: most copies
    // still decode to the end (the seeds are fixed: 12 of 120 are refused, 10 of
    // them Vorbis and 2 AAC).
    assert!(
        2 * refused < total,
        "most damaged copies still decode to the end: {refused} of {total} refused"
    );
    let good = fixtures::audio("vorbis-48k-stereo.ogg");
    assert_eq!(
        play_half_a_second(&mut rig, good),
        500,
        "the engine plays on"
    );
}
