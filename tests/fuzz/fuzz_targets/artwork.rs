//! Show and episode pictures, as a feed's artwork is decoded and scaled for the cache.
#![no_main]

use earmark_core::artwork::scaled;
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: earmark_fuzz::report_stack_overflows(), |data: &[u8]| {
    let _ = scaled(data, &[96]);
});
