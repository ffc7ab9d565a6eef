//! What an MP4/M4A audio track declares that symphonia does not pass on: the edit list
//! (the encoder's priming samples to skip and the length to play). The AAC decoder
//! config is read by [`crate::aac_config`].
//!
//! An AAC encoder starts every stream with priming samples (1024 for ffmpeg and Apple)
//! and pads the last frame. The track's edit list says where the real audio starts
//! (`media_time`) and how long it plays (`segment_duration`, in the movie's time scale).
//! Earmark plays exactly that, as ffprobe reports the stream's duration.

use std::io::{self, Read, Seek, SeekFrom};

/// The largest `moov` box read into memory (a few MB even for hour-long files).
const MAX_MOOV: u64 = 64 * 1024 * 1024;

/// The playable part of an MP4 audio track, in frames at the track's sample rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mp4Edit {
    /// Frames at the start of the track that are not played (encoder priming).
    pub priming: u64,
    /// Frames played after the priming.
    pub frames: u64,
}

/// True when `file` starts like an MP4 (ISO base media) file.
pub(crate) fn is_mp4<R: Read + Seek>(file: &mut R) -> io::Result<bool> {
    let mut head = [0u8; 8];
    file.seek(SeekFrom::Start(0))?;
    let n = file.read(&mut head)?;
    file.seek(SeekFrom::Start(0))?;
    Ok(n == 8 && &head[4..8] == b"ftyp")
}

/// Reads the edit list of the first sound track of `file`, as frames at `sample_rate`.
///
/// Returns `None` when there is no usable single edit (no edit list, several edits).
pub(crate) fn read_edit<R: Read + Seek>(
    file: &mut R,
    sample_rate: u32,
) -> io::Result<Option<Mp4Edit>> {
    let Some(moov) = read_moov(file)? else {
        return Ok(None);
    };
    let movie_scale =
        child(&moov, b"mvhd").and_then(|b| time_scale_and_duration(b).map(|(s, _)| s));
    let edit = children(&moov, b"trak")
        .filter(|trak| is_sound_track(trak))
        .find_map(|trak| {
            let mdhd = child(trak, b"mdia").and_then(|m| child(m, b"mdhd"))?;
            let (media_scale, _) = time_scale_and_duration(mdhd)?;
            let elst = child(trak, b"edts").and_then(|e| child(e, b"elst"))?;
            let (duration, media_time) = single_edit(elst)?;
            let movie_scale = movie_scale?;
            let rate = u128::from(sample_rate);
            let priming = u128::from(media_time) * rate / u128::from(media_scale);
            let frames = (u128::from(duration) * rate + u128::from(movie_scale) / 2)
                / u128::from(movie_scale);
            Some(Mp4Edit {
                priming: u64::try_from(priming).ok()?,
                frames: u64::try_from(frames).ok()?,
            })
        });
    Ok(edit)
}

/// The length of `file` in bytes (its position is left anywhere).
pub(crate) fn byte_len<R: Seek>(file: &mut R) -> io::Result<u64> {
    file.seek(SeekFrom::End(0))
}

/// A top-level box: where it starts, its size (header included), its header's length
/// and its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TopBox {
    pub pos: u64,
    pub size: u64,
    pub header_len: u64,
    pub kind: [u8; 4],
}

/// The top-level box at `pos` of `file`, `file_len` bytes long; `None` at the end or
/// where the header is cut off or declares a size smaller than itself.
pub(crate) fn top_box_at<R: Read + Seek>(
    file: &mut R,
    pos: u64,
    file_len: u64,
) -> io::Result<Option<TopBox>> {
    if pos.saturating_add(8) > file_len {
        return Ok(None);
    }
    file.seek(SeekFrom::Start(pos))?;
    let mut head = [0u8; 16];
    file.read_exact(&mut head[..8])?;
    let mut size = u64::from(u32::from_be_bytes([head[0], head[1], head[2], head[3]]));
    let mut header_len = 8;
    if size == 1 {
        if pos + 16 > file_len {
            return Ok(None);
        }
        file.read_exact(&mut head[8..16])?;
        size = u64::from_be_bytes([
            head[8], head[9], head[10], head[11], head[12], head[13], head[14], head[15],
        ]);
        header_len = 16;
    } else if size == 0 {
        size = file_len - pos;
    }
    let kind = [head[4], head[5], head[6], head[7]];
    Ok((size >= header_len).then_some(TopBox {
        pos,
        size,
        header_len,
        kind,
    }))
}

