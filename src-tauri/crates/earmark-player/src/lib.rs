//! Earmark's playback engine: decoding with sample-exact seeks, the output, and the
//! media clock. It knows nothing of the library or the window.

mod clip;
mod clock;
mod decode;
mod engine;
mod error;
mod media_info;
mod mp3;
mod mp4_track;
mod output;
mod seek_index;
mod stream;

pub use clip::{clip, decode_all, probe};
pub use clock::ClockSnapshot;
pub use decode::{MediaDecoder, PREROLL_MS};
pub use engine::{Player, PlayerEvent};
pub use error::PlayerError;
pub use media_info::MediaInfo;
pub use output::{OutputKind, OUTPUT_LATENCY_MS};
pub use seek_index::SeekIndex;
