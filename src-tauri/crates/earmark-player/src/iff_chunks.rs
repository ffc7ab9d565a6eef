//! Walking the chunks of a RIFF (WAV) or IFF (AIFF) file: a 12-byte form header, then
//! chunks of a four-byte id and a four-byte size (little-endian in RIFF, big-endian in
//! IFF), each padded to an even length. Eight bytes a chunk; a crate for it would bring
//! more than it saves.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};

/// Bytes of a chunk header: a four-byte id and a size.
pub(crate) const CHUNK_HEADER: u64 = 8;

/// How a form is laid out.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Form {
    /// The form's own id (`RIFF`, `FORM`).
    pub id: &'static [u8; 4],
    /// The kinds of form accepted (`WAVE`; `AIFF`, `AIFC`).
    pub kinds: &'static [&'static [u8; 4]],
    /// Whether sizes are big-endian (IFF) or little-endian (RIFF).
    pub big_endian: bool,
}

/// A chunk found in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Chunk {
    /// Where its header starts.
    pub at: u64,
    /// The size its header gives.
    pub size: u32,
}

/// The first chunk named `id` of a `file` laid out as `form`; `None` for another kind
/// of file or one without that chunk. The file is left at its start.
pub(crate) fn find(file: &mut File, form: Form, id: &[u8; 4]) -> io::Result<Option<Chunk>> {
    let found = walk(file, form, id);
    file.seek(SeekFrom::Start(0))?;
    found
}

fn walk(file: &mut File, form: Form, id: &[u8; 4]) -> io::Result<Option<Chunk>> {
    let file_len = file.metadata()?.len();
    let mut head = [0u8; 12];
    file.seek(SeekFrom::Start(0))?;
    if file_len < 12 || file.read_exact(&mut head).is_err() {
        return Ok(None);
    }
    if &head[0..4] != form.id || !form.kinds.iter().any(|kind| head[8..12] == kind[..]) {
        return Ok(None);
    }
    let mut pos = 12u64;
    let mut header = [0u8; CHUNK_HEADER as usize];
    while pos + CHUNK_HEADER <= file_len {
        file.seek(SeekFrom::Start(pos))?;
        file.read_exact(&mut header)?;
        let bytes = [header[4], header[5], header[6], header[7]];
        let size = if form.big_endian {
            u32::from_be_bytes(bytes)
        } else {
            u32::from_le_bytes(bytes)
        };
        if &header[0..4] == id {
            return Ok(Some(Chunk { at: pos, size }));
        }
        // Chunks are padded to an even length.
        let size = u64::from(size);
        pos += CHUNK_HEADER + size + (size & 1);
    }
    Ok(None)
}
