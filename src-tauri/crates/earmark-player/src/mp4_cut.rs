//! An MP4 file cut short (a download that stopped, a copy that did not finish) plays
//! what is there, or says that it was cut short.
//!
//! Its last top-level box (`mdat`, the audio, or `moov`, the index, when it comes
//! last) declares a size that runs past the end of the file. symphonia walks every
//! top-level box before playing and fails on that one ("end of stream"), even when it
//! has read the index already. Here the file is shown to symphonia with that box's size
//! cut to what is there ([`media_source`]): with the index at the start, every whole
//! packet in the file plays, and the length is what those packets hold (the index
//! counts the missing ones too, so the packets are counted instead); with the index at
//! the end, the index is missing and the error says the file is cut short
//! ([`explain`]).

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use symphonia::core::io::MediaSource;

use crate::error::PlayerError;
use crate::mp4_track;

/// The size field of the box that runs past the end, as it should read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cut {
    /// File offset of the size field.
    pub(crate) at: u64,
    /// The field's bytes for the box to end at the end of the file.
    pub(crate) field: Vec<u8>,
}

/// Where an MP4 `file` is cut short; `None` for a whole file or one that is not MP4.
pub(crate) fn cut_short<R: Read + Seek>(file: &mut R) -> io::Result<Option<Cut>> {
    if !mp4_track::is_mp4(file)? {
        return Ok(None);
    }
    let file_len = mp4_track::byte_len(file)?;
    let mut pos = 0;
    while let Some(top) = mp4_track::top_box_at(file, pos, file_len)? {
        let end = top.pos.saturating_add(top.size);
        if end > file_len {
            let size = file_len - top.pos;
            let cut = if top.header_len == 16 {
                Some(Cut {
                    at: top.pos + 8,
                    field: size.to_be_bytes().to_vec(),
                })
            } else {
                u32::try_from(size).ok().map(|size| Cut {
                    at: top.pos,
                    field: size.to_be_bytes().to_vec(),
                })
            };
            file.seek(SeekFrom::Start(0))?;
            return Ok(cut);
        }
        pos = end;
    }
    file.seek(SeekFrom::Start(0))?;
    Ok(None)
}

/// `file` as symphonia should read it: a cut-short MP4 with its last box ending at the
/// end of the file, a WAV whose data chunk claims more than the file holds with that
/// chunk ending there ([`crate::wav_cut`]), any other file as it is.
pub(crate) fn media_source(mut file: File) -> io::Result<Box<dyn MediaSource>> {
    let cut = match cut_short(&mut file)? {
        Some(cut) => Some(cut),
        None => crate::wav_cut::cut_short(&mut file)?,
    };
    Ok(match cut {
        Some(cut) => {
            let len = file.metadata()?.len();
            Box::new(CutSource { file, len, cut })
        }
        None => Box::new(file),
    })
}

/// The error for `path` failing to open as `error` says: a cut-short MP4 says so.
pub(crate) fn explain(path: &Path, error: PlayerError) -> PlayerError {
    let damaged = matches!(
        error,
        PlayerError::Unsupported { .. } | PlayerError::Corrupt { .. }
    );
    let cut = || File::open(path).and_then(|mut f| cut_short(&mut f));
    if damaged && matches!(cut(), Ok(Some(_))) {
        PlayerError::CutShort(path.to_path_buf())
    } else {
        error
    }
}

/// A cut-short file, read with the size of its last box (or chunk) rewritten.
struct CutSource {
    file: File,
    len: u64,
    cut: Cut,
}

impl Read for CutSource {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let pos = self.file.stream_position()?;
        let n = self.file.read(buf)?;
        for (at, byte) in (self.cut.at..).zip(&self.cut.field) {
            if let Some(i) = at.checked_sub(pos).filter(|i| *i < n as u64) {
                buf[i as usize] = *byte;
            }
        }
        Ok(n)
    }
}

impl Seek for CutSource {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        self.file.seek(to)
    }
}

impl MediaSource for CutSource {
    fn is_seekable(&self) -> bool {
        true
    }

    fn byte_len(&self) -> Option<u64> {
        Some(self.len)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// An MP4-like file: `ftyp`, then an `mdat` declaring `declared` bytes holding
    /// `held`.
    fn file_with_mdat(declared: u32, held: usize) -> File {
        let mut f = tempfile::tempfile().expect("tempfile");
        f.write_all(&[0, 0, 0, 16]).expect("write");
        f.write_all(b"ftypM4A \0\0\0\0").expect("write");
        f.write_all(&declared.to_be_bytes()).expect("write");
        f.write_all(b"mdat").expect("write");
        f.write_all(&vec![7u8; held]).expect("write");
        f
    }

    #[test]
    fn the_box_that_runs_past_the_end_is_read_as_ending_there() {
        let mut whole = file_with_mdat(8 + 100, 100);
        assert_eq!(cut_short(&mut whole).expect("read"), None);
        let mut cut = file_with_mdat(8 + 100, 40);
        assert_eq!(
            cut_short(&mut cut).expect("read"),
            Some(Cut {
                at: 16,
                field: 48u32.to_be_bytes().to_vec()
            })
        );
        let mut source = media_source(cut).expect("source");
        let mut bytes = Vec::new();
        source.read_to_end(&mut bytes).expect("read");
        assert_eq!(bytes.len(), 16 + 48);
        assert_eq!(&bytes[16..20], &48u32.to_be_bytes(), "the size says 48");
        assert_eq!(&bytes[20..24], b"mdat");
        assert!(bytes[24..].iter().all(|b| *b == 7), "the rest as it is");
    }
}
