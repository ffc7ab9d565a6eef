//! The session thread ([`earmark_api::positions`]): saves positions, sends the
//! clock to the window's channel and turns problems into notices.

use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};

use earmark_api::positions::{follow, SessionEvent};
use earmark_api::shared::Listener;
use earmark_core::store::Store;
use earmark_player::{ClockSnapshot, PlayerEvent};
use tauri::AppHandle;

use crate::events;

/// The window's clock channel, once it subscribed.
pub type ClockChannel = Listener<ClockSnapshot>;

/// Runs until the player and every loader are gone.
pub fn run(
    events_in: Receiver<SessionEvent>,
    app: AppHandle,
    store: Arc<Mutex<Store>>,
    clock_channel: Arc<ClockChannel>,
) {
    follow(events_in, &store, |heard| match heard {
        Ok(PlayerEvent::Clock(clock)) => clock_channel.send(clock),
        Ok(PlayerEvent::Ended) => events::ended(&app),
        Ok(PlayerEvent::Problem(message)) => events::notice(&app, "warning", &message),
        Err(e) => events::notice(&app, "error", &e.message),
    });
}
