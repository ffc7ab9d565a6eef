//! Playback engine tests: exact seeks, the clock, bad files.
#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly by design

// A test binary: a panic (in a test or in its helpers) is a failed test with its message.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod engine;
mod fixtures;
mod formats;
mod index;
mod seek;
