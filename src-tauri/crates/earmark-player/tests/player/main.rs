//! Playback engine tests: exact seeks, the clock, speed, skip silence, bad files.
// A test binary: a panic (in a test or in its helpers) is a failed test with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod adts;
mod damaged;
mod damaged_middle;
mod device_lost;
mod engine;
mod fixtures;
mod formats;
mod header_quirks;
mod index;
mod long_run;
mod lying_header;
mod mislabelled;
mod rig;
mod seek;
mod signals;
mod skip_silence;
mod speed;
mod truncated;
