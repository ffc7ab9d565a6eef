//! The decoders Earmark plays with, and the name of a codec it cannot play.
//!
//! symphonia's decoders (the features enabled in the workspace `Cargo.toml`) plus Opus
//! through the system's libopus, by `symphonia-adapter-libopus` (see docs/decisions.md,
//! "Opus through libopus"). A file whose codec none of them decodes is refused with a
//! sentence that names the codec ([`PlayerError::UnsupportedCodec`]), never with
//! symphonia's internal error text.

use std::path::Path;
use std::sync::OnceLock;

use symphonia::core::codecs::{
    CodecParameters, CodecRegistry, CodecType, Decoder, DecoderOptions, CODEC_TYPE_AAC,
    CODEC_TYPE_AC4, CODEC_TYPE_ADPCM_IMA_QT, CODEC_TYPE_ADPCM_IMA_WAV, CODEC_TYPE_ADPCM_MS,
    CODEC_TYPE_ALAC, CODEC_TYPE_ATRAC1, CODEC_TYPE_ATRAC3, CODEC_TYPE_ATRAC3PLUS,
    CODEC_TYPE_ATRAC9, CODEC_TYPE_DCA, CODEC_TYPE_EAC3, CODEC_TYPE_FLAC, CODEC_TYPE_MONKEYS_AUDIO,
    CODEC_TYPE_MP1, CODEC_TYPE_MP2, CODEC_TYPE_MP3, CODEC_TYPE_MUSEPACK, CODEC_TYPE_OPUS,
    CODEC_TYPE_SPEEX, CODEC_TYPE_TTA, CODEC_TYPE_VORBIS, CODEC_TYPE_WAVPACK, CODEC_TYPE_WMA,
};
use symphonia::core::errors::Error as SymphoniaError;
use symphonia_adapter_libopus::OpusDecoder;

use crate::error::PlayerError;

/// Every decoder Earmark has, built once.
fn registry() -> &'static CodecRegistry {
    static CODECS: OnceLock<CodecRegistry> = OnceLock::new();
    CODECS.get_or_init(|| {
        let mut codecs = CodecRegistry::new();
        symphonia::default::register_enabled_codecs(&mut codecs);
        codecs.register_all::<OpusDecoder>();
        codecs
    })
}

/// A decoder for `params`, or the sentence naming a codec Earmark cannot play.
pub(crate) fn make_decoder(
    path: &Path,
    params: &CodecParameters,
) -> Result<Box<dyn Decoder>, PlayerError> {
    let codecs = registry();
    let unsupported = |codec: String| PlayerError::UnsupportedCodec {
        path: path.to_path_buf(),
        codec,
    };
    // "the MP3 codec", "a form of the AAC codec"
    let phrase = |form: &str| {
        name(params.codec).map_or_else(
            || "a codec Earmark does not know".to_string(),
            |name| format!("{form}the {name} codec"),
        )
    };
    if codecs.get_codec(params.codec).is_none() {
        return Err(unsupported(phrase("")));
    }
    let mut params = params.clone();
    if params.codec == CODEC_TYPE_OPUS {
        // The adapter trims the OpusHead's pre-skip off the first packet it decodes;
        // Earmark places every packet by its timestamp and drops the pre-skip itself
        // (it is the lead-in, see `crate::decode`), after a seek too. Without the
        // header the adapter trims nothing.
        params.extra_data = None;
    }
    codecs
        .make(&params, &DecoderOptions::default())
        .map_err(|e| match e {
            // A feature of the codec the decoder lacks (what AAC's is, `crate::aac_config`
            // names before this).
            SymphoniaError::Unsupported(_) => unsupported(phrase("a form of ")),
            e => PlayerError::Corrupt {
                path: path.to_path_buf(),
                detail: e.to_string(),
            },
        })
}

/// The codec's short name (`mp3`, `aac`, `opus`, `pcm_s16le`, …).
pub(crate) fn short_name(codec: CodecType) -> String {
    registry()
        .get_codec(codec)
        .map(|d| d.short_name.to_string())
        .unwrap_or_else(|| "unknown".to_string())
}

/// The name a listener would know a codec by, where symphonia knows the codec.
fn name(codec: CodecType) -> Option<&'static str> {
    const NAMES: [(CodecType, &str); 24] = [
        (CODEC_TYPE_MP1, "MPEG Layer I"),
        (CODEC_TYPE_MP2, "MPEG Layer II (MP2)"),
        (CODEC_TYPE_MP3, "MP3"),
        (CODEC_TYPE_AAC, "AAC"),
        (CODEC_TYPE_OPUS, "Opus"),
        (CODEC_TYPE_VORBIS, "Vorbis"),
        (CODEC_TYPE_FLAC, "FLAC"),
        (CODEC_TYPE_ALAC, "Apple Lossless (ALAC)"),
        (CODEC_TYPE_SPEEX, "Speex"),
        (CODEC_TYPE_MUSEPACK, "Musepack"),
        (CODEC_TYPE_WMA, "Windows Media Audio"),
        (CODEC_TYPE_WAVPACK, "WavPack"),
        (CODEC_TYPE_MONKEYS_AUDIO, "Monkey's Audio"),
        (CODEC_TYPE_TTA, "True Audio (TTA)"),
        (CODEC_TYPE_EAC3, "Dolby Digital Plus (E-AC-3)"),
        (CODEC_TYPE_AC4, "Dolby AC-4"),
        (CODEC_TYPE_DCA, "DTS"),
        (CODEC_TYPE_ATRAC1, "ATRAC"),
        (CODEC_TYPE_ATRAC3, "ATRAC3"),
        (CODEC_TYPE_ATRAC3PLUS, "ATRAC3plus"),
        (CODEC_TYPE_ATRAC9, "ATRAC9"),
        (CODEC_TYPE_ADPCM_MS, "Microsoft ADPCM"),
        (CODEC_TYPE_ADPCM_IMA_WAV, "IMA ADPCM"),
        (CODEC_TYPE_ADPCM_IMA_QT, "QuickTime IMA ADPCM"),
    ];
    NAMES
        .iter()
        .find(|(known, _)| *known == codec)
        .map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use symphonia::core::codecs::CODEC_TYPE_NULL;

    use super::*;

    #[test]
    fn every_codec_earmark_cannot_play_has_a_name() {
        assert_eq!(name(CODEC_TYPE_MP2), Some("MPEG Layer II (MP2)"));
        assert_eq!(name(CODEC_TYPE_NULL), None);
        assert_eq!(short_name(CODEC_TYPE_OPUS), "opus");
        assert_eq!(short_name(CODEC_TYPE_ALAC), "alac");
    }
}
