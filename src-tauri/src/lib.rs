//! The Earmark desktop shell: state, command handlers and event forwarding.
//! Everything that matters lives in `earmark-core` and `earmark-player`.

mod align_job;
mod background;
mod commands;
mod download_queue;
mod drops;
mod error;
mod events;
mod feed_refresh;
mod library_jobs;
mod loaded_episode;
mod local_files;
mod open_dialog;
mod save_dialog;
mod seek_cache;
mod session;
mod state;
mod supervise;
mod transcript_attach;
mod webview;

use std::sync::{mpsc, Arc, Mutex};

use earmark_core::backup::LibraryLock;
use earmark_core::library::install_demo;
use earmark_core::panic_report::{install_panic_hook, PANIC_LOG_FILE};
use earmark_core::paths::default_data_dir;
use earmark_core::store::Store;
use earmark_player::{OutputKind, Player};
use tauri::{Manager, RunEvent};

use crate::library_jobs::LibraryJobs;
use crate::session::NowPlaying;
use crate::state::AppState;

/// Builds and runs the app until its window closes.
pub fn run() {
    // A panic anywhere is one line on stderr; the details go to the data folder.
    install_panic_hook(Some(default_data_dir().join(PANIC_LOG_FILE)));
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(drops::TranscriptDrops::default())
        .manage(align_job::AlignJobs::default())
        .on_window_event(drops::on_window_event)
        .setup(|app| {
            let state = start(app.handle().clone())?;
            let jobs = LibraryJobs::start(
                app.handle(),
                default_data_dir(),
                &supervise::lock(&state.store),
            );
            app.manage(state);
            app.manage(jobs);
            if let Some(window) = app.get_webview_window("main") {
                webview::configure(&window);
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::library::library_list,
            commands::library::episode_open,
            commands::library::episode_cover,
            commands::player::player_subscribe,
            commands::player::player_check_output,
            commands::player::player_play,
            commands::player::player_pause,
            commands::player::player_seek,
            commands::player::player_play_from,
            commands::player::player_volume,
            commands::player::player_speed,
            commands::player::player_skip_silence,
            commands::notes::annotations_list,
            commands::notes::note_add,
            commands::notes::note_update,
            commands::notes::note_delete,
            commands::notes::highlight_add,
            commands::notes::highlight_update,
            commands::notes::highlight_delete,
            commands::notes::earmark_add,
            commands::export::notes_export,
            commands::search::search,
            commands::search::notebook,
            commands::settings::settings_get,
            commands::settings::settings_set,
            commands::backup::library_backup,
            commands::backup::library_restore,
            commands::transcript::transcript_times,
            commands::transcript::transcript_pin,
            commands::transcript::transcript_unpin,
            commands::transcript::transcript_choose_file,
            commands::transcript::transcript_attach_dropped,
            commands::transcript::transcript_attach_bytes,
            commands::transcript_export::transcript_render,
            commands::transcript_export::transcript_export,
            commands::podcasts::library_podcasts,
            commands::podcasts::podcast_episodes,
            commands::podcasts::episode_chapters,
            commands::feeds::feed_subscribe,
            commands::feeds::feed_refresh,
            commands::feeds::opml_import,
            commands::feeds::opml_export,
            commands::downloads::downloads_subscribe,
            commands::downloads::download_start,
            commands::downloads::download_cancel,
            commands::downloads::downloads_clear,
            commands::downloads::download_delete,
            commands::local_files::local_files_add,
            commands::align::transcript_align,
            commands::align::transcript_align_cancel,
            commands::align::transcript_fix_drift,
            commands::align::transcript_nudge,
        ])
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(on_run_event),
        Err(e) => eprintln!("earmark: could not start: {e}"),
    }
}

/// Opens the library (installing the demo on first start) and starts the player.
fn start(app: tauri::AppHandle) -> Result<AppState, Box<dyn std::error::Error>> {
    let data_dir = default_data_dir();
    // Held for the life of the app: `earmark-cli restore` refuses while it is.
    let library_lock = LibraryLock::try_acquire(&data_dir).ok().map(Arc::new);
    let store = Store::open_in_data_dir(&data_dir)?;
    install_demo(&store, &data_dir)?;
    let store = Arc::new(Mutex::new(store));
    let (tx, rx) = mpsc::channel();
    let now_playing = Arc::new(NowPlaying::new(tx.clone()));
    let player = Player::spawn(OutputKind::Device, move |e| {
        let _ = tx.send(session::SessionEvent::Player(e));
    })?;
    commands::player::restore_playback(&supervise::lock(&store), &player);
    let (s, n) = (Arc::clone(&store), Arc::clone(&now_playing));
    std::thread::Builder::new()
        .name("earmark-session".into())
        .spawn(move || session::run(rx, app, s, n))?;
    Ok(AppState {
        store,
        player,
        now_playing,
        data_dir,
        library_lock,
    })
}

/// Saves where the user was when the app exits.
fn on_run_event(app: &tauri::AppHandle, event: RunEvent) {
    if let RunEvent::Exit = event {
        if let Some(state) = app.try_state::<AppState>() {
            let episode = loaded_episode::loaded(&state);
            if let (Some(episode), Ok(clock)) = (episode, state.player.clock()) {
                session::save_position(&state.store, episode, clock.media_ms);
            }
        }
    }
}
