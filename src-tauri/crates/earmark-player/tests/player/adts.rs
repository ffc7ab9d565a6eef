//! Raw ADTS AAC in the forms encoders write it plays like the fixture (MPEG-4 ADTS
//! without CRCs, the one form symphonia's own reader finds): MPEG-2 ADTS, frames with
//! CRCs, an ID3v2 tag in front, and damage in the middle, after which the audio keeps
//! its time. Each file is the fixture with its headers rewritten here.

use std::path::{Path, PathBuf};

use earmark_player::{clip, decode_all};

use crate::fixtures;

const ADTS: &str = "aac-adts-44k-stereo-nopns.aac";

/// The fixture's frames, each as (header, payload).
fn frames() -> Vec<(Vec<u8>, Vec<u8>)> {
    let bytes = std::fs::read(fixtures::audio(ADTS)).expect("read");
    let mut out = Vec::new();
    let mut pos = 0;
    while pos + 7 <= bytes.len() {
        assert_eq!(
            (bytes[pos], bytes[pos + 1]),
            (0xff, 0xf1),
            "MPEG-4 ADTS, no CRC"
        );
        let len = (usize::from(bytes[pos + 3] & 3) << 11)
            | (usize::from(bytes[pos + 4]) << 3)
            | (usize::from(bytes[pos + 5]) >> 5);
        out.push((
            bytes[pos..pos + 7].to_vec(),
            bytes[pos + 7..pos + len].to_vec(),
        ));
        pos += len;
    }
    assert_eq!(pos, bytes.len());
    out
}

/// `header` with the frame length set to `len`.
fn with_len(mut header: Vec<u8>, len: usize) -> Vec<u8> {
    header[3] = (header[3] & !3) | ((len >> 11) & 3) as u8;
    header[4] = (len >> 3) as u8;
    header[5] = (header[5] & 0x1f) | ((len & 7) << 5) as u8;
    header
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

#[test]
fn mpeg2_adts_and_frames_with_crcs_play_like_the_fixture() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (info, reference) = decode_all(&fixtures::audio(ADTS)).expect("fixture");
    let mut mpeg2 = Vec::new();
    let mut crc = Vec::new();
    for (header, payload) in frames() {
        let mut h = header.clone();
        h[1] = 0xf9; // ID 1: MPEG-2
        mpeg2.extend(h);
        mpeg2.extend(&payload);
        let mut h = with_len(header, 7 + 2 + payload.len());
        h[1] = 0xf0; // protection_absent 0: a CRC follows the header
        crc.extend(h);
        crc.extend([0xab, 0xcd]);
        crc.extend(&payload);
    }
    for (name, bytes) in [("mpeg2.aac", mpeg2), ("crc.aac", crc)] {
        let path = write(dir.path(), name, &bytes);
        let (got_info, got) = decode_all(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            got_info, info,
            "{name}: the fixture's layout and exact length"
        );
        assert!(got == reference, "{name}: the fixture's samples");
        let (_, seeked) = clip(&path, 1_500, 1_600).expect("clip");
        let (_, same) = clip(&fixtures::audio(ADTS), 1_500, 1_600).expect("clip");
        assert!(
            !seeked.is_empty() && seeked == same,
            "{name}: a seek lands alike"
        );
    }
}

#[test]
fn damage_in_an_adts_file_keeps_the_time_of_what_follows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (info, reference) = decode_all(&fixtures::audio(ADTS)).expect("fixture");
    let frames = frames();
    // An ID3v2 tag in front (10 bytes of header, 20 of body), then the frames with
    // frames 64 to 67 overwritten by bytes that are no header: frame 68, the 65th found,
    // is the second indexed frame (one every 64 found).
    let mut bytes = b"ID3\x04\x00\x00\x00\x00\x00\x14".to_vec();
    bytes.extend([0u8; 20]);
    for (i, (header, payload)) in frames.iter().enumerate() {
        if (64..68).contains(&i) {
            bytes.extend(vec![0x55; header.len() + payload.len()]);
        } else {
            bytes.extend(header);
            bytes.extend(payload);
        }
    }
    let path = write(dir.path(), "damaged.aac", &bytes);
    let (got_info, got) = decode_all(&path).expect("plays");
    assert_eq!(got_info.frames, info.frames, "the same length");
    let ch = usize::from(info.channels);
    // From two frames after the damage (the decoder's overlap rebuilt) on, the same audio
    // at the same time.
    let from = 70 * 1024 * ch;
    assert!(
        got[from..] == reference[from..],
        "the audio after the damage is where it was"
    );
    assert!(got[..64 * 1024 * ch] == reference[..64 * 1024 * ch]);
    // Seeks past the damage land where the continuous decode of the damaged file has
    // those frames: read on through the damage from the first indexed frame (1.55 s),
    // and from the indexed frame right after the damage (1.8 s).
    for at_ms in [1_000, 1_550, 1_800] {
        let (_, seeked) = clip(&path, at_ms, at_ms + 100).expect("clip");
        let at = got_info.frame_at_ms(at_ms) as usize * ch;
        assert!(
            !seeked.is_empty() && seeked[..] == got[at..at + seeked.len()],
            "a seek to {at_ms} ms"
        );
    }
}
