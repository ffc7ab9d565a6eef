//! The episode in the player as the desktop shows it: MPRIS metadata.

use std::path::Path;

use earmark_core::store::{EpisodeId, Store};
use mpris_server::{Metadata, Time, TrackId};

/// The track id of `episode`: an object path of Earmark's own.
pub fn track_id(episode: EpisodeId) -> Option<TrackId> {
    TrackId::try_from(format!("/app/earmark/desktop/episode/{episode}")).ok()
}

/// `episode`'s title, show (as album and artist), length and artwork (`artwork`, a
/// picture file); empty metadata when no episode is in the player or it cannot be read.
pub fn metadata(
    store: &Store,
    episode: Option<EpisodeId>,
    duration_ms: u64,
    artwork: Option<&Path>,
) -> Metadata {
    let Some(id) = episode else {
        return Metadata::new();
    };
    let Ok(read) = store.episode(id) else {
        return Metadata::new();
    };
    let show = read
        .podcast_id
        .and_then(|podcast| store.podcast(podcast).ok())
        .map(|podcast| podcast.title);
    let length = if duration_ms > 0 {
        duration_ms
    } else {
        read.duration_ms.unwrap_or(0)
    };
    let mut metadata = Metadata::new();
    metadata.set_trackid(track_id(id));
    metadata.set_title(Some(read.title));
    metadata.set_length(Some(Time::from_millis(
        i64::try_from(length).unwrap_or(i64::MAX),
    )));
    if let Some(show) = show {
        metadata.set_album(Some(show.clone()));
        metadata.set_artist(Some([show]));
    }
    metadata.set_art_url(artwork.map(file_url));
    metadata
}

/// `path` as a `file://` URL, its bytes percent-encoded where a URL needs it.
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                url.push(char::from(byte));
            }
            _ => url.push_str(&format!("%{byte:02X}")),
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    #[test]
    fn artwork_paths_become_file_urls() {
        let url = file_url(&PathBuf::from("/data/artwork/My Show #1 ä.png"));
        assert_eq!(url, "file:///data/artwork/My%20Show%20%231%20%C3%A4.png");
    }

    #[test]
    fn an_episode_is_its_title_show_length_and_id() {
        let dir = tempfile::tempdir().expect("dir");
        let store = Store::open_in_data_dir(dir.path()).expect("store");
        let episode = earmark_core::library::install_demo(&store, dir.path())
            .expect("demo")
            .expect("installed");
        let read = store.episode(episode).expect("episode");
        let art = PathBuf::from("/data/art.png");
        let shown = metadata(&store, Some(episode), 61_500, Some(&art));
        assert_eq!(shown.title(), Some(read.title.as_str()));
        assert_eq!(shown.length(), Some(Time::from_millis(61_500)));
        assert_eq!(shown.trackid(), track_id(episode));
        assert_eq!(shown.art_url().as_deref(), Some("file:///data/art.png"));
        assert_eq!(shown.album(), Some("Earmark Demo"));
        assert!(metadata(&store, None, 0, None).title().is_none());
    }
}
