//! The handle on the playback engine: [`Player`] sends [`Command`]s to the engine thread
//! and waits for the answer where a command can fail.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use crate::clock::ClockSnapshot;
use crate::engine::Engine;
use crate::error::PlayerError;
use crate::media_info::MediaInfo;
use crate::output::OutputKind;
use crate::problem::Problem;
use crate::seek_index::SeekIndex;

/// Slowest playback speed.
pub const MIN_SPEED: f32 = 0.5;
/// Fastest playback speed.
pub const MAX_SPEED: f32 = 3.0;
/// Speeds go in steps of this much.
pub const SPEED_STEP: f32 = 0.05;

/// The nearest allowed speed: in `MIN_SPEED..=MAX_SPEED`, on a `SPEED_STEP` step
/// (anything not a number is normal speed).
pub fn snap_speed(speed: f32) -> f32 {
    if !speed.is_finite() {
        return 1.0;
    }
    let steps = (speed.clamp(MIN_SPEED, MAX_SPEED) / SPEED_STEP).round();
    // Multiply by 5 and divide by 100 so 1.05 comes out as the f32 nearest 1.05.
    steps * 5.0 / 100.0
}

/// What the engine tells the outside world.
#[derive(Debug, Clone, PartialEq)]
pub enum PlayerEvent {
    /// The position, ~10 times a second while playing and on every state change.
    Clock(ClockSnapshot),
    /// The episode played to its end.
    Ended,
    /// Something went wrong; the listener is told, by code.
    Problem(Problem),
}

/// A file the engine opened.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// What the file holds: codec, rate, channels and exact length.
    pub info: MediaInfo,
    /// The MP3 seek index in use (`None` for formats that seek through their own
    /// tables); worth caching when it differs from the one handed in.
    pub index: Option<SeekIndex>,
}

/// Where the engine sends the answer to a command that can fail.
pub(crate) type Reply<T> = Sender<Result<T, PlayerError>>;

/// What the engine thread is asked to do.
pub(crate) enum Command {
    /// Open a file, paused at a millisecond, reusing a cached seek index if given.
    Open(PathBuf, u64, Option<SeekIndex>, Reply<Opened>),
    /// Start or resume playback.
    Play(Reply<()>),
    /// Open the output device now.
    PrepareOutput(Reply<()>),
    /// Pause playback.
    Pause,
    /// Move to a millisecond.
    Seek(u64, Reply<()>),
    /// Set the linear volume.
    Volume(f32),
    /// Set the playback speed (already snapped).
    Speed(f32),
    /// Skip long silences or not.
    SkipSilence(bool),
    /// Report the clock now (after topping up the decoded audio).
    Clock(Reply<ClockSnapshot>),
    /// Stop the thread.
    Shutdown,
    /// Panic, as a bug in the engine would (tests of the restart).
    #[cfg(test)]
    Panic,
}

/// A handle to the engine thread. Dropping it stops the thread.
#[derive(Debug)]
pub struct Player {
    commands: Sender<Command>,
    thread: Option<JoinHandle<()>>,
}

impl Player {
    /// Starts the engine thread; `on_event` is called on that thread.
    pub fn spawn(
        output: OutputKind,
        on_event: impl Fn(PlayerEvent) + Send + 'static,
    ) -> Result<Self, PlayerError> {
        let (tx, rx) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("earmark-player".into())
            .spawn(move || serve(&output, Rc::new(on_event), &rx))
            .map_err(|_| PlayerError::EngineStopped)?;
        Ok(Self {
            commands: tx,
            thread: Some(thread),
        })
    }

    /// Opens a file, paused at `start_ms`.
    pub fn open(&self, path: PathBuf, start_ms: u64) -> Result<MediaInfo, PlayerError> {
        Ok(self.open_indexed(path, start_ms, None)?.info)
    }

    /// Opens a file like [`Player::open`], reusing `index` (an MP3 seek index cached
    /// from an earlier open) so the file need not be scanned again. A stale index is
    /// rebuilt. The answer carries the index in use, to be cached.
    pub fn open_indexed(
        &self,
        path: PathBuf,
        start_ms: u64,
        index: Option<SeekIndex>,
    ) -> Result<Opened, PlayerError> {
        self.ask(|r| Command::Open(path, start_ms, index, r))
    }

