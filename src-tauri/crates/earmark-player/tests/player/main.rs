//! Playback engine tests: exact seeks, the clock, bad files.
#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly by design

mod engine;
mod fixtures;
mod seek;
