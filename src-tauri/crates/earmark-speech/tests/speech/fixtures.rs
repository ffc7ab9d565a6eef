//! The speech fixtures, their known words, and the set-up's transcriber.

use std::path::{Path, PathBuf};

use earmark_core::transcript::Transcript;
use earmark_player::MediaDecoder;
use earmark_speech::{find_transcriber, ChunkLimits, TranscribeOptions};

/// A clip in tests/fixtures/speech.
pub fn clip(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures/speech")
        .join(name)
}

/// The words of clips.tsv for `name`.
pub fn known_words(name: &str) -> Vec<String> {
    let table = std::fs::read_to_string(clip("clips.tsv")).expect("clips.tsv is there");
    let line = table
        .lines()
        .find(|l| l.starts_with(name))
        .unwrap_or_else(|| panic!("{name} is in clips.tsv"));
    normalise(line.split('\t').nth(2).expect("three columns"))
}

/// Options with the installed transcriber and model.
pub fn options() -> TranscribeOptions {
    TranscribeOptions::new(find_transcriber().expect("the set-up installed the transcriber"))
}

/// Lower case, without punctuation, numbers as words (the recogniser writes 10).
pub fn normalise(text: &str) -> Vec<String> {
    const NUMBERS: [&str; 11] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    text.split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric() || *c == '\'')
                .collect::<String>()
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .map(|w| match w.parse::<usize>() {
            Ok(n) if n < NUMBERS.len() => NUMBERS[n].to_string(),
            _ => w,
        })
        .collect()
}

/// Every word of a transcript, normalised.
pub fn heard_words(transcript: &Transcript) -> Vec<String> {
    normalise(
        &transcript
            .segments
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Word error rate of `heard` against `reference` (edit distance over words).
pub fn word_error_rate(reference: &[String], heard: &[String]) -> f64 {
    let mut row: Vec<usize> = (0..=heard.len()).collect();
    for (i, r) in reference.iter().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, h) in heard.iter().enumerate() {
            let substitute = previous + usize::from(r != h);
            previous = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[heard.len()] as f64 / reference.len().max(1) as f64
}

/// The clip's samples (16 kHz mono) and its length in milliseconds.
pub fn samples(name: &str) -> Vec<f32> {
    let mut decoder = MediaDecoder::open(&clip(name)).expect("the clip decodes");
    assert_eq!(decoder.info().sample_rate, 16_000);
    assert_eq!(decoder.info().channels, 1);
    let mut all = Vec::new();
    let mut block = Vec::new();
    while decoder.decode_next(&mut block).expect("decodes") {
        all.append(&mut block);
    }
    all.append(&mut block);
    all
}

/// Writes 16 kHz mono `samples` as a WAV file.
pub fn write_wav(path: &Path, samples: &[f32]) {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: 16_000,
        bits_per_sample: 32,
        sample_format: hound::SampleFormat::Float,
    };
    let mut writer = hound::WavWriter::create(path, spec).expect("the WAV can be written");
    for &s in samples {
        writer.write_sample(s).expect("writes");
    }
    writer.finalize().expect("finishes");
}

/// `goforward` and a LibriVox sentence (`sense-0930`) 2 s apart, as a WAV in `dir`;
/// and where the second starts, in milliseconds.
pub fn two_clips(dir: &Path) -> (PathBuf, u64) {
    let first = samples("goforward.flac");
    let second = samples("sense-0930.flac");
    let silence = vec![0.0f32; 16_000 * 2];
    let joined: Vec<f32> = [&first[..], &silence, &second].concat();
    let path = dir.join("joined.wav");
    write_wav(&path, &joined);
    (path, (first.len() + silence.len()) as u64 / 16)
}

/// Options whose first chunk ends before `second_at_ms`: its cut falls in the
/// silence before the second clip.
pub fn two_chunks(second_at_ms: u64) -> TranscribeOptions {
    let mut options = options();
    options.chunks = ChunkLimits {
        min_ms: 1_000,
        max_ms: second_at_ms - 200,
    };
    options
}
