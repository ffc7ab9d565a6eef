//! FLAC metadata blocks that would stop a good FLAC from playing, shown to symphonia
//! as padding.
//!
//! - **`CUESHEET`**: symphonia 0.5.5 checks a CD-DA cue sheet strictly and refuses the
//!   whole file when an offset is not a multiple of 588 samples (a CD sector), which
//!   rips and cut-down images often have ("cuesheet track sample offset is not a
//!   multiple of 588"). Earmark has no use for the cue sheet (chapters come from
//!   elsewhere), and a block's type byte is all that makes it one.
//! - **`SEEKTABLE`** of a FLAC cut short: a seek point past the end of the file makes
//!   symphonia's seek search a range that ends before it starts (a panic in a debug
//!   build, a failed seek in a release one), so the length check and every seek near
//!   the end fail. Without the table symphonia searches the file itself.
//!
//! A block's type is the low seven bits of its first header byte; the top bit (last
//! block) is kept. Type 1 is `PADDING`, which every reader skips. Walking block headers
//! is four bytes a block; symphonia exposes no hook to skip a block.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};

use crate::patch::Patch;

const PADDING: u8 = 1;
const SEEKTABLE: u8 = 3;
const CUESHEET: u8 = 5;
/// Bytes of a seek point: sample number, byte offset (both u64) and sample count (u16).
const SEEK_POINT: usize = 18;
/// The sample number of a placeholder seek point.
const PLACEHOLDER: u64 = u64::MAX;

/// The block headers of a FLAC `file` to show as padding; empty for any other file.
pub(crate) fn patches(file: &mut File) -> io::Result<Vec<Patch>> {
    let found = find(file);
    file.seek(SeekFrom::Start(0))?;
    found
}

fn find(file: &mut File) -> io::Result<Vec<Patch>> {
    let file_len = file.metadata()?.len();
    let Some(mut pos) = stream_start(file, file_len)? else {
        return Ok(Vec::new());
    };
    let mut patches = Vec::new();
    let mut seek_tables = Vec::new();
    let mut header = [0u8; 4];
    loop {
        file.seek(SeekFrom::Start(pos))?;
        if pos + 4 > file_len || file.read_exact(&mut header).is_err() {
            return Ok(patches);
        }
        let len = u64::from(u32::from_be_bytes([0, header[1], header[2], header[3]]));
        let padding = Patch {
            at: pos,
            field: vec![(header[0] & 0x80) | PADDING],
        };
        match header[0] & 0x7f {
            CUESHEET => patches.push(padding),
            SEEKTABLE => seek_tables.push((padding, pos + 4, len)),
            _ => {}
        }
        pos += 4 + len;
        if header[0] & 0x80 != 0 {
            break;
        }
    }
    // `pos` is now where the first audio frame starts: seek points count from there.
    for (padding, body, len) in seek_tables {
        if points_past(file, body, len, file_len.saturating_sub(pos))? {
            patches.push(padding);
        }
    }
    Ok(patches)
}

/// Where the `fLaC` marker's first block starts, past an ID3v2 tag before it.
fn stream_start(file: &mut File, file_len: u64) -> io::Result<Option<u64>> {
    let mut head = [0u8; 10];
    file.seek(SeekFrom::Start(0))?;
    if file_len < 10 || file.read_exact(&mut head).is_err() {
        return Ok(None);
    }
    let mut start = 0;
    if &head[0..3] == b"ID3" {
        let size = head[6..10]
            .iter()
            .fold(0u64, |n, b| (n << 7) | u64::from(b & 0x7f));
        let footer = if head[5] & 0x10 != 0 { 10 } else { 0 };
        start = 10 + size + footer;
        file.seek(SeekFrom::Start(start))?;
        if start + 4 > file_len || file.read_exact(&mut head[..4]).is_err() {
            return Ok(None);
        }
    }
    Ok((&head[0..4] == b"fLaC").then_some(start + 4))
}

/// Whether a seek table of `len` bytes at `body` has a point at or past `audio_len`
/// bytes into the audio.
fn points_past(file: &mut File, body: u64, len: u64, audio_len: u64) -> io::Result<bool> {
    let Ok(len) = usize::try_from(len) else {
        return Ok(true);
    };
    let mut table = vec![0u8; len];
    file.seek(SeekFrom::Start(body))?;
    if file.read_exact(&mut table).is_err() {
        return Ok(true);
    }
    Ok(table.chunks_exact(SEEK_POINT).any(|point| {
        let number = |at: usize| {
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(&point[at..at + 8]);
            u64::from_be_bytes(bytes)
        };
        number(0) != PLACEHOLDER && number(8) >= audio_len
    }))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// `fLaC`, a STREAMINFO, a seek table with one point at byte `point` of the audio,
    /// a cue sheet (the last block), and `audio` bytes of frames.
    fn flac(point: u64, audio: usize) -> File {
        let mut f = tempfile::tempfile().expect("tempfile");
        f.write_all(b"fLaC\x00\x00\x00\x22").expect("write");
        f.write_all(&[0u8; 34]).expect("write");
        f.write_all(&[SEEKTABLE, 0, 0, 18]).expect("write");
        f.write_all(&4096u64.to_be_bytes()).expect("write");
        f.write_all(&point.to_be_bytes()).expect("write");
        f.write_all(&[0x10, 0]).expect("write");
        f.write_all(&[0x80 | CUESHEET, 0, 0, 2, 9, 9])
            .expect("write");
        f.write_all(&vec![0xff; audio]).expect("write");
        f
    }

    #[test]
    fn the_cue_sheet_and_a_seek_table_past_the_end_read_as_padding() {
        let seek_table_at = 4 + 4 + 34;
        let cue_sheet_at = seek_table_at + 4 + 18;
        assert_eq!(
            patches(&mut flac(100, 1000)).expect("read"),
            vec![Patch {
                at: cue_sheet_at,
                field: vec![0x80 | PADDING]
            }],
            "a whole file keeps its seek table"
        );
        assert_eq!(
            patches(&mut flac(5000, 1000)).expect("read"),
            vec![
                Patch {
                    at: cue_sheet_at,
                    field: vec![0x80 | PADDING]
                },
                Patch {
                    at: seek_table_at,
                    field: vec![PADDING]
                }
            ],
            "a cut-short file loses it"
        );
    }

    #[test]
    fn other_files_are_left_alone() {
        let mut f = tempfile::tempfile().expect("tempfile");
        f.write_all(b"OggS\0\0\0\0\0\0\0\0").expect("write");
        assert!(patches(&mut f).expect("read").is_empty());
    }
}
