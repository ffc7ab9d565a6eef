//! What the unit tests share: a library in memory, with episodes in it.

use earmark_core::store::{EpisodeId, NewEpisode, Store};

/// An empty library in memory.
pub fn library() -> Store {
    Store::open_in_memory().expect("a library")
}

/// Adds an episode titled `title`, `duration_ms` long when that is known.
pub fn episode(store: &Store, title: &str, duration_ms: Option<u64>) -> EpisodeId {
    let new = NewEpisode {
        title: title.into(),
        duration_ms,
        ..NewEpisode::default()
    };
    store.insert_episode(&new).expect("an episode")
}
