//! From bytes: encodings and binary junk.

use earmark_core::transcript::{parse_bytes, parse_fetched, TranscriptError, TranscriptFormat};

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

#[test]
fn utf32_with_and_without_a_mark() -> TestResult {
    let text = "\u{feff}WEBVTT\n\n00:01.000 --> 00:02.000\nÄänestys 𝄞\n";
    for with_mark in [true, false] {
        let text = if with_mark { text } else { &text[3..] };
        for big_endian in [false, true] {
            let bytes: Vec<u8> = text
                .chars()
                .flat_map(|c| {
                    let c = c as u32;
                    if big_endian {
                        c.to_be_bytes()
                    } else {
                        c.to_le_bytes()
                    }
                })
                .collect();
            let t = parse_bytes(&bytes, None)?;
            assert_eq!(t.segments[0].text, "Äänestys 𝄞", "be={big_endian}");
        }
    }
    Ok(())
}

#[test]
fn a_fetched_transcript_follows_the_servers_charset() -> TestResult {
    let (bytes, _, _) =
        encoding_rs::ISO_8859_2.encode("1\n00:00:01,000 --> 00:00:02,000\nŽluťoučký kůň úpěl\n");
    let t = parse_fetched(
        &bytes,
        None,
        Some("application/x-subrip; charset=iso-8859-2"),
    )?;
    assert_eq!(t.format, TranscriptFormat::Srt, "the MIME type is the hint");
    assert_eq!(t.segments[0].text, "Žluťoučký kůň úpěl");
    Ok(())
}

#[test]
fn an_undeclared_legacy_encoding_is_guessed() -> TestResult {
    let line = "Сегодня мы поговорим о том, как слушать подкасты офлайн и делать заметки";
    let srt = format!("1\n00:00:01,000 --> 00:00:02,000\n{line}\n");
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&srt);
    let t = parse_bytes(&bytes, None)?;
    assert_eq!(t.segments[0].text, line);
    Ok(())
}
