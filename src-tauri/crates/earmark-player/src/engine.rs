//! The playback engine: one named thread owns the decoder and the output, takes
//! [`Command`]s over a channel (from a [`crate::Player`]) and reports through
//! [`PlayerEvent`]s.

use std::num::NonZero;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crate::clock::{ClockSnapshot, StreamClock};
use crate::decode::MediaDecoder;
use crate::error::PlayerError;
use crate::media_info::MediaInfo;
use crate::output::{Output, OutputKind};
use crate::player::{Command, Opened, PlayerEvent};
use crate::problem::Problem;
use crate::seek_index::SeekIndex;
use crate::stream::{stream_pair, StreamFeed, StreamSettings, StreamSource};

/// How often the clock is reported while playing.
const TICK: Duration = Duration::from_millis(100);
/// How long the engine sleeps when it has nothing to decode.
const IDLE_WAIT: Duration = Duration::from_millis(10);
/// Stopped streams whose buffers the audio thread has not handed back yet are kept at
/// most this many (an output that is not pulled never hands them back).
const MAX_RETIRED: usize = 16;

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

/// The engine thread's state.
pub(crate) struct Engine {
    output_kind: OutputKind,
    output: Option<Output>,
    current: Option<Current>,
    /// Stopped streams waiting for the audio thread to hand their buffers back.
    retired: Vec<StreamFeed>,
    playing: bool,
    volume: f32,
    speed: f32,
    skip_silence: bool,
    /// Listening time saved in the open episode by streams already replaced, in frames.
    saved_frames: u64,
    /// Output underruns of the streams retired since the engine started.
    underruns: u64,
    on_event: Rc<dyn Fn(PlayerEvent)>,
    last_tick: Instant,
}

impl Engine {
    /// An engine that will play through `output_kind` and report to `on_event`.
    pub(crate) fn new(output_kind: OutputKind, on_event: Rc<dyn Fn(PlayerEvent)>) -> Self {
        Self {
            output_kind,
            output: None,
            current: None,
            retired: Vec::new(),
            playing: false,
            volume: 1.0,
            speed: 1.0,
            skip_silence: false,
            saved_frames: 0,
            underruns: 0,
            on_event,
            last_tick: Instant::now(),
        }
    }