/// The payload of the top-level `moov` box, wherever it is in the file.
fn read_moov<R: Read + Seek>(file: &mut R) -> io::Result<Option<Vec<u8>>> {
    let file_len = byte_len(file)?;
    let mut pos = 0u64;
    while let Some(top) = top_box_at(file, pos, file_len)? {
        if &top.kind == b"moov" {
            let len = top.size - top.header_len;
            if len > MAX_MOOV || top.pos + top.size > file_len {
                return Ok(None);
            }
            file.seek(SeekFrom::Start(top.pos + top.header_len))?;
            let mut payload = vec![0u8; len as usize];
            file.read_exact(&mut payload)?;
            return Ok(Some(payload));
        }
        pos = pos.saturating_add(top.size);
    }
    Ok(None)
}

/// The boxes directly inside `payload`, as (type, payload).
fn boxes(payload: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    let mut rest = payload;
    std::iter::from_fn(move || {
        let size = u32::from_be_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let kind = rest.get(4..8)?;
        let (header, size) = match size {
            0 => (8, rest.len()),
            1 => {
                let large = u64::from_be_bytes(rest.get(8..16)?.try_into().ok()?);
                (16, usize::try_from(large).ok()?)
            }
            n => (8, n),
        };
        let body = rest.get(header..size)?;
        rest = &rest[size..];
        Some((kind, body))
    })
}

fn children<'a>(payload: &'a [u8], kind: &'a [u8; 4]) -> impl Iterator<Item = &'a [u8]> {
    boxes(payload)
        .filter(move |(k, _)| k == kind)
        .map(|(_, b)| b)
}

fn child<'a>(payload: &'a [u8], kind: &'a [u8; 4]) -> Option<&'a [u8]> {
    children(payload, kind).next()
}

fn is_sound_track(trak: &[u8]) -> bool {
    child(trak, b"mdia")
        .and_then(|m| child(m, b"hdlr"))
        .and_then(|h| h.get(8..12))
        .is_some_and(|handler| handler == b"soun")
}

/// Time scale and duration of an `mvhd` or `mdhd` payload.
fn time_scale_and_duration(full_box: &[u8]) -> Option<(u32, u64)> {
    let be32 = |at: usize| {
        full_box
            .get(at..at + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    let (scale, duration) = match full_box.first()? {
        0 => (be32(12)?, u64::from(be32(16)?)),
        1 => (
            be32(20)?,
            (u64::from(be32(24)?) << 32) | u64::from(be32(28)?),
        ),
        _ => return None,
    };
    (scale > 0).then_some((scale, duration))
}

/// `(segment_duration, media_time)` of an edit list with one edit that plays media.
fn single_edit(elst: &[u8]) -> Option<(u64, u64)> {
    let version = *elst.first()?;
    let count = u32::from_be_bytes(elst.get(4..8)?.try_into().ok()?);
    let entry_len = if version == 1 { 20 } else { 12 };
    let mut edits = (0..count as usize).map(|i| {
        let e = elst.get(8 + i * entry_len..8 + (i + 1) * entry_len)?;
        Some(if version == 1 {
            (
                u64::from_be_bytes(e[0..8].try_into().ok()?),
                i64::from_be_bytes(e[8..16].try_into().ok()?),
            )
        } else {
            (
                u64::from(u32::from_be_bytes(e[0..4].try_into().ok()?)),
                i64::from(i32::from_be_bytes(e[4..8].try_into().ok()?)),
            )
        })
    });
    let first = edits.next()??;
    if edits.next().is_some() || first.1 < 0 {
        return None;
    }
    Some((first.0, first.1 as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_single_edit() {
        let mut elst = vec![0, 0, 0, 0, 0, 0, 0, 1];
        elst.extend_from_slice(&10_000u32.to_be_bytes());
        elst.extend_from_slice(&1024i32.to_be_bytes());
        elst.extend_from_slice(&[0, 1, 0, 0]);
        assert_eq!(single_edit(&elst), Some((10_000, 1024)));
    }
}
