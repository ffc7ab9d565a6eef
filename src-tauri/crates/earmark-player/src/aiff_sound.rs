//! An AIFF file's `SSND` chunk, read for the audio it holds.
//!
//! The chunk's size counts its 8-byte `offset` and `blockSize` fields before the
//! audio (AIFF 1.3, "Sound Data Chunk"); symphonia 0.5.5 reads those fields and then
//! takes the whole size as audio, so the length comes out 8 bytes' worth of frames too
//! long (two frames of 16-bit stereo) and the 8 bytes after the chunk are played as
//! sound. Here the size is shown to symphonia without those 8 bytes (through
//! [`crate::patch`]); the chunk is found by [`crate::iff_chunks`].

use std::fs::File;
use std::io;

use crate::iff_chunks::{self, Form};
use crate::patch::Patch;

/// An AIFF or AIFF-C form.
const AIFF: Form = Form {
    id: b"FORM",
    kinds: &[b"AIFF", b"AIFC"],
    big_endian: true,
};
/// The `offset` and `blockSize` fields at the start of an `SSND` chunk.
const SSND_FIELDS: u32 = 8;

/// The `SSND` size of an AIFF `file` as symphonia should read it; `None` for a file
/// that is not AIFF or has no such chunk.
pub(crate) fn patch(file: &mut File) -> io::Result<Option<Patch>> {
    let Some(chunk) = iff_chunks::find(file, AIFF, b"SSND")? else {
        return Ok(None);
    };
    Ok(chunk.size.checked_sub(SSND_FIELDS).map(|audio| Patch {
        at: chunk.at + 4,
        field: audio.to_be_bytes().to_vec(),
    }))
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
