//! Good audio behind a header symphonia refuses or misreads plays anyway, at its exact
//! length, with the same samples and seeks as the file without the quirk: a FLAC with a
//! CD-DA cue sheet whose offsets are not whole CD sectors, a FLAC cut short before the
//! points of its seek table, and an MP3 whose Xing frame count is smaller than its LAME
//! delay and padding (symphonia issue 439). Each file is made here from a fixture by
//! writing the header bytes, so the quirk is exactly the one named.

use std::path::{Path, PathBuf};

use earmark_player::{clip, decode_all, probe, MediaDecoder};

use crate::fixtures;

const FLAC: &str = "flac-44k-mono.flac";
const FLAC_FRAMES: u64 = 132_300;
const SEEKTABLE: u8 = 3;
const CUESHEET: u8 = 5;

/// The metadata blocks (type, body) of a FLAC file and the offset its audio starts at.
fn flac_blocks(bytes: &[u8]) -> (Vec<(u8, Vec<u8>)>, usize) {
    assert_eq!(&bytes[..4], b"fLaC");
    let mut blocks = Vec::new();
    let mut pos = 4;
    loop {
        let head = bytes[pos];
        let len = u32::from_be_bytes([0, bytes[pos + 1], bytes[pos + 2], bytes[pos + 3]]) as usize;
        blocks.push((head & 0x7f, bytes[pos + 4..pos + 4 + len].to_vec()));
        pos += 4 + len;
        if head & 0x80 != 0 {
            return (blocks, pos);
        }
    }
}

/// The fixture FLAC with `extra` blocks after its STREAMINFO and the first `keep` bytes
/// of its audio (all of it for `None`), as `name` in `dir`.
fn flac_with(dir: &Path, name: &str, extra: Vec<(u8, Vec<u8>)>, keep: Option<usize>) -> PathBuf {
    let bytes = std::fs::read(fixtures::audio(FLAC)).expect("read");
    let (mut blocks, audio_at) = flac_blocks(&bytes);
    let at = 1;
    for (i, block) in extra.into_iter().enumerate() {
        blocks.insert(at + i, block);
    }
    let mut out = b"fLaC".to_vec();
    let count = blocks.len();
    for (i, (kind, body)) in blocks.into_iter().enumerate() {
        let last = if i + 1 == count { 0x80 } else { 0 };
        out.push(kind | last);
        out.extend_from_slice(&(body.len() as u32).to_be_bytes()[1..]);
        out.extend_from_slice(&body);
    }
    let audio = &bytes[audio_at..];
    out.extend_from_slice(&audio[..keep.unwrap_or(audio.len())]);
    let path = dir.join(name);
    std::fs::write(&path, out).expect("write");
    path
}

/// A CD-DA cue sheet (lead-in set, CD flag on) with tracks starting at each of `starts`
/// and the lead-out at `total`.
fn cd_cue_sheet(starts: &[u64], total: u64) -> Vec<u8> {
    let mut body = vec![0u8; 128];
    body.extend_from_slice(&88_200u64.to_be_bytes());
    body.push(0x80);
    body.extend_from_slice(&[0u8; 258]);
    body.push(starts.len() as u8 + 1);
    let track = |body: &mut Vec<u8>, offset: u64, number: u8, indices: u8| {
        body.extend_from_slice(&offset.to_be_bytes());
        body.push(number);
        body.extend_from_slice(&[0u8; 12 + 14]);
        body.push(indices);
        if indices > 0 {
            body.extend_from_slice(&0u64.to_be_bytes());
            body.extend_from_slice(&[1, 0, 0, 0]);
        }
    };
    for (i, start) in starts.iter().enumerate() {
        track(&mut body, *start, i as u8 + 1, 1);
    }
    track(&mut body, total, 170, 0);
    body
}

/// A seek table of points (sample number, byte offset into the audio).
fn seek_table(points: &[(u64, u64)]) -> Vec<u8> {
    let mut body = Vec::new();
    for (sample, offset) in points {
        body.extend_from_slice(&sample.to_be_bytes());
        body.extend_from_slice(&offset.to_be_bytes());
        body.extend_from_slice(&4096u16.to_be_bytes());
    }
    body
}

