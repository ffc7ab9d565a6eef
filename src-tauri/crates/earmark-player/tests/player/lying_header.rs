//! Lengths come from the audio that is there, not from what a header claims: a WAV
//! whose data chunk says 4 GB for one second of audio, a WAV cut mid-frame, a FLAC
//! whose STREAMINFO counts samples the file no longer holds. Each probes at the
//! length it plays, a clip past that end says so, and playback ends there.

use std::path::{Path, PathBuf};

use earmark_player::{clip, decode_all, probe, PlayerError, PlayerEvent};

use crate::fixtures;
use crate::rig::Rig;

/// Sample rate of the generated WAVs.
const RATE: u32 = 8_000;
/// Offset of the RIFF size and of the data chunk's size in the WAVs `hound` writes
/// (RIFF header, a 16-byte `fmt ` chunk, then `data`).
const RIFF_SIZE: usize = 4;
const DATA_SIZE: usize = 40;

/// A one-second sweep whose header claims 4 GB of audio (RIFF and data sizes near
/// `u32::MAX`), written as `name` in `dir`; also the honest file it was made from.
fn wav_claiming_4_gb(dir: &Path, name: &str) -> (PathBuf, PathBuf) {
    let honest = fixtures::sweep_wav(dir, RATE, 1);
    let mut bytes = std::fs::read(&honest).expect("read");
    assert_eq!(&bytes[36..40], b"data", "the layout this test expects");
    bytes[RIFF_SIZE..RIFF_SIZE + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    bytes[DATA_SIZE..DATA_SIZE + 4].copy_from_slice(&(u32::MAX - 36).to_le_bytes());
    let lying = dir.join(name);
    std::fs::write(&lying, bytes).expect("write");
    (lying, honest)
}

/// Plays `path` from `start_ms` on a rig until the engine says it ended; the clock
/// then. Fails if it does not end within `within_ms` of audio.
fn play_to_the_end(path: PathBuf, start_ms: u64, within_ms: u64) -> u64 {
    let mut rig = Rig::new(RATE, 1, false);
    rig.player.open(path, start_ms).expect("open");
    rig.player.play().expect("play");
    let ended = (0..within_ms / 100).find_map(|_| {
        let clock = rig.pull_ms(100);
        matches!(rig.events.try_recv(), Ok(PlayerEvent::Ended)).then_some(clock)
    });
    let clock = ended.expect("playback ends where the audio does");
    assert!(!clock.playing, "stopped at the end");
    clock.media_ms
}

#[test]
fn a_wav_claiming_4_gb_is_as_long_as_its_audio() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (lying, honest) = wav_claiming_4_gb(dir.path(), "claims-4gb.wav");
    let info = probe(&lying).expect("the audio that is there plays");
    assert_eq!(info.frames, u64::from(RATE), "one second, not 37 hours");
    assert_eq!(info.duration_ms, 1_000);
    let (_, samples) = decode_all(&lying).expect("decodes");
    let (_, reference) = decode_all(&honest).expect("decodes");
    assert_eq!(
        samples, reference,
        "every frame in the file, the same as the honest file's"
    );
    let (_, tail) = clip(&lying, 900, 1_000).expect("a clip inside the audio");
    assert_eq!(tail.len(), 800, "the last 100 ms, whole");
    assert_eq!(tail[..], reference[7_200..]);
}

#[test]
fn a_wav_cut_mid_frame_is_as_long_as_its_whole_frames() {
    let dir = tempfile::tempdir().expect("tempdir");
    let honest = fixtures::sweep_wav(dir.path(), RATE, 1);
    let bytes = std::fs::read(&honest).expect("read");
    // The header is honest, the file stops 1,001 bytes short: 500 frames and half of
    // one are missing (16-bit mono: two bytes a frame).
    let cut = dir.path().join("cut.wav");
    std::fs::write(&cut, &bytes[..bytes.len() - 1_001]).expect("write");
    let info = probe(&cut).expect("plays");
    assert_eq!(info.frames, u64::from(RATE) - 501);
    let (_, samples) = decode_all(&cut).expect("decodes");
    assert_eq!(
        samples.len() as u64,
        info.frames,
        "what plays is what probe says"
    );
}

#[test]
fn a_clip_past_the_real_end_says_how_long_the_file_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (lying, _) = wav_claiming_4_gb(dir.path(), "claims-4gb.wav");
    let err = clip(&lying, 500, 2_000).expect_err("not a shorter clip");
    assert!(
        matches!(
            err,
            PlayerError::ShorterThanAsked {
                length_ms: 1_000,
                to_ms: 2_000,
                ..
            }
        ),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(
        message.contains("claims-4gb.wav is 1.000 s long")
            && message.contains("before the 2.000 s the clip asked for"),
        "names the file and its real length: {message}"
    );
    let err = clip(&lying, 1_500, 2_000).expect_err("a clip wholly past the end");
    assert!(
        matches!(err, PlayerError::ShorterThanAsked { .. }),
        "{err:?}"
    );
}

#[test]
fn playing_a_wav_claiming_4_gb_ends_at_its_real_end() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (lying, _) = wav_claiming_4_gb(dir.path(), "claims-4gb.wav");
    assert_eq!(play_to_the_end(lying, 700, 2_000), 1_000);
}

#[test]
fn a_flac_cut_short_is_as_long_as_the_frames_it_holds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = "flac-44k-mono.flac";
    let whole = std::fs::read(fixtures::audio(name)).expect("read");
    let cut = dir.path().join("cut.flac");
    std::fs::write(&cut, &whole[..whole.len() / 2]).expect("write");
    let full = probe(&fixtures::audio(name)).expect("whole");
    let info = probe(&cut).expect("what is there plays");
    let (_, samples) = decode_all(&cut).expect("decodes");
    assert_eq!(
        samples.len() as u64,
        info.frames,
        "the length is what decodes, not STREAMINFO's count"
    );
    let ratio = info.frames as f64 / full.frames as f64;
    assert!((0.3..0.7).contains(&ratio), "about half: {ratio}");
    let err = clip(&cut, 0, full.duration_ms).expect_err("not a shorter clip");
    assert!(
        err.to_string()
            .contains(&format!("is {}.", info.duration_ms / 1000)),
        "the real length: {err}"
    );
}
