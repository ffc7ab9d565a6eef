//! Good audio behind a header symphonia refuses or misreads plays anyway, at its exact
//! length, with the same samples and seeks as the file without the quirk: a FLAC with a
//! CD-DA cue sheet whose offsets are not whole CD sectors, a FLAC cut short before the
//! points of its seek table, and an MP3 whose Xing frame count is smaller than its LAME
//! delay and padding (symphonia issue 439), and an AAC-LC M4B whose AudioSpecificConfig
//! gives its layout in a program config element. Each file is made here from a fixture
//! by writing the header bytes, so the quirk is exactly the one named.

use std::path::{Path, PathBuf};

use earmark_player::{clip, decode_all, probe, MediaDecoder, PlayerError};

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

const M4A: &str = "aac-moov-end-48k-mono-nopns.m4a";

/// Offset of the first child box `kind` between `from` and `to` in `bytes`.
fn child(bytes: &[u8], from: usize, to: usize, kind: &[u8; 4]) -> usize {
    let mut pos = from;
    while pos + 8 <= to {
        let size = u32::from_be_bytes(bytes[pos..pos + 4].try_into().expect("4 bytes")) as usize;
        if &bytes[pos + 4..pos + 8] == kind {
            return pos;
        }
        pos += size;
    }
    panic!("no {kind:?} box");
}

/// The fixture M4A (index at the end, so no chunk offset moves) with its `esds` decoder
/// config replaced by `asc`, as `name` in `dir`.
fn m4a_with_config(dir: &Path, name: &str, asc: &[u8]) -> PathBuf {
    let mut bytes = std::fs::read(fixtures::audio(M4A)).expect("read");
    let moov = child(&bytes, 0, bytes.len(), b"moov");
    assert!(
        child(&bytes, 0, bytes.len(), b"mdat") < moov,
        "the index comes last"
    );
    // moov > trak > mdia > minf > stbl > stsd (8 bytes of entry count) > mp4a (28 bytes
    // of sound description) > esds.
    let mut ancestors = vec![moov];
    let mut pos = moov;
    for (kind, skip) in [
        (b"trak", 0),
        (b"mdia", 0),
        (b"minf", 0),
        (b"stbl", 0),
        (b"stsd", 0),
        (b"mp4a", 8),
        (b"esds", 28),
    ] {
        let size = u32::from_be_bytes(bytes[pos..pos + 4].try_into().expect("4 bytes")) as usize;
        pos = child(&bytes, pos + 8 + skip, pos + size, kind);
        ancestors.push(pos);
    }
    let esds = ancestors.pop().expect("esds");
    let old_len = u32::from_be_bytes(bytes[esds..esds + 4].try_into().expect("4 bytes")) as usize;
    // ES_Descriptor > DecoderConfigDescriptor (MPEG-4 audio) > DecoderSpecificInfo, and
    // the SLConfigDescriptor, each with a one-byte length.
    let descriptor = |tag: u8, body: Vec<u8>| [vec![tag, body.len() as u8], body].concat();
    let specific = descriptor(5, asc.to_vec());
    let config = descriptor(4, [vec![0x40, 0x15], vec![0; 11], specific].concat());
    let es = descriptor(3, [vec![0, 1, 0], config, descriptor(6, vec![2])].concat());
    let new_esds = [
        ((12 + es.len()) as u32).to_be_bytes().to_vec(),
        b"esds\0\0\0\0".to_vec(),
        es,
    ]
    .concat();
    let delta = new_esds.len() as i64 - old_len as i64;
    bytes.splice(esds..esds + old_len, new_esds);
    for at in ancestors {
        let size = u32::from_be_bytes(bytes[at..at + 4].try_into().expect("4 bytes"));
        bytes[at..at + 4].copy_from_slice(&((i64::from(size) + delta) as u32).to_be_bytes());
    }
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

#[test]
fn an_aac_lc_m4b_whose_config_lays_out_its_channel_in_a_pce_plays() {
    let dir = tempfile::tempdir().expect("tempdir");
    // AAC-LC, 48 kHz, channel configuration 0; then the PCE: tag 0, LC, 48 kHz, one
    // front element (a mono SCE), no others, no mixdowns; aligned; no comment.
    let asc = [0x11, 0x80, 0x04, 0xc4, 0x00, 0x00, 0x00, 0x00];
    let path = m4a_with_config(dir.path(), "pce.m4b", &asc);
    let info = probe(&path).unwrap_or_else(|e| panic!("a PCE does not stop it: {e}"));
    let (plain_info, plain) = decode_all(&fixtures::audio(M4A)).expect("decode");
    assert_eq!(
        (info.frames, info.channels, info.sample_rate),
        (plain_info.frames, 1, 48_000)
    );
    let (_, with_pce) = decode_all(&path).expect("decode");
    assert!(
        with_pce == plain,
        "the same samples as with the plain config"
    );
    let (_, seeked) = clip(&path, 5_000, 5_100).expect("clip");
    let at = info.frame_at_ms(5_000) as usize;
    assert_eq!(&seeked[..], &plain[at..at + seeked.len()]);
}

#[test]
fn he_aac_that_symphonia_would_play_at_twice_the_speed_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Explicit SBR (object type 5), a 24 kHz core, mono, 48 kHz output, core AAC-LC:
    // symphonia would decode the core alone, in a track timed at 48 kHz.
    let asc = [0x2b, 0x09, 0x88, 0x00];
    let path = m4a_with_config(dir.path(), "he-aac.m4a", &asc);
    let err = probe(&path).expect_err("refused");
    assert!(
        matches!(err, PlayerError::UnsupportedCodec { .. }),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            "{} uses HE-AAC (AAC with SBR or PS), which Earmark cannot play yet",
            path.display()
        )
    );
}