    /// Serves commands until told to stop or the handle is dropped.
    pub(crate) fn run(mut self, commands: &Receiver<Command>) {
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
            self.retired.retain_mut(|feed| !feed.reclaim());
        }
        if let Some(current) = &self.current {
            current.feed.shared.stop();
        }
    }

    fn handle(&mut self, command: Command) {
        match command {
            Command::Open(path, start_ms, index, reply) => {
                let _ = reply.send(self.open(path, start_ms, index));
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
                self.report();
            }
            Command::Speed(speed) => {
                self.speed = speed;
                if let Some(c) = &self.current {
                    c.feed.shared.set_speed(speed);
                }
                self.report();
            }
            Command::SkipSilence(on) => {
                self.skip_silence = on;
                if let Some(c) = &self.current {
                    c.feed.shared.set_skip_silence(on);
                }
            }
            Command::Clock(reply) => {
                self.fill();
                let _ = reply.send(Ok(self.snapshot()));
            }
            Command::Shutdown => {}
            #[cfg(test)]
            Command::Panic => panic!("a bug in the engine"),
        }
    }

    fn open(
        &mut self,
        path: PathBuf,
        start_ms: u64,
        index: Option<SeekIndex>,
    ) -> Result<Opened, PlayerError> {
        self.set_playing(false);
        if let Some(old) = self.current.take() {
            self.retire(old.feed, old.detached);
        }
        self.saved_frames = 0;
        let (decoder, index) = MediaDecoder::open_with_index(&path, index)?;
        let info = decoder.info().clone();
        let start = info.frame_at_ms(start_ms).min(info.frames);
        let (feed, source) = new_stream(&info, self.settings())?;
        let latency_ms = self.output.as_ref().map_or(0, Output::latency_ms);
        self.current = Some(Current {
            decoder,
            feed,
            detached: Some(source),
            clock: StreamClock {
                base_frame: 0,
                played_at_resume: 0,
                latency_frames: info.frame_at_ms(latency_ms),
            },
            pending: Vec::new(),
            pending_from: 0,
            input_done: false,
        });
        self.start_stream_at(start)?;
        self.report();
        Ok(Opened { info, index })
    }

    fn settings(&self) -> StreamSettings {
        StreamSettings {
            volume: self.volume,
            speed: self.speed,
            skip_silence: self.skip_silence,
        }
    }

    /// Replaces the stream with a new one starting exactly at `frame`.
    fn start_stream_at(&mut self, frame: u64) -> Result<(), PlayerError> {
        let settings = self.settings();
        let Some(current) = self.current.as_mut() else {
            return Ok(());
        };
        current.decoder.seek_to_frame(frame)?;
        let (feed, source) = new_stream(current.decoder.info(), settings)?;
        let old_feed = std::mem::replace(&mut current.feed, feed);
        let old_source = current.detached.replace(source);
        current.clock.base_frame = frame;
        current.clock.played_at_resume = 0;
        current.pending.clear();
        current.pending_from = 0;
        current.input_done = false;
        self.retire(old_feed, old_source);
        // Prime the ring before the output sees the stream, so it starts without a gap.
        self.fill();
        self.attach();
        Ok(())
    }

    /// Stops a replaced stream. Its buffers come back from the audio thread later;
    /// one that never reached an output is dropped here and now.
    fn retire(&mut self, feed: StreamFeed, detached: Option<StreamSource>) {
        feed.shared.stop();
        self.saved_frames += feed.shared.frames_saved();
        self.underruns += feed.shared.underruns();
        if detached.is_some() || self.output.is_none() {
            return;
        }
        if self.retired.len() >= MAX_RETIRED {
            self.retired.remove(0);
        }
        self.retired.push(feed);
    }

    /// Hands a detached source to the output, if one is open.
    fn attach(&mut self) {
        let (Some(current), Some(output)) = (self.current.as_mut(), self.output.as_ref()) else {
            return;
        };
        if let Some(source) = current.detached.take() {
            current.feed.shared.set_paused(!self.playing);
            current.clock.played_at_resume = current.feed.shared.frames_played();
            current.clock.latency_frames = current.decoder.info().frame_at_ms(output.latency_ms());
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
            self.output = Some(Output::open(&self.output_kind)?);
        }
        Ok(())
    }

    fn set_playing(&mut self, playing: bool) {
        if let Some(current) = self.current.as_mut() {
            if playing && !self.playing {
                current.clock.played_at_resume = current.feed.shared.frames_played();
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
                    (self.on_event)(PlayerEvent::Problem(Problem::from(&e)));
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
            // The streams went with the lost output: a new one waits, detached, at `here`.
            self.retired.clear();
            let _ = self.start_stream_at(here);
            (self.on_event)(PlayerEvent::Problem(Problem::output_lost()));
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
            let played = c.feed.shared.frames_played();
            c.clock
                .heard_frame(played, self.playing, self.speed)
                .min(c.decoder.info().frames)
        })
    }

    fn snapshot(&self) -> ClockSnapshot {
        let frame = self.heard_frame();
        let (media_ms, duration_ms, saved_ms) = self.current.as_ref().map_or((0, 0, 0), |c| {
            let info = c.decoder.info();
            let saved = self.saved_frames + c.feed.shared.frames_saved();
            (
                info.ms_at_frame(frame),
                info.duration_ms,
                info.ms_at_frame(saved),
            )
        });
        let streaming = self
            .current
            .as_ref()
            .map_or(0, |c| c.feed.shared.underruns());
        ClockSnapshot {
            media_ms,
            rate: self.speed,
            playing: self.playing,
            duration_ms,
            saved_ms,
            volume: self.volume,
            underruns: self.underruns + streaming,
        }
    }

    fn report(&mut self) {
        self.last_tick = Instant::now();
        (self.on_event)(PlayerEvent::Clock(self.snapshot()));
    }
}

fn new_stream(
    info: &MediaInfo,
    settings: StreamSettings,
) -> Result<(StreamFeed, StreamSource), PlayerError> {
    let channels = NonZero::new(info.channels).unwrap_or(NonZero::<u16>::MIN);
    let rate = NonZero::new(info.sample_rate).unwrap_or(NonZero::<u32>::MIN);
    stream_pair(channels, rate, settings)
}
