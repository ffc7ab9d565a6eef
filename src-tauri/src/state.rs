//! What the shell keeps for the life of the app.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use earmark_api::now_playing::NowPlaying;
use earmark_core::backup::LibraryLock;
use earmark_core::store::Store;

use crate::error::{IpcError, IpcResult};
use crate::session::ClockChannel;
use earmark_api::shared::lock;
use earmark_api::supervise::blocking;

/// Managed state: the library store, the player, and what is playing.
#[derive(Debug)]
pub struct AppState {
    /// The library database (one connection; used off the async workers).
    pub store: Arc<Mutex<Store>>,
    /// The player and the episode in it.
    pub now_playing: Arc<NowPlaying>,
    /// The window's clock channel.
    pub clock: Arc<ClockChannel>,
    /// The data folder.
    pub data_dir: PathBuf,
    /// The data folder's lock, held while the app runs (a restore from the command
    /// line waits for it); `None` when another Earmark window held it at start.
    pub library_lock: Option<Arc<LibraryLock>>,
}

impl AppState {
    /// Runs `f` with the store on a blocking thread (SQLite is synchronous). A panic
    /// in `f` fails this request only (see [`lock`]).
    pub async fn with_store<T: Send + 'static, E: Into<IpcError>>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, E> + Send + 'static,
    ) -> IpcResult<T> {
        self.with_library(move |store| f(&lock(store))).await
    }

    /// [`AppState::with_store`] for work that holds the store only now and then (a
    /// long parse, a scan of the audio): `f` gets the store's lock.
    pub async fn with_library<T: Send + 'static, E: Into<IpcError>>(
        &self,
        f: impl FnOnce(&Mutex<Store>) -> Result<T, E> + Send + 'static,
    ) -> IpcResult<T> {
        let store = Arc::clone(&self.store);
        blocking("That action", move || f(&store).map_err(Into::into)).await
    }

    /// Runs `f` with the player on a blocking thread, as [`AppState::with_store`].
    pub async fn with_player<T: Send + 'static, E: Into<IpcError>>(
        &self,
        f: impl FnOnce(&NowPlaying) -> Result<T, E> + Send + 'static,
    ) -> IpcResult<T> {
        let now_playing = Arc::clone(&self.now_playing);
        blocking("That action", move || f(&now_playing).map_err(Into::into)).await
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    /// A library in `dir` and a player that needs no sound card, for tests.
    fn for_tests(dir: &std::path::Path) -> AppState {
        let output = earmark_player::OutputKind::NullFast {
            sample_rate: 44_100,
            channels: 1,
        };
        let store = Store::open_in_data_dir(dir).expect("a library for the test");
        let store = Arc::new(Mutex::new(store));
        let (now_playing, _) =
            NowPlaying::start(Arc::clone(&store), output).expect("a player for the test");
        AppState {
            store,
            now_playing: Arc::new(now_playing),
            clock: Arc::default(),
            data_dir: dir.to_path_buf(),
            library_lock: LibraryLock::try_acquire(dir).ok().map(Arc::new),
        }
    }

    #[test]
    fn a_request_that_panics_leaves_the_library_usable() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = for_tests(dir.path());
        let failed = tauri::async_runtime::block_on(state.with_store::<(), IpcError>(|store| {
            store.set_setting("test.key", &1)?;
            panic!("a bug after a write");
        }))
        .expect_err("the panic is this request's error");
        assert_eq!(failed.code, earmark_api::job_failure::INTERNAL);
        assert!(state.store.is_poisoned(), "the panic held the library");
        let read = tauri::async_runtime::block_on(
            state.with_store(|store| store.setting::<i32>("test.key")),
        )
        .expect("the next request runs");
        assert_eq!(read, Some(1), "and reads what was written before the panic");
    }
}
