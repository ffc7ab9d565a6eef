//! Resuming a transcription after a restart: each chunk is kept as it is heard, and
//! a later run takes the kept chunks instead of hearing them again.
//!
//! Chunks are cut the same way every time from the same audio and limits
//! ([`crate::chunks`]), so chunk `i` of a later run is chunk `i` of the earlier one;
//! a kept chunk is used only while its end matches the new cut, and the rest is heard
//! again.

use std::path::Path;

use earmark_core::store::{FileKey, FinishedChunk, Store};

use crate::TranscribeOptions;

/// Where finished chunks are kept for a restart.
pub trait ChunkJournal {
    /// The chunks finished before, in order from chunk 0.
    fn finished(&mut self) -> Vec<FinishedChunk>;
    /// Keeps a chunk just heard. A journal that cannot keep it only means hearing
    /// the chunk again after a restart, so nothing is reported.
    fn keep(&mut self, chunk: &FinishedChunk);
}

/// No journal: every run starts from the beginning.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoJournal;

impl ChunkJournal for NoJournal {
    fn finished(&mut self) -> Vec<FinishedChunk> {
        Vec::new()
    }

    fn keep(&mut self, _chunk: &FinishedChunk) {}
}

/// The library's journal (`transcription_chunks`), per file version and recogniser.
#[derive(Debug)]
pub struct StoreJournal<'a> {
    store: &'a Store,
    key: FileKey,
    recogniser: String,
}

impl<'a> StoreJournal<'a> {
    /// The journal of transcribing `audio` with `options`; `None` when the file
    /// cannot be read (the transcription will fail on it anyway).
    pub fn new(store: &'a Store, audio: &Path, options: &TranscribeOptions) -> Option<Self> {
        let key = FileKey::for_file(audio).ok()?;
        Some(StoreJournal {
            store,
            key,
            recogniser: recogniser(options),
        })
    }

    /// Forgets the kept chunks: the transcript is kept, or the work is abandoned.
    pub fn forget(&self) {
        // Rows left behind only take room; the next run of this file starts over.
        let _ = self.store.forget_finished_chunks(&self.key);
    }
}

impl ChunkJournal for StoreJournal<'_> {
    fn finished(&mut self) -> Vec<FinishedChunk> {
        self.store
            .finished_chunks(&self.key, &self.recogniser)
            .unwrap_or_default()
    }

    fn keep(&mut self, chunk: &FinishedChunk) {
        let _ = self
            .store
            .put_finished_chunk(&self.key, &self.recogniser, chunk);
    }
}

/// What decides what a chunk holds besides the audio: the model, the language and
/// the chunk limits.
fn recogniser(options: &TranscribeOptions) -> String {
    let model = options
        .model
        .as_deref()
        .map_or_else(|| "installed".to_string(), |dir| dir.display().to_string());
    format!(
        "{model}|{}|{}-{}",
        options.language, options.chunks.min_ms, options.chunks.max_ms
    )
}
