//! earmark-speech on real recorded speech (tests/fixtures/speech) through the real
//! helper and model, as installed by tests/setup/install-system-deps.sh.

// Helpers here are test code too: a failed expect is a failed test with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cancel;
mod demo;
mod errors;
mod fixtures;
mod recognise;
mod refine;
mod resume;
