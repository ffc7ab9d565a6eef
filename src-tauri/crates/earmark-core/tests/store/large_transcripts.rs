//! Transcripts near the size limit: a 50 MB file is parsed in full or refused with a
//! clear message, never a crash; one byte over the limit is refused unread. The
//! files are written at test time into a temporary folder.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use earmark_core::library::{
    read_transcript, read_transcript_bytes, LibraryError, MAX_TRANSCRIPT_BYTES,
};
use earmark_core::transcript::{TranscriptError, TranscriptFormat};

/// About 50 MB: the size the design promises to survive.
const FIFTY_MB: u64 = 50_000_000;

/// A WebVTT file of cues one second apart, `bytes` long or a little longer; returns
/// its path and the number of cues.
fn big_vtt(dir: &Path, bytes: u64) -> (PathBuf, u64) {
    let path = dir.join("big.vtt");
    let mut out = BufWriter::new(std::fs::File::create(&path).expect("create"));
    out.write_all(b"WEBVTT\n").expect("write");
    let (mut written, mut cues) = (7u64, 0u64);
    while written < bytes {
        let cue = vtt_cue(cues);
        out.write_all(cue.as_bytes()).expect("write");
        written += cue.len() as u64;
        cues += 1;
    }
    out.flush().expect("flush");
    (path, cues)
}

/// Cue `n`: one second long, starting at second `n`, spoken by one of three people.
fn vtt_cue(n: u64) -> String {
    let clock = |s: u64| format!("{:02}:{:02}:{:02}.000", s / 3600, s / 60 % 60, s % 60);
    format!(
        "\n{}\n{} --> {}\n<v Speaker {}>Line {n} of a very long conversation about rivers.\n",
        n + 1,
        clock(n),
        clock(n + 1),
        n % 3
    )
}

/// `len` bytes from a seeded xorshift generator: binary junk.
fn junk(len: u64) -> Vec<u8> {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

#[test]
fn a_50_mb_vtt_is_parsed_in_full() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, cues) = big_vtt(dir.path(), FIFTY_MB);
    let size = std::fs::metadata(&path).expect("size").len();
    assert!(
        (FIFTY_MB..MAX_TRANSCRIPT_BYTES).contains(&size),
        "{size} bytes"
    );
    let transcript = read_transcript(&path).expect("a big transcript parses");
    assert_eq!(transcript.format, TranscriptFormat::Vtt);
    assert_eq!(
        transcript.segments.len() as u64,
        cues,
        "every cue is a line"
    );
    let last = transcript.segments.last().expect("a last line");
    assert_eq!(
        last.start_ms,
        Some((cues - 1) * 1_000),
        "the last cue's time"
    );
    assert_eq!(
        last.speaker.as_deref(),
        Some(format!("Speaker {}", (cues - 1) % 3).as_str())
    );
}

#[test]
fn a_50_mb_binary_file_is_refused_with_a_clear_message() {
    let error = read_transcript_bytes(&junk(FIFTY_MB), "recording.vtt").expect_err("junk");
    assert!(
        matches!(
            error,
            LibraryError::Transcript {
                source: TranscriptError::NotATranscript,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "The transcript recording.vtt could not be read: This file does not look like a transcript."
    );
}

#[test]
fn a_50_mb_transcript_that_turns_into_junk_keeps_the_lines_before_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, cues) = big_vtt(dir.path(), 1_000_000);
    let mut bytes = std::fs::read(&path).expect("read");
    bytes.extend(junk(FIFTY_MB - bytes.len() as u64));
    std::fs::write(&path, &bytes).expect("write");
    match read_transcript(&path) {
        Ok(transcript) => {
            assert_eq!(transcript.format, TranscriptFormat::Vtt);
            assert!(
                transcript.segments.len() as u64 >= cues,
                "best effort: the {cues} cues before the junk are kept, got {}",
                transcript.segments.len()
            );
            let at = usize::try_from(cues - 1).expect("index");
            assert_eq!(
                transcript.segments[at].start_ms,
                Some((cues - 1) * 1_000),
                "the last good cue keeps its time"
            );
        }
        Err(error) => assert_eq!(error.code(), "bad_transcript", "{error}"),
    }
}

#[test]
fn one_byte_over_the_limit_is_refused_by_its_size() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.vtt");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(MAX_TRANSCRIPT_BYTES + 1)
        .expect("grow the file");
    let error = read_transcript(&path).expect_err("too large");
    assert!(
        matches!(error, LibraryError::TooLarge { bytes, .. } if bytes == MAX_TRANSCRIPT_BYTES + 1),
        "{error:?}"
    );
    assert_eq!(error.code(), "transcript_too_large");
    assert_eq!(
        error.to_string(),
        format!(
            "{} is too large for a transcript (64.1 MB; the limit is 64 MB).",
            path.display()
        )
    );
}
