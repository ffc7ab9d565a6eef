//! Where a download lands: names derived from the library, never from the enclosure.
//!
//! `data_dir/downloads/<podcast-slug>/<episode-id>-<episode-slug>.<ext>`, where a slug
//! holds only `a-z`, `0-9` and `-` (so no separator, no `..`, no reserved device
//! name), and the extension comes from a fixed list (chosen by the enclosure address's
//! extension or MIME type, `mp3` otherwise). The partial file is `<episode-id>.part`
//! in the same folder, so a change of the episode's title between attempts does not
//! lose it.

use std::path::{Path, PathBuf};

use crate::store::{EpisodeId, PodcastId};

/// The downloads folder's name inside the data directory.
pub const DOWNLOADS_DIR: &str = "downloads";

/// The folder for local files' downloads (episodes without a podcast).
const NO_PODCAST_DIR: &str = "episodes";

/// The longest slug, in characters.
const MAX_SLUG: usize = 48;

/// Audio extensions a download may get, with the MIME types that name them.
const EXTENSIONS: &[(&str, &[&str])] = &[
    (
        "mp3",
        &[
            "audio/mpeg",
            "audio/mp3",
            "audio/mpeg3",
            "audio/x-mpeg",
            "audio/x-mp3",
        ],
    ),
    (
        "m4a",
        &["audio/mp4", "audio/x-m4a", "audio/m4a", "audio/aac+mp4"],
    ),
    ("aac", &["audio/aac", "audio/x-aac", "audio/aacp"]),
    ("mp4", &["video/mp4"]),
    ("m4v", &["video/x-m4v"]),
    ("ogg", &["audio/ogg", "application/ogg", "audio/vorbis"]),
    ("oga", &[]),
    ("opus", &["audio/opus"]),
    ("flac", &["audio/flac", "audio/x-flac"]),
    ("wav", &["audio/wav", "audio/x-wav", "audio/wave"]),
    ("webm", &["audio/webm", "video/webm"]),
];

/// The file names of one episode's download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DownloadPaths {
    /// The folder: `data_dir/downloads/<podcast-slug>`.
    pub dir: PathBuf,
    /// The finished file.
    pub file: PathBuf,
    /// The partial file while downloading.
    pub part: PathBuf,
    /// What the partial file was fetched from (address, validators).
    pub part_meta: PathBuf,
}

/// Where episode `episode` of the podcast titled `podcast_title` lands.
pub fn download_paths(
    data_dir: &Path,
    podcast: Option<(PodcastId, &str)>,
    episode: EpisodeId,
    episode_title: &str,
    audio_url: &str,
    mime: Option<&str>,
) -> DownloadPaths {
    let folder = match podcast {
        Some((id, title)) => {
            let slug = slug(title);
            if slug.is_empty() {
                format!("podcast-{id}")
            } else {
                slug
            }
        }
        None => NO_PODCAST_DIR.to_owned(),
    };
    let dir = data_dir.join(DOWNLOADS_DIR).join(folder);
    let ext = extension(audio_url, mime);
    let title = slug(episode_title);
    let name = if title.is_empty() {
        format!("{episode}.{ext}")
    } else {
        format!("{episode}-{title}.{ext}")
    };
    DownloadPaths {
        file: dir.join(name),
        part: dir.join(format!("{episode}.part")),
        part_meta: dir.join(format!("{episode}.part.json")),
        dir,
    }
}

/// Lower-case ASCII letters and digits joined by single dashes, at most
/// [`MAX_SLUG`] characters; accents are dropped to their base letter where simple.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
            if out.len() >= MAX_SLUG {
                break;
            }
        } else {
            dash = true;
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if is_reserved(&out) {
        format!("{out}-audio")
    } else {
        out
    }
}

/// Windows device names, which no file or folder may be called.
fn is_reserved(name: &str) -> bool {
    matches!(name, "con" | "prn" | "aux" | "nul")
        || (name.len() == 4
            && (name.starts_with("com") || name.starts_with("lpt"))
            && name.as_bytes()[3].is_ascii_digit())
}

/// Common accented Latin letters as their base letter (`é` → `e`, `ß` → `ss`).
fn fold_accent(c: char) -> impl Iterator<Item = char> {
    let folded: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ß' => "ss",
        _ => "",
    };
    let single = folded.is_empty().then_some(c);
    folded.chars().chain(single)
}

/// The extension for a download: the address's own when it is a known audio
/// extension, else the MIME type's, else `mp3`.
fn extension(audio_url: &str, mime: Option<&str>) -> &'static str {
    let from_url = reqwest::Url::parse(audio_url).ok().and_then(|url| {
        let last = url.path_segments()?.next_back()?.to_ascii_lowercase();
        let (_, ext) = last.rsplit_once('.')?;
        EXTENSIONS.iter().find(|(e, _)| *e == ext).map(|(e, _)| *e)
    });
    let from_mime = || {
        let essence = mime?.split(';').next()?.trim().to_ascii_lowercase();
        EXTENSIONS
            .iter()
            .find(|(_, mimes)| mimes.contains(&essence.as_str()))
            .map(|(e, _)| *e)
    };
    from_url.or_else(from_mime).unwrap_or("mp3")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_names() {
        assert_eq!(slug("The Daily: Episode #12!"), "the-daily-episode-12");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("Café Society — Über"), "cafe-society-uber");
        assert_eq!(slug("日本語"), "");
        assert_eq!(slug("CON"), "con-audio");
        assert_eq!(slug("lpt1"), "lpt1-audio");
        assert_eq!(slug(&"a".repeat(200)).len(), MAX_SLUG);
        assert_eq!(slug("  --  "), "");
    }

    #[test]
    fn the_enclosure_never_decides_where_a_file_lands() {
        let data = Path::new("/data");
        let paths = download_paths(
            data,
            Some((3, "../../Show")),
            42,
            "../../../etc/cron.d/evil",
            "https://evil.example/../../x/%2e%2e%2fpasswd.sh?name=../../a.mp3",
            Some("application/x-sh"),
        );
        assert_eq!(paths.dir, Path::new("/data/downloads/show"));
        assert_eq!(
            paths.file,
            Path::new("/data/downloads/show/42-etc-cron-d-evil.mp3")
        );
        assert_eq!(paths.part, Path::new("/data/downloads/show/42.part"));
        assert!(paths.file.starts_with("/data/downloads"));
    }

    #[test]
    fn extension_from_address_then_type() {
        let ext = |url: &str, mime: Option<&str>| extension(url, mime);
        assert_eq!(ext("https://x/ep.M4A?x=1", Some("audio/mpeg")), "m4a");
        assert_eq!(ext("https://x/download?id=3", Some("audio/x-m4a")), "m4a");
        assert_eq!(
            ext("https://x/ep.exe", Some("audio/ogg; codecs=opus")),
            "ogg"
        );
        assert_eq!(ext("https://x/ep", None), "mp3");
        assert_eq!(
            download_paths(
                Path::new("/d"),
                Some((7, "日本語")),
                1,
                "",
                "https://x/a.opus",
                None
            )
            .file,
            Path::new("/d/downloads/podcast-7/1.opus")
        );
    }
}
