//! Local audio by the handful: folders walked, files measured and tagged, transcripts
//! beside them attached, embedded chapters stored, one bad file reported.

use std::path::{Path, PathBuf};

use earmark_core::chapters::ChapterSource;
use earmark_core::library::{collect_audio_files, import_audio_files, read_tags};
use id3::TagLike;

use crate::library;

fn demo(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../assets/demo")
        .join(name)
}

/// A stand-in for the player's probe: every file lasts 176 s, except those named
/// `broken…`, which do not play.
fn measure(path: &Path) -> Result<u64, String> {
    let name = path.file_name().unwrap().to_string_lossy();
    if name.starts_with("broken") {
        Err("this is not audio Earmark can play".into())
    } else {
        Ok(176_000)
    }
}

/// The demo MP3 at `path`, tagged with a title, an album and two chapters.
fn tagged_mp3(path: &Path) {
    std::fs::copy(demo("demo.mp3"), path).unwrap();
    let mut tag = id3::Tag::new();
    tag.set_title("Hearing It Twice");
    tag.set_artist("Maya Lindqvist");
    tag.set_album("The Listening Room");
    for (i, (start, title)) in [(0u32, "Hello"), (60_000, "The curve")]
        .into_iter()
        .enumerate()
    {
        let mut chapter = id3::frame::Chapter {
            element_id: format!("ch{i}"),
            start_time: start,
            end_time: start + 60_000,
            start_offset: u32::MAX,
            end_offset: u32::MAX,
            frames: Vec::new(),
        };
        chapter.frames.push(id3::Frame::text("TIT2", title));
        tag.add_frame(chapter);
    }
    tag.write_to_path(path, id3::Version::Id3v24).unwrap();
}

#[test]
fn folders_are_walked_for_audio_only() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("season 1/extras")).unwrap();
    std::fs::create_dir_all(root.join(".trash")).unwrap();
    for name in [
        "b.mp3",
        "a.M4A",
        "notes.txt",
        "season 1/ep1.ogg",
        "season 1/extras/bonus.flac",
        ".trash/old.mp3",
        ".hidden.mp3",
    ] {
        std::fs::write(root.join(name), b"x").unwrap();
    }
    let single = root.join("b.mp3");
    let found = collect_audio_files(&[root.to_path_buf(), single.clone()]);
    let names: Vec<String> = found
        .iter()
        .map(|p| p.strip_prefix(root).unwrap().display().to_string())
        .collect();
    assert_eq!(
        names,
        [
            "a.M4A",
            "b.mp3",
            "season 1/ep1.ogg",
            "season 1/extras/bonus.flac"
        ],
        "audio only, each once, hidden entries skipped, in name order"
    );
    assert!(collect_audio_files(&[root.join("notes.txt")]).is_empty());
}

#[test]
fn files_come_in_with_tags_transcripts_and_chapters() {
    let lib = library();
    let files = tempfile::tempdir().unwrap();
    let talk = files.path().join("talk.mp3");
    tagged_mp3(&talk);
    std::fs::copy(demo("demo.vtt"), files.path().join("talk.vtt")).unwrap();
    let plain = files.path().join("plain recording.mp3");
    std::fs::copy(demo("demo.mp3"), &plain).unwrap();
    id3::Tag::remove_from_path(&plain).unwrap();
    let broken = files.path().join("broken.mp3");
    std::fs::write(&broken, b"not audio").unwrap();

    let tags = read_tags(&talk);
    assert_eq!(tags.title.as_deref(), Some("Hearing It Twice"));
    assert_eq!(tags.show(), Some("The Listening Room"));

    let done = import_audio_files(&lib.store, &[talk.clone(), plain, broken], &measure);
    assert_eq!(done.episodes.len(), 2, "{done:?}");
    assert_eq!(
        done.problems,
        ["broken.mp3: this is not audio Earmark can play"],
        "the bad file is named, the others come in"
    );

    let tagged = lib.store.episode(done.episodes[0]).unwrap();
    assert_eq!(
        tagged.title, "Hearing It Twice",
        "the title comes from the tags"
    );
    assert_eq!(tagged.duration_ms, Some(176_000));
    let show = lib
        .store
        .podcast(tagged.podcast_id.expect("filed under its album"))
        .unwrap();
    assert_eq!(show.title, "The Listening Room");
    assert!(show.feed_url.is_none(), "a show without a feed");
    assert!(
        lib.store.get_transcript(tagged.id).unwrap().is_some(),
        "talk.vtt beside it is attached"
    );
    let (chapters, source) = lib.store.chapters(tagged.id).unwrap().expect("chapters");
    assert_eq!(source, ChapterSource::Id3);
    let titles: Vec<_> = chapters.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["Hello", "The curve"]);

    let untagged = lib.store.episode(done.episodes[1]).unwrap();
    assert_eq!(
        untagged.title, "plain recording",
        "the file name without tags"
    );
    assert!(untagged.podcast_id.is_none(), "under Local files");

    let again = import_audio_files(&lib.store, &[talk], &measure);
    assert_eq!(
        again.episodes,
        [tagged.id],
        "a file already in comes back as itself"
    );
    assert_eq!(
        lib.store.podcasts().unwrap().len(),
        1,
        "and its show is not made twice"
    );
}
