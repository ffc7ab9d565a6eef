//! Listens to the player on its own thread: forwards the clock to the window,
//! saves the position every few seconds and on pause, marks episodes played, and
//! turns problems into notices.
//!
//! The position is saved on the episode whose audio the clock came from. The player
//! does not say which that is, so whoever loads audio sends [`SessionEvent::Loaded`]
//! down the same channel as the player's events, after the old audio's last clock and
//! before the new audio's first: the session attributes each clock by its place in
//! the channel, never by what is loaded at the moment it reads it.

use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use earmark_core::store::{EpisodeId, Store};
use earmark_player::{ClockSnapshot, PlayerEvent};
use tauri::ipc::Channel;
use tauri::AppHandle;

use crate::events;
use crate::supervise;

/// The episode in the player, who listens to the clock, and the way to tell the
/// session thread which episode the player's events are about.
pub struct NowPlaying {
    /// The episode whose audio is in the player (see `loaded_episode`).
    pub episode: Mutex<Option<EpisodeId>>,
    /// The window's clock channel.
    pub clock_channel: Mutex<Option<Channel<ClockSnapshot>>>,
    /// The session thread's channel, shared with the player's events.
    pub session: Sender<SessionEvent>,
    /// Held while the player's audio is being switched, one switch at a time.
    pub switching: tokio::sync::Mutex<()>,
}

impl NowPlaying {
    /// Nothing loaded yet; `session` is the session thread's channel.
    pub fn new(session: Sender<SessionEvent>) -> Self {
        Self {
            episode: Mutex::new(None),
            clock_channel: Mutex::new(None),
            session,
            switching: tokio::sync::Mutex::new(()),
        }
    }
}

impl std::fmt::Debug for NowPlaying {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NowPlaying")
            .field("episode", &self.episode)
            .finish_non_exhaustive()
    }
}

/// What saving the position is called should it stop on an internal error.
const SAVING: &str = "Saving where you are";
/// How often the position is saved while playing.
const SAVE_EVERY: Duration = Duration::from_secs(5);

/// What the session thread hears about, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionEvent {
    /// Something the player reported.
    Player(PlayerEvent),
    /// From here on the player's events are about this episode's audio (`None`: no
    /// episode's; they are not saved anywhere).
    Loaded(Option<EpisodeId>),
}

/// Which positions to save: follows the events in order and says, for each one, what
/// to write where.
#[derive(Debug)]
pub struct PositionKeeper {
    loaded: Option<EpisodeId>,
    last_save: Instant,
    last_clock: Option<ClockSnapshot>,
}

impl Default for PositionKeeper {
    fn default() -> Self {
        Self {
            loaded: None,
            last_save: Instant::now(),
            last_clock: None,
        }
    }
}

impl PositionKeeper {
    /// The position to save after `event`, if any: `(episode, media_ms)`.
    pub fn follow(&mut self, event: &SessionEvent) -> Option<(EpisodeId, u64)> {
        match event {
            SessionEvent::Loaded(episode) => {
                self.loaded = *episode;
                self.last_clock = None;
                None
            }
            SessionEvent::Player(PlayerEvent::Clock(clock)) => {
                self.last_clock = Some(*clock);
                if clock.playing && self.last_save.elapsed() < SAVE_EVERY {
                    return None;
                }
                self.last_save = Instant::now();
                self.loaded.map(|episode| (episode, clock.media_ms))
            }
            SessionEvent::Player(PlayerEvent::Ended) => {
                let clock = self.last_clock?;
                self.loaded.map(|episode| (episode, clock.duration_ms))
            }
            SessionEvent::Player(PlayerEvent::Problem(_)) => None,
        }
    }
}

/// Runs until the player and every loader are gone.
pub fn run(
    events_in: Receiver<SessionEvent>,
    app: AppHandle,
    store: Arc<Mutex<Store>>,
    now: Arc<NowPlaying>,
) {
    let mut keeper = PositionKeeper::default();
    for event in events_in {
        if let Some((episode, ms)) = keeper.follow(&event) {
            // A bug saving one position must not stop the clock reaching the window.
            if let Err(e) = supervise::contained(SAVING, || save_position(&store, episode, ms)) {
                events::notice(&app, "error", &e.message);
            }
        }
        let SessionEvent::Player(event) = event else {
            continue;
        };
        match event {
            PlayerEvent::Clock(clock) => {
                if let Some(channel) = supervise::lock(&now.clock_channel).as_ref() {
                    let _ = channel.send(clock);
                }
            }
            PlayerEvent::Ended => events::ended(&app),
            PlayerEvent::Problem(message) => events::notice(&app, "warning", &message),
        }
    }
}

/// Saves an episode's position (marking it played near its end).
pub fn save_position(store: &Mutex<Store>, episode: EpisodeId, media_ms: u64) {
    if let Err(e) = supervise::lock(store).set_position(episode, media_ms) {
        eprintln!("earmark: could not save the position: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(media_ms: u64, playing: bool) -> SessionEvent {
        SessionEvent::Player(PlayerEvent::Clock(ClockSnapshot {
            media_ms,
            rate: 1.0,
            playing,
            duration_ms: 60_000,
            saved_ms: 0,
        }))
    }

    #[test]
    fn a_clock_is_saved_on_the_episode_loaded_when_it_was_sent() {
        let (a, b): (EpisodeId, EpisodeId) = (1, 2);
        let mut keeper = PositionKeeper::default();
        let saves: Vec<_> = [
            SessionEvent::Loaded(Some(a)),
            clock(10_000, false),
            clock(12_000, true),
            // Switching: the old audio's pause, then the marker, then the new audio.
            clock(41_000, false),
            SessionEvent::Loaded(None),
            clock(5_000, false),
            SessionEvent::Loaded(Some(b)),
            clock(5_000, false),
        ]
        .iter()
        .filter_map(|e| keeper.follow(e))
        .collect();
        assert_eq!(
            saves,
            vec![(a, 10_000), (a, 41_000), (b, 5_000)],
            "each position lands on its own episode"
        );
    }

    #[test]
    fn the_end_is_saved_on_the_episode_that_ended() {
        let a: EpisodeId = 7;
        let mut keeper = PositionKeeper::default();
        keeper.follow(&SessionEvent::Loaded(Some(a)));
        keeper.follow(&clock(59_900, true));
        assert_eq!(
            keeper.follow(&SessionEvent::Player(PlayerEvent::Ended)),
            Some((a, 60_000)),
            "an episode played to its end is saved at its length"
        );
    }
}
