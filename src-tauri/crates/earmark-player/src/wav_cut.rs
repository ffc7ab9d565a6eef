//! A WAV file whose `data` chunk claims more audio than the file holds (a download
//! or copy that stopped, or a header written before the audio and never fixed up, or
//! one that lies: 4 GB claimed for one second of audio).
//!
//! symphonia takes the chunk's size as the length, so the "exact" length would be
//! what the header says, and the last packet read past the end would fail as a whole.
//! Here the file is shown to symphonia with that size cut to the bytes that are there
//! (through the rewriting source of [`crate::patch`]): the
//! length is then `(file length - data offset) / block size` frames, the audio
//! actually present, and every whole frame in the file plays. The chunk is found by
//! [`crate::iff_chunks`].

use std::fs::File;
use std::io;

use crate::iff_chunks::{self, Form, CHUNK_HEADER};
use crate::patch::Patch;

/// A WAV file's form.
const WAVE: Form = Form {
    id: b"RIFF",
    kinds: &[b"WAVE"],
    big_endian: false,
};

/// Where a WAV `file`'s data chunk runs past its end; `None` for a file whose data
/// chunk fits, or one that is not WAV.
pub(crate) fn cut_short(file: &mut File) -> io::Result<Option<Patch>> {
    let Some(chunk) = iff_chunks::find(file, WAVE, b"data")? else {
        return Ok(None);
    };
    let held = file
        .metadata()?
        .len()
        .saturating_sub(chunk.at + CHUNK_HEADER);
    Ok((u64::from(chunk.size) > held).then(|| Patch {
        at: chunk.at + 4,
        // `held` is below the claimed u32 size, so it fits.
        field: (held as u32).to_le_bytes().to_vec(),
    }))
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
