//! The MP4 track code: the sound track's edit list, the AAC config's channels, and a
//! last box cut short.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(init: earmark_fuzz::report_stack_overflows(), |data: &[u8]| {
    earmark_player::fuzz::mp4_track(data);
});
