//! Listens to the player on its own thread: forwards the clock to the window,
//! saves the position every few seconds and on pause, marks episodes played, and
//! turns problems into notices.

use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use earmark_core::store::Store;
use earmark_player::{ClockSnapshot, PlayerEvent};
use tauri::AppHandle;

use crate::events;
use crate::state::NowPlaying;

/// How often the position is saved while playing.
const SAVE_EVERY: Duration = Duration::from_secs(5);

/// Runs until the player is gone.
pub fn run(
    events_in: Receiver<PlayerEvent>,
    app: AppHandle,
    store: Arc<Mutex<Store>>,
    now: Arc<NowPlaying>,
) {
    let mut last_save = Instant::now();
    for event in events_in {
        match event {
            PlayerEvent::Clock(clock) => {
                if let Ok(mut last) = now.last_clock.lock() {
                    *last = Some(clock);
                }
                if let Ok(channel) = now.clock_channel.lock() {
                    if let Some(channel) = channel.as_ref() {
                        let _ = channel.send(clock);
                    }
                }
                if !clock.playing || last_save.elapsed() >= SAVE_EVERY {
                    save_position(&store, &now, clock);
                    last_save = Instant::now();
                }
            }
            PlayerEvent::Ended => {
                if let Some(clock) = now.last_clock.lock().ok().and_then(|c| *c) {
                    save_position(
                        &store,
                        &now,
                        ClockSnapshot {
                            media_ms: clock.duration_ms,
                            ..clock
                        },
                    );
                }
                events::ended(&app);
            }
            PlayerEvent::Problem(message) => events::notice(&app, "warning", &message),
        }
    }
}

/// Saves the position of the loaded episode (marking it played near its end).
pub fn save_position(store: &Mutex<Store>, now: &NowPlaying, clock: ClockSnapshot) {
    let Some(episode) = now.episode.lock().ok().and_then(|e| *e) else {
        return;
    };
    if let Ok(store) = store.lock() {
        if let Err(e) = store.set_position(episode, clock.media_ms) {
            eprintln!("earmark: could not save the position: {e}");
        }
    }
}
