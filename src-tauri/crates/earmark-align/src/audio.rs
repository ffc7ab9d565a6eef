//! What the aligner needs from the episode's audio, measured in one pass as it is
//! decoded: its MFCC features, its loudness and its pauses, and where PocketSphinx
//! is installed the acoustic model's cepstra ([`earmark_sphinx::front`]).
//!
//! The caller decodes (core has no audio decoding) and pushes interleaved samples
//! in pieces of any size to an [`AudioAnalyzer`]; nothing but the features and
//! the loudness levels is kept, so memory stays small whatever the length.

use super::features::{Features, MfccExtractor};
use crate::downmix::Downmix;
use crate::loudness::{find_pauses, Loudness, LoudnessMeter};
use earmark_core::transcript::Pause;
use earmark_sphinx::{Cepstra, CepstrumFront};

/// The episode's audio as the aligner sees it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AudioFeatures {
    /// MFCC features, one frame per [`super::HOP_MS`].
    pub features: Features,
    /// The loudness, one level per 10 ms (see [`earmark_core::transcript::pauses`]).
    pub loudness: Loudness,
    /// The quiet stretches found from it.
    pub pauses: Vec<Pause>,
    /// The length of the audio, in milliseconds.
    pub duration_ms: u64,
    /// The acoustic model's cepstra, for checking placed lines; empty without
    /// the model.
    pub cepstra: Cepstra,
}

/// Measures [`AudioFeatures`] from interleaved samples pushed in pieces.
#[derive(Debug)]
pub struct AudioAnalyzer {
    downmix: Downmix,
    sample_rate: u32,
    frames: u64,
    mfcc: MfccExtractor,
    loudness: LoudnessMeter,
    cepstra: Option<CepstrumFront>,
    mono: Vec<f32>,
}

impl AudioAnalyzer {
    /// An analyzer for audio at `sample_rate` frames per second with `channels`
    /// interleaved channels (downmixed to mono for the features), with the
    /// acoustic model's cepstra where it is installed.
    pub fn new(sample_rate: u32, channels: u16) -> Self {
        AudioAnalyzer {
            cepstra: CepstrumFront::new(sample_rate),
            ..Self::without_cepstra(sample_rate, channels)
        }
    }

    /// An analyzer that leaves the cepstra out (for pauses and features alone).
    pub fn without_cepstra(sample_rate: u32, channels: u16) -> Self {
        AudioAnalyzer {
            downmix: Downmix::new(channels),
            sample_rate: sample_rate.max(1),
            frames: 0,
            mfcc: MfccExtractor::new(sample_rate),
            loudness: LoudnessMeter::new(sample_rate, 1),
            cepstra: None,
            mono: Vec::new(),
        }
    }

    /// Adds the next interleaved samples.
    pub fn push(&mut self, samples: &[f32]) {
        self.mono.clear();
        self.downmix.push(samples, &mut self.mono);
        self.frames += self.mono.len() as u64;
        self.mfcc.push(&self.mono);
        self.loudness.push(&self.mono);
        if let Some(front) = &mut self.cepstra {
            front.push(&self.mono);
        }
    }

    /// The features and pauses of everything pushed.
    pub fn finish(self) -> AudioFeatures {
        let loudness = self.loudness.finish();
        AudioFeatures {
            features: self.mfcc.finish(),
            pauses: find_pauses(&loudness),
            loudness,
            duration_ms: self.frames * 1000 / u64::from(self.sample_rate),
            cepstra: self.cepstra.map(CepstrumFront::finish).unwrap_or_default(),
        }
    }
}

impl AudioFeatures {
    /// The features and pauses of mono `samples` at `sample_rate`, all at once.
    pub fn from_mono(samples: &[f32], sample_rate: u32) -> Self {
        let mut analyzer = AudioAnalyzer::new(sample_rate, 1);
        analyzer.push(samples);
        analyzer.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stereo_in_odd_pieces_equals_mono() {
        let mono: Vec<f32> = (0..16_000)
            .map(|n| ((n % 40) as f32 / 40.0) - 0.5)
            .collect();
        let stereo: Vec<f32> = mono.iter().flat_map(|&s| [s, s]).collect();
        let mut analyzer = AudioAnalyzer::new(16_000, 2);
        for piece in stereo.chunks(333) {
            analyzer.push(piece);
        }
        let from_stereo = analyzer.finish();
        let from_mono = AudioFeatures::from_mono(&mono, 16_000);
        assert_eq!(from_stereo.duration_ms, 1_000);
        assert_eq!(
            from_stereo, from_mono,
            "downmixing in pieces changes nothing"
        );
    }
}
