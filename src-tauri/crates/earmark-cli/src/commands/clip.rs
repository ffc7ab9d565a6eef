//! `earmark-cli clip AUDIO --from MS --to MS --out FILE.wav`.

use std::path::PathBuf;

use serde::Serialize;

use crate::report::{CliError, Report};

/// Arguments of `clip`.
#[derive(Debug, clap::Args)]
pub struct ClipArgs {
    /// The audio file.
    audio: PathBuf,
    /// Start of the range, in milliseconds.
    #[arg(long)]
    from: u64,
    /// End of the range, in milliseconds.
    #[arg(long)]
    to: u64,
    /// The WAV file to write (32-bit float, the file's rate and channels).
    #[arg(long)]
    out: PathBuf,
}

#[derive(Serialize)]
struct ClipReport<'a> {
    out: &'a std::path::Path,
    sample_rate: u32,
    channels: u16,
    frames: u64,
}

/// Writes the exact samples of the range, through the player's seek path.
pub fn run(args: &ClipArgs, out: &Report) -> Result<(), CliError> {
    if args.to < args.from {
        return Err(CliError::Message("--to must not be before --from".into()));
    }
    let (info, samples) = earmark_player::clip(&args.audio, args.from, args.to)?;
    let spec = hound::WavSpec {
        channels: info.channels,
        sample_rate: info.sample_rate,
        bits_per_sample: 32,
        sample_format: hound::SampleFormat::Float,
    };
    let write_error =
        |e: hound::Error| CliError::Message(format!("Could not write {}: {e}", args.out.display()));
    let mut writer = hound::WavWriter::create(&args.out, spec).map_err(write_error)?;
    for s in &samples {
        writer.write_sample(*s).map_err(write_error)?;
    }
    writer.finalize().map_err(write_error)?;
    let report = ClipReport {
        out: &args.out,
        sample_rate: info.sample_rate,
        channels: info.channels,
        frames: samples.len() as u64 / u64::from(info.channels),
    };
    out.print(&report, || {
        format!("wrote {} frames to {}", report.frames, args.out.display())
    })
}
