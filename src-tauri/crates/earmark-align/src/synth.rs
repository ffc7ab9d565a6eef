//! The transcript spoken by a synthetic voice: espeak-ng, run as a program.
//!
//! **Runtime dependency:** the `espeak-ng` program (Debian/Ubuntu package
//! `espeak-ng`; it ships with its voice data, nothing is fetched). The whole
//! transcript goes to one process as SSML on its standard input, its parts
//! (segments, or words for word timings) separated by a break ([`Separation`]);
//! its WAV output (16-bit mono, 22 050 Hz) is read from standard output as it is
//! produced and turned into MFCC features at once, so the synthetic speech is
//! never held in memory. espeak-ng writes exact zeros in silence; a run of zeros
//! as long as the break can only be a break (its own pauses are shorter), so the
//! parts' boundaries are found to the sample. Each break is replaced by a short
//! gap of silence in the features.
//!
//! One process for the whole text costs about 1 ms per minute of speech here
//! (espeak-ng runs ~1,500× real time); one process per segment would cost ~15 ms
//! of start-up each.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};

use super::features::{Features, MfccExtractor};
use super::AlignError;

/// How the parts of the text (segments, or words) are kept apart in the
/// synthetic speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Separation {
    /// The break put between two parts in the SSML.
    pub break_ms: u64,
    /// A run of zeros at least this long is a break.
    pub min_ms: u64,
    /// The silence that stands for a break in the features.
    pub gap_ms: u64,
}

/// Segments: espeak-ng's own pauses stay under half a second.
pub const SEGMENTS: Separation = Separation {
    break_ms: 1_000,
    min_ms: 800,
    gap_ms: 300,
};

/// Words, each spoken on its own without its punctuation: a lone word's own
/// silences stay under 60 ms, but espeak-ng ends its output with about 320 ms of
/// silence, which must not count as a break. The gap left in the features is
/// short, as between words in running speech.
pub const WORDS: Separation = Separation {
    break_ms: 500,
    min_ms: 420,
    gap_ms: 40,
};

/// Silence before the first and after the last segment in the features.
const EDGE_MS: u64 = 200;
/// Amplitude of the faint noise added to the synthetic speech, so its silences
/// have features like a real recording's quiet (about -70 dBFS).
const DITHER: f32 = 3e-4;
/// Bytes read from espeak-ng at a time (about 0.2 s of speech).
const READ_BYTES: usize = 8_192;

/// How the synthetic voice speaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voice {
    /// The espeak-ng program (a name looked up in `PATH`, or a path).
    pub program: PathBuf,
    /// The espeak-ng voice, e.g. `en-us`; the transcript's language.
    pub name: String,
    /// Speaking rate in words per minute (espeak-ng's default is 175).
    pub words_per_minute: u32,
}

impl Default for Voice {
    fn default() -> Self {
        Voice {
            program: PathBuf::from("espeak-ng"),
            name: "en-us".to_string(),
            words_per_minute: 175,
        }
    }
}

/// Where one segment's speech lies in the synthetic speech, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpokenSpan {
    /// The first sound of the segment.
    pub start_ms: f64,
    /// Just after its last sound (equal to `start_ms` for a segment with no sound).
    pub end_ms: f64,
}

/// The synthetic speech of a transcript: its features and each segment's span.
#[derive(Debug, Clone)]
pub struct Synthesis {
    /// MFCC features of the synthetic speech (breaks shortened to the gap).
    pub features: Features,
    /// One span per segment, in order.
    pub spans: Vec<SpokenSpan>,
}