#[test]
fn a_flac_with_a_cd_cue_sheet_off_the_sector_grid_plays() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Track 2 at sample 50 000, not a multiple of 588 (a CD sector).
    let cue = cd_cue_sheet(&[0, 50_000], FLAC_FRAMES);
    let path = flac_with(dir.path(), "cue.flac", vec![(CUESHEET, cue)], None);
    let info = probe(&path).unwrap_or_else(|e| panic!("a cue sheet does not stop it: {e}"));
    assert_eq!(info.frames, FLAC_FRAMES);
    let (_, with_cue) = decode_all(&path).expect("decode");
    let (_, plain) = decode_all(&fixtures::audio(FLAC)).expect("decode");
    assert!(
        with_cue == plain,
        "the same samples as without the cue sheet"
    );
    let (_, seeked) = clip(&path, 2_000, 2_100).expect("clip");
    let at = info.frame_at_ms(2_000) as usize;
    assert_eq!(&seeked[..], &plain[at..at + seeked.len()]);
}

#[test]
fn a_flac_cut_before_its_seek_points_plays_what_is_there_and_seeks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bytes = std::fs::read(fixtures::audio(FLAC)).expect("read");
    let audio_len = (bytes.len() - flac_blocks(&bytes).1) as u64;
    // The table of the whole file: a point at 90 % of it, beyond the cut at half.
    let table = seek_table(&[(0, 0), (30 * 4096, audio_len * 9 / 10)]);
    let keep = Some(audio_len as usize / 2);
    let path = flac_with(dir.path(), "cut.flac", vec![(SEEKTABLE, table)], keep);

    let (info, half) = decode_all(&path).unwrap_or_else(|e| panic!("plays what is there: {e}"));
    assert_eq!(
        half.len() as u64,
        info.frames,
        "the length is the audio that is there, not the header's {FLAC_FRAMES}"
    );
    let ratio = info.frames as f64 / FLAC_FRAMES as f64;
    assert!((0.4..0.55).contains(&ratio), "about half: {ratio}");
    let (_, whole) = decode_all(&fixtures::audio(FLAC)).expect("decode");
    assert!(
        half == whole[..half.len()],
        "the same audio as the whole file"
    );

    // Seeks inside what is there land where they do in the whole file.
    let mut decoder = MediaDecoder::open(&path).expect("open");
    for target in [info.frames - 500, info.frames / 2, 10] {
        decoder.seek_to_frame(target).expect("seek");
        let mut got = Vec::new();
        while got.len() < 400 && decoder.decode_next(&mut got).expect("decode") {}
        let at = target as usize;
        let n = got.len().min(400);
        assert_eq!(&got[..n], &whole[at..at + n], "after a seek to {target}");
    }
}

#[test]
fn an_mp3_whose_xing_count_is_below_its_lame_delay_plays_every_frame() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = "mp3-cbr-44k-mono.mp3";
    let mut bytes = std::fs::read(fixtures::audio(name)).expect("read");
    let tag = bytes
        .windows(4)
        .position(|w| w == b"Info" || w == b"Xing")
        .expect("a Xing/Info tag");
    let flags = u32::from_be_bytes(bytes[tag + 4..tag + 8].try_into().expect("4 bytes"));
    assert!(flags & 1 != 0, "the tag has a frame count");
    // One frame: 1 152 samples, fewer than the LAME delay and padding (symphonia
    // subtracted them unchecked: a panic in a debug build, a wrapped length in release).
    bytes[tag + 8..tag + 12].copy_from_slice(&1u32.to_be_bytes());
    let path = dir.path().join("xing-count-1.mp3");
    std::fs::write(&path, &bytes).expect("write");

    let (info, damaged) = decode_all(&path).unwrap_or_else(|e| panic!("plays: {e}"));
    let (whole_info, whole) = decode_all(&fixtures::audio(name)).expect("decode");
    assert_eq!(
        info.frames, whole_info.frames,
        "every frame, not the tag's one"
    );
    assert!(damaged == whole, "the same samples as the intact file");
    let (_, seeked) = clip(&path, 7_000, 7_100).expect("clip");
    let at = info.frame_at_ms(7_000) as usize;
    assert_eq!(&seeked[..], &whole[at..at + seeked.len()]);
}
