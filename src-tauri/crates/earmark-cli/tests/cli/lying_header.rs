//! A WAV whose header claims 4 GB for one second of audio: `probe` gives the second
//! that is there, and `clip` past it fails with the real length instead of writing
//! less than was asked for.

use std::path::PathBuf;

use crate::{path_str, Sandbox};

/// One second of a 440 Hz tone at 8 kHz, its RIFF and data sizes then overwritten
/// to claim about 4 GB.
fn wav_claiming_4_gb(cli: &Sandbox) -> PathBuf {
    let path = cli.file("claims-4gb.wav");
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: 8_000,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut writer = hound::WavWriter::create(&path, spec).expect("create");
    for i in 0..8_000 {
        let phase = 2.0 * std::f32::consts::PI * 440.0 * i as f32 / 8_000.0;
        writer
            .write_sample((phase.sin() * 16_000.0) as i16)
            .expect("sample");
    }
    writer.finalize().expect("finalize");
    let mut bytes = std::fs::read(&path).expect("read");
    assert_eq!(&bytes[36..40], b"data", "hound's layout");
    bytes[4..8].copy_from_slice(&u32::MAX.to_le_bytes());
    bytes[40..44].copy_from_slice(&(u32::MAX - 36).to_le_bytes());
    std::fs::write(&path, bytes).expect("write");
    path
}

#[test]
fn probe_gives_the_length_of_the_audio_not_of_the_header() {
    let cli = Sandbox::new();
    let wav = wav_claiming_4_gb(&cli);
    let info = cli.json(&["probe", path_str(&wav)]);
    assert_eq!(info["frames"], 8_000, "one second, not 37 hours: {info}");
    assert_eq!(info["duration_ms"], 1_000, "{info}");
}

#[test]
fn a_clip_past_the_end_fails_with_the_real_length() {
    let cli = Sandbox::new();
    let wav = wav_claiming_4_gb(&cli);
    let out = cli.file("clip.wav");
    let clip = |from: &str, to: &str| {
        cli.fails(&[
            "clip",
            path_str(&wav),
            "--from",
            from,
            "--to",
            to,
            "--out",
            path_str(&out),
        ])
    };
    let message = clip("500", "2000");
    assert!(
        message.contains(
            "claims-4gb.wav is 1.000 s long: it ends before the 2.000 s the clip asked for"
        ),
        "one sentence with the real length: {message}"
    );
    assert!(!out.exists(), "no shorter clip written");
    // Inside the audio, the clip is whole.
    let report = cli.json(&[
        "clip",
        path_str(&wav),
        "--from",
        "500",
        "--to",
        "1000",
        "--out",
        path_str(&out),
    ]);
    assert_eq!(report["frames"], 4_000, "{report}");
}
