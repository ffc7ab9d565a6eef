//! The session thread ([`earmark_api::positions`]): saves positions, sends the
//! clock to the window's channel and turns problems into notices.

use std::path::Path;
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};

use earmark_api::now_playing::NowPlaying;
use earmark_api::positions::{follow, SessionEvent};
use earmark_api::shared::Listener;
use earmark_core::store::Store;
use earmark_mpris::{MediaControls, Raise};
use earmark_player::{ClockSnapshot, PlayerEvent};
use tauri::AppHandle;

use crate::{events, launch};

/// The window's clock channel, once it subscribed.
pub type ClockChannel = Listener<ClockSnapshot>;

/// The desktop's media controls over `now` (MPRIS, [`earmark_mpris`]).
pub fn media_controls(
    app: &AppHandle,
    now: &Arc<NowPlaying>,
    store: &Arc<Mutex<Store>>,
    data_dir: &Path,
) -> MediaControls {
    let app = app.clone();
    let raise = Raise(Box::new(move || launch::raise(&app)));
    MediaControls::start(
        Arc::clone(now),
        Arc::clone(store),
        data_dir.to_path_buf(),
        raise,
    )
}

/// Runs until the player and every loader are gone; the clock goes to the window's
/// channel and the media controls.
pub fn run(
    events_in: Receiver<SessionEvent>,
    app: AppHandle,
    store: Arc<Mutex<Store>>,
    (clock_channel, media): (Arc<ClockChannel>, MediaControls),
) {
    follow(events_in, &store, |heard| match heard {
        Ok(PlayerEvent::Clock(clock)) => {
            clock_channel.send(clock);
            media.clock(clock);
        }
        Ok(PlayerEvent::Ended) => events::ended(&app),
        Ok(PlayerEvent::Problem(p)) => events::report_notice(&app, "warning", &p.into()),
        Err(e) => events::report_notice(&app, "error", &e),
    });
}
