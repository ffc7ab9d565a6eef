//! Earmark's playback engine: decoding with sample-exact seeks, pitch-preserving speed,
//! skipping silence, the output, and the media clock. It knows nothing of the library
//! or the window.

mod aac_config;
mod adts;
mod aiff_sound;
mod capture;
mod clip;
mod clock;
mod codecs;
mod decode;
mod engine;
mod error;
mod flac_blocks;
#[doc(hidden)]
pub mod fuzz;
mod guard;
mod iff_chunks;
mod media_info;
mod mp3;
mod mp4_cut;
mod mp4_track;
mod output;
mod patch;
mod player;
mod probe;
mod problem;
mod seek_index;
mod silence;
mod skip_log;
mod sniff;
mod stream;
mod stretch;
mod wav_cut;

pub use capture::Capture;
pub use clip::{check_playable, clip, decode_all, probe};
pub use clock::ClockSnapshot;
pub use decode::{MediaDecoder, PREROLL_MS};
pub use error::PlayerError;
pub use media_info::MediaInfo;
pub use output::{OutputKind, OUTPUT_LATENCY_MS};
pub use player::{snap_speed, Opened, Player, PlayerEvent, MAX_SPEED, MIN_SPEED, SPEED_STEP};
pub use problem::Problem;
pub use seek_index::SeekIndex;
pub use silence::{MIN_SILENCE_MS, PAD_MS, SILENCE_DBFS};
pub use stretch::{stretch_all, STRETCH_SEARCH_MS};
