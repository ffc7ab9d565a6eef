//! An MP4 file cut short (a download that stopped, a copy that did not finish) plays
//! what is there, or says that it was cut short.
//!
//! Its last top-level box (`mdat`, the audio, or `moov`, the index, when it comes
//! last) declares a size that runs past the end of the file. symphonia walks every
//! top-level box before playing and fails on that one ("end of stream"), even when it
//! has read the index already. Here the file is shown to symphonia with that box's size
//! cut to what is there ([`crate::patch`]): with the index at the start, every whole
//! packet in the file plays, and the length is what those packets hold (the index
//! counts the missing ones too, so the packets are counted instead); with the index at
//! the end, the index is missing and the error says the file is cut short
//! ([`explain`]).

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use crate::error::PlayerError;
use crate::mp4_track;
use crate::patch::Patch;

/// Where an MP4 `file` is cut short; `None` for a whole file or one that is not MP4.
pub(crate) fn cut_short<R: Read + Seek>(file: &mut R) -> io::Result<Option<Patch>> {
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
                Some(Patch {
                    at: top.pos + 8,
                    field: size.to_be_bytes().to_vec(),
                })
            } else {
                u32::try_from(size).ok().map(|size| Patch {
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

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use crate::patch::media_source;

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
            Some(Patch {
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
