//! Aligning an untimed transcript to its episode's audio, offline: every segment
//! gets a start, an end and a confidence, and stretches where text and audio do
//! not match are flagged rather than forced.
//!
//! The method is aeneas': speak the text with a synthetic voice (espeak-ng, run as
//! a program: see [`synth`] for this runtime dependency), describe both the
//! episode and the synthetic speech by MFCC features ([`features`]), and find the
//! cheapest monotone pairing of their frames by dynamic time warping ([`dtw`]),
//! coarse to fine ([`multiscale`]). [`verify`] then judges each segment on its
//! own (is it spoken, and where?) and the warp runs again, passing the text the
//! audio lacks and waiting through audio no text matched for nothing ([`free`]). Boundaries
//! are then snapped to the audio's pauses ([`snap`]), and each segment's words
//! are placed inside it ([`words`]); [`mismatch`] scores every segment and finds audio no text
//! was matched to. Where the language has an acoustic model (English, with
//! PocketSphinx installed: [`earmark_sphinx`]), each placed segment is checked against it
//! and flagged when its words are not heard there. [`align`] runs it all, with progress and cancellation; pins
//! the user set are fixed points it keeps. [`drift`] uses an alignment to find
//! and correct the offsets of a timed transcript whose audio gained an ad.
//!
//! Core does no audio decoding: the caller decodes and feeds an
//! [`AudioAnalyzer`], which keeps only the features and pauses (about 20 MB for a
//! two-hour episode).

mod acoustic;
mod audio;
mod choice;
pub mod downmix;
pub mod drift;
pub mod dtw;
mod error;
pub mod features;
pub mod free;
pub mod loudness;
pub mod mismatch;
pub mod multiscale;
pub mod paragraphs;
mod run;
mod slide;
pub mod snap;
pub mod synth;
pub mod verify;
pub mod words;

pub use audio::{AudioAnalyzer, AudioFeatures};
pub use drift::{fix_drift, nudge, DriftError, DriftFix, DriftReport, DriftStep};
pub use error::AlignError;
pub use features::HOP_MS;
pub use mismatch::{flagged_indexes, Stretch};
pub use paragraphs::{flag_far_from_paragraphs, PARAGRAPH_TOLERANCE_MS};
pub use run::{align, AlignOptions, AlignProgress, AlignStage, AlignedSegment, Alignment};
pub use synth::Voice;
