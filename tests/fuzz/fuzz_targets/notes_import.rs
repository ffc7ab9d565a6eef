//! Notes import: a JSON export read (`parse_export`) and, when it reads, imported into
//! a fresh library in memory, as `earmark-cli import-notes` does on a new machine.
#![no_main]

use earmark_core::export::{import_notes, parse_export};
use earmark_core::store::Store;
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: earmark_fuzz::report_stack_overflows(), |data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(document) = parse_export(text) else {
        return;
    };
    let Ok(store) = Store::open_in_memory() else {
        return;
    };
    let _ = import_notes(&store, &document);
});
