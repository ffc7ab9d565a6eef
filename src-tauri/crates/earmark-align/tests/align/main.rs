//! The aligner against real audio: a synthetic multi-speaker episode made at test
//! time by `tests/fixtures/align/make-episode.py` (espeak-ng voices and rates,
//! pauses, light noise, an untranscribed music intro, an inserted ad read and one
//! paragraph never spoken), with its sample-exact truth; and episodes of recorded
//! human speech made by the same script ([`human`]).
//!
//! Needs `python3`, `espeak-ng` and `sox` (tests/setup/install-system-deps.sh
//! installs them; CI does). The episode is made once per build directory and reused.

mod accuracy;
mod acoustic;
mod drift;
mod drift_rules;
mod errors;
mod human;
mod pins;
mod progress;
mod words;

use std::error::Error;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};

use std::sync::atomic::AtomicBool;

use earmark_align::{align, AlignOptions, Alignment, AudioFeatures, Stretch};
use earmark_core::transcript::{parse, FormatHint, Transcript, TranscriptFormat};

/// What every test returns, so `?` can replace `unwrap()`.
pub type TestResult = Result<(), Box<dyn Error>>;

/// The generated episode: its analysed audio, its transcript and the truth.
#[derive(Debug)]
pub struct Episode {
    /// The episode's features and pauses.
    pub audio: AudioFeatures,
    /// The untimed transcript, parsed as the app parses it.
    pub transcript: Transcript,
    /// Where each paragraph really starts (`None`: never spoken).
    pub starts: Vec<Option<u64>>,
    /// The audio the transcript does not hold (the intro and the ad).
    pub unmatched: Vec<Stretch>,
}

/// The episode, generated on first use.
pub fn episode() -> &'static Episode {
    static EPISODE: OnceLock<Episode> = OnceLock::new();
    EPISODE.get_or_init(|| load(&generate(&[])).unwrap_or_else(|e| panic!("episode: {e}")))
}

/// The generator script (at the repository root's `tests/fixtures/align/`).
pub fn generator() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures/align/make-episode.py")
}

/// Runs the generator with `args` once per version of it, in the build's
/// temporary folder, and answers the folder it wrote.
pub fn generate(args: &[&str]) -> PathBuf {
    let script = std::fs::read(generator()).unwrap_or_else(|e| panic!("read the generator: {e}"));
    let version = script
        .iter()
        .chain(args.join(" ").as_bytes())
        .fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("align-episode-{version:016x}"));
    // One generation at a time in this process (tests run on threads).
    static GENERATING: Mutex<()> = Mutex::new(());
    let _one = GENERATING.lock().unwrap_or_else(|e| e.into_inner());
    if dir.join("truth.json").exists() {
        return dir;
    }
    let partial = dir.with_extension(format!("partial-{}", std::process::id()));
    let output = Command::new("python3")
        .arg(generator())
        .arg(&partial)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("python3 is needed to make the test episode: {e}"));
    assert!(
        output.status.success(),
        "making the test episode failed (it needs espeak-ng and sox: \
         tests/setup/install-system-deps.sh): {}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Another test process may have finished first: either copy will do.
    let _ = std::fs::rename(&partial, &dir);
    let _ = std::fs::remove_dir_all(&partial);
    dir
}

/// Reads the episode's audio, transcript and truth from `dir`.
pub fn load(dir: &Path) -> Result<Episode, Box<dyn Error>> {
    let (samples, rate) = read_wav(&dir.join("episode.wav"))?;
    let audio = AudioFeatures::from_mono(&samples, rate);
    let text = std::fs::read_to_string(dir.join("transcript.txt"))?;
    let transcript = parse(&text, Some(FormatHint::new(TranscriptFormat::Text)))?;
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("truth.json"))?)?;
    let starts = truth["segments"]
        .as_array()
        .ok_or("truth has segments")?
        .iter()
        .map(|s| s["start_ms"].as_u64())
        .collect::<Vec<_>>();
    let unmatched = truth["unmatched"]
        .as_array()
        .ok_or("truth has unmatched")?
        .iter()
        .map(|s| Stretch {
            start_ms: s["start_ms"].as_u64().unwrap_or(0),
            end_ms: s["end_ms"].as_u64().unwrap_or(0),
        })
        .collect();
    assert_eq!(
        starts.len(),
        transcript.segments.len(),
        "one truth per transcript paragraph"
    );
    Ok(Episode {
        audio,
        transcript,
        starts,
        unmatched,
    })
}

/// `episode` aligned with the default options.
pub fn aligned(episode: &Episode) -> Result<Alignment, Box<dyn Error>> {
    let never = AtomicBool::new(false);
    Ok(align(
        &episode.audio,
        &episode.transcript,
        &AlignOptions::default(),
        &mut |_| {},
        &never,
    )?)
}

/// The samples (mono 16-bit PCM WAV, as sox writes it) and sample rate of `path`.
pub fn read_wav(path: &Path) -> Result<(Vec<f32>, u32), Box<dyn Error>> {
    let bytes = std::fs::read(path)?;
    let mut at = 12;
    let mut rate = 0;
    while at + 8 <= bytes.len() {
        let id = &bytes[at..at + 4];
        let len = u32::from_le_bytes(bytes[at + 4..at + 8].try_into()?) as usize;
        let body = &bytes[at + 8..(at + 8 + len).min(bytes.len())];
        if id == b"fmt " {
            assert_eq!(u16::from_le_bytes(body[2..4].try_into()?), 1, "mono");
            rate = u32::from_le_bytes(body[4..8].try_into()?);
        } else if id == b"data" {
            let samples = body
                .chunks_exact(2)
                .map(|p| f32::from(i16::from_le_bytes([p[0], p[1]])) / 32_768.0)
                .collect();
            return Ok((samples, rate));
        }
        at += 8 + len + (len & 1);
    }
    Err(format!("no samples in {}", path.display()).into())
}

/// The errors of the aligned starts against the truth, for spoken paragraphs.
pub fn start_errors(starts: &[u64], truth: &[Option<u64>]) -> Vec<u64> {
    let mut errors: Vec<u64> = starts
        .iter()
        .zip(truth)
        .filter_map(|(&got, &want)| want.map(|w| got.abs_diff(w)))
        .collect();
    errors.sort_unstable();
    errors
}

/// Asserts that each stretch of `truth` (an intro, an ad) is mostly (70 %)
/// reported in `found`; `what` names the episode in the message.
pub fn assert_mostly_unmatched(what: &str, truth: &[Stretch], found: &[Stretch]) {
    for stretch in truth {
        let overlap: u64 = found
            .iter()
            .map(|s| {
                s.end_ms
                    .min(stretch.end_ms)
                    .saturating_sub(s.start_ms.max(stretch.start_ms))
            })
            .sum();
        assert!(
            overlap * 10 >= (stretch.end_ms - stretch.start_ms) * 7,
            "{what}: {stretch:?} is mostly reported as unmatched: {found:?}"
        );
    }
}

/// The value at `percent` of sorted `values`.
pub fn percentile(values: &[u64], percent: usize) -> u64 {
    values[(values.len() - 1) * percent / 100]
}
