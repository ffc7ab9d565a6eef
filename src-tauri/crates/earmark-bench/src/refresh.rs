//! `earmark-bench refresh`: issue 21's refresh benchmark. A farm of generated feeds
//! ([`crate::feed_farm`]: 1,000 feeds of 20 KB to 5 MB on 50 loopback hosts, each
//! answer delayed 100–500 ms) is subscribed to in a fresh library; then 5 % of the
//! feeds gain an episode and the whole library is checked (the full refresh), then
//! checked again with nothing changed, both as the app does it
//! ([`check_feeds`] with [`RefreshAll::ASKED`]). The same run measures the refresh as it
//! was before issue 21 on a sample of the feeds: one feed after the other, each
//! fetched whole (no validators), extrapolated to the whole library.
//!
//! Each step runs in a child process (`earmark-bench refresh-step`) so that its peak
//! memory is its own (the farm holds every feed in memory); the farm counts the bytes
//! each way and the most requests open at once to one host. `--keep DIR` leaves the
//! library there (1,000 shows, some 200,000 episodes) for `earmark-bench library`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use earmark_api::refresh_report::check_feeds;
use earmark_core::feeds::{refresh, subscribe, RefreshAll, REFRESH_WORKERS};
use earmark_core::http::{HttpClient, Validators};
use earmark_core::store::Store;
use serde::{Deserialize, Serialize};

use crate::feed_farm::{Farm, FarmCounts, FarmShape};
use earmark_cli::report::{CliError, Report};

/// Issue 21's targets.
const FULL_TARGET_MS: f64 = 60_000.0;
const UNCHANGED_TARGET_MS: f64 = 15_000.0;
const BYTES_PER_UNCHANGED_TARGET: f64 = 1_024.0;
const PEAK_RSS_TARGET_MB: f64 = 300.0;
const PER_HOST_TARGET: u64 = 4;

/// Arguments of `earmark-bench refresh`.
#[derive(Debug, clap::Args)]
pub struct RefreshArgs {
    /// Feeds in the farm.
    #[arg(long, default_value_t = 1_000)]
    feeds: usize,
    /// Loopback hosts they are spread over (127.0.0.1, 127.0.0.2, …).
    #[arg(long, default_value_t = 50)]
    hosts: usize,
    /// The share of feeds that gain an episode before the full refresh.
    #[arg(long, default_value_t = 0.05)]
    changed: f64,
    /// Feeds the refresh as it was before is measured on (then extrapolated).
    #[arg(long, default_value_t = 100)]
    baseline_sample: usize,
    /// The shortest and longest delay of an answer, in milliseconds.
    #[arg(long, default_value_t = 100)]
    min_delay_ms: u64,
    #[arg(long, default_value_t = 500)]
    max_delay_ms: u64,
    /// Seed of the generated feeds.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Keep the library in this (new) folder instead of a temporary one.
    #[arg(long)]
    keep: Option<PathBuf>,
}

/// A step, run in a child process.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Step {
    /// Subscribe to every address in the list, several at once.
    Subscribe,
    /// Check every feed as the app does.
    Asked,
    /// Check a sample one after the other, each fetched whole (before issue 21).
    Baseline,
}

/// Arguments of the hidden `earmark-bench refresh-step`.
#[derive(Debug, clap::Args)]
pub struct StepArgs {
    #[arg(long, value_enum)]
    step: Step,
    /// The library's data folder.
    data_dir: PathBuf,
    /// The file of feed addresses, one per line (for `subscribe`).
    #[arg(long)]
    urls: Option<PathBuf>,
    /// Feeds in the baseline's sample.
    #[arg(long, default_value_t = 100)]
    sample: usize,
}

/// What a step measured in its own process.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct StepFigures {
    ms: f64,
    peak_rss_mb: f64,
    feeds: usize,
    new_episodes: usize,
    not_modified: usize,
    failed: usize,
    episodes_in_library: usize,
}

/// One measured refresh: the step's figures and what the farm saw.
#[derive(Debug, Serialize)]
struct Measured {
    #[serde(flatten)]
    step: StepFigures,
    farm: FarmCounts,
}

#[derive(Debug, Serialize)]
struct RefreshBench {
    feeds: usize,
    hosts: usize,
    feed_mb: f64,
    delay_ms: (u64, u64),
    workers: usize,
    changed: usize,
    subscribe: Measured,
    full: Measured,
    unchanged: Measured,
    unchanged_bytes_per_feed: f64,
    baseline: Measured,
    baseline_extrapolated_ms: f64,
    targets: Vec<Target>,
}

#[derive(Debug, Serialize)]
struct Target {
    what: &'static str,
    value: f64,
    target: f64,
    met: bool,
}

