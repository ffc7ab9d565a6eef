//! Test inputs: the bundled demo episode, the audio fixtures of `tests/fixtures/audio`
//! (made by its `make-fixtures.sh`, with their exact lengths in `expected.json`), and
//! WAV files generated on the fly.

use std::path::{Path, PathBuf};

/// The demo episode (VBR MP3 with a Xing/LAME header).
pub fn demo_mp3() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../assets/demo/demo.mp3")
}

/// A file of the shared audio fixtures.
pub fn audio(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures/audio")
        .join(name)
}

/// A good fixture and what ffmpeg measured of it when it was made.
#[derive(Debug, Clone)]
pub struct Expected {
    /// File name in the fixtures folder.
    pub name: String,
    /// Exact length in frames.
    pub frames: u64,
    /// Frames per second.
    pub sample_rate: u32,
    /// Channels.
    pub channels: u16,
    /// Runs of 16 samples of the first channel as ffmpeg decodes them, by first frame.
    pub samples: Vec<(u64, Vec<f32>)>,
}

impl Expected {
    /// The fixture's path.
    pub fn path(&self) -> PathBuf {
        audio(&self.name)
    }
}

/// Every good fixture with its expected layout and length, from `expected.json`.
pub fn expected() -> Vec<Expected> {
    let text = std::fs::read_to_string(audio("expected.json")).expect("read expected.json");
    let json: serde_json::Value = serde_json::from_str(&text).expect("parse expected.json");
    let files = json["files"].as_object().expect("files object");
    let number =
        |v: &serde_json::Value, key: &str| v[key].as_u64().unwrap_or_else(|| panic!("{key}"));
    let list: Vec<Expected> = files
        .iter()
        .map(|(name, v)| Expected {
            name: name.clone(),
            frames: number(v, "frames"),
            sample_rate: number(v, "sample_rate") as u32,
            channels: number(v, "channels") as u16,
            samples: v["samples"]
                .as_object()
                .expect("samples object")
                .iter()
                .map(|(at, run)| {
                    let at = at.parse().expect("frame number");
                    let run = run
                        .as_array()
                        .expect("sample run")
                        .iter()
                        .map(|x| x.as_f64().expect("sample") as f32)
                        .collect();
                    (at, run)
                })
                .collect(),
        })
        .collect();
    assert!(list.len() >= 10, "expected.json lists the good fixtures");
    list
}

/// Writes a mono 16-bit WAV of `seconds` of a sweeping tone, so every frame differs.
pub fn sweep_wav(dir: &Path, rate: u32, seconds: u32) -> PathBuf {
    let path = dir.join(format!("sweep-{rate}.wav"));
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: rate,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut w = hound::WavWriter::create(&path, spec).expect("create wav");
    let frames = rate * seconds;
    for i in 0..frames {
        let t = f64::from(i) / f64::from(rate);
        let v = (2.0 * std::f64::consts::PI * (200.0 + 100.0 * t) * t).sin() * 0.5;
        w.write_sample((v * 32767.0) as i16).expect("write sample");
    }
    w.finalize().expect("finalize wav");
    path
}