    /// Starts or resumes playback. Fails when no output device can be opened.
    pub fn play(&self) -> Result<(), PlayerError> {
        self.ask(Command::Play)
    }

    /// Opens the output device now, so a missing device is known before Play.
    pub fn prepare_output(&self) -> Result<(), PlayerError> {
        self.ask(Command::PrepareOutput)
    }

    /// Pauses playback.
    pub fn pause(&self) {
        let _ = self.commands.send(Command::Pause);
    }

    /// Moves to `ms`, exact to the sample; playing goes on playing.
    pub fn seek(&self, ms: u64) -> Result<(), PlayerError> {
        self.ask(|r| Command::Seek(ms, r))
    }

    /// Sets the linear volume, 0.0–1.0.
    pub fn set_volume(&self, volume: f32) {
        let _ = self.commands.send(Command::Volume(volume.clamp(0.0, 1.0)));
    }

    /// Sets the playback speed, pitch kept: snapped to 0.5–3.0 in steps of 0.05 (see
    /// [`snap_speed`]), heard within one 15 ms hop plus the output's buffer. Returns
    /// the speed in effect.
    pub fn set_speed(&self, speed: f32) -> f32 {
        let speed = snap_speed(speed);
        let _ = self.commands.send(Command::Speed(speed));
        speed
    }

    /// Skips silences longer than 150 ms (keeping 20 ms at each end), or stops.
    pub fn set_skip_silence(&self, on: bool) {
        let _ = self.commands.send(Command::SkipSilence(on));
    }

    /// The clock as of now. Commands sent before it have taken effect.
    pub fn clock(&self) -> Result<ClockSnapshot, PlayerError> {
        self.ask(Command::Clock)
    }

    fn ask<T>(&self, make: impl FnOnce(Reply<T>) -> Command) -> Result<T, PlayerError> {
        let (tx, rx) = mpsc::channel();
        self.commands
            .send(make(tx))
            .map_err(|_| PlayerError::EngineStopped)?;
        rx.recv().map_err(|_| PlayerError::EngineStopped)?
    }
}

/// Runs engines on this thread until told to stop: one that panics (a bug; decoders'
/// panics are contained where they happen) is replaced by a fresh one with nothing
/// open, and the listener told, so the app plays on instead of every later command
/// failing.
fn serve(output: &OutputKind, on_event: Rc<dyn Fn(PlayerEvent)>, commands: &Receiver<Command>) {
    loop {
        let engine = Engine::new(output.clone(), Rc::clone(&on_event));
        match catch_unwind(AssertUnwindSafe(|| engine.run(commands))) {
            Ok(()) => return,
            Err(_) => on_event(PlayerEvent::Problem(Problem::engine_restarted())),
        }
    }
}

impl Drop for Player {
    fn drop(&mut self) {
        let _ = self.commands.send(Command::Shutdown);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_engine_that_panics_is_started_again_and_the_listener_told() {
        let (events, heard) = mpsc::channel();
        let player = Player::spawn(OutputKind::NullRealtime, move |e| {
            let _ = events.send(e);
        })
        .unwrap();
        let asked = player.ask(|_reply: Reply<()>| Command::Panic);
        assert!(
            matches!(asked, Err(PlayerError::EngineStopped)),
            "{asked:?}"
        );
        let told = heard
            .iter()
            .find(|e| matches!(e, PlayerEvent::Problem(_)))
            .unwrap();
        assert_eq!(told, PlayerEvent::Problem(Problem::engine_restarted()));
        let clock = player.clock().expect("the new engine answers");
        assert!(!clock.playing);
        player.set_volume(0.5);
        assert_eq!(player.clock().unwrap().volume, 0.5);
    }

    #[test]
    fn speeds_snap_to_twentieths_within_range() {
        assert_eq!(snap_speed(1.0), 1.0);
        assert_eq!(snap_speed(1.26), 1.25);
        assert_eq!(snap_speed(1.05), 1.05);
        assert_eq!(snap_speed(0.1), 0.5);
        assert_eq!(snap_speed(9.0), 3.0);
        assert_eq!(snap_speed(f32::NAN), 1.0);
    }
}
