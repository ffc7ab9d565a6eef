//! Chapters embedded in local files: ID3 CHAP/CTOC in MP3, chapter lists in MP4.

use std::time::Duration;

use earmark_core::chapters::{parse_json_chapters, read_embedded_chapters, ChapterSource};
use id3::TagLike;

use crate::{demo, fixtures_dir};

#[test]
fn id3_chap_frames_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chaptered.mp3");
    std::fs::copy(demo("demo.mp3"), &path).unwrap();
    let mut tag = id3::Tag::new();
    for (i, (start, end, title)) in [(60_000u32, 176_000u32, "Second"), (0, 60_000, "First")]
        .into_iter()
        .enumerate()
    {
        let mut chapter = id3::frame::Chapter {
            element_id: format!("ch{i}"),
            start_time: start,
            end_time: end,
            start_offset: u32::MAX,
            end_offset: u32::MAX,
            frames: Vec::new(),
        };
        chapter.frames.push(id3::Frame::text("TIT2", title));
        tag.add_frame(chapter);
    }
    tag.add_frame(id3::frame::TableOfContents {
        element_id: "toc".into(),
        top_level: true,
        ordered: true,
        elements: vec!["ch1".into(), "ch0".into()],
        frames: Vec::new(),
    });
    tag.write_to_path(&path, id3::Version::Id3v24).unwrap();

    let (chapters, source) = read_embedded_chapters(&path).unwrap();
    assert_eq!(source, ChapterSource::Id3);
    let got: Vec<_> = chapters
        .iter()
        .map(|c| (c.start_ms, c.end_ms, c.title.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (0, Some(60_000), "First"),
            (60_000, Some(176_000), "Second")
        ]
    );
}

#[test]
fn mp4_chapter_lists_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chaptered.m4a");
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures/audio/aac-faststart-44k-stereo.m4a");
    std::fs::copy(fixture, &path).unwrap();
    let mut tag = mp4ameta::Tag::read_from_path(&path).unwrap();
    tag.userdata.chapter_list_mut().extend([
        mp4ameta::Chapter::new(Duration::ZERO, "Opening"),
        mp4ameta::Chapter::new(Duration::from_millis(1_500), "Closing"),
    ]);
    tag.write_to_path(&path).unwrap();

    let (chapters, source) = read_embedded_chapters(&path).unwrap();
    assert_eq!(source, ChapterSource::Mp4);
    let got: Vec<_> = chapters
        .iter()
        .map(|c| (c.start_ms, c.title.as_str()))
        .collect();
    assert_eq!(got, [(0, "Opening"), (1_500, "Closing")]);
}

#[test]
fn files_without_chapters_give_none() {
    let (chapters, _) = read_embedded_chapters(&demo("demo.mp3")).unwrap();
    assert!(chapters.is_empty());
}

#[test]
fn json_chapters_fixture() {
    let bytes = std::fs::read(fixtures_dir().join("chapters.json")).unwrap();
    let chapters = parse_json_chapters(&bytes).unwrap();
    assert_eq!(chapters.len(), 3, "toc:false is left out");
    assert_eq!(chapters[2].end_ms, Some(176_000));
}
