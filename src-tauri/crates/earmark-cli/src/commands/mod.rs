//! One module per command area.

pub mod bench;
pub mod clip;
pub mod probe;
