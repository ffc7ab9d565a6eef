//! The playback engine: one named thread owns the decoder and the output, takes
//! [`Command`]s over a channel and reports through [`PlayerEvent`]s.

use std::num::NonZero;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::clock::{ClockSnapshot, StreamClock};
use crate::decode::MediaDecoder;
use crate::error::PlayerError;
use crate::media_info::MediaInfo;
use crate::output::{Output, OutputKind, OUTPUT_LATENCY_MS};
use crate::stream::{stream_pair, StreamFeed, StreamSource};

/// How often the clock is reported while playing.
const TICK: Duration = Duration::from_millis(100);
/// How long the engine sleeps when it has nothing to decode.
const IDLE_WAIT: Duration = Duration::from_millis(10);

/// What the engine tells the outside world.
#[derive(Debug, Clone, PartialEq)]
pub enum PlayerEvent {
    /// The position, ~10 times a second while playing and on every state change.
    Clock(ClockSnapshot),
    /// The episode played to its end.
    Ended,
    /// Something went wrong; the message is for the listener.
    Problem(String),
}

type Reply<T> = Sender<Result<T, PlayerError>>;

enum Command {
    Open(PathBuf, u64, Reply<MediaInfo>),
    Play(Reply<()>),
    PrepareOutput(Reply<()>),
    Pause,
    Seek(u64, Reply<()>),
    Volume(f32),
    Shutdown,
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
            .spawn(move || Engine::new(output, Box::new(on_event)).run(rx))
            .map_err(|_| PlayerError::EngineStopped)?;
        Ok(Self {
            commands: tx,
            thread: Some(thread),
        })
    }

    /// Opens a file, paused at `start_ms`.
    pub fn open(&self, path: PathBuf, start_ms: u64) -> Result<MediaInfo, PlayerError> {
        self.ask(|r| Command::Open(path, start_ms, r))
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

    fn ask<T>(&self, make: impl FnOnce(Reply<T>) -> Command) -> Result<T, PlayerError> {
        let (tx, rx) = mpsc::channel();
        self.commands
            .send(make(tx))
            .map_err(|_| PlayerError::EngineStopped)?;
        rx.recv().map_err(|_| PlayerError::EngineStopped)?
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

/// The open episode: its decoder and the stream currently feeding the output.
struct Current {
    decoder: MediaDecoder,
    feed: StreamFeed,
    /// The source, until it is handed to an output.
    detached: Option<StreamSource>,
    clock: StreamClock,
    pending: Vec<f32>,
    pending_from: usize,
    input_done: bool,
}

struct Engine {
    output_kind: OutputKind,
    output: Option<Output>,
    current: Option<Current>,
    playing: bool,
    volume: f32,
    on_event: Box<dyn Fn(PlayerEvent) + Send>,
    last_tick: Instant,
}

impl Engine {
    fn new(output_kind: OutputKind, on_event: Box<dyn Fn(PlayerEvent) + Send>) -> Self {
        Self {
            output_kind,
            output: None,
            current: None,
            playing: false,
            volume: 1.0,
            on_event,
            last_tick: Instant::now(),
        }
    }

    fn run(mut self, commands: Receiver<Command>) {
        loop {
            let wait = if self.needs_input() {
                Duration::ZERO
            } else {
                IDLE_WAIT
            };
            match commands.recv_timeout(wait) {
                Ok(Command::Shutdown) | Err(RecvTimeoutError::Disconnected) => break,
                Ok(command) => self.handle(command),
                Err(RecvTimeoutError::Timeout) => {}
            }
            self.fill();
            self.watch();
        }
        if let Some(current) = &self.current {
            current.feed.shared.stop();
        }
    }

    fn handle(&mut self, command: Command) {
        match command {
            Command::Open(path, start_ms, reply) => {
                let _ = reply.send(self.open(path, start_ms));
            }
            Command::Play(reply) => {
                let _ = reply.send(self.play());
            }
            Command::PrepareOutput(reply) => {
                let _ = reply.send(self.ensure_output());
                self.attach();
            }
            Command::Pause => self.set_playing(false),
            Command::Seek(ms, reply) => {
                let result = match self
                    .current
                    .as_ref()
                    .map(|c| c.decoder.info().frame_at_ms(ms))
                {
                    Some(frame) => self.start_stream_at(frame),
                    None => Ok(()),
                };
                let _ = reply.send(result);
                self.report();
            }
            Command::Volume(v) => {
                self.volume = v;
                if let Some(c) = &self.current {
                    c.feed.shared.set_volume(v);
                }
            }
            Command::Shutdown => {}
        }
    }

    fn open(&mut self, path: PathBuf, start_ms: u64) -> Result<MediaInfo, PlayerError> {
        self.set_playing(false);
        if let Some(old) = self.current.take() {
            old.feed.shared.stop();
        }
        let decoder = MediaDecoder::open(&path)?;
        let info = decoder.info().clone();
        let start = info.frame_at_ms(start_ms).min(info.frames);
        let (feed, source) = new_stream(&info, self.volume);
        self.current = Some(Current {
            decoder,
            feed,
            detached: Some(source),
            clock: StreamClock {
                base_frame: 0,
                consumed_at_resume: 0,
                latency_frames: info.frame_at_ms(OUTPUT_LATENCY_MS),
            },
            pending: Vec::new(),
            pending_from: 0,
            input_done: false,
        });
        self.start_stream_at(start)?;
        self.report();
        Ok(info)
    }

    /// Replaces the stream with a new one starting exactly at `frame`.
    fn start_stream_at(&mut self, frame: u64) -> Result<(), PlayerError> {
        let Some(current) = self.current.as_mut() else {
            return Ok(());
        };
        current.decoder.seek_to_frame(frame)?;
        current.feed.shared.stop();
        let (feed, source) = new_stream(current.decoder.info(), self.volume);
        current.feed = feed;
        current.detached = Some(source);
        current.clock.base_frame = frame;
        current.clock.consumed_at_resume = 0;
        current.pending.clear();
        current.pending_from = 0;
        current.input_done = false;
        // Prime the ring before the output sees the stream, so it starts without a gap.
        self.fill();
        self.attach();
        Ok(())
    }

    /// Hands a detached source to the output, if one is open.
    fn attach(&mut self) {
        let (Some(current), Some(output)) = (self.current.as_mut(), self.output.as_ref()) else {
            return;
        };
        if let Some(source) = current.detached.take() {
            current.feed.shared.set_paused(!self.playing);
            current.clock.consumed_at_resume = current.feed.shared.frames_consumed();
            output.mixer().add(source);
        }
    }

    fn play(&mut self) -> Result<(), PlayerError> {
        if self.current.is_none() {
            return Ok(());
        }
        self.ensure_output()?;
        let at_end = self
            .current
            .as_ref()
            .is_some_and(|c| c.input_done && c.feed.shared.drained());
        if at_end {
            self.start_stream_at(0)?;
        }
        self.set_playing(true);
        self.attach();
        Ok(())
    }

    fn ensure_output(&mut self) -> Result<(), PlayerError> {
        if self.output.is_none() {
            self.output = Some(Output::open(self.output_kind)?);
        }
        Ok(())
    }

    fn set_playing(&mut self, playing: bool) {
        if let Some(current) = self.current.as_mut() {
            if playing && !self.playing {
                current.clock.consumed_at_resume = current.feed.shared.frames_consumed();
            }
            current.feed.shared.set_paused(!playing);
        }
        let changed = self.playing != playing;
        self.playing = playing;
        if changed {
            self.report();
        }
    }

    fn needs_input(&self) -> bool {
        self.current
            .as_ref()
            .is_some_and(|c| !c.input_done && c.feed.free_slots() > 0)
    }

    /// Decodes into the ring until it is full or the file ends.
    fn fill(&mut self) {
        let Some(current) = self.current.as_mut() else {
            return;
        };
        while !current.input_done && current.feed.free_slots() > 0 {
            if current.pending_from < current.pending.len() {
                let pushed = current.feed.push(&current.pending[current.pending_from..]);
                current.pending_from += pushed;
                continue;
            }
            current.pending.clear();
            current.pending_from = 0;
            match current.decoder.decode_next(&mut current.pending) {
                Ok(true) => {}
                Ok(false) => {
                    current.input_done = true;
                    current.feed.shared.finish_input();
                }
                Err(e) => {
                    current.input_done = true;
                    current.feed.shared.finish_input();
                    (self.on_event)(PlayerEvent::Problem(e.to_string()));
                }
            }
        }
    }

    /// Notices the end of the file and a lost device; reports the clock.
    fn watch(&mut self) {
        if self.output.as_ref().is_some_and(Output::is_lost) {
            self.set_playing(false);
            let here = self.heard_frame();
            self.output = None;
            // The source went with the lost output: a new one waits, detached, at `here`.
            let _ = self.start_stream_at(here);
            (self.on_event)(PlayerEvent::Problem(
                "The audio output device was lost. Playback is paused.".into(),
            ));
        }
        let ended = self.playing
            && self
                .current
                .as_ref()
                .is_some_and(|c| c.input_done && c.feed.shared.drained());
        if ended {
            self.set_playing(false);
            (self.on_event)(PlayerEvent::Ended);
        }
        if self.playing && self.last_tick.elapsed() >= TICK {
            self.report();
        }
    }

    fn heard_frame(&self) -> u64 {
        self.current.as_ref().map_or(0, |c| {
            let consumed = c.feed.shared.frames_consumed();
            c.clock
                .heard_frame(consumed, self.playing)
                .min(c.decoder.info().frames)
        })
    }

    fn report(&mut self) {
        self.last_tick = Instant::now();
        let frame = self.heard_frame();
        let (media_ms, duration_ms) = self.current.as_ref().map_or((0, 0), |c| {
            let info = c.decoder.info();
            (info.ms_at_frame(frame), info.duration_ms)
        });
        (self.on_event)(PlayerEvent::Clock(ClockSnapshot {
            media_ms,
            rate: 1.0,
            playing: self.playing,
            duration_ms,
        }));
    }
}

fn new_stream(info: &MediaInfo, volume: f32) -> (StreamFeed, StreamSource) {
    let channels = NonZero::new(info.channels).unwrap_or(NonZero::<u16>::MIN);
    let rate = NonZero::new(info.sample_rate).unwrap_or(NonZero::<u32>::MIN);
    stream_pair(channels, rate, volume)
}