/// Runs the benchmark and prints its figures.
pub fn run(args: &RefreshArgs, out: &Report) -> Result<(), CliError> {
    let mut scratch = None;
    let data_dir = match &args.keep {
        Some(dir) => {
            if dir.join(earmark_core::store::DATABASE_FILE_NAME).exists() {
                return Err(CliError::Message(format!(
                    "{} already holds a library; give a new folder.",
                    dir.display()
                )));
            }
            std::fs::create_dir_all(dir).map_err(io(dir))?;
            dir.clone()
        }
        None => scratch.insert(Scratch(tempfile_dir()?)).0.clone(),
    };
    let farm = Farm::start(FarmShape {
        feeds: args.feeds,
        hosts: args.hosts,
        min_bytes: 20_000,
        max_bytes: 5_000_000,
        delay_ms: (args.min_delay_ms, args.max_delay_ms.max(args.min_delay_ms)),
        seed: args.seed,
    })?;
    let urls = data_dir.join("farm-urls.txt");
    std::fs::write(&urls, farm.urls().join("\n")).map_err(io(&urls))?;
    let subscribed = measure(&farm, &data_dir, Step::Subscribe, Some(&urls), 0)?;
    let changed = farm.change(args.changed);
    let full = measure(&farm, &data_dir, Step::Asked, None, 0)?;
    let unchanged = measure(&farm, &data_dir, Step::Asked, None, 0)?;
    let sample = args.baseline_sample.clamp(1, args.feeds.max(1));
    let baseline = measure(&farm, &data_dir, Step::Baseline, None, sample)?;
    let per_feed =
        unchanged.farm.not_modified_bytes as f64 / unchanged.farm.not_modified.max(1) as f64;
    let extrapolated = baseline.step.ms * args.feeds as f64 / sample as f64;
    let peak = full.step.peak_rss_mb.max(unchanged.step.peak_rss_mb);
    let per_host = full.farm.peak_per_host.max(unchanged.farm.peak_per_host);
    let targets = vec![
        target("full refresh, ms", full.step.ms, FULL_TARGET_MS),
        target(
            "refresh with nothing changed, ms",
            unchanged.step.ms,
            UNCHANGED_TARGET_MS,
        ),
        target(
            "bytes per unchanged feed",
            per_feed,
            BYTES_PER_UNCHANGED_TARGET,
        ),
        target("peak memory of a refresh, MB", peak, PEAK_RSS_TARGET_MB),
        target(
            "requests at once to one host",
            per_host as f64,
            PER_HOST_TARGET as f64,
        ),
    ];
    let bench = RefreshBench {
        feeds: args.feeds,
        hosts: args.hosts,
        feed_mb: round(farm.total_bytes() as f64 / 1e6),
        delay_ms: farm.delay_ms(),
        workers: REFRESH_WORKERS,
        changed,
        subscribe: subscribed,
        full,
        unchanged,
        unchanged_bytes_per_feed: round(per_feed),
        baseline,
        baseline_extrapolated_ms: round(extrapolated),
        targets,
    };
    out.print(&bench, || text(&bench))
}

fn text(b: &RefreshBench) -> String {
    let mut lines = vec![
        format!(
            "{} feeds ({} MB) on {} hosts, answers delayed {}–{} ms; {} changed; {} at once.",
            b.feeds, b.feed_mb, b.hosts, b.delay_ms.0, b.delay_ms.1, b.changed, b.workers
        ),
        format!(
            "subscribe: {} ms, {} episodes",
            b.subscribe.step.ms, b.subscribe.step.episodes_in_library
        ),
        format!(
            "full refresh: {} ms, {} new, {} unchanged, peak {} MB, {} MB received",
            b.full.step.ms,
            b.full.step.new_episodes,
            b.full.step.not_modified,
            b.full.step.peak_rss_mb,
            round(b.full.farm.bytes_out as f64 / 1e6)
        ),
        format!(
            "nothing changed: {} ms, {} bytes per feed, peak {} MB",
            b.unchanged.step.ms, b.unchanged_bytes_per_feed, b.unchanged.step.peak_rss_mb
        ),
        format!(
            "before issue 21 (one by one, whole): {} ms for {} feeds, {} ms for all",
            b.baseline.step.ms, b.baseline.step.feeds, b.baseline_extrapolated_ms
        ),
    ];
    for t in &b.targets {
        let verdict = if t.met { "met" } else { "MISSED" };
        lines.push(format!(
            "{}: {} (target {}) {verdict}",
            t.what, t.value, t.target
        ));
    }
    lines.join("\n")
}

fn target(what: &'static str, value: f64, target: f64) -> Target {
    Target {
        what,
        value: round(value),
        target,
        met: value <= target,
    }
}