/// Speaks `texts` (one per part) with `voice`, the parts kept apart as
/// `separation` says. `progress` gets the fraction of parts done; `cancel` stops
/// the synthesizer.
pub fn synthesize(
    texts: &[&str],
    voice: &Voice,
    separation: Separation,
    progress: &mut dyn FnMut(f32),
    cancel: &AtomicBool,
) -> Result<Synthesis, AlignError> {
    let mut child = spawn(voice)?;
    let ssml = to_ssml(texts, separation.break_ms);
    let stdin = child.stdin.take();
    let writer = std::thread::spawn(move || {
        // A write error means the program stopped early; its exit status tells why.
        if let Some(mut stdin) = stdin {
            let _ = stdin.write_all(ssml.as_bytes());
        }
    });
    let result = read_speech(&mut child, texts.len(), separation, progress, cancel);
    if result.is_err() {
        let _ = child.kill();
    }
    let _ = writer.join();
    let status = child
        .wait()
        .map_err(|e| AlignError::Synthesizer(e.to_string()))?;
    let synthesis = result?;
    if !status.success() {
        return Err(AlignError::Synthesizer(format!(
            "espeak-ng exited with {status}"
        )));
    }
    Ok(synthesis)
}

/// Starts espeak-ng reading SSML from stdin and writing WAV to stdout.
fn spawn(voice: &Voice) -> Result<Child, AlignError> {
    Command::new(&voice.program)
        .args(["-m", "--stdin", "--stdout", "-v", &voice.name])
        .args(["-s", &voice.words_per_minute.to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => AlignError::SynthesizerMissing {
                program: voice.program.clone(),
            },
            _ => AlignError::Synthesizer(e.to_string()),
        })
}

/// The parts as one SSML document, separated by breaks of `break_ms`. Markup
/// characters in the text are escaped; line breaks become spaces.
pub fn to_ssml(texts: &[&str], break_ms: u64) -> String {
    let separator = format!("<break time=\"{break_ms}ms\"/>\n");
    let mut ssml = String::from("<speak>\n");
    for (i, text) in texts.iter().enumerate() {
        if i > 0 {
            ssml.push_str(&separator);
        }
        for (w, word) in text.split_whitespace().enumerate() {
            if w > 0 {
                ssml.push(' ');
            }
            for c in word.chars() {
                match c {
                    '&' => ssml.push_str("&amp;"),
                    '<' => ssml.push_str("&lt;"),
                    '>' => ssml.push_str("&gt;"),
                    _ => ssml.push(c),
                }
            }
        }
        ssml.push('\n');
    }
    ssml.push_str("</speak>\n");
    ssml
}

/// Reads espeak-ng's WAV output to its end, splitting it at the separators.
fn read_speech(
    child: &mut Child,
    segments: usize,
    separation: Separation,
    progress: &mut dyn FnMut(f32),
    cancel: &AtomicBool,
) -> Result<Synthesis, AlignError> {
    let Some(mut stdout) = child.stdout.take() else {
        return Err(AlignError::Synthesizer(
            "no output from espeak-ng".to_string(),
        ));
    };
    let rate = read_wav_header(&mut stdout)?;
    let mut splitter = Splitter::new(rate, separation);
    let mut buffer = vec![0u8; READ_BYTES];
    let mut odd_byte: Option<u8> = None;
    let mut samples = Vec::with_capacity(READ_BYTES / 2);
    loop {
        if cancel.load(Ordering::Relaxed) {
            return Err(AlignError::Cancelled);
        }
        let read = stdout
            .read(&mut buffer)
            .map_err(|e| AlignError::Synthesizer(e.to_string()))?;
        if read == 0 {
            break;
        }
        samples.clear();
        let mut bytes = buffer[..read].iter().copied();
        if let Some(low) = odd_byte.take() {
            if let Some(high) = bytes.next() {
                samples.push(i16::from_le_bytes([low, high]));
            }
        }
        let rest: Vec<u8> = bytes.collect();
        let mut pairs = rest.chunks_exact(2);
        samples.extend(pairs.by_ref().map(|p| i16::from_le_bytes([p[0], p[1]])));
        odd_byte = pairs.remainder().first().copied();
        splitter.push(&samples);
        progress((splitter.spans.len() as f32 / segments.max(1) as f32).min(1.0));
    }
    let synthesis = splitter.finish();
    if synthesis.spans.len() != segments {
        return Err(AlignError::Synthesizer(format!(
            "espeak-ng's speech has {} parts for {segments} segments",
            synthesis.spans.len()
        )));
    }
    Ok(synthesis)
}

