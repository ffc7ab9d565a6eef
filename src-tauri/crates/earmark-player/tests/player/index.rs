//! The MP3 seek index: built by the scan that measures the file, cached as bytes, reused.

use std::path::{Path, PathBuf};

use earmark_player::{MediaDecoder, OutputKind, Player, PlayerError, SeekIndex};

use crate::fixtures;

/// Decodes 2 000 frames from `frame` on.
fn samples_at(decoder: &mut MediaDecoder, frame: u64) -> Vec<f32> {
    let wanted = 2_000 * usize::from(decoder.info().channels);
    decoder.seek_to_frame(frame).expect("seek");
    let mut out = Vec::new();
    while out.len() < wanted && decoder.decode_next(&mut out).expect("decode") {}
    out.truncate(wanted);
    out
}

#[test]
fn an_mp3_open_builds_an_index_that_round_trips_through_bytes() {
    let path = fixtures::demo_mp3();
    let (decoder, index) = MediaDecoder::open_with_index(&path, None).expect("open");
    let index = index.expect("MP3 files get a seek index");
    assert_eq!(decoder.seek_index(), Some(&index));
    let bytes = index.to_bytes();
    // 3 minutes of 44.1 kHz audio: ~6 750 frames, a point per 16.
    assert!(bytes.len() < 2_000, "compact: {} bytes", bytes.len());
    assert_eq!(SeekIndex::from_bytes(&bytes).as_ref(), Some(&index));
}

#[test]
fn a_cached_index_gives_the_same_audio_as_a_fresh_scan() {
    for name in [
        "mp3-vbr-noxing-44k-mono.mp3",
        "mp3-id3-picture-48k-mono.mp3",
        "bad-corrupt-middle.mp3",
    ] {
        let path = fixtures::audio(name);
        let (mut fresh, index) = MediaDecoder::open_with_index(&path, None).expect("open");
        let cached = SeekIndex::from_bytes(&index.expect("index").to_bytes());
        let (mut reused, _) = MediaDecoder::open_with_index(&path, cached).expect("reopen");
        assert_eq!(
            fresh.info(),
            reused.info(),
            "{name}: same length from the cached index"
        );
        let frames = fresh.info().frames;
        for frame in [frames / 2, 100, frames - 2_500, frames / 4] {
            assert_eq!(
                samples_at(&mut fresh, frame),
                samples_at(&mut reused, frame),
                "{name} at {frame}"
            );
        }
    }
}

#[test]
fn an_index_of_another_file_is_rebuilt() {
    let other = MediaDecoder::open_with_index(&fixtures::audio("mp3-cbr-44k-mono.mp3"), None)
        .expect("open")
        .1;
    let path = fixtures::audio("mp3-vbr-xing-44k-stereo.mp3");
    let (_, own) = MediaDecoder::open_with_index(&path, None).expect("open");
    let (decoder, used) =
        MediaDecoder::open_with_index(&path, other).expect("open with a stale index");
    assert_eq!(used, own, "the stale index was replaced by the file's own");
    assert_eq!(decoder.info().frames, 441_000);
}

#[test]
fn other_formats_need_no_index() {
    for name in [
        "aac-faststart-44k-stereo.m4a",
        "flac-44k-mono.flac",
        "vorbis-48k-stereo.ogg",
    ] {
        let (_, index) =
            MediaDecoder::open_with_index(Path::new(&fixtures::audio(name)), None).expect("open");
        assert_eq!(index, None, "{name}");
    }
}

/// A copy of `path`, exactly as long, whose second half is zeros: a scan of it finds
/// only the frames of the first half, so its index describes a shorter stream.
fn copy_with_silent_second_half(path: &Path, dir: &Path) -> PathBuf {
    let mut bytes = std::fs::read(path).expect("read the fixture");
    let half = bytes.len() / 2;
    bytes[half..].fill(0);
    let copy = dir.join("second-half-zeroed.mp3");
    std::fs::write(&copy, bytes).expect("write the copy");
    copy
}

#[test]
fn a_given_index_is_used_as_it_is_without_a_scan() {
    let path = fixtures::audio("mp3-cbr-44k-mono.mp3");
    let dir = tempfile::tempdir().expect("tempdir");
    let shorter = copy_with_silent_second_half(&path, dir.path());
    let (short_decoder, short_index) = MediaDecoder::open_with_index(&shorter, None).expect("open");
    let short_index = short_index.expect("index");
    let short_frames = short_decoder.info().frames;
    let (own_decoder, own_index) = MediaDecoder::open_with_index(&path, None).expect("open");
    let own_frames = own_decoder.info().frames;
    assert!(
        short_frames < own_frames * 6 / 10 && Some(&short_index) != own_index.as_ref(),
        "the two indexes differ: {short_frames} against {own_frames} frames"
    );

    // Same file length and stream: the index is taken as it is, and a scan would give the
    // file's own length instead of the index's.
    let (mut decoder, used) =
        MediaDecoder::open_with_index(&path, Some(short_index.clone())).expect("open with it");
    assert_eq!(used.as_ref(), Some(&short_index), "the given index is kept");
    assert_eq!(
        decoder.info().frames,
        short_frames,
        "the length comes from the given index, not from a scan of the file"
    );
    assert!(
        matches!(
            decoder.seek_to_frame(own_frames - 100),
            Err(PlayerError::SeekPastEnd)
        ),
        "a seek past the indexed length is past the end"
    );

    // The engine passes the index it is given to the decoder.
    let output = OutputKind::NullFast {
        sample_rate: 44_100,
        channels: 1,
    };
    let player = Player::spawn(output, |_| {}).expect("spawn engine");
    let opened = player
        .open_indexed(path, 0, Some(short_index.clone()))
        .expect("open in the engine");
    assert_eq!(
        opened.info.frames, short_frames,
        "the engine used the index"
    );
    assert_eq!(opened.index, Some(short_index));
}
