//! Files cut short (a download that stopped, a copy that did not finish) play what is
//! there, or say that they are cut short; neither hangs the engine.

use std::path::{Path, PathBuf};

use earmark_player::{clip, decode_all, probe, PlayerError, PlayerEvent};

use crate::fixtures;
use crate::rig::Rig;

/// The first `keep` bytes of the fixture `name`, as `cut-<keep>-<name>` in `dir`.
fn cut_copy(dir: &Path, name: &str, keep: usize) -> PathBuf {
    let bytes = std::fs::read(fixtures::audio(name)).expect("read");
    let path = dir.join(format!("cut-{keep}-{name}"));
    std::fs::write(&path, &bytes[..keep]).expect("write");
    path
}

/// Offset of the top-level box `kind` in the fixture `name`.
fn box_offset(name: &str, kind: &[u8; 4]) -> usize {
    let bytes = std::fs::read(fixtures::audio(name)).expect("read");
    let mut pos = 0;
    while pos + 8 <= bytes.len() {
        if &bytes[pos + 4..pos + 8] == kind {
            return pos;
        }
        let size = u32::from_be_bytes(bytes[pos..pos + 4].try_into().expect("4 bytes"));
        pos += size as usize;
    }
    panic!("{name} has no top-level {kind:?} box");
}

#[test]
fn a_truncated_mp3_plays_what_is_there() {
    let whole = decode_all(&fixtures::audio("mp3-cbr-44k-mono.mp3"))
        .expect("whole")
        .1;
    let (info, half) = decode_all(&fixtures::audio("bad-truncated.mp3")).expect("truncated plays");
    assert_eq!(
        half.len() as u64,
        info.frames,
        "length matches what decodes"
    );
    let ratio = half.len() as f64 / whole.len() as f64;
    assert!(
        (0.48..0.51).contains(&ratio),
        "about half the audio: {ratio}"
    );
    assert_eq!(
        &half[..],
        &whole[..half.len()],
        "the first half is the same audio"
    );
}

#[test]
fn an_m4a_cut_mid_audio_plays_what_is_there_with_its_length() {
    // The index (moov) comes first, whole; the audio (mdat) stops halfway.
    let dir = tempfile::tempdir().expect("tempdir");
    let name = "aac-faststart-44k-stereo.m4a";
    let size = std::fs::metadata(fixtures::audio(name))
        .expect("size")
        .len() as usize;
    assert!(box_offset(name, b"moov") < box_offset(name, b"mdat"));
    let path = cut_copy(dir.path(), name, size / 2);
    let (_, whole) = decode_all(&fixtures::audio(name)).expect("whole");
    let (info, half) = decode_all(&path).expect("a cut-short M4A plays what is there");
    assert_eq!(
        half.len() as u64,
        info.frames * u64::from(info.channels),
        "the length is what is there, not what the index promised"
    );
    let ratio = half.len() as f64 / whole.len() as f64;
    assert!((0.45..0.52).contains(&ratio), "about half: {ratio}");
    assert!(
        half == whole[..half.len()],
        "the same audio as the whole file"
    );
    // A seek near the end of what is there lands where it does in the whole file (a
    // clip, not the continuous decode: this file's noise substitution restarts on a seek).
    let at_ms = info.duration_ms - 300;
    let (_, tail) = clip(&path, at_ms, info.duration_ms).expect("clip");
    let (_, same) = clip(&fixtures::audio(name), at_ms, info.duration_ms).expect("clip");
    assert!(
        !tail.is_empty() && tail == same,
        "the same samples after a seek"
    );

    // The engine plays it to its end and says so.
    let mut rig = Rig::new(info.sample_rate, info.channels, false);
    rig.player.open(path, at_ms).expect("open");
    rig.player.play().expect("play");
    let ended = (0..20).find_map(|_| {
        let clock = rig.pull_ms(200);
        matches!(rig.events.try_recv(), Ok(PlayerEvent::Ended)).then_some(clock)
    });
    let ended = ended.expect("playback ends where the file does");
    assert_eq!(ended.media_ms, info.duration_ms);
}

#[test]
fn an_m4a_cut_before_or_inside_its_index_says_it_is_cut_short() {
    let dir = tempfile::tempdir().expect("tempdir");
    let faststart = "aac-faststart-44k-stereo.m4a";
    let moov_end = "aac-moov-end-48k-mono-nopns.m4a";
    assert!(box_offset(moov_end, b"mdat") < box_offset(moov_end, b"moov"));
    let cuts = [
        // The index last: cut mid-audio, so the index is missing altogether.
        (moov_end, box_offset(moov_end, b"moov") / 2),
        // The index last: cut inside it.
        (moov_end, box_offset(moov_end, b"moov") + 100),
        // The index first: cut inside it.
        (faststart, box_offset(faststart, b"moov") + 100),
    ];
    let rig = Rig::new(48_000, 1, false);
    for (name, keep) in cuts {
        let path = cut_copy(dir.path(), name, keep);
        let file = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let err = probe(&path).expect_err("nothing to play");
        assert!(matches!(err, PlayerError::CutShort(_)), "{file}: {err:?}");
        let message = err.to_string();
        assert!(
            message.contains(&file) && message.contains("is cut short"),
            "{file}: the message names the file and the problem: {message}"
        );
        let err = rig.player.open(path, 0).expect_err("refused");
        assert!(matches!(err, PlayerError::CutShort(_)), "{file}: {err:?}");
    }
    let good = rig
        .player
        .open(fixtures::audio(moov_end), 0)
        .expect("plays on");
    assert_eq!(good.frames, 384_000);
}
