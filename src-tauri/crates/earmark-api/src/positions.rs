//! Which positions to save while an episode plays. The player does not say whose
//! audio a clock is of, so whoever loads audio sends [`SessionEvent::Loaded`] down
//! the same channel as the player's events, after the old audio's last clock and
//! before the new audio's first: each clock is attributed by its place in the
//! channel, never by what is loaded at the moment it is read.

use std::sync::mpsc::Receiver;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use earmark_core::store::{EpisodeId, Store};
use earmark_player::{ClockSnapshot, PlayerEvent};

use crate::error_report::ErrorReport;
use crate::job_failure::contained;
use crate::shared::lock;

/// What saving the position is called should it stop on an internal error.
const SAVING: &str = "Saving where you are";
/// How often the position is saved while playing.
const SAVE_EVERY: Duration = Duration::from_secs(5);

/// What the session hears about, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionEvent {
    /// Something the player reported.
    Player(PlayerEvent),
    /// From here on the player's events are about this episode's audio (`None`: no
    /// episode's; they are not saved anywhere).
    Loaded(Option<EpisodeId>),
}

/// Follows the events in order and says, for each one, what to save where.
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
    /// The position to save after `event`, if any: `(episode, media_ms)`; every few
    /// seconds while playing, on pause, and the episode's length at its end.
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

/// Follows `events` until the player and every loader are gone: saves positions in
/// `store` and hands every player event to `show`, in order, with an `Err` where a
/// position could not be saved (a bug saving one must not stop the clock).
pub fn follow(
    events: Receiver<SessionEvent>,
    store: &Mutex<Store>,
    mut show: impl FnMut(Result<PlayerEvent, ErrorReport>),
) {
    let mut keeper = PositionKeeper::default();
    for event in events {
        if let Some((episode, ms)) = keeper.follow(&event) {
            if let Err(e) = contained(SAVING, || save_position(store, episode, ms)) {
                show(Err(e));
            }
        }
        if let SessionEvent::Player(event) = event {
            show(Ok(event));
        }
    }
}

/// Saves an episode's position (marking it played near its end).
pub fn save_position(store: &Mutex<Store>, episode: EpisodeId, media_ms: u64) {
    if let Err(e) = lock(store).set_position(episode, media_ms) {
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
            volume: 1.0,
            underruns: 0,
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
    fn the_session_saves_positions_and_passes_the_player_s_events_on() {
        let store = crate::testing::library();
        let id = crate::testing::episode(&store, "episode", None);
        let store = Mutex::new(store);
        let (tx, rx) = std::sync::mpsc::channel();
        tx.send(SessionEvent::Loaded(Some(id))).expect("send");
        tx.send(clock(12_000, false)).expect("send");
        let lost = earmark_player::Problem::output_lost();
        tx.send(SessionEvent::Player(PlayerEvent::Problem(lost.clone())))
            .expect("send");
        drop(tx);
        let mut shown = Vec::new();
        follow(rx, &store, |heard| shown.push(heard));
        assert_eq!(lock(&store).episode(id).expect("read").position_ms, 12_000);
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert_eq!(shown[1], Ok(PlayerEvent::Problem(lost)));
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
