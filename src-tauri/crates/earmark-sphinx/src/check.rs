//! Is this line said here? PocketSphinx's en-US model decodes the line's cepstra
//! with a grammar of exactly the line's words: a decoder that cannot reach the last
//! word says the words are not there ([`Heard::Fails`]); otherwise the words'
//! acoustic score per 10 ms frame tells how well they fit ([`Heard::Score`]; senone
//! scores are relative to each frame's best, so 0 is perfect and a line in a voice
//! the model knows well scores about −7 to −16). The figures behind this: see
//! docs/decisions.md, "An acoustic check of placed lines".

use std::ffi::{c_void, CStr, CString};
use std::path::Path;
use std::ptr::NonNull;

use super::front::CEPSTRA;
use super::library::{api, create, Api, Mfcc, MODEL_DIR};

/// How thoroughly a [`LineChecker`] searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Search {
    /// PocketSphinx's default beams, two Gaussians per senone and every other
    /// frame scored: about 4× faster, and enough for almost every line said.
    Fast,
    /// Beams far wider than the defaults and every frame scored, so a line in a
    /// voice the model scores poorly (espeak-ng's, a phone line) is still followed
    /// to its end where it is said.
    Wide,
}

impl Search {
    fn args(self) -> &'static [&'static str] {
        match self {
            Search::Fast => &[
                "-beam", "1e-48", "-wbeam", "1e-29", "-pbeam", "1e-48", "-topn", "2", "-ds", "2",
            ],
            Search::Wide => &["-beam", "1e-80", "-wbeam", "1e-60", "-pbeam", "1e-80"],
        }
    }
}
/// The search each line's grammar is set as (replaced line after line).
const SEARCH: &CStr = c"line";

/// What the decoder heard of a line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Heard {
    /// The words were followed to the end: their score per frame (0 is perfect).
    Score(f32),
    /// The decoder could not reach the last word: the line is not said here.
    Fails,
    /// The line could not be checked (a word the model lacks, no audio).
    Unchecked,
}

/// A PocketSphinx decoder set up for checking lines.
pub struct LineChecker {
    api: &'static Api,
    decoder: NonNull<c_void>,
}

impl std::fmt::Debug for LineChecker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LineChecker").finish_non_exhaustive()
    }
}

impl LineChecker {
    /// A checker searching as `search` says, or `None` when PocketSphinx or its
    /// en-US model is not installed.
    pub fn new(search: Search) -> Option<Self> {
        let api = api()?;
        let model = Path::new(MODEL_DIR);
        let mut args = vec![
            "-hmm".to_string(),
            model.join("en-us").to_string_lossy().into_owned(),
            "-dict".to_string(),
            model
                .join("cmudict-en-us.dict")
                .to_string_lossy()
                .into_owned(),
            "-bestpath".to_string(),
            "no".to_string(),
            "-logfn".to_string(),
            "/dev/null".to_string(),
        ];
        args.extend(search.args().iter().map(|a| a.to_string()));
        // SAFETY: `ps_args` is the decoder's own table, `ps_init` its constructor.
        let decoder = unsafe { create(api, (api.ps_args)(), &args, api.ps_init) }?;
        Some(LineChecker { api, decoder })
    }

    /// True when the model's dictionary has `word` (lower case).
    pub fn knows(&self, word: &str) -> bool {
        let Ok(word) = CString::new(word) else {
            return false;
        };
        // SAFETY: a live decoder and a C string; the pronunciation it returns is
        // ours to free.
        unsafe {
            let phones = (self.api.ps_lookup_word)(self.decoder.as_ptr(), word.as_ptr());
            if phones.is_null() {
                return false;
            }
            (self.api.ckd_free)(phones.cast());
        }
        true
    }

    /// Decodes `cepstra` ([`CEPSTRA`] per frame) with a grammar of `words`, which
    /// must all be known ([`Self::knows`]).
    pub fn hear(&mut self, cepstra: &[f32], words: &[String]) -> Heard {
        if words.is_empty() || cepstra.len() < CEPSTRA {
            return Heard::Unchecked;
        }
        let grammar = format!(
            "#JSGF V1.0; grammar line; public <line> = {};",
            words.join(" ")
        );
        let Ok(grammar) = CString::new(grammar) else {
            return Heard::Unchecked;
        };
        let mut frames = cepstra.to_vec();
        let mut rows: Vec<*mut Mfcc> = frames
            .chunks_exact_mut(CEPSTRA)
            .map(<[Mfcc]>::as_mut_ptr)
            .collect();
        let (api, decoder) = (self.api, self.decoder.as_ptr());
        // SAFETY: a live decoder; `rows` points to whole frames of `frames`, which
        // outlives the call; the search is removed again before returning.
        unsafe {
            if (api.ps_set_jsgf_string)(decoder, SEARCH.as_ptr(), grammar.as_ptr()) < 0 {
                return Heard::Unchecked;
            }
            let heard = if (api.ps_set_search)(decoder, SEARCH.as_ptr()) < 0
                || (api.ps_start_utt)(decoder) < 0
            {
                Heard::Unchecked
            } else {
                (api.ps_process_cep)(decoder, rows.as_mut_ptr(), rows.len() as i32, 0, 1);
                (api.ps_end_utt)(decoder);
                self.read(words)
            };
            (api.ps_unset_search)(decoder, SEARCH.as_ptr());
            heard
        }
    }

    /// The verdict of the utterance just decoded.
    ///
    /// # Safety
    /// An utterance must just have ended on this decoder.
    unsafe fn read(&self, words: &[String]) -> Heard {
        // SAFETY: the caller ended an utterance on this live decoder; the strings
        // and segments it returns are read before the next call into it.
        unsafe {
            let (api, decoder) = (self.api, self.decoder.as_ptr());
            let mut best = 0;
            let hyp = (api.ps_get_hyp)(decoder, &mut best);
            if hyp.is_null() || CStr::from_ptr(hyp).to_string_lossy() != words.join(" ") {
                return Heard::Fails;
            }
            let (mut frames, mut total) = (0i64, 0i64);
            let mut segment = (api.ps_seg_iter)(decoder);
            while !segment.is_null() {
                let word = CStr::from_ptr((api.ps_seg_word)(segment)).to_bytes();
                if !word.starts_with(b"<") && !word.starts_with(b"[") {
                    let (mut start, mut end) = (0, 0);
                    let (mut acoustic, mut language, mut backoff) = (0, 0, 0);
                    (api.ps_seg_frames)(segment, &mut start, &mut end);
                    (api.ps_seg_prob)(segment, &mut acoustic, &mut language, &mut backoff);
                    frames += i64::from(end - start + 1);
                    total += i64::from(acoustic);
                }
                // The iterator frees itself when it returns null.
                segment = (api.ps_seg_next)(segment);
            }
            Heard::Score(total as f32 / frames.max(1) as f32)
        }
    }
}

impl Drop for LineChecker {
    fn drop(&mut self) {
        // SAFETY: the decoder is ours and freed once.
        unsafe { (self.api.ps_free)(self.decoder.as_ptr()) };
    }
}
