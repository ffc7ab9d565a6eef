//! Chapters: Podcasting 2.0 JSON chapters from a feed, and chapters embedded in a
//! local file (ID3 `CHAP`/`CTOC` frames in MP3, chapter lists in MP4/M4A).
//!
//! Every reader gives the same [`Chapter`] list: sorted by start, times in
//! milliseconds, titles as one line of plain text, links kept only when http(s).
//! Chapters marked `"toc": false` in JSON (artwork changes, not places to jump to)
//! are left out.

use std::path::Path;

use serde::{Deserialize, Serialize};

/// The most chapters kept from one source.
pub const MAX_CHAPTERS: usize = 5_000;

/// One chapter of an episode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chapter {
    /// Where it starts, in milliseconds of media time.
    pub start_ms: u64,
    /// Where it ends, when the source says.
    pub end_ms: Option<u64>,
    /// Its title ("Chapter N" when the source gives none).
    pub title: String,
    /// A web page about it.
    pub url: Option<String>,
    /// Its image.
    pub image_url: Option<String>,
}

/// Where a list of chapters came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChapterSource {
    /// The feed's `podcast:chapters` JSON document.
    Feed,
    /// ID3 `CHAP` frames in an MP3 file.
    Id3,
    /// An MP4 chapter list or chapter track.
    Mp4,
}

impl ChapterSource {
    /// The name stored in the library.
    pub fn as_str(self) -> &'static str {
        match self {
            ChapterSource::Feed => "feed",
            ChapterSource::Id3 => "id3",
            ChapterSource::Mp4 => "mp4",
        }
    }

    /// Reads a stored name back.
    pub fn from_name(name: &str) -> Option<ChapterSource> {
        Some(match name {
            "feed" => ChapterSource::Feed,
            "id3" => ChapterSource::Id3,
            "mp4" => ChapterSource::Mp4,
            _ => return None,
        })
    }
}

/// Chapters could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ChaptersError {
    /// The JSON document is not Podcasting 2.0 chapters.
    #[error("The chapters file could not be read: {0}")]
    Json(String),
    /// The audio file's tags could not be read.
    #[error("The chapters in {path} could not be read: {reason}")]
    Tags {
        /// The audio file.
        path: std::path::PathBuf,
        /// Why.
        reason: String,
    },
}

#[derive(Deserialize)]
struct JsonChapters {
    chapters: Vec<JsonChapter>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct JsonChapter {
    start_time: Option<serde_json::Value>,
    end_time: Option<serde_json::Value>,
    title: Option<String>,
    url: Option<String>,
    img: Option<String>,
    toc: Option<bool>,
}

/// Reads a Podcasting 2.0 JSON chapters document
/// (`{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "…"}]}`).
pub fn parse_json_chapters(bytes: &[u8]) -> Result<Vec<Chapter>, ChaptersError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let doc: JsonChapters =
        serde_json::from_slice(bytes).map_err(|e| ChaptersError::Json(e.to_string()))?;
    let chapters = doc
        .chapters
        .into_iter()
        .filter(|c| c.toc != Some(false))
        .filter_map(|c| {
            let start_ms = c.start_time.as_ref().and_then(seconds_value)?;
            Some(Chapter {
                start_ms,
                end_ms: c.end_time.as_ref().and_then(seconds_value),
                title: c.title.as_deref().map(clean_title).unwrap_or_default(),
                url: c.url.as_deref().and_then(web_link),
                image_url: c.img.as_deref().and_then(web_link),
            })
        })
        .take(MAX_CHAPTERS)
        .collect();
    Ok(tidy(chapters))
}

