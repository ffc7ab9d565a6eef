//! Playback engine tests: exact seeks, the clock, bad files.

mod engine;
mod fixtures;
mod seek;
