//! Adding a transcript to an episode in the library: a good file replaces the old
//! transcript, a bad one changes nothing and says why.

use std::path::Path;

use earmark_core::library::{
    attach_parsed, is_transcript_file_name, read_transcript, read_transcript_bytes, LibraryError,
    MAX_TRANSCRIPT_BYTES,
};
use earmark_core::store::{EpisodeId, Store};
use earmark_core::transcript::{Transcript, TranscriptFormat};

use crate::{add_episode, library, timed_transcript};

const VTT: &str = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana>Hello there.\n";

/// As the app attaches a file: read and parsed first, then stored.
fn attach_transcript_file(
    store: &Store,
    episode: EpisodeId,
    path: &Path,
) -> Result<Transcript, LibraryError> {
    attach_parsed(store, episode, read_transcript(path)?, Some(path))
}

/// As the app attaches bytes the window read from a file called `name`.
fn attach_transcript_bytes(
    store: &Store,
    episode: EpisodeId,
    bytes: &[u8],
    name: &str,
) -> Result<Transcript, LibraryError> {
    attach_parsed(store, episode, read_transcript_bytes(bytes, name)?, None)
}

#[test]
fn a_file_replaces_the_transcript() {
    let lib = library();
    let episode = add_episode(&lib.store, "episode");
    lib.store
        .set_transcript(episode, &timed_transcript(&["old"]), None)
        .unwrap();
    let path = lib.dir.path().join("new.vtt");
    std::fs::write(&path, VTT).unwrap();
    let attached = attach_transcript_file(&lib.store, episode, &path).unwrap();
    assert_eq!(attached.format, TranscriptFormat::Vtt);
    let stored = lib.store.get_transcript(episode).unwrap().unwrap();
    assert_eq!(stored.segments[0].text, "Hello there.");
    let info = lib.store.transcript_info(episode).unwrap().unwrap();
    assert_eq!(info.origin.source_path.as_deref(), Some(path.as_path()));
}

#[test]
fn bytes_are_read_with_their_file_name_as_hint() {
    let lib = library();
    let episode = add_episode(&lib.store, "episode");
    let text = "Ana: First paragraph.\n\nBen: Second one.\n";
    let attached =
        attach_transcript_bytes(&lib.store, episode, text.as_bytes(), "site.txt").unwrap();
    assert_eq!(attached.format, TranscriptFormat::Text);
    assert!(!attached.timed());
    assert_eq!(
        lib.store
            .get_transcript(episode)
            .unwrap()
            .unwrap()
            .segments
            .len(),
        2
    );
}

#[test]
fn a_bad_file_changes_nothing_and_says_why() {
    let lib = library();
    let episode = add_episode(&lib.store, "episode");
    lib.store
        .set_transcript(episode, &timed_transcript(&["kept"]), None)
        .unwrap();
    let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
    let error = attach_transcript_bytes(&lib.store, episode, &junk, "junk.vtt").unwrap_err();
    assert_eq!(error.code(), "bad_transcript");
    assert!(
        error.to_string().contains("junk.vtt")
            && error
                .to_string()
                .contains("does not look like a transcript"),
        "{error}"
    );
    let error = attach_transcript_bytes(&lib.store, episode, b"{\"x\": 1}", "a.json").unwrap_err();
    assert!(error.to_string().contains("Podcasting 2.0"), "{error}");
    let stored = lib.store.get_transcript(episode).unwrap().unwrap();
    assert_eq!(
        stored.segments[0].text, "kept",
        "the old transcript is still there"
    );
}

#[test]
fn limits_and_missing_things() {
    let lib = library();
    let episode = add_episode(&lib.store, "episode");
    let missing = lib.dir.path().join("nope.srt");
    assert!(matches!(
        attach_transcript_file(&lib.store, episode, &missing),
        Err(LibraryError::Io { .. })
    ));
    let error =
        attach_transcript_bytes(&lib.store, episode + 100, VTT.as_bytes(), "a.vtt").unwrap_err();
    assert_eq!(error.code(), "episode_not_found");
    let big = vec![b'a'; usize::try_from(MAX_TRANSCRIPT_BYTES).unwrap() + 1];
    let error = attach_transcript_bytes(&lib.store, episode, &big, "big.txt").unwrap_err();
    assert_eq!(error.code(), "transcript_too_large");
    assert!(error.to_string().contains("too large"), "{error}");
    assert!(is_transcript_file_name("a/B.VTT".as_ref()));
    assert!(!is_transcript_file_name("a/b.mp3".as_ref()));
}
