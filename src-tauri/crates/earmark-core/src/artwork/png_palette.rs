//! A PNG's palette checked before the `png` crate sees it: png 0.18.1 (the newest
//! release) panics on a `PLTE` chunk whose length is not a whole number of RGB
//! triples (image-rs/image-png#694, fixed upstream but not released). The spec
//! (PNG 11.2.3) allows only 1 to 256 triples, so anything else is refused here.

/// The eight bytes every PNG starts with.
const SIGNATURE_LEN: usize = 8;
/// A chunk's length and type, before its data; its CRC after.
const HEADER_LEN: usize = 8;
const CRC_LEN: usize = 4;
/// The most palette entries a PNG may have.
const MAX_ENTRIES: usize = 256;

/// Whether every `PLTE` chunk of the PNG in `bytes` (before its image data) holds
/// 1 to 256 whole RGB triples. Walks the chunk headers once; a file cut short is
/// left to the decoder to refuse.
pub(super) fn palette_is_sound(bytes: &[u8]) -> bool {
    let mut at = SIGNATURE_LEN;
    while let Some(header) = bytes.get(at..at + HEADER_LEN) {
        let (length, kind) = header.split_at(4);
        let length = u32::from_be_bytes([length[0], length[1], length[2], length[3]]) as usize;
        match kind {
            b"IDAT" => return true,
            b"PLTE" if !length.is_multiple_of(3) || !(3..=3 * MAX_ENTRIES).contains(&length) => {
                return false
            }
            _ => {}
        }
        at = at
            .saturating_add(HEADER_LEN + CRC_LEN)
            .saturating_add(length);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG of just these chunks (`(type, data length)`), with zeroed data and CRCs.
    fn png(chunks: &[(&[u8; 4], usize)]) -> Vec<u8> {
        let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
        for (kind, length) in chunks {
            bytes.extend_from_slice(&u32::try_from(*length).expect("small").to_be_bytes());
            bytes.extend_from_slice(*kind);
            bytes.resize(bytes.len() + length + CRC_LEN, 0);
        }
        bytes
    }

    #[test]
    fn a_palette_of_whole_triples_is_sound() {
        assert!(palette_is_sound(&png(&[
            (b"IHDR", 13),
            (b"PLTE", 9),
            (b"IDAT", 5)
        ])));
        assert!(palette_is_sound(&png(&[(b"IHDR", 13), (b"PLTE", 768)])));
        assert!(palette_is_sound(&png(&[(b"IHDR", 13), (b"IDAT", 5)])));
    }

    #[test]
    fn a_palette_not_in_triples_or_too_long_is_refused() {
        for length in [1, 4, 5, 295, 771] {
            let bytes = png(&[(b"IHDR", 13), (b"PLTE", length), (b"IDAT", 5)]);
            assert!(!palette_is_sound(&bytes), "PLTE of {length} bytes");
        }
    }

    #[test]
    fn chunks_after_the_image_data_and_a_file_cut_short_are_left_to_the_decoder() {
        assert!(palette_is_sound(&png(&[(b"IDAT", 5), (b"PLTE", 4)])));
        let mut cut = png(&[(b"IHDR", 13), (b"PLTE", 4)]);
        cut.truncate(20);
        assert!(palette_is_sound(&cut));
    }
}