/// Reads the RIFF/WAVE header up to the start of the samples; returns the sample
/// rate. espeak-ng writes 16-bit mono PCM (with an unknown length when streaming).
fn read_wav_header(input: &mut impl Read) -> Result<u32, AlignError> {
    let bad = |what: &str| AlignError::Synthesizer(format!("espeak-ng wrote {what}"));
    let mut riff = [0u8; 12];
    input
        .read_exact(&mut riff)
        .map_err(|_| bad("no WAV header"))?;
    if &riff[0..4] != b"RIFF" || &riff[8..12] != b"WAVE" {
        return Err(bad("something other than WAV"));
    }
    let mut rate = None;
    loop {
        let mut chunk = [0u8; 8];
        input
            .read_exact(&mut chunk)
            .map_err(|_| bad("a cut WAV header"))?;
        let len = u32::from_le_bytes([chunk[4], chunk[5], chunk[6], chunk[7]]);
        if &chunk[0..4] == b"data" {
            return rate.ok_or_else(|| bad("WAV without a format"));
        }
        let mut body = vec![0u8; len.min(1 << 16) as usize];
        input
            .read_exact(&mut body)
            .map_err(|_| bad("a cut WAV header"))?;
        if &chunk[0..4] == b"fmt " && body.len() >= 16 {
            let channels = u16::from_le_bytes([body[2], body[3]]);
            let bits = u16::from_le_bytes([body[14], body[15]]);
            if channels != 1 || bits != 16 {
                return Err(bad("WAV that is not 16-bit mono"));
            }
            rate = Some(u32::from_le_bytes([body[4], body[5], body[6], body[7]]));
        }
    }
}

/// Splits the synthetic speech at separators while computing its features.
#[derive(Debug)]
struct Splitter {
    rate: f64,
    extractor: MfccExtractor,
    /// Samples given to the extractor so far.
    fed: u64,
    /// Zeros seen and not yet given to the extractor.
    zeros: u64,
    /// Where the current segment's sound started (in fed samples), once it has.
    current: Option<u64>,
    /// Where the current segment's last sound ended.
    last_sound: u64,
    spans: Vec<SpokenSpan>,
    separator_min: u64,
    separator: u64,
    gap: u64,
    noise: u32,
    scratch: Vec<f32>,
}

impl Splitter {
    fn new(rate: u32, separation: Separation) -> Self {
        let per_ms = |ms: u64| u64::from(rate) * ms / 1000;
        let mut splitter = Splitter {
            rate: f64::from(rate),
            extractor: MfccExtractor::new(rate),
            fed: 0,
            zeros: 0,
            current: None,
            last_sound: 0,
            spans: Vec::new(),
            separator_min: per_ms(separation.min_ms),
            separator: per_ms(separation.break_ms),
            gap: per_ms(separation.gap_ms),
            noise: 0x2545_f491,
            scratch: Vec::with_capacity(READ_BYTES),
        };
        splitter.feed_silence(per_ms(EDGE_MS));
        splitter
    }

    fn push(&mut self, samples: &[i16]) {
        for &sample in samples {
            if sample == 0 {
                self.zeros += 1;
                continue;
            }
            if self.zeros > 0 {
                self.close_silence();
            }
            if self.current.is_none() {
                self.current = Some(self.fed + self.scratch.len() as u64);
            }
            let dither = self.dither();
            self.scratch.push(f32::from(sample) / 32_768.0 + dither);
            self.last_sound = self.fed + self.scratch.len() as u64;
        }
        self.flush();
    }

