//! Cover pictures embedded in local audio files.

use std::path::PathBuf;

use earmark_core::library::read_cover;

fn repo_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../..")
        .join(path)
}

#[test]
fn an_id3_cover_is_read_as_the_image_it_is() {
    let cover = read_cover(&repo_file(
        "tests/fixtures/audio/mp3-id3-picture-48k-mono.mp3",
    ))
    .expect("the fixture carries a 64x64 PNG in an APIC frame");
    assert_eq!(cover.mime, "image/png");
    assert!(
        cover.bytes.starts_with(b"\x89PNG"),
        "the picture's own bytes"
    );
    // The PNG's header says 64 x 64 (IHDR width and height, big-endian).
    assert_eq!(&cover.bytes[16..24], &[0, 0, 0, 64, 0, 0, 0, 64]);
}

#[test]
fn files_without_a_picture_or_unreadable_have_no_cover() {
    for path in [
        "assets/demo/demo.mp3",
        "tests/fixtures/audio/aac-faststart-44k-stereo.m4a",
        "tests/fixtures/audio/bad-random.mp3",
        "tests/fixtures/audio/does-not-exist.mp3",
    ] {
        assert_eq!(read_cover(&repo_file(path)), None, "{path}");
    }
}
