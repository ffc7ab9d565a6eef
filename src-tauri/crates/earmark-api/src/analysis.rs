//! The one decode-and-analyse loop: an episode's audio decoded once, straight
//! through, each block of samples handed to an analysis and then dropped, so memory
//! stays small whatever the length. The aligner's features and the pause finder's
//! loudness are both measured this way.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use earmark_align::loudness::{find_pauses, LoudnessMeter};
use earmark_align::{AudioAnalyzer, AudioFeatures};
use earmark_core::transcript::Pause;
use earmark_player::{MediaDecoder, MediaInfo, PlayerError};

/// The smallest change of the decoded fraction reported to `progress`.
const PROGRESS_STEP: f32 = 0.01;

/// Something measured over decoded samples (interleaved, in the file's channels).
pub trait Analysis {
    /// Takes the next block of samples.
    fn push(&mut self, samples: &[f32]);
}

impl Analysis for AudioAnalyzer {
    fn push(&mut self, samples: &[f32]) {
        AudioAnalyzer::push(self, samples);
    }
}

impl Analysis for LoudnessMeter {
    fn push(&mut self, samples: &[f32]) {
        LoudnessMeter::push(self, samples);
    }
}

/// Decodes `audio` once into the analysis `make` builds for it. `progress` gets the
/// fraction decoded (in steps of at least a percent); `None` when `cancel` was set.
pub fn analyse<A: Analysis>(
    audio: &Path,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(f32),
    make: impl FnOnce(&MediaInfo) -> A,
) -> Result<Option<A>, PlayerError> {
    let mut decoder = MediaDecoder::open(audio)?;
    let info = decoder.info().clone();
    let total = (info.frames * u64::from(info.channels)).max(1) as f32;
    let mut analysis = make(&info);
    let mut samples = Vec::with_capacity(8192);
    let mut decoded = 0u64;
    let mut reported = 0.0;
    while decoder.decode_next(&mut samples)? {
        if cancel.load(Ordering::Relaxed) {
            return Ok(None);
        }
        decoded += samples.len() as u64;
        analysis.push(&samples);
        samples.clear();
        let done = decoded as f32 / total;
        if done - reported >= PROGRESS_STEP {
            progress(done);
            reported = done;
        }
    }
    analysis.push(&samples);
    Ok(Some(analysis))
}

/// What the aligner needs of `audio` (see [`analyse`]); `None` when cancelled.
pub fn features(
    audio: &Path,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(f32),
) -> Result<Option<AudioFeatures>, PlayerError> {
    let analyzer = analyse(audio, cancel, progress, |info| {
        AudioAnalyzer::new(info.sample_rate, info.channels)
    })?;
    Ok(analyzer.map(AudioAnalyzer::finish))
}

/// The pauses in `audio`, for estimating an untimed transcript's times.
pub fn pauses(audio: &Path) -> Result<Vec<Pause>, PlayerError> {
    let never = AtomicBool::new(false);
    let meter = analyse(audio, &never, &mut |_| {}, |info| {
        LoudnessMeter::new(info.sample_rate, info.channels)
    })?;
    Ok(meter.map(|m| find_pauses(&m.finish())).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../assets/demo/demo.mp3")
    }

    #[test]
    fn decoding_stops_when_cancelled_and_reports_progress() {
        let cancel = AtomicBool::new(true);
        let analyzed = features(&demo(), &cancel, &mut |_| {}).expect("the demo decodes");
        assert!(analyzed.is_none(), "a cancelled decode gives nothing");
        let go = AtomicBool::new(false);
        let mut last = 0.0;
        let features = features(&demo(), &go, &mut |done| last = done)
            .expect("the demo decodes")
            .expect("not cancelled");
        assert_eq!(features.duration_ms, 176_267, "the demo's exact length");
        assert!(last > 0.95, "progress reaches the end: {last}");
    }

    #[test]
    fn the_demo_has_pauses_between_its_sentences() {
        let found = pauses(&demo()).expect("the demo decodes");
        assert!(found.len() > 10, "{} pauses", found.len());
        assert!(found.windows(2).all(|w| w[0].start_ms < w[1].start_ms));
    }
}
