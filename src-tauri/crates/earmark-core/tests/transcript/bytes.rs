//! From bytes: encodings and binary junk.

use earmark_core::transcript::{parse_bytes, TranscriptError, TranscriptFormat};

use crate::{fixture_bytes, rows, TestResult};

#[test]
fn utf16_with_and_without_bom() -> TestResult {
    for name in ["utf16le.vtt", "utf16be_nobom.vtt"] {
        let t = parse_bytes(&fixture_bytes(name)?, None)?;
        assert_eq!(t.format, TranscriptFormat::Vtt, "{name}");
        assert_eq!(
            rows(&t),
            vec![(
                Some(0),
                Some(2000),
                Some("Zoë"),
                "Crème brûlée — naïve café."
            )],
            "{name} decodes"
        );
    }
    Ok(())
}

#[test]
fn windows_1252_fallback() -> TestResult {
    let bytes = fixture_bytes("latin1.txt")?;
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture is not UTF-8"
    );
    let t = parse_bytes(&bytes, None)?;
    assert_eq!(
        rows(&t),
        vec![
            (None, None, Some("Zoë"), "Crème brûlée, naïve café."),
            (None, None, Some("Björn"), "Smörgåsbord!")
        ]
    );
    Ok(())
}

#[test]
fn binary_junk_is_refused() -> TestResult {
    let junk = fixture_bytes("junk.bin")?;
    let result = parse_bytes(&junk, None);
    assert_eq!(
        result,
        Err(TranscriptError::NotATranscript),
        "random bytes behind an ID3 header"
    );
    assert_eq!(
        TranscriptError::NotATranscript.to_string(),
        "This file does not look like a transcript.",
        "the message a user sees"
    );
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
    assert_eq!(
        parse_bytes(png, None),
        Err(TranscriptError::NotATranscript),
        "a PNG header"
    );
    Ok(())
}

#[test]
fn utf8_bom_is_dropped() -> TestResult {
    let t = parse_bytes(b"\xef\xbb\xbfWEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", None)?;
    assert_eq!(
        t.format,
        TranscriptFormat::Vtt,
        "the BOM does not hide the header"
    );
    Ok(())
}
