//! Scaling a picture down to the sizes the window shows: decoded within bounds (a
//! small file can claim a huge canvas), never scaled up, and written again as PNG
//! when it has transparency, else as JPEG — a plain file whatever came in.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageFormat, ImageReader, Limits};

/// The widest or tallest picture decoded.
const MAX_SIDE: u32 = 8_192;
/// The most memory a decoder may ask for.
const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;
/// JPEG quality of the scaled pictures.
const JPEG_QUALITY: u8 = 85;

/// A picture scaled down and encoded again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scaled {
    /// `png` or `jpg`.
    pub extension: &'static str,
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Decodes `bytes` (PNG, JPEG, GIF or WebP by signature; the first frame of an
/// animation) within bounds, then returns it fitted inside `side`×`side` pixels for
/// each of `sides`, keeping its proportions. `None` when it is not such a picture or
/// cannot be decoded.
pub fn scaled(bytes: &[u8], sides: &[u32]) -> Option<Vec<Scaled>> {
    let picture = decode(bytes)?;
    sides
        .iter()
        .map(|&side| encode(&fit(&picture, side)))
        .collect()
}

fn decode(bytes: &[u8]) -> Option<DynamicImage> {
    let format = ImageFormat::from_mime_type(crate::library::image_type(bytes)?)?;
    if format == ImageFormat::Png && !super::png_palette::palette_is_sound(bytes) {
        return None;
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    reader.decode().ok()
}

fn fit(picture: &DynamicImage, side: u32) -> DynamicImage {
    if picture.width() <= side && picture.height() <= side {
        return picture.clone();
    }
    picture.resize(side, side, FilterType::Triangle)
}

fn encode(picture: &DynamicImage) -> Option<Scaled> {
    let mut bytes = Vec::new();
    let extension = if has_transparency(picture) {
        picture
            .to_rgba8()
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .ok()?;
        "png"
    } else {
        let rgb = picture.to_rgb8();
        JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY)
            .encode_image(&rgb)
            .ok()?;
        "jpg"
    };
    Some(Scaled {
        extension,
        width: picture.width(),
        height: picture.height(),
        bytes,
    })
}

/// Whether any pixel is not fully opaque.
fn has_transparency(picture: &DynamicImage) -> bool {
    picture.color().has_alpha() && picture.to_rgba8().pixels().any(|p| p.0[3] < u8::MAX)
}

#[cfg(test)]
mod tests {
    use image::{Rgb, RgbImage, Rgba, RgbaImage};

    use super::*;

    fn png(picture: DynamicImage) -> Vec<u8> {
        let mut bytes = Vec::new();
        picture
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .expect("encode");
        bytes
    }

    #[test]
    fn a_large_picture_is_fitted_inside_each_size_keeping_its_proportions() {
        let wide = png(RgbImage::from_pixel(1_200, 600, Rgb([200, 30, 30])).into());
        let out = scaled(&wide, &[96, 512]).expect("scaled");
        assert_eq!((out[0].width, out[0].height), (96, 48));
        assert_eq!((out[1].width, out[1].height), (512, 256));
        assert_eq!(out[0].extension, "jpg", "an opaque picture becomes a JPEG");
        assert_eq!(&out[0].bytes[..3], &[0xff, 0xd8, 0xff]);
    }

    #[test]
    fn a_small_picture_is_not_scaled_up_and_transparency_stays_png() {
        let small = png(RgbaImage::from_pixel(40, 40, Rgba([0, 0, 0, 0])).into());
        let out = scaled(&small, &[96]).expect("scaled");
        assert_eq!((out[0].width, out[0].height), (40, 40));
        assert_eq!(out[0].extension, "png");
    }

    #[test]
    fn what_is_not_a_picture_is_refused() {
        assert_eq!(
            scaled(b"<svg xmlns='http://www.w3.org/2000/svg'/>", &[96]),
            None
        );
        assert_eq!(scaled(b"\x89PNG\r\n\x1a\n broken", &[96]), None);
    }

    #[test]
    fn a_png_whose_palette_is_not_in_triples_is_refused_not_a_panic() {
        // Found by the fuzz smoke run: a 295-byte PLTE panicked inside png 0.18.1.
        let found =
            include_bytes!("../../../../../tests/fuzz/seeds/artwork/palette-not-in-triples.png");
        assert_eq!(scaled(found, &[96]), None);
    }
}
