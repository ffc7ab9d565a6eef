//! `earmark-bench library DATA_DIR`: how long the window's calls take on a large
//! library (issue 21: 1,000 shows and 200,000 episodes; `earmark-bench refresh --keep
//! DIR` makes one). Each call is timed as the app's command runs it: the store's
//! query and the JSON the window receives (the IPC payload), not the window's own
//! drawing.
//!
//! - `sidebar`: the shows and each show's newest episodes and counts the sidebar is
//!   drawn from (`library_podcasts`, `library_sidebar`); target ≤ 200 ms. The whole
//!   library list, which the sidebar was drawn from before issue 21, is timed too.
//! - `show page`: the first 100 episodes of the largest show with their show notes'
//!   start (`podcast_episodes`); target ≤ 100 ms.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use earmark_core::store::{Store, SIDEBAR_EPISODES};
use serde::Serialize;

use earmark_cli::report::{CliError, Report};

const SIDEBAR_TARGET_MS: f64 = 200.0;
const SHOW_PAGE_TARGET_MS: f64 = 100.0;
/// Episodes on a show page's first screen, as the window asks.
const PAGE_ROWS: usize = 100;

/// Arguments of `earmark-bench library`.
#[derive(Debug, clap::Args)]
pub struct LibraryArgs {
    /// The library's data folder.
    data_dir: PathBuf,
    /// Timed rounds of each call.
    #[arg(long, default_value_t = 20)]
    rounds: usize,
}

#[derive(Debug, Serialize)]
struct Call {
    what: &'static str,
    p50_ms: f64,
    p95_ms: f64,
    max_ms: f64,
    payload_mb: f64,
    target_ms: f64,
    met: bool,
}

#[derive(Debug, Serialize)]
struct LibraryBench {
    shows: usize,
    episodes: usize,
    database_mb: f64,
    calls: Vec<Call>,
}

/// Runs the benchmark and prints its figures.
pub fn run(args: &LibraryArgs, out: &Report) -> Result<(), CliError> {
    let store = Store::open_in_data_dir(&args.data_dir)?;
    let shows = store.podcasts()?;
    let largest = shows
        .iter()
        .map(|p| Ok((store.podcast_episodes(Some(p.id), 0, 0)?.total, p.id)))
        .collect::<Result<Vec<_>, CliError>>()?
        .into_iter()
        .max()
        .map(|(_, id)| id);
    let sidebar = time(
        args.rounds,
        SIDEBAR_TARGET_MS,
        "sidebar (shows + newest episodes)",
        || {
            let podcasts = store.podcasts()?;
            let shows = store.sidebar(SIDEBAR_EPISODES, None)?;
            Ok(json_len(&podcasts)? + json_len(&shows)?)
        },
    )?;
    let mut episodes = 0;
    let before = time(
        args.rounds.min(5),
        SIDEBAR_TARGET_MS,
        "before: the whole library list",
        || {
            let list = store.list_episodes()?;
            episodes = list.len();
            json_len(&list)
        },
    )?;
    let page = time(
        args.rounds,
        SHOW_PAGE_TARGET_MS,
        "show page (first 100)",
        || {
            let page = store.podcast_episodes(largest, 0, PAGE_ROWS)?;
            json_len(&page)
        },
    )?;
    let database = args.data_dir.join(earmark_core::store::DATABASE_FILE_NAME);
    let bench = LibraryBench {
        shows: shows.len(),
        episodes,
        database_mb: round(std::fs::metadata(&database).map_or(0, |m| m.len()) as f64 / 1e6),
        calls: vec![sidebar, page, before],
    };
    out.print(&bench, || {
        let mut lines = vec![format!(
            "{} shows, {} episodes, database {} MB",
            bench.shows, bench.episodes, bench.database_mb
        )];
        for c in &bench.calls {
            lines.push(format!(
                "{}: p50 {} ms, p95 {} ms, max {} ms, {} MB to the window (target {} ms) {}",
                c.what,
                c.p50_ms,
                c.p95_ms,
                c.max_ms,
                c.payload_mb,
                c.target_ms,
                if c.met { "met" } else { "MISSED" }
            ));
        }
        lines.join("\n")
    })
}

/// Times `call` `rounds` times after one warm-up run.
fn time(
    rounds: usize,
    target_ms: f64,
    what: &'static str,
    mut call: impl FnMut() -> Result<usize, CliError>,
) -> Result<Call, CliError> {
    let payload = call()?;
    let mut times: Vec<Duration> = Vec::with_capacity(rounds);
    for _ in 0..rounds.max(1) {
        let started = Instant::now();
        call()?;
        times.push(started.elapsed());
    }
    times.sort();
    let ms = |d: Duration| round(d.as_secs_f64() * 1e3);
    let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    let p95 = ms(at(0.95));
    Ok(Call {
        what,
        p50_ms: ms(at(0.5)),
        p95_ms: p95,
        max_ms: ms(at(1.0)),
        payload_mb: round(payload as f64 / 1e6),
        target_ms,
        met: p95 <= target_ms,
    })
}

fn json_len<T: Serialize>(value: &T) -> Result<usize, CliError> {
    serde_json::to_vec(value)
        .map(|v| v.len())
        .map_err(|e| CliError::Message(e.to_string()))
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