/// Seconds as a JSON number or numeric string, into milliseconds.
fn seconds_value(value: &serde_json::Value) -> Option<u64> {
    let seconds = match value {
        serde_json::Value::Number(n) => n.as_f64()?,
        serde_json::Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    (0.0..1e7)
        .contains(&seconds)
        .then(|| (seconds * 1000.0).round() as u64)
}

/// Reads the chapters embedded in a local audio file: ID3 `CHAP` frames (MP3, also
/// WAV/AIFF with ID3) or an MP4 chapter list/track. A file without chapters gives an
/// empty list.
pub fn read_embedded_chapters(path: &Path) -> Result<(Vec<Chapter>, ChapterSource), ChaptersError> {
    let tags_error = |reason: String| ChaptersError::Tags {
        path: path.to_path_buf(),
        reason,
    };
    let mut head = [0u8; 12];
    let read = {
        use std::io::Read;
        let mut file = std::fs::File::open(path).map_err(|e| tags_error(e.to_string()))?;
        file.read(&mut head)
            .map_err(|e| tags_error(e.to_string()))?
    };
    if read >= 8 && &head[4..8] == b"ftyp" {
        return read_mp4(path).map(|c| (c, ChapterSource::Mp4));
    }
    read_id3(path).map(|c| (c, ChapterSource::Id3))
}

fn read_id3(path: &Path) -> Result<Vec<Chapter>, ChaptersError> {
    use id3::TagLike;
    let tag = match id3::Tag::read_from_path(path) {
        Ok(tag) => tag,
        Err(e) if matches!(e.kind, id3::ErrorKind::NoTag) => return Ok(Vec::new()),
        Err(e) => {
            return Err(ChaptersError::Tags {
                path: path.to_path_buf(),
                reason: e.to_string(),
            })
        }
    };
    let chapters = tag
        .chapters()
        .take(MAX_CHAPTERS)
        .map(|c| {
            let url = c.frames.iter().find_map(|f| match f.content() {
                id3::Content::ExtendedLink(l) => web_link(&l.link),
                id3::Content::Link(l) => web_link(l),
                _ => None,
            });
            Chapter {
                start_ms: u64::from(c.start_time),
                end_ms: (c.end_time != u32::MAX && c.end_time >= c.start_time)
                    .then_some(u64::from(c.end_time)),
                title: c.title().map(clean_title).unwrap_or_default(),
                url,
                image_url: None,
            }
        })
        .collect();
    Ok(tidy(chapters))
}

fn read_mp4(path: &Path) -> Result<Vec<Chapter>, ChaptersError> {
    let config = mp4ameta::ReadConfig {
        read_meta_items: false,
        read_image_data: false,
        read_chapter_list: true,
        read_chapter_track: true,
        read_audio_info: false,
        chpl_timescale: mp4ameta::ChplTimescale::DEFAULT,
    };
    let tag = mp4ameta::Tag::read_with_path(path, &config).map_err(|e| ChaptersError::Tags {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let chapters = tag
        .userdata
        .chapters()
        .iter()
        .take(MAX_CHAPTERS)
        .map(|c| Chapter {
            start_ms: u64::try_from(c.start.as_millis()).unwrap_or(u64::MAX),
            end_ms: None,
            title: clean_title(&c.title),
            url: None,
            image_url: None,
        })
        .collect();
    Ok(tidy(chapters))
}

/// Sorts by start, names untitled chapters "Chapter N", and fills each missing end
/// with the next chapter's start.
pub(crate) fn tidy(mut chapters: Vec<Chapter>) -> Vec<Chapter> {
    chapters.sort_by_key(|c| c.start_ms);
    let starts: Vec<u64> = chapters.iter().map(|c| c.start_ms).collect();
    for (i, chapter) in chapters.iter_mut().enumerate() {
        if chapter.title.is_empty() {
            chapter.title = format!("Chapter {}", i + 1);
        }
        if chapter.end_ms.is_none_or(|end| end < chapter.start_ms) {
            chapter.end_ms = starts
                .get(i + 1)
                .copied()
                .filter(|next| *next >= chapter.start_ms);
        }
    }
    chapters
}

/// A chapter title as one line of plain text, at most 500 characters.
pub(crate) fn clean_title(title: &str) -> String {
    let line = crate::feeds::one_line_text(title).unwrap_or_default();
    line.chars().take(500).collect()
}

/// `link` when it is an absolute http(s) address.
fn web_link(link: &str) -> Option<String> {
    let url = reqwest::Url::parse(link.trim()).ok()?;
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_chapters_are_read_sorted_and_tidied() {
        let json = br#"{"version": "1.2.0", "chapters": [
            {"startTime": 65.5, "title": "Second <b>part</b>", "url": "https://example.com/2"},
            {"startTime": 0, "title": "Intro", "img": "javascript:alert(1)"},
            {"startTime": 30, "toc": false, "img": "https://example.com/art.png"},
            {"startTime": "120", "endTime": 150, "title": ""},
            {"title": "no start"}
        ]}"#;
        let chapters = parse_json_chapters(json).unwrap();
        let titles: Vec<_> = chapters.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["Intro", "Second part", "Chapter 3"]);
        assert_eq!(
            chapters[0].end_ms,
            Some(65_500),
            "end filled from the next start"
        );
        assert_eq!(chapters[0].image_url, None, "only http(s) links survive");
        assert_eq!(chapters[1].start_ms, 65_500);
        assert_eq!(chapters[1].url.as_deref(), Some("https://example.com/2"));
        assert_eq!(chapters[2].start_ms, 120_000);
        assert_eq!(chapters[2].end_ms, Some(150_000));
    }

    #[test]
    fn broken_json_is_a_clear_error() {
        let err = parse_json_chapters(b"<html>").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("The chapters file could not be read"),
            "{err}"
        );
    }
}
