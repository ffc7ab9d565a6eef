//! Naming the audio formats Earmark does not read, from their first bytes.
//!
//! symphonia's probe knows only the formats it reads: for a WavPack, Monkey's Audio,
//! Musepack, TTA, WMA, Matroska/WebM, CAF, raw AC-3 or DTS file, or an Ogg stream of
//! Speex, it says "no suitable format reader found" or finds no track. Those formats
//! begin with a fixed signature (each format's own specification), so when symphonia
//! finds nothing the first bytes name the format for the error sentence ("… uses the
//! WavPack codec, which Earmark cannot play yet").

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Bytes read from the start of the file: the longest signature, and Ogg's first page
/// up to its first packet's codec id.
const HEAD: usize = 40;

/// Signatures at the start of a file, and what they are.
const SIGNATURES: [(&[u8], &str); 10] = [
    (b"wvpk", "the WavPack codec"),
    (b"MAC ", "the Monkey's Audio codec"),
    (b"MPCK", "the Musepack codec"),
    (b"MP+", "the Musepack codec"),
    (b"TTA1", "the True Audio (TTA) codec"),
    (
        &[0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11],
        "the Windows Media Audio (WMA) format",
    ),
    (
        &[0x1a, 0x45, 0xdf, 0xa3],
        "the Matroska (WebM, MKA) container",
    ),
    (b"caff", "Apple's Core Audio Format (CAF)"),
    (&[0x0b, 0x77], "the Dolby Digital (AC-3) codec"),
    (&[0x7f, 0xfe, 0x80, 0x01], "the DTS codec"),
];

/// What the format of `path` is, as a phrase for "… uses X, which Earmark cannot play
/// yet", when its first bytes are those of a format Earmark does not read.
pub(crate) fn unreadable_format(path: &Path) -> Option<&'static str> {
    let mut head = Vec::with_capacity(HEAD);
    File::open(path)
        .ok()?
        .take(HEAD as u64)
        .read_to_end(&mut head)
        .ok()?;
    named(&head)
}

fn named(head: &[u8]) -> Option<&'static str> {
    // An Ogg page's header is 27 bytes and its segment table one per segment; the
    // first packet of a Speex stream starts with "Speex   ".
    if head.starts_with(b"OggS") && head.len() >= 27 {
        let first_packet = 27 + usize::from(head[26]);
        if head.get(first_packet..first_packet + 5) == Some(b"Speex") {
            return Some("the Speex codec");
        }
    }
    SIGNATURES
        .iter()
        .find(|(signature, _)| head.starts_with(signature))
        .map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_earmark_does_not_read_are_named_by_their_signature() {
        assert_eq!(named(b"wvpk\x20\0\0\0"), Some("the WavPack codec"));
        assert_eq!(
            named(&[0x1a, 0x45, 0xdf, 0xa3, 0x9f]),
            Some("the Matroska (WebM, MKA) container")
        );
        let mut speex = b"OggS\0\x02".to_vec();
        speex.resize(26, 0);
        speex.push(1); // one segment
        speex.push(80);
        speex.extend(b"Speex   1.2");
        assert_eq!(named(&speex), Some("the Speex codec"));
        assert_eq!(
            named(b"OggS\0\x02"),
            None,
            "another Ogg stream, or too short"
        );
        assert_eq!(named(b"This is not audio."), None);
        assert_eq!(named(b""), None);
    }
}
