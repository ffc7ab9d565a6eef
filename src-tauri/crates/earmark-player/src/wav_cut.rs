//! A WAV file whose `data` chunk claims more audio than the file holds (a download
//! or copy that stopped, or a header written before the audio and never fixed up, or
//! one that lies: 4 GB claimed for one second of audio).
//!
//! symphonia takes the chunk's size as the length, so the "exact" length would be
//! what the header says, and the last packet read past the end would fail as a whole.
//! Here the file is shown to symphonia with that size cut to the bytes that are there
//! (through the rewriting source of [`crate::patch`]): the
//! length is then `(file length - data offset) / block size` frames, the audio
//! actually present, and every whole frame in the file plays. Walking RIFF chunk
//! headers is eight bytes a chunk; a crate for it would bring more than it saves.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};

use crate::patch::Patch;

/// Bytes of a RIFF chunk header: a four-byte id and a little-endian size.
const CHUNK_HEADER: u64 = 8;

/// Where a WAV `file`'s data chunk runs past its end; `None` for a file whose data
/// chunk fits, or one that is not WAV.
pub(crate) fn cut_short(file: &mut File) -> io::Result<Option<Patch>> {
    let found = data_cut(file);
    file.seek(SeekFrom::Start(0))?;
    found
}

fn data_cut(file: &mut File) -> io::Result<Option<Patch>> {
    let file_len = file.metadata()?.len();
    let mut riff = [0u8; 12];
    file.seek(SeekFrom::Start(0))?;
    if file_len < 12 || file.read_exact(&mut riff).is_err() {
        return Ok(None);
    }
    if &riff[0..4] != b"RIFF" || &riff[8..12] != b"WAVE" {
        return Ok(None);
    }
    let mut pos = 12u64;
    let mut header = [0u8; CHUNK_HEADER as usize];
    while pos + CHUNK_HEADER <= file_len {
        file.seek(SeekFrom::Start(pos))?;
        file.read_exact(&mut header)?;
        let size = u64::from(u32::from_le_bytes([
            header[4], header[5], header[6], header[7],
        ]));
        let body = pos + CHUNK_HEADER;
        if &header[0..4] == b"data" {
            let held = file_len - body;
            return Ok((size > held).then(|| Patch {
                at: pos + 4,
                // `held` is below the claimed u32 size, so it fits.
                field: (held as u32).to_le_bytes().to_vec(),
            }));
        }
        // Chunks are padded to an even length.
        pos = body + size + (size & 1);
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use crate::patch::media_source;

    /// A WAV-like file: the RIFF header, a 16-byte `fmt ` chunk, then a `data` chunk
    /// declaring `declared` bytes holding `held`.
    fn wav_with_data(declared: u32, held: usize) -> File {
        let mut f = tempfile::tempfile().expect("tempfile");
        f.write_all(b"RIFF\xff\xff\xff\xffWAVEfmt \x10\0\0\0")
            .expect("write");
        f.write_all(&[9u8; 16]).expect("write");
        f.write_all(b"data").expect("write");
        f.write_all(&declared.to_le_bytes()).expect("write");
        f.write_all(&vec![7u8; held]).expect("write");
        f
    }

    #[test]
    fn a_data_chunk_that_runs_past_the_end_is_read_as_ending_there() {
        let mut whole = wav_with_data(100, 100);
        assert_eq!(cut_short(&mut whole).expect("read"), None);
        let mut lying = wav_with_data(u32::MAX - 36, 40);
        assert_eq!(
            cut_short(&mut lying).expect("read"),
            Some(Patch {
                at: 40,
                field: 40u32.to_le_bytes().to_vec()
            })
        );
        let mut source = media_source(lying).expect("source");
        let mut bytes = Vec::new();
        source.read_to_end(&mut bytes).expect("read");
        assert_eq!(bytes.len(), 44 + 40);
        assert_eq!(&bytes[36..40], b"data");
        assert_eq!(&bytes[40..44], &40u32.to_le_bytes(), "the size says 40");
        assert!(bytes[44..].iter().all(|b| *b == 7), "the audio as it is");
    }

    #[test]
    fn other_files_are_left_alone() {
        let mut f = tempfile::tempfile().expect("tempfile");
        f.write_all(b"RIFF\0\0\0\0AVI LIST\xff\xff\xff\xff")
            .expect("write");
        assert_eq!(cut_short(&mut f).expect("read"), None);
        let mut short = tempfile::tempfile().expect("tempfile");
        short.write_all(b"RIFF").expect("write");
        assert_eq!(cut_short(&mut short).expect("read"), None);
    }
}
