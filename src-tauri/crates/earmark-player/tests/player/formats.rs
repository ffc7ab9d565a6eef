//! Every format Earmark plays: exact length, samples aligned with ffmpeg's decode, and a
//! clear answer for files it cannot play.

use std::path::Path;

use earmark_player::{clip, decode_all, probe, PlayerError, PlayerEvent};

use crate::fixtures;
use crate::rig::Rig;

/// How far Earmark's samples may be from ffmpeg's: two decoders of the same stream
/// differ only by float rounding (measured: under 6e-6), and `expected.json` keeps 6
/// decimals. A one-frame misalignment would differ by around 1e-2.
const FFMPEG_TOLERANCE: f32 = 2e-5;

#[test]
fn every_format_has_its_exact_length() {
    for fixture in fixtures::expected() {
        let info = probe(&fixture.path()).unwrap_or_else(|e| panic!("{}: {e}", fixture.name));
        assert_eq!(
            info.frames, fixture.frames,
            "{}: exact length in frames",
            fixture.name
        );
        assert_eq!(
            info.sample_rate, fixture.sample_rate,
            "{}: sample rate",
            fixture.name
        );
        assert_eq!(
            info.channels, fixture.channels,
            "{}: channels",
            fixture.name
        );
        assert_eq!(
            info.duration_ms,
            fixture.frames * 1000 / u64::from(fixture.sample_rate),
            "{}: duration in ms",
            fixture.name
        );
    }
}

#[test]
fn decoded_samples_line_up_with_ffmpeg() {
    for fixture in fixtures::expected() {
        let (info, full) = decode_all(&fixture.path()).expect("decode");
        assert_eq!(
            full.len() as u64,
            fixture.frames * u64::from(info.channels),
            "{}",
            fixture.name
        );
        assert!(
            !fixture.samples.is_empty(),
            "{}: reference samples",
            fixture.name
        );
        for (at, reference) in &fixture.samples {
            for (i, want) in reference.iter().enumerate() {
                let got = full[(*at as usize + i) * usize::from(info.channels)];
                assert!(
                    (got - want).abs() <= FFMPEG_TOLERANCE,
                    "{}: frame {} is {got}, ffmpeg decodes {want}",
                    fixture.name,
                    at + i as u64
                );
            }
        }
    }
}

#[test]
fn every_format_plays_through_the_engine_to_its_exact_end() {
    for fixture in fixtures::expected() {
        let info = probe(&fixture.path()).expect("probe");
        let mut rig = Rig::new(info.sample_rate, info.channels, true);
        let from_ms = info.duration_ms - 300;
        rig.player.open(fixture.path(), from_ms).expect("open");
        rig.player.play().expect("play");
        let ended = (0..20).find_map(|_| {
            let clock = rig.pull_ms(100);
            matches!(rig.events.try_recv(), Ok(PlayerEvent::Ended)).then_some(clock)
        });
        let ended = ended.unwrap_or_else(|| panic!("{}: playback ends", fixture.name));
        assert_eq!(ended.media_ms, info.duration_ms, "{}", fixture.name);
        // What was heard is the file's tail, as a clip of it decodes (the same seek).
        let (_, tail) = clip(&fixture.path(), from_ms, info.duration_ms).expect("clip");
        assert!(
            rig.captured.len() >= tail.len() && rig.captured[..tail.len()] == tail[..],
            "{}: the engine plays the file's tail",
            fixture.name
        );
    }
}

#[test]
fn codecs_are_named() {
    let codec = |name: &str| probe(&fixtures::audio(name)).expect("probe").codec;
    assert_eq!(codec("mp3-cbr-44k-mono.mp3"), "mp3");
    assert_eq!(codec("aac-faststart-44k-stereo.m4a"), "aac");
    assert_eq!(codec("vorbis-48k-stereo.ogg"), "vorbis");
    assert_eq!(codec("flac-44k-mono.flac"), "flac");
    assert_eq!(codec("wav-s16-16k-stereo.wav"), "pcm_s16le");
    assert_eq!(codec("wav-f32-8k-mono.wav"), "pcm_f32le");
    assert_eq!(codec("opus-48k-stereo.ogg"), "opus");
    assert_eq!(codec("opus-48k-stereo.mp4"), "opus");
    assert_eq!(codec("aac-adts-44k-stereo-nopns.aac"), "aac");
    assert_eq!(codec("alac-8k-mono.m4a"), "alac");
    assert_eq!(codec("aiff-s16-8k-mono.aiff"), "pcm_s16be");
}

#[test]
fn codecs_earmark_cannot_play_are_named_in_a_sentence() {
    for (name, codec) in [
        ("codec-mp2-16k-mono.mp3", "the MPEG Layer II (MP2) codec"),
        ("codec-adpcm-8k-mono.wav", "the Microsoft ADPCM codec"),
        // A codec Earmark has, in a form its decoder lacks (libopus's adapter: stereo).
        ("codec-opus-51-48k.ogg", "a form of the Opus codec"),
        // Formats symphonia does not read at all, named from their first bytes.
        ("codec-wavpack-8k-mono.wv", "the WavPack codec"),
        ("codec-speex-16k-mono.spx", "the Speex codec"),
        (
            "codec-opus-48k-stereo.webm",
            "the Matroska (WebM, MKA) container",
        ),
        (
            "codec-wma-16k-mono.wma",
            "the Windows Media Audio (WMA) format",
        ),
        ("codec-ac3-48k-mono.ac3", "the Dolby Digital (AC-3) codec"),
    ] {
        let path = fixtures::audio(name);
        let err = probe(&path).expect_err(name);
        assert!(
            matches!(err, PlayerError::UnsupportedCodec { .. }),
            "{name}: {err:?}"
        );
        assert_eq!(
            err.to_string(),
            format!(
                "{} uses {codec}, which Earmark cannot play yet",
                path.display()
            )
        );
    }
}

#[test]
fn an_empty_file_says_it_is_empty() {
    let err = probe(&fixtures::audio("bad-empty.mp3")).expect_err("empty");
    assert!(matches!(err, PlayerError::Empty(_)), "got {err:?}");
    assert!(err.to_string().contains("is empty"), "message: {err}");
}

#[test]
fn files_that_are_not_audio_say_so() {
    for name in ["bad-random.mp3", "bad-text.mp3"] {
        let err = probe(&fixtures::audio(name)).expect_err(name);
        assert!(
            matches!(
                err,
                PlayerError::Unsupported { .. } | PlayerError::Corrupt { .. }
            ),
            "{name}: got {err:?}"
        );
        assert!(
            err.to_string().contains(name),
            "{name}: the message names the file: {err}"
        );
    }
}

#[test]
fn an_mp3_with_a_cover_picture_plays() {
    let info = probe(Path::new(&fixtures::audio("mp3-id3-picture-48k-mono.mp3"))).expect("probe");
    assert_eq!((info.sample_rate, info.frames), (48_000, 384_000));
}