    /// A run of zeros has ended: a pause inside a segment, or separators.
    fn close_silence(&mut self) {
        let zeros = std::mem::take(&mut self.zeros);
        if zeros < self.separator_min {
            self.feed_silence(zeros);
            return;
        }
        // One break per `break_ms` (a part without sound merges two).
        let count = ((zeros + self.separator / 10) / self.separator).max(1);
        for _ in 0..count {
            self.close_segment();
        }
        self.feed_silence(self.gap);
    }

    /// The current segment ends at its last sound.
    fn close_segment(&mut self) {
        let ms = |samples: u64| samples as f64 * 1000.0 / self.rate;
        let (start, end) = match self.current.take() {
            Some(start) => (start, self.last_sound.max(start)),
            None => {
                let here = self.fed + self.scratch.len() as u64;
                (here, here)
            }
        };
        self.spans.push(SpokenSpan {
            start_ms: ms(start),
            end_ms: ms(end),
        });
    }

    fn feed_silence(&mut self, samples: u64) {
        for _ in 0..samples {
            let dither = self.dither();
            self.scratch.push(dither);
            if self.scratch.len() >= READ_BYTES {
                self.flush();
            }
        }
    }

    fn flush(&mut self) {
        self.extractor.push(&self.scratch);
        self.fed += self.scratch.len() as u64;
        self.scratch.clear();
    }

    /// Deterministic faint noise (xorshift).
    fn dither(&mut self) -> f32 {
        self.noise ^= self.noise << 13;
        self.noise ^= self.noise >> 17;
        self.noise ^= self.noise << 5;
        (self.noise as f32 / u32::MAX as f32 - 0.5) * 2.0 * DITHER
    }

    fn finish(mut self) -> Synthesis {
        // Trailing zeros: the last segment's pause, plus separators of segments
        // that made no sound at the end.
        let zeros = std::mem::take(&mut self.zeros);
        let trailing = if zeros >= self.separator_min {
            (zeros + self.separator / 10) / self.separator
        } else {
            0
        };
        for _ in 0..=trailing {
            self.close_segment();
        }
        self.feed_silence(u64::from(self.rate as u32) * EDGE_MS / 1000);
        self.flush();
        Synthesis {
            features: self.extractor.finish(),
            spans: self.spans,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ssml_escapes_markup_and_separates_segments() {
        let ssml = to_ssml(&["Tom & <Jerry>", "line\none"], SEGMENTS.break_ms);
        assert_eq!(
            ssml,
            "<speak>\nTom &amp; &lt;Jerry&gt;\n<break time=\"1000ms\"/>\nline one\n</speak>\n"
        );
    }

    #[test]
    fn splitter_finds_segments_between_long_zero_runs() {
        let rate = 1_000; // one sample per millisecond
        let mut splitter = Splitter::new(rate, SEGMENTS);
        let sound = vec![1000i16; 100];
        splitter.push(&[0; 30]);
        splitter.push(&sound); // segment 0: 30..130 of espeak's output
        splitter.push(&[0; 300]); // a pause inside segment 0
        splitter.push(&sound);
        splitter.push(&[0; 1100]); // a separator
        splitter.push(&sound); // segment 1
        splitter.push(&[0; 2150]); // two separators: segment 2 made no sound
        splitter.push(&sound); // segment 3
        let synthesis = splitter.finish();
        let spans: Vec<(f64, f64)> = synthesis
            .spans
            .iter()
            .map(|s| (s.start_ms, s.end_ms))
            .collect();
        // 200 ms of edge silence, then the output with separators cut to 300 ms.
        assert_eq!(
            spans,
            vec![
                (230.0, 730.0),
                (1030.0, 1130.0),
                (1130.0, 1130.0),
                (1430.0, 1530.0)
            ]
        );
        assert!(!synthesis.features.is_empty(), "features were computed");
    }
}
