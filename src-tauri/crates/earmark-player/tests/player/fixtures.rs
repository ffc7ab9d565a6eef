//! Test inputs: the bundled demo episode and WAV files generated on the fly.

use std::path::{Path, PathBuf};

/// The demo episode (VBR MP3 with a Xing/LAME header).
pub fn demo_mp3() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../assets/demo/demo.mp3")
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
