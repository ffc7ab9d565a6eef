//! An AIFF file's `SSND` chunk, read for the audio it holds.
//!
//! The chunk's size counts its 8-byte `offset` and `blockSize` fields before the
//! audio (AIFF 1.3, "Sound Data Chunk"); symphonia 0.5.5 reads those fields and then
//! takes the whole size as audio, so the length comes out 8 bytes' worth of frames too
//! long (two frames of 16-bit stereo) and the 8 bytes after the chunk are played as
//! sound. Here the size is shown to symphonia without those 8 bytes (through
//! [`crate::patch`]). Walking IFF chunk headers is eight bytes a chunk, as for WAV
//! ([`crate::wav_cut`]).

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};

use crate::patch::Patch;

/// Bytes of an IFF chunk header: a four-byte id and a big-endian size.
const CHUNK_HEADER: u64 = 8;
/// The `offset` and `blockSize` fields at the start of an `SSND` chunk.
const SSND_FIELDS: u32 = 8;

/// The `SSND` size of an AIFF `file` as symphonia should read it; `None` for a file
/// that is not AIFF or has no such chunk.
pub(crate) fn patch(file: &mut File) -> io::Result<Option<Patch>> {
    let found = sound_chunk(file);
    file.seek(SeekFrom::Start(0))?;
    found
}

fn sound_chunk(file: &mut File) -> io::Result<Option<Patch>> {
    let file_len = file.metadata()?.len();
    let mut form = [0u8; 12];
    file.seek(SeekFrom::Start(0))?;
    if file_len < 12 || file.read_exact(&mut form).is_err() {
        return Ok(None);
    }
    if &form[0..4] != b"FORM" || !matches!(&form[8..12], b"AIFF" | b"AIFC") {
        return Ok(None);
    }
    let mut pos = 12u64;
    let mut header = [0u8; CHUNK_HEADER as usize];
    while pos + CHUNK_HEADER <= file_len {
        file.seek(SeekFrom::Start(pos))?;
        file.read_exact(&mut header)?;
        let size = u32::from_be_bytes([header[4], header[5], header[6], header[7]]);
        if &header[0..4] == b"SSND" {
            return Ok(size.checked_sub(SSND_FIELDS).map(|audio| Patch {
                at: pos + 4,
                field: audio.to_be_bytes().to_vec(),
            }));
        }
        // Chunks are padded to an even length.
        let size = u64::from(size);
        pos += CHUNK_HEADER + size + (size & 1);
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    #[test]
    fn the_sound_chunk_is_read_without_its_offset_fields() {
        let mut f = tempfile::tempfile().expect("tempfile");
        f.write_all(b"FORM\0\0\0\x40AIFFCOMM\0\0\0\x12")
            .expect("write");
        f.write_all(&[0u8; 18]).expect("write");
        f.write_all(b"SSND\0\0\0\x18").expect("write");
        f.write_all(&[0u8; 24]).expect("write");
        assert_eq!(
            patch(&mut f).expect("read"),
            Some(Patch {
                at: 42,
                field: 16u32.to_be_bytes().to_vec()
            })
        );
        let mut wav = tempfile::tempfile().expect("tempfile");
        wav.write_all(b"RIFF\0\0\0\0WAVEfmt ").expect("write");
        assert_eq!(patch(&mut wav).expect("read"), None);
    }
}
