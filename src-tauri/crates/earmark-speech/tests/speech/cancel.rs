//! Cancel stops the helper at once.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use earmark_speech::chunks::Chunk;
use earmark_speech::helper::{Helper, HelperSettings};
use earmark_speech::{transcribe, ChunkLimits};

use crate::fixtures::{clip, options, samples};

#[test]
fn cancelling_while_the_helper_works_kills_it() {
    let opts = options();
    let settings = HelperSettings {
        python: opts.transcriber.clone(),
        model: None,
        language: "en".into(),
        threads: 1,
    };
    let never = AtomicBool::new(false);
    let mut helper = Helper::start(&settings, &never)
        .expect("starts")
        .expect("not cancelled");
    let pid = helper.id();
    let proc_dir = Path::new("/proc").join(pid.to_string());
    assert!(proc_dir.exists(), "the helper runs");
    let chunk = Chunk {
        index: 0,
        offset: 0,
        samples: samples("sense-0870.flac"),
        lead_ms: 0,
    };
    let cancel = AtomicBool::new(true);
    let heard = helper.transcribe(&chunk, &cancel).expect("no error");
    assert!(heard.is_none(), "a cancelled chunk gives nothing");
    assert!(!proc_dir.exists(), "the helper {pid} was killed and reaped");
}

#[test]
fn cancelling_after_the_first_chunk_stops_the_transcription() {
    let mut opts = options();
    opts.chunks = ChunkLimits {
        min_ms: 500,
        max_ms: 1_000,
    };
    let cancel = AtomicBool::new(false);
    let mut told = 0;
    let result = transcribe(&clip("sense-0870.flac"), &opts, &cancel, &mut |_| {
        told += 1;
        cancel.store(true, Ordering::Relaxed);
    })
    .expect("no error");
    assert!(result.is_none(), "cancelled");
    assert_eq!(told, 1, "nothing is heard after the cancel");
}
