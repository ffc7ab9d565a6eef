//! Unsubscribing: the show leaves the library with the episodes nobody made anything
//! of, and their downloaded audio is deleted. Episodes with the listener's notes or
//! highlights, and the one the caller names (the episode in the player), stay under
//! Local files with their audio ([`Store::leave_show`]).

use std::path::Path;

use serde::Serialize;

use crate::downloads::{is_inside, DOWNLOADS_DIR};
use crate::store::{EpisodeId, PodcastId, Store, StoreResult};

/// What unsubscribing did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unsubscribed {
    /// The show's title.
    pub title: String,
    /// Episodes removed from the library.
    pub removed: usize,
    /// Episodes kept under Local files (the listener's notes or highlights are on
    /// them, or they are in the player).
    pub kept: usize,
    /// Downloaded audio files deleted.
    pub files_deleted: usize,
}

/// Unsubscribes from podcast `id`, keeping `keep` (the episode in the player) with
/// the episodes the listener wrote on. Only files inside the downloads folder are
/// deleted; one that cannot be is left where it is (the library no longer names it).
pub fn unsubscribe(
    store: &Store,
    data_dir: &Path,
    id: PodcastId,
    keep: Option<EpisodeId>,
) -> StoreResult<Unsubscribed> {
    let left = store.leave_show(id, keep)?;
    let downloads = data_dir.join(DOWNLOADS_DIR);
    let files_deleted = left
        .removed_audio
        .iter()
        .filter(|path| is_inside(path, &downloads) && std::fs::remove_file(path).is_ok())
        .count();
    Ok(Unsubscribed {
        title: left.title,
        removed: left.removed,
        kept: left.kept,
        files_deleted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{NewEpisode, NewPodcast};

    #[test]
    fn only_downloads_are_deleted_and_the_listeners_own_files_stay() {
        let data = tempfile::tempdir().expect("data dir");
        let mine = tempfile::tempdir().expect("the listener's folder");
        let store = Store::open_in_data_dir(data.path()).expect("library");
        let show = NewPodcast {
            title: "Show".to_owned(),
            ..NewPodcast::default()
        };
        let podcast = store.add_podcast(&show).expect("podcast");
        let folder = data.path().join(DOWNLOADS_DIR).join("show");
        std::fs::create_dir_all(&folder).expect("downloads folder");
        let downloaded = folder.join("1-a.mp3");
        let own = mine.path().join("own.mp3");
        for (file, title) in [(&downloaded, "a"), (&own, "b")] {
            std::fs::write(file, b"audio").expect("audio file");
            let episode = NewEpisode {
                podcast_id: Some(podcast),
                title: title.to_owned(),
                audio_path: Some(file.clone()),
                ..NewEpisode::default()
            };
            store.insert_episode(&episode).expect("episode");
        }

        let done = unsubscribe(&store, data.path(), podcast, None).expect("unsubscribed");
        assert_eq!(
            (done.removed, done.kept, done.files_deleted),
            (2, 0, 1),
            "{done:?}"
        );
        assert!(!downloaded.exists(), "the download is deleted");
        assert!(
            own.exists(),
            "a file outside the downloads folder is never deleted"
        );
        assert!(store.podcasts().expect("podcasts").is_empty());
    }
}
