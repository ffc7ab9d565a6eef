//! The cover picture embedded in a local audio file: an ID3 `APIC` frame (MP3, WAV,
//! AIFF) or the MP4 `covr` item. Only what the picture's own bytes say is trusted:
//! a tag's MIME type can lie, so the format is read from the image's signature, and
//! anything but PNG, JPEG, GIF or WebP (or over [`MAX_COVER_BYTES`]) is left out.

use std::io::Read;
use std::path::Path;

/// The largest embedded picture shown (a podcast cover is typically 50–500 KB).
pub const MAX_COVER_BYTES: usize = 4 * 1024 * 1024;

/// A picture found in a file's tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cover {
    /// Its MIME type, from its signature: `image/png`, `image/jpeg`, `image/gif`
    /// or `image/webp`.
    pub mime: &'static str,
    /// The image file's bytes.
    pub bytes: Vec<u8>,
}

/// The cover picture of the audio file at `path`: the front cover when the tags say
/// which one it is, else the first picture. `None` when there is none, or it cannot
/// be read, or it is not an image a window can show.
pub fn read_cover(path: &Path) -> Option<Cover> {
    let mut head = [0u8; 12];
    let read = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .ok()?;
    let bytes = if read >= 8 && &head[4..8] == b"ftyp" {
        mp4_cover(path)?
    } else {
        id3_cover(path)?
    };
    Cover::of_bytes(bytes)
}

impl Cover {
    /// `bytes` as a picture a window can show: PNG, JPEG, GIF or WebP by its own
    /// signature, at most [`MAX_COVER_BYTES`].
    pub fn of_bytes(bytes: Vec<u8>) -> Option<Cover> {
        if bytes.len() > MAX_COVER_BYTES {
            return None;
        }
        Some(Cover {
            mime: image_type(&bytes)?,
            bytes,
        })
    }
}

fn id3_cover(path: &Path) -> Option<Vec<u8>> {
    let tag = id3::Tag::read_from_path(path).ok()?;
    let pictures: Vec<&id3::frame::Picture> = tag.pictures().collect();
    let front = pictures
        .iter()
        .find(|p| p.picture_type == id3::frame::PictureType::CoverFront)
        .or_else(|| pictures.first())?;
    Some(front.data.clone())
}

fn mp4_cover(path: &Path) -> Option<Vec<u8>> {
    let config = mp4ameta::ReadConfig {
        read_meta_items: true,
        read_image_data: true,
        read_chapter_list: false,
        read_chapter_track: false,
        read_audio_info: false,
        chpl_timescale: mp4ameta::ChplTimescale::DEFAULT,
    };
    let tag = mp4ameta::Tag::read_with_path(path, &config).ok()?;
    tag.artwork().map(|image| image.data.to_vec())
}

/// The image format its first bytes announce, if it is one a window shows.
pub(crate) fn image_type(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n', ..] => Some("image/png"),
        [0xff, 0xd8, 0xff, ..] => Some("image/jpeg"),
        [b'G', b'I', b'F', b'8', ..] => Some("image/gif"),
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => Some("image/webp"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_image_type_comes_from_the_signature() {
        assert_eq!(image_type(b"\x89PNG\r\n\x1a\nrest"), Some("image/png"));
        assert_eq!(image_type(&[0xff, 0xd8, 0xff, 0xe0]), Some("image/jpeg"));
        assert_eq!(image_type(b"GIF89a"), Some("image/gif"));
        assert_eq!(image_type(b"RIFF\0\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(
            image_type(b"<svg onload=alert(1)>"),
            None,
            "no SVG: it can carry script"
        );
        assert_eq!(image_type(b""), None);
    }
}
