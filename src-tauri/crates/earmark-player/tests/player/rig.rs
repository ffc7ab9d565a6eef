//! A player on a [`Capture`] output: the test pulls the audio itself, as fast as it
//! likes, and reads the clock between pulls. Deterministic: asking for the clock tops
//! the decoded ring up (two seconds of media), and every pull stays well inside it.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use earmark_player::{Capture, ClockSnapshot, OutputKind, Player, PlayerEvent};

/// Longest pull between two clock readings, in output milliseconds: at 3× that is
/// 600 ms of media, far less than the ring holds.
const MAX_PULL_MS: u64 = 200;

/// A player whose output the test pulls.
pub struct Rig {
    pub player: Player,
    pub capture: Capture,
    pub events: mpsc::Receiver<PlayerEvent>,
    /// Everything pulled so far, when `keep` is set.
    pub captured: Vec<f32>,
    /// Output frames pulled so far.
    pub pulled_frames: u64,
    keep: bool,
    scratch: Vec<f32>,
}

impl Rig {
    /// A player on a capture output of this layout; `keep` records what is pulled.
    pub fn new(sample_rate: u32, channels: u16, keep: bool) -> Self {
        let capture = Capture::new(sample_rate, channels);
        let (tx, rx) = mpsc::channel();
        let player = Player::spawn(OutputKind::Capture(capture.clone()), move |e| {
            let _ = tx.send(e);
        })
        .expect("spawn engine");
        Self {
            player,
            capture,
            events: rx,
            captured: Vec::new(),
            pulled_frames: 0,
            keep,
            scratch: Vec::new(),
        }
    }

    /// The clock now (commands sent before have taken effect; the ring is full).
    pub fn clock(&self) -> ClockSnapshot {
        self.player.clock().expect("clock")
    }

    /// Pulls `ms` of output; returns the clock after it.
    pub fn pull_ms(&mut self, ms: u64) -> ClockSnapshot {
        let rate = u64::from(self.capture.sample_rate());
        self.pull_frames(ms * rate / 1000)
    }

    /// Pulls `frames` output frames; returns the clock after them.
    pub fn pull_frames(&mut self, mut frames: u64) -> ClockSnapshot {
        let rate = u64::from(self.capture.sample_rate());
        let channels = usize::from(self.capture.channels());
        while frames > 0 {
            let n = frames.min(MAX_PULL_MS * rate / 1000);
            self.clock();
            self.scratch.resize(n as usize * channels, 0.0);
            self.capture.pull(&mut self.scratch);
            if self.keep {
                self.captured.extend_from_slice(&self.scratch);
            }
            self.pulled_frames += n;
            frames -= n;
        }
        self.clock()
    }

    /// The samples of the last pull (at most 200 ms).
    pub fn last_pull(&self) -> &[f32] {
        &self.scratch
    }

    /// The last `frames` frames pulled (needs `keep`).
    pub fn last(&self, frames: usize) -> &[f32] {
        let n = (frames * usize::from(self.capture.channels())).min(self.captured.len());
        &self.captured[self.captured.len() - n..]
    }

    /// Waits for the first event matching `pred`.
    pub fn wait_event(&self, pred: impl Fn(&PlayerEvent) -> bool) -> PlayerEvent {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.events.recv_timeout(left) {
                Ok(e) if pred(&e) => return e,
                Ok(_) => {}
                Err(e) => panic!("the awaited event never came: {e}"),
            }
        }
    }
}
