//! What the shell keeps for the life of the app.

use std::sync::{Arc, Mutex};

use earmark_core::store::{EpisodeId, Store};
use earmark_player::{ClockSnapshot, Player};
use tauri::ipc::Channel;

use crate::error::{IpcError, IpcResult};

/// Managed state: the library store, the player, and what is playing.
#[derive(Debug)]
pub struct AppState {
    /// The library database (one connection; used off the async workers).
    pub store: Arc<Mutex<Store>>,
    /// The playback engine.
    pub player: Player,
    /// The episode loaded in the player and the window's clock channel.
    pub now_playing: Arc<NowPlaying>,
}

/// The episode in the player, its last reported clock, and who listens to the clock.
#[derive(Default)]
pub struct NowPlaying {
    /// The loaded episode.
    pub episode: Mutex<Option<EpisodeId>>,
    /// The last clock snapshot.
    pub last_clock: Mutex<Option<ClockSnapshot>>,
    /// The window's clock channel.
    pub clock_channel: Mutex<Option<Channel<ClockSnapshot>>>,
}

impl std::fmt::Debug for NowPlaying {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NowPlaying")
            .field("episode", &self.episode)
            .field("last_clock", &self.last_clock)
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// Runs `f` with the store on a blocking thread (SQLite is synchronous).
    pub async fn with_store<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store) -> IpcResult<T> + Send + 'static,
    ) -> IpcResult<T> {
        let store = Arc::clone(&self.store);
        tauri::async_runtime::spawn_blocking(move || {
            let guard = store.lock().map_err(|_| {
                IpcError::new(
                    "store_poisoned",
                    "The library is unavailable; please restart Earmark.",
                )
            })?;
            f(&guard)
        })
        .await
        .map_err(|_| IpcError::new("internal", "A background task failed."))?
    }
}
