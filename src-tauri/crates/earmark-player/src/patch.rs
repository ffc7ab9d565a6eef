//! The file as symphonia should read it: a few header fields rewritten on the fly.
//!
//! Some files symphonia refuses or misreads for one field in a header, where the audio
//! itself is fine. Rather than carry a copy of symphonia's readers, Earmark shows them
//! the file with that field rewritten as it should read; the file on disk is never
//! changed. The rewrites, each found by its own module:
//!
//! - an MP4 whose last box runs past the end of the file ([`crate::mp4_cut`]);
//! - a WAV whose `data` chunk claims more than the file holds ([`crate::wav_cut`]);
//! - an AIFF `SSND` chunk, whose size counts 8 bytes that are not audio
//!   ([`crate::aiff_sound`]);
//! - a FLAC `CUESHEET` block symphonia refuses, and a `SEEKTABLE` pointing past the end
//!   of a cut-short FLAC ([`crate::flac_blocks`]).

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};

use symphonia::core::io::MediaSource;

/// A field of the file as it should read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Patch {
    /// File offset of the field.
    pub(crate) at: u64,
    /// The field's bytes as symphonia is to read them.
    pub(crate) field: Vec<u8>,
}

/// `file` as symphonia should read it: with every [`Patch`] the modules above find,
/// or as it is when none applies.
pub(crate) fn media_source(mut file: File) -> io::Result<Box<dyn MediaSource>> {
    let mut patches = Vec::new();
    match crate::mp4_cut::cut_short(&mut file)? {
        Some(cut) => patches.push(cut),
        None => patches.extend(crate::wav_cut::cut_short(&mut file)?),
    }
    patches.extend(crate::aiff_sound::patch(&mut file)?);
    patches.extend(crate::flac_blocks::patches(&mut file)?);
    file.seek(SeekFrom::Start(0))?;
    if patches.is_empty() {
        return Ok(Box::new(file));
    }
    let len = file.metadata()?.len();
    Ok(Box::new(PatchedSource { file, len, patches }))
}

/// A file read with some of its fields rewritten.
struct PatchedSource {
    file: File,
    len: u64,
    patches: Vec<Patch>,
}

impl Read for PatchedSource {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let pos = self.file.stream_position()?;
        let n = self.file.read(buf)?;
        for patch in &self.patches {
            for (at, byte) in (patch.at..).zip(&patch.field) {
                if let Some(i) = at.checked_sub(pos).filter(|i| *i < n as u64) {
                    buf[i as usize] = *byte;
                }
            }
        }
        Ok(n)
    }
}

impl Seek for PatchedSource {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        self.file.seek(to)
    }
}

impl MediaSource for PatchedSource {
    fn is_seekable(&self) -> bool {
        true
    }

    fn byte_len(&self) -> Option<u64> {
        Some(self.len)
    }
}
