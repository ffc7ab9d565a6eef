//! The ADTS frame walker: the scan at open, every packet, and seeks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(init: earmark_fuzz::report_stack_overflows(), |data: &[u8]| {
    earmark_player::fuzz::adts_frames(data);
});
