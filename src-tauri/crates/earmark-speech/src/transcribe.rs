//! The use-case: an audio file in, a machine-made timed transcript out, with
//! progress, an estimate of the time left, and cancel.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use earmark_align::AudioAnalyzer;
use earmark_core::store::FinishedChunk;
use earmark_core::transcript::{Transcript, TranscriptFormat, Word};
use earmark_player::MediaDecoder;

use crate::chunks::{Chunk, ChunkCutter, ChunkLimits};
use crate::helper::{Helper, HelperSettings};
use crate::lines::{episode_words, lines};
use crate::refine::refine_starts;
use crate::resample::MonoResampler;
use crate::resume::{ChunkJournal, NoJournal};
use crate::{SpeechError, SAMPLE_RATE};

/// How to transcribe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranscribeOptions {
    /// The Python that runs the helper ([`crate::find_transcriber`]).
    pub transcriber: PathBuf,
    /// A CTranslate2 Whisper model directory; `None` for the installed tiny.en.
    pub model: Option<PathBuf>,
    /// The episode's language (ISO 639-1, e.g. `en`).
    pub language: String,
    /// Threads the recogniser may use.
    pub threads: usize,
    /// How long the chunks sent to the helper are.
    pub chunks: ChunkLimits,
}

impl TranscribeOptions {
    /// English, the installed model, every core, chunks of 60–90 s.
    pub fn new(transcriber: PathBuf) -> Self {
        TranscribeOptions {
            transcriber,
            model: None,
            language: "en".into(),
            threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
            chunks: ChunkLimits::default(),
        }
    }
}

/// How far a transcription has come.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// The fraction of the audio transcribed, 0 to 1.
    pub done: f32,
    /// The time left, estimated from the pace so far.
    pub left: Option<Duration>,
    /// Chunks finished, resumed ones included.
    pub chunks: usize,
    /// Chunks taken from an earlier run instead of heard again.
    pub resumed: usize,
}

/// Transcribes `audio` from the beginning. `progress` is told after each chunk;
/// `Ok(None)` when `cancel` was set (the helper is killed at once).
pub fn transcribe(
    audio: &Path,
    options: &TranscribeOptions,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Option<Transcript>, SpeechError> {
    transcribe_resuming(audio, options, &mut NoJournal, cancel, progress)
}

/// Transcribes `audio` as [`transcribe`] does, taking the chunks `journal` kept
/// from an earlier run instead of hearing them again, and keeping each chunk heard.
pub fn transcribe_resuming(
    audio: &Path,
    options: &TranscribeOptions,
    journal: &mut dyn ChunkJournal,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Option<Transcript>, SpeechError> {
    let mut decoder = MediaDecoder::open(audio)?;
    let info = decoder.info().clone();
    let total = (info.frames * u64::from(SAMPLE_RATE) / u64::from(info.sample_rate.max(1))).max(1);
    let settings = HelperSettings {
        python: options.transcriber.clone(),
        model: options.model.clone(),
        language: options.language.clone(),
        threads: options.threads,
    };
    let Some(mut helper) = Helper::start(&settings, cancel)? else {
        return Ok(None);
    };
    let mut resampler = MonoResampler::new(info.sample_rate, info.channels, SAMPLE_RATE);
    // What the words are refined against at the end (refine.rs).
    let mut analyzer = AudioAnalyzer::without_cepstra(SAMPLE_RATE, 1);
    let mut cutter = ChunkCutter::new(options.chunks);
    let mut decoded = Vec::with_capacity(8192);
    let mut mono = Vec::with_capacity(8192);
    let mut words: Vec<Word> = Vec::new();
    let mut chunks_done = 0;
    let mut kept = journal.finished().into_iter();
    let mut resumed = 0;
    // The fraction taken from the journal, and when hearing began: the pace (and so
    // the time left) counts only what this run hears.
    let mut resumed_done = 0.0;
    let mut hearing_since = Instant::now();
    let mut hear = |chunk: Chunk, helper: &mut Helper, words: &mut Vec<Word>| {
        let end_sample = chunk.offset + chunk.samples.len() as u64;
        // A kept chunk is used while it ends where this run cuts; after the first
        // that does not, every chunk is heard again.
        match kept.next() {
            Some(done) if done.index == chunk.index && done.end_sample == end_sample => {
                words.extend(done.words);
                resumed += 1;
            }
            _ => {
                kept = Vec::new().into_iter();
                let Some(segments) = helper.transcribe(&chunk, cancel)? else {
                    return Ok::<bool, SpeechError>(false);
                };
                // No word starts before the last one, nor in the chunk's leading silence.
                let after = words
                    .last()
                    .map_or(0, |w| w.start_ms)
                    .max(chunk.offset_ms() + chunk.lead_ms);
                let heard = episode_words(&segments, chunk.offset_ms(), after);
                journal.keep(&FinishedChunk {
                    index: chunk.index,
                    end_sample,
                    words: heard.clone(),
                });
                words.extend(heard);
            }
        }
        chunks_done += 1;
        let done = (end_sample as f64 / total as f64).min(1.0);
        if resumed == chunks_done {
            resumed_done = done;
            hearing_since = Instant::now();
        }
        let heard = done - resumed_done;
        let elapsed = hearing_since.elapsed().as_secs_f64();
        progress(Progress {
            done: done as f32,
            left: (heard > 0.0).then(|| Duration::from_secs_f64(elapsed * (1.0 - done) / heard)),
            chunks: chunks_done,
            resumed,
        });
        Ok(true)
    };
    loop {
        let more = decoder.decode_next(&mut decoded)?;
        mono.clear();
        resampler.push(&decoded, &mut mono);
        decoded.clear();
        if !more {
            resampler.finish(&mut mono);
        }
        analyzer.push(&mono);
        let mut fresh: &[f32] = &mono;
        while let Some(chunk) = cutter.push(fresh) {
            fresh = &[];
            if !hear(chunk, &mut helper, &mut words)? {
                return Ok(None);
            }
        }
        if !more {
            break;
        }
    }
    if let Some(last) = cutter.finish() {
        if !hear(last, &mut helper, &mut words)? {
            return Ok(None);
        }
    }
    helper.finish()?;
    let mut segments = lines(words);
    refine_starts(&mut segments, &analyzer.finish(), &options.language, cancel);
    if cancel.load(Ordering::Relaxed) {
        return Ok(None);
    }
    Ok(Some(Transcript {
        format: TranscriptFormat::Speech,
        segments,
        warnings: Vec::new(),
    }))
}
