//! `earmark-cli search QUERY [--limit N]`.

use std::path::Path;

use earmark_core::store::{render_snippet, HitKind, SearchHit, Store};
use serde::Serialize;

use crate::report::{clock, one_line, CliError, Report};

/// Arguments of `search`.
#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
JSON: {\"hits\": [{\"episode\", \"at_ms\", \"kind\", \"snippet\", \"episode_title\", ...}]}, \
best first. \"kind\" is transcript, note, highlight or episode; \"at_ms\" is null for an \
episode hit or an untimed transcript line. In the JSON snippet each match is wrapped in \
the control characters U+0002 (start) and U+0003 (end), which never occur in the text \
itself (split on them to mark matches); the text output shows matches as [match].")]
pub struct SearchArgs {
    /// Words to find in every transcript, note, highlight and episode title: every
    /// word must occur; "a phrase" in quotes; a trailing * finds prefixes (conver*).
    #[arg(allow_hyphen_values = true)]
    query: String,
    /// Show at most this many hits.
    #[arg(long, default_value_t = 20)]
    limit: usize,
}

/// The `search --json` document (docs/cli.md).
#[derive(Serialize)]
struct Hits {
    hits: Vec<SearchHit>,
}

/// Prints the best hits for the query.
pub fn run(args: &SearchArgs, data_dir: &Path, out: &Report) -> Result<(), CliError> {
    let store = Store::open_in_data_dir(data_dir)?;
    let hits = Hits {
        hits: store.search(&args.query, args.limit)?,
    };
    out.print(&hits, || {
        if hits.hits.is_empty() {
            return format!("Nothing matches \"{}\".", args.query);
        }
        hits.hits
            .iter()
            .map(hit_line)
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// `Episode title [m:ss] note: …the [match] in context…`.
fn hit_line(hit: &SearchHit) -> String {
    let at = hit
        .at_ms
        .map(|ms| format!(" [{}]", clock(ms)))
        .unwrap_or_default();
    format!(
        "{} (episode {}){at} {}: {}",
        hit.episode_title,
        hit.episode,
        kind_name(hit.kind),
        one_line(&render_snippet(&hit.snippet, "[", "]"))
    )
}

/// The kind's name, as in the JSON.
fn kind_name(kind: HitKind) -> &'static str {
    match kind {
        HitKind::Transcript => "transcript",
        HitKind::Note => "note",
        HitKind::Highlight => "highlight",
        HitKind::Episode => "episode",
    }
}
