//! The Earmark desktop shell: state, command adapters and the window's edges. The
//! use-cases live in `earmark-api`, shared with the command line.

mod commands;
mod drops;
mod error;
mod events;
mod launch;
mod library_jobs;
mod open_dialog;
mod save_dialog;
mod session;
mod state;
mod webview;

use std::sync::{Arc, Mutex};

use earmark_api::align_jobs::AlignJobs;
use earmark_api::launch::LaunchQueue;
use earmark_api::now_playing::NowPlaying;
use earmark_core::backup::LibraryLock;
use earmark_core::library::install_demo;
use earmark_core::panic_report::{install_panic_hook, PANIC_LOG_FILE};
use earmark_core::paths::default_data_dir;
use earmark_core::store::Store;
use earmark_player::OutputKind;
use tauri::{Manager, RunEvent};

use crate::library_jobs::LibraryJobs;
use crate::session::ClockChannel;
use crate::state::AppState;

/// Builds and runs the app until its window closes.
pub fn run() {
    // A panic anywhere is one line on stderr; the details go to the data folder.
    install_panic_hook(Some(default_data_dir().join(PANIC_LOG_FILE)));
    let app = tauri::Builder::default()
        .plugin(launch::single_instance())
        .plugin(tauri_plugin_dialog::init())
        .manage(LaunchQueue::default())
        .manage(drops::TranscriptDrops::default())
        .manage(Arc::new(AlignJobs::default()))
        .on_window_event(drops::on_window_event)
        .setup(|app| {
            let state = start(app.handle().clone())?;
            let jobs = LibraryJobs::start(app.handle(), default_data_dir(), &state);
            app.manage(state);
            app.manage(jobs);
            if let Some(window) = app.get_webview_window("main") {
                webview::configure(&window);
            }
            let cwd = std::env::current_dir().unwrap_or_default();
            launch::hand_over(app.handle(), std::env::args().skip(1), &cwd);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::library::library_sidebar,
            commands::library::library_episode,
            commands::library::library_resume,
            commands::library::episode_open,
            commands::library::artwork,
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
            commands::settings::library_backup,
            commands::settings::library_restore,
            commands::transcript::transcript_times,
            commands::transcript::transcript_pin,
            commands::transcript::transcript_correct,
            commands::transcript::transcript_choose_file,
            commands::transcript::transcript_attach_dropped,
            commands::transcript::transcript_attach_bytes,
            commands::transcript::transcript_from_page,
            commands::export::transcript_render,
            commands::export::transcript_export,
            commands::library::library_podcasts,
            commands::library::podcast_episodes,
            commands::library::episode_chapters,
            commands::feeds::feed_subscribe,
            commands::feeds::feed_unsubscribe,
            commands::feeds::feed_refresh,
            commands::feeds::directory_search,
            commands::feeds::directory_artwork,
            commands::feeds::opml_import,
            commands::feeds::opml_export,
            commands::downloads::downloads_subscribe,
            commands::downloads::download_start,
            commands::downloads::download_cancel,
            commands::downloads::downloads_clear,
            commands::downloads::download_delete,
            commands::local_files::local_files_add,
            commands::align::transcript_align,
            commands::align::transcript_transcribe,
            commands::align::transcript_align_cancel,
            commands::align::transcript_fix_drift,
            commands::align::transcript_nudge,
            launch::launch_take,
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
    let (now_playing, events) = NowPlaying::start(Arc::clone(&store), OutputKind::Device)?;
    let now_playing = Arc::new(now_playing);
    let clock = Arc::new(ClockChannel::default());
    let media = session::media_controls(&app, &now_playing, &store, &data_dir);
    let (s, c) = (Arc::clone(&store), Arc::clone(&clock));
    std::thread::Builder::new()
        .name("earmark-session".into())
        .spawn(move || session::run(events, app, s, (c, media)))?;
    Ok(AppState {
        store,
        now_playing,
        clock,
        data_dir,
        library_lock,
    })
}

/// Saves where the user was when the app exits.
fn on_run_event(app: &tauri::AppHandle, event: RunEvent) {
    if let RunEvent::Exit = event {
        if let Some(state) = app.try_state::<AppState>() {
            state.now_playing.save_position_now();
        }
    }
}
