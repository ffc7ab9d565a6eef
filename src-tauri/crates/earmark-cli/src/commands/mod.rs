//! One module per command area.

pub mod clip;
pub mod probe;
