//! The tags of a local audio file: title, artist, album (ID3 in MP3, WAV and AIFF;
//! the metadata list in MP4/M4A). Chapters are read by
//! [`read_embedded_chapters`](crate::chapters::read_embedded_chapters).

use std::io::Read;
use std::path::Path;

/// What a file's tags say about it; empty tags are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AudioTags {
    /// The track's title.
    pub title: Option<String>,
    /// Its artist (for a podcast episode, usually the show or the host).
    pub artist: Option<String>,
    /// Its album (for a podcast episode, usually the show).
    pub album: Option<String>,
}

impl AudioTags {
    /// The show a file belongs to: its album, else its artist.
    pub fn show(&self) -> Option<&str> {
        self.album.as_deref().or(self.artist.as_deref())
    }
}

/// Reads the tags of the audio file at `path`. A file without tags, or with tags
/// that cannot be read, gives empty tags: tags are a nicety, never a reason to refuse
/// a file.
pub fn read_tags(path: &Path) -> AudioTags {
    let mut head = [0u8; 12];
    let is_mp4 = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .is_ok_and(|n| n >= 8 && &head[4..8] == b"ftyp");
    if is_mp4 {
        mp4_tags(path)
    } else {
        id3_tags(path)
    }
}

fn id3_tags(path: &Path) -> AudioTags {
    use id3::TagLike;
    let Ok(tag) = id3::Tag::read_from_path(path) else {
        return AudioTags::default();
    };
    AudioTags {
        title: tag.title().and_then(clean),
        artist: tag.artist().and_then(clean),
        album: tag.album().and_then(clean),
    }
}

fn mp4_tags(path: &Path) -> AudioTags {
    let config = mp4ameta::ReadConfig {
        read_meta_items: true,
        read_image_data: false,
        read_chapter_list: false,
        read_chapter_track: false,
        read_audio_info: false,
        chpl_timescale: mp4ameta::ChplTimescale::DEFAULT,
    };
    let Ok(tag) = mp4ameta::Tag::read_with_path(path, &config) else {
        return AudioTags::default();
    };
    AudioTags {
        title: tag.title().and_then(clean),
        artist: tag.artist().and_then(clean),
        album: tag.album().and_then(clean),
    }
}

/// A tag's text on one line (control characters dropped, white space collapsed), at
/// most 300 characters; `None` when blank. Tags are plain text, never markup.
fn clean(text: &str) -> Option<String> {
    let line = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let line: String = line.chars().take(300).collect();
    (!line.is_empty()).then_some(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_text_is_one_plain_line() {
        assert_eq!(
            clean("  Tom &\n <Jerry>\u{0}  "),
            Some("Tom & <Jerry>".into())
        );
        assert_eq!(clean(" \t "), None);
    }

    #[test]
    fn album_names_the_show_else_artist() {
        let mut tags = AudioTags {
            artist: Some("Host".into()),
            ..AudioTags::default()
        };
        assert_eq!(tags.show(), Some("Host"));
        tags.album = Some("Show".into());
        assert_eq!(tags.show(), Some("Show"));
    }
}
