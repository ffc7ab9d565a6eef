//! Adding a transcript to an episode: the file is read and parsed first, without the
//! library, then stored. A 50 MB transcript takes a while to parse; holding the
//! library meanwhile would hold up everything else that needs it, the position
//! saved every few seconds included. Blocking.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use earmark_core::library::{attach_parsed, read_transcript, read_transcript_bytes, LibraryError};
use earmark_core::store::{EpisodeId, Store};
use earmark_core::transcript::Transcript;

use crate::error_report::ErrorReport;
use crate::shared::lock;

/// Reads a transcript with `read`, then makes it `episode`'s transcript (from the
/// file at `source`, when it came from one). A bad file changes nothing.
pub fn attach(
    store: &Mutex<Store>,
    episode: EpisodeId,
    source: Option<&Path>,
    read: impl FnOnce() -> Result<Transcript, LibraryError>,
) -> Result<Transcript, LibraryError> {
    let transcript = read()?;
    attach_parsed(&lock(store), episode, transcript, source)
}

/// The folder of `episode`'s audio, where a dialog for its transcript opens (`None`
/// for an episode not on this computer).
pub fn audio_folder(store: &Store, episode: EpisodeId) -> Result<Option<PathBuf>, ErrorReport> {
    let audio = store.episode(episode)?.audio_path;
    Ok(audio.and_then(|audio| audio.parent().map(PathBuf::from)))
}

/// [`attach`] of the transcript file at `path`.
pub fn attach_file(
    store: &Mutex<Store>,
    episode: EpisodeId,
    path: &Path,
) -> Result<Transcript, LibraryError> {
    attach(store, episode, Some(path), || read_transcript(path))
}

/// [`attach`] of a file the window read: its bytes, and its name as
/// `encodeURIComponent` wrote it.
pub fn attach_bytes(
    store: &Mutex<Store>,
    episode: EpisodeId,
    bytes: &[u8],
    encoded_name: &str,
) -> Result<Transcript, LibraryError> {
    let name = percent_decode(encoded_name);
    attach(store, episode, None, || read_transcript_bytes(bytes, &name))
}

/// [`attach_bytes`] as the window sends a file: the episode's id and the file's name
/// as they came (in request headers), either possibly missing.
pub fn attach_sent(
    store: &Mutex<Store>,
    episode: Option<&str>,
    encoded_name: Option<&str>,
    bytes: &[u8],
) -> Result<Transcript, ErrorReport> {
    let episode = episode
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| ErrorReport::new("bad_request", "No episode was named."))?;
    Ok(attach_bytes(
        store,
        episode,
        bytes,
        encoded_name.unwrap_or_default(),
    )?)
}

/// Decodes `%XX` escapes; anything that is not valid UTF-8 afterwards is replaced,
/// malformed escapes are kept as they are.
fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use std::sync::{mpsc, Arc};
    use std::time::Duration;

    use earmark_core::store::NewEpisode;

    use super::*;

    const VTT: &str = "WEBVTT\n\n00:01.000 --> 00:02.000\nHello.\n";

    #[test]
    fn names_are_decoded() {
        assert_eq!(percent_decode("caf%C3%A9%20notes.txt"), "café notes.txt");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(
            percent_decode("end%41"),
            "endA",
            "an escape at the very end"
        );
    }

    fn library(dir: &Path) -> Arc<Mutex<Store>> {
        let store = Store::open_in_data_dir(dir).expect("store");
        Arc::new(Mutex::new(store))
    }

    #[test]
    fn the_transcript_is_parsed_while_someone_else_holds_the_library() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = library(dir.path());
        let episode = NewEpisode {
            title: "episode".into(),
            ..NewEpisode::default()
        };
        let id = lock(&store).insert_episode(&episode).expect("episode");
        let held = lock(&store);
        let (parsed_tx, parsed) = mpsc::channel();
        let shared = Arc::clone(&store);
        let adding = std::thread::spawn(move || {
            attach(&shared, id, None, move || {
                let _ = parsed_tx.send(());
                read_transcript_bytes(VTT.as_bytes(), "new.vtt")
            })
        });
        parsed
            .recv_timeout(Duration::from_secs(30))
            .expect("the transcript was parsed while the library was held");
        drop(held);
        let attached = adding.join().expect("join").expect("attached");
        assert_eq!(attached.segments.len(), 1);
        let stored = lock(&store).get_transcript(id).expect("read");
        assert_eq!(
            stored.map(|t| t.segments[0].text.clone()).as_deref(),
            Some("Hello.")
        );
    }

    #[test]
    fn a_bad_file_is_a_clear_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = library(dir.path());
        let read = || read_transcript_bytes(&[0u8, 1, 2, 3, 0xFF].repeat(100), "junk.vtt");
        let error = attach(&store, 1, None, read).expect_err("junk is refused");
        assert_eq!(error.code(), "bad_transcript");
        assert!(error.to_string().contains("junk.vtt"), "{error}");
    }
}
