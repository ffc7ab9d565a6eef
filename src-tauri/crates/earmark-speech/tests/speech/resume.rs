//! A transcription stopped after its first chunk goes on from the second.

use std::sync::atomic::{AtomicBool, Ordering};

use earmark_core::store::Store;
use earmark_speech::{transcribe, transcribe_resuming, ChunkJournal, Progress, StoreJournal};

use crate::fixtures::{heard_words, two_chunks, two_clips};

#[test]
fn a_restart_takes_the_kept_chunk_and_hears_only_the_rest() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (audio, second_at_ms) = two_clips(dir.path());
    let options = two_chunks(second_at_ms);
    let store = Store::open_in_memory().expect("a library");

    // The first run is stopped once its first chunk is heard.
    let cancel = AtomicBool::new(false);
    let mut journal = StoreJournal::new(&store, &audio, &options).expect("the file is there");
    let stopped = transcribe_resuming(&audio, &options, &mut journal, &cancel, &mut |_| {
        cancel.store(true, Ordering::Relaxed)
    })
    .expect("no error");
    assert!(stopped.is_none(), "cancelled");

    // The restart takes chunk 0 from the library and hears chunk 1 only.
    let never = AtomicBool::new(false);
    let mut journal = StoreJournal::new(&store, &audio, &options).expect("the file is there");
    let mut reports: Vec<Progress> = Vec::new();
    let resumed = transcribe_resuming(&audio, &options, &mut journal, &never, &mut |p| {
        reports.push(p)
    })
    .expect("no error")
    .expect("not cancelled");
    let last = reports.last().expect("progress");
    assert_eq!((last.chunks, last.resumed), (2, 1), "{reports:?}");
    assert_eq!(
        reports[0].left, None,
        "no pace yet after a resumed chunk only"
    );

    let whole = transcribe(&audio, &options, &never, &mut |_| {})
        .expect("no error")
        .expect("not cancelled");
    assert_eq!(
        resumed, whole,
        "the same transcript as one uninterrupted run"
    );
    assert_eq!(
        heard_words(&resumed)[..4],
        ["go", "forward", "ten", "meters"]
    );

    journal.forget();
    let mut journal = StoreJournal::new(&store, &audio, &options).expect("the file is there");
    assert!(
        journal.finished().is_empty(),
        "forgotten once the transcript is kept"
    );
}
