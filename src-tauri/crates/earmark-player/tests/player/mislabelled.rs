//! Files named for another format play as what they are: the format is read from the
//! content (symphonia's probe looks for each format's markers; the extension is only a
//! hint), so an Ogg Vorbis or FLAC file saved as `.mp3`, an MP3 saved as `.m4a`, or a
//! file with no extension at all plays with its exact length and the same samples as
//! the correctly named file.

use std::path::{Path, PathBuf};

use earmark_player::{clip, decode_all, probe};

use crate::fixtures;

/// A copy of the fixture `name` in `dir`, named `renamed`.
fn copy_as(dir: &Path, name: &str, renamed: &str) -> PathBuf {
    let path = dir.join(renamed);
    std::fs::copy(fixtures::audio(name), &path).expect("copy");
    path
}

/// (fixture, the name it is copied to, the codec it really holds)
const MISLABELLED: [(&str, &str, &str); 9] = [
    ("vorbis-48k-stereo.ogg", "vorbis.mp3", "vorbis"),
    ("flac-44k-mono.flac", "flac.mp3", "flac"),
    ("mp3-cbr-44k-mono.mp3", "mp3.m4a", "mp3"),
    ("mp3-vbr-noxing-44k-mono.mp3", "mp3.ogg", "mp3"),
    ("aac-moov-end-48k-mono-nopns.m4a", "aac.mp3", "aac"),
    ("wav-s16-16k-stereo.wav", "wav.flac", "pcm_s16le"),
    ("flac-44k-mono.flac", "no-extension", "flac"),
    ("opus-48k-stereo.ogg", "opus.mp3", "opus"),
    ("aac-adts-44k-stereo-nopns.aac", "adts.m4a", "aac"),
];

#[test]
fn mislabelled_audio_plays_as_what_it_is_with_its_exact_length() {
    let dir = tempfile::tempdir().expect("tempdir");
    let expected = fixtures::expected();
    for (name, renamed, codec) in MISLABELLED {
        let fixture = expected
            .iter()
            .find(|f| f.name == name)
            .unwrap_or_else(|| panic!("{name} is in expected.json"));
        let path = copy_as(dir.path(), name, renamed);
        let info = probe(&path).unwrap_or_else(|e| panic!("{name} as {renamed}: {e}"));
        assert_eq!(info.codec, codec, "{name} as {renamed}: the real codec");
        assert_eq!(
            (info.frames, info.sample_rate, info.channels),
            (fixture.frames, fixture.sample_rate, fixture.channels),
            "{name} as {renamed}: exact length and layout"
        );
        let (_, renamed_audio) = decode_all(&path).expect("decodes");
        let (_, original) = decode_all(&fixture.path()).expect("original decodes");
        assert!(
            renamed_audio == original,
            "{name} as {renamed}: the same samples as the correctly named file"
        );
        let (_, seeked) = clip(&path, 1_234, 1_334).expect("clip");
        let (_, same) = clip(&fixture.path(), 1_234, 1_334).expect("clip");
        assert!(
            !seeked.is_empty() && seeked == same,
            "{name} as {renamed}: a seek lands on the same sample"
        );
    }
}
