//! What the shell keeps for the life of the app.

use std::sync::{Arc, Mutex};

use std::path::PathBuf;

use earmark_core::backup::LibraryLock;
use earmark_core::store::Store;
use earmark_player::Player;

use crate::error::IpcResult;
use crate::session::NowPlaying;
use crate::supervise;

/// Managed state: the library store, the player, and what is playing.
#[derive(Debug)]
pub struct AppState {
    /// The library database (one connection; used off the async workers).
    pub store: Arc<Mutex<Store>>,
    /// The playback engine.
    pub player: Player,
    /// The episode loaded in the player and the window's clock channel.
    pub now_playing: Arc<NowPlaying>,
    /// The data folder.
    pub data_dir: PathBuf,
    /// The lock on the data folder, held while the app runs so that a restore from
    /// the command line waits for it to close; `None` when another Earmark window
    /// held it at start.
    pub library_lock: Option<Arc<LibraryLock>>,
}

impl AppState {
    /// A library in `dir` and a player that needs no sound card, for tests.
    #[cfg(test)]
    pub fn for_tests(dir: &std::path::Path) -> Self {
        let output = earmark_player::OutputKind::NullFast {
            sample_rate: 44_100,
            channels: 1,
        };
        let store = Store::open_in_data_dir(dir).expect("a library for the test");
        AppState {
            store: Arc::new(Mutex::new(store)),
            player: Player::spawn(output, |_| {}).expect("a player for the test"),
            now_playing: Arc::new(NowPlaying::new(std::sync::mpsc::channel().0)),
            data_dir: dir.to_path_buf(),
            library_lock: LibraryLock::try_acquire(dir).ok().map(Arc::new),
        }
    }

    /// Runs `f` with the store on a blocking thread (SQLite is synchronous). A panic
    /// in `f` is an error for this request; the store stays usable for the next
    /// (see [`supervise::lock`]).
    pub async fn with_store<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store) -> IpcResult<T> + Send + 'static,
    ) -> IpcResult<T> {
        let store = Arc::clone(&self.store);
        supervise::blocking("That action", move || f(&supervise::lock(&store))).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_that_panics_leaves_the_library_usable() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = AppState::for_tests(dir.path());
        let failed = tauri::async_runtime::block_on(state.with_store::<()>(|store| {
            store.set_setting("test.key", &1)?;
            panic!("a bug after a write");
        }))
        .expect_err("the panic is this request's error");
        assert_eq!(failed.code, supervise::INTERNAL);
        assert!(state.store.is_poisoned(), "the panic held the library");
        let read = tauri::async_runtime::block_on(
            state.with_store(|store| Ok(store.setting::<i32>("test.key")?)),
        )
        .expect("the next request runs");
        assert_eq!(read, Some(1), "and reads what was written before the panic");
    }
}