/// Runs a step in a child process, counting what the farm saw meanwhile.
fn measure(
    farm: &Farm,
    data_dir: &Path,
    step: Step,
    urls: Option<&Path>,
    sample: usize,
) -> Result<Measured, CliError> {
    let exe = std::env::current_exe().map_err(|e| CliError::Message(e.to_string()))?;
    let mut command = Command::new(exe);
    command.arg("refresh-step").arg("--step").arg(match step {
        Step::Subscribe => "subscribe",
        Step::Asked => "asked",
        Step::Baseline => "baseline",
    });
    command
        .arg(data_dir)
        .arg("--sample")
        .arg(sample.to_string());
    if let Some(urls) = urls {
        command.arg("--urls").arg(urls);
    }
    let _ = farm.take_counts();
    let output = command
        .output()
        .map_err(|e| CliError::Message(format!("Could not run a step: {e}.")))?;
    let counts = farm.take_counts();
    if !output.status.success() {
        return Err(CliError::Message(format!(
            "The step failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    let step: StepFigures = serde_json::from_slice(&output.stdout)
        .map_err(|e| CliError::Message(format!("The step's figures were unreadable: {e}.")))?;
    Ok(Measured { step, farm: counts })
}

/// Runs one step in this process and prints its figures as JSON.
pub fn run_step(args: &StepArgs) -> Result<(), CliError> {
    let store = Store::open_in_data_dir(&args.data_dir)?;
    let http = HttpClient::new().map_err(|e| CliError::Message(e.to_string()))?;
    let started = Instant::now();
    let (feeds, new_episodes, not_modified, failed) = match args.step {
        Step::Subscribe => subscribe_all(&args.data_dir, &http, args.urls.as_deref())?,
        Step::Asked => {
            let report = check_feeds(&store, &http, None, RefreshAll::ASKED, &|_| {})?;
            let failed = report.podcasts.iter().filter(|p| p.error.is_some()).count();
            (
                report.podcasts.len(),
                report.new_episodes,
                report.not_modified,
                failed,
            )
        }
        Step::Baseline => {
            let shows = store.podcasts()?;
            let every = (shows.len() / args.sample.max(1)).max(1);
            let sample: Vec<_> = shows.iter().step_by(every).take(args.sample).collect();
            for show in &sample {
                if let Some(url) = &show.feed_url {
                    store.set_feed_validators(show.id, url, &Validators::default())?;
                }
            }
            let started = Instant::now();
            let (mut new, mut failed) = (0, 0);
            for show in &sample {
                match refresh(&store, &http, show.id) {
                    Ok(done) => new += done.new_episodes,
                    Err(_) => failed += 1,
                }
            }
            return print_step(started, sample.len(), new, 0, failed, &store);
        }
    };
    print_step(started, feeds, new_episodes, not_modified, failed, &store)
}

fn print_step(
    started: Instant,
    feeds: usize,
    new_episodes: usize,
    not_modified: usize,
    failed: usize,
    store: &Store,
) -> Result<(), CliError> {
    let figures = StepFigures {
        ms: round(started.elapsed().as_secs_f64() * 1e3),
        peak_rss_mb: round(peak_rss_kb() as f64 / 1_024.0),
        feeds,
        new_episodes,
        not_modified,
        failed,
        episodes_in_library: store.list_episodes()?.len(),
    };
    let json = serde_json::to_string(&figures).map_err(|e| CliError::Message(e.to_string()))?;
    println!("{json}");
    Ok(())
}

/// Subscribes to every address in `urls`, [`REFRESH_WORKERS`] at once.
fn subscribe_all(
    data_dir: &Path,
    http: &HttpClient,
    urls: Option<&Path>,
) -> Result<(usize, usize, usize, usize), CliError> {
    let urls = urls.ok_or_else(|| CliError::Message("subscribe needs --urls".into()))?;
    let list = std::fs::read_to_string(urls).map_err(io(urls))?;
    let list: Vec<&str> = list.lines().filter(|l| !l.is_empty()).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let outcomes = std::sync::Mutex::new((0usize, 0usize));
    std::thread::scope(|s| {
        for _ in 0..REFRESH_WORKERS {
            s.spawn(|| {
                let Ok(store) = Store::open_in_data_dir(data_dir) else {
                    return;
                };
                loop {
                    let at = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    let Some(url) = list.get(at) else { break };
                    let result = subscribe(&store, http, url);
                    let mut outcomes = outcomes
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    match result {
                        Ok(done) => outcomes.0 += done.new_episodes,
                        Err(_) => outcomes.1 += 1,
                    }
                }
            });
        }
    });
    let (new, failed) = outcomes
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    Ok((list.len(), new, 0, failed))
}

/// The process's peak resident memory in KB (Linux; 0 elsewhere).
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// A temporary library folder, removed when done.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn tempfile_dir() -> Result<PathBuf, CliError> {
    let dir = std::env::temp_dir().join(format!("earmark-bench-refresh-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    Ok(dir)
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> CliError + '_ {
    move |e| CliError::Message(format!("{}: {e}.", path.display()))
}

fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}
