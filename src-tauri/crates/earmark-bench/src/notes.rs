//! `earmark-cli bench-notes generate|search|add-note|open DATA_DIR`: the notes,
//! highlights and search benchmarks of issue 5, each printing one JSON document of
//! figures with `--json`.
//!
//! `generate` fills a data directory with a library of generated podcasts: by default
//! 1,000 episodes, each with a one-hour transcript of 900 segments (see
//! `bench_corpus`). The other commands generate it first when the directory holds no
//! library yet, then measure on it with the same store code the app uses:
//!
//! - `search`: ranked top-20 searches for realistic queries (common, mid-frequency and
//!   rare words, a prefix, a phrase, two words), each run `--rounds` times after one
//!   warm-up run; the target is p95 ≤ 20 ms.
//! - `add-note`: adding notes one by one, each committed and fsynced as in the app;
//!   target p95 ≤ 5 ms. The notes are deleted again afterwards (untimed).
//! - `open`: opening an episode with 500 notes — its notes, highlights and transcript;
//!   target ≤ 50 ms.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use earmark_core::store::{EpisodeId, NewEpisode, NewPodcast, Store};
use serde::Serialize;

use crate::corpus::{Rng, Vocabulary};
use earmark_cli::report::{CliError, Report};

/// Issue 5's targets, in milliseconds at the 95th percentile.
const SEARCH_TARGET_MS: f64 = 20.0;
/// Adding one note.
const ADD_NOTE_TARGET_MS: f64 = 5.0;
/// Opening an episode with 500 notes.
const OPEN_TARGET_MS: f64 = 50.0;

/// Episodes per generated podcast.
const EPISODES_PER_PODCAST: usize = 50;

/// The rank of the made-up word the "rare word" query looks for (near the end of the
/// tail: a few hundred occurrences in the whole library).
const RARE_RANK: usize = 9_000;

/// The benchmarks.
#[derive(Debug, clap::Subcommand)]
pub enum BenchNotesCommand {
    /// Fill DATA_DIR with a generated library (nothing happens if it has one).
    ///
    /// JSON: {"episodes", "segments", "generated", "ms"}.
    Generate(LibraryArgs),
    /// Ranked top-20 search over the whole library.
    ///
    /// JSON: {"episodes", "searches", "p50_ms", "p95_ms", "max_ms", "target_p95_ms", "met",
    /// "queries": [{"query", "hits", "p50_ms", "p95_ms", "max_ms"}]}.
    Search {
        #[command(flatten)]
        library: LibraryArgs,
        /// Timed runs of each query.
        #[arg(long, default_value_t = 30)]
        rounds: usize,
    },
    /// Adding notes, each committed before the next.
    ///
    /// JSON: {"notes", "p50_ms", "p95_ms", "max_ms", "target_p95_ms", "met"}.
    AddNote {
        #[command(flatten)]
        library: LibraryArgs,
        /// How many notes to add (and time).
        #[arg(long, default_value_t = 500)]
        notes: usize,
    },
    /// Opening an episode with many notes: its notes, highlights and transcript.
    ///
    /// JSON: {"notes", "segments", "opens", "p50_ms", "p95_ms", "max_ms", "target_p95_ms",
    /// "met"}.
    Open {
        #[command(flatten)]
        library: LibraryArgs,
        /// How many notes the opened episode has.
        #[arg(long, default_value_t = 500)]
        notes: usize,
        /// Timed opens.
        #[arg(long, default_value_t = 50)]
        rounds: usize,
    },
}

/// Where the benchmark library is and how big it is.
#[derive(Debug, clap::Args)]
pub struct LibraryArgs {
    /// The benchmark's data directory (not your own library).
    data_dir: PathBuf,
    /// Episodes to generate.
    #[arg(long, default_value_t = 1_000)]
    episodes: usize,
    /// Transcript segments per episode (900 ≈ one hour).
    #[arg(long, default_value_t = 900)]
    segments: usize,
    /// Seed of the generated text.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

/// One timed run: wall-clock time, and the CPU time of the measuring thread where
/// the system tells it (on a busy machine the wall clock includes waiting for a core;
/// the CPU time is the work itself).
#[derive(Debug, Clone, Copy)]
struct Sample {
    wall: Duration,
    cpu: Option<Duration>,
}

/// Times one run.
struct Stopwatch {
    wall: Instant,
    cpu: Option<Duration>,
}

impl Stopwatch {
    fn start() -> Stopwatch {
        Stopwatch {
            cpu: thread_cpu_time(),
            wall: Instant::now(),
        }
    }

    fn stop(self) -> Sample {
        let wall = self.wall.elapsed();
        let cpu = thread_cpu_time()
            .zip(self.cpu)
            .map(|(end, start)| end.saturating_sub(start));
        Sample { wall, cpu }
    }
}

/// The CPU time this thread has run (Linux: `/proc/thread-self/schedstat`).
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// Timings of many runs, in milliseconds: wall clock, and the 95th percentile of CPU
/// time where known.
#[derive(Debug, Serialize)]
struct Figures {
    p50_ms: f64,
    p95_ms: f64,
    max_ms: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    cpu_p95_ms: Option<f64>,
}

/// A benchmark's target and whether its p95 met it.
#[derive(Debug, Serialize)]
struct Target {
    target_p95_ms: f64,
    met: bool,
}

impl Target {
    fn check(figures: &Figures, target_p95_ms: f64) -> Target {
        Target {
            target_p95_ms,
            met: figures.p95_ms <= target_p95_ms,
        }
    }
}

impl Figures {
    /// Nearest-rank percentiles of `samples`.
    fn of(samples: &[Sample]) -> Figures {
        let wall: Vec<Duration> = samples.iter().map(|s| s.wall).collect();
        let cpu: Option<Vec<Duration>> = samples.iter().map(|s| s.cpu).collect();
        Figures {
            p50_ms: percentile(&wall, 0.50),
            p95_ms: percentile(&wall, 0.95),
            max_ms: percentile(&wall, 1.0),
            cpu_p95_ms: cpu.map(|cpu| percentile(&cpu, 0.95)),
        }
    }
}

/// The nearest-rank `p` percentile of `durations`, in milliseconds.
fn percentile(durations: &[Duration], p: f64) -> f64 {
    let mut ms: Vec<f64> = durations.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    ms.sort_by(f64::total_cmp);
    let rank = ((p * ms.len() as f64).ceil() as usize).clamp(1, ms.len().max(1));
    ms.get(rank - 1).copied().map(round).unwrap_or(0.0)
}

/// Milliseconds to three decimals.
fn round(ms: f64) -> f64 {
    (ms * 1000.0).round() / 1000.0
}

/// Runs a benchmark.
pub fn run(command: &BenchNotesCommand, out: &Report) -> Result<(), CliError> {
    match command {
        BenchNotesCommand::Generate(library) => generate(library, out),
        BenchNotesCommand::Search { library, rounds } => search(library, *rounds, out),
        BenchNotesCommand::AddNote { library, notes } => add_note(library, *notes, out),
        BenchNotesCommand::Open {
            library,
            notes,
            rounds,
        } => open(library, *notes, *rounds, out),
    }
}

#[derive(Serialize)]
struct Generated {
    episodes: usize,
    segments: usize,
    generated: bool,
    ms: u128,
}

fn generate(args: &LibraryArgs, out: &Report) -> Result<(), CliError> {
    let started = Instant::now();
    let (_, generated) = ensure_library(args)?;
    let report = Generated {
        episodes: args.episodes,
        segments: args.segments,
        generated,
        ms: started.elapsed().as_millis(),
    };
    out.print(&report, || {
        if generated {
            format!(
                "Generated {} episodes of {} segments in {} in {:.1} s.",
                args.episodes,
                args.segments,
                args.data_dir.display(),
                started.elapsed().as_secs_f64()
            )
        } else {
            format!("{} already holds a library.", args.data_dir.display())
        }
    })
}

/// Opens the benchmark library, generating it first when it has fewer episodes than
/// asked for. Returns the store and whether it generated anything.
fn ensure_library(args: &LibraryArgs) -> Result<(Store, bool), CliError> {
    let store = Store::open_in_data_dir(&args.data_dir)?;
    let have = store.list_episodes()?.len();
    if have >= args.episodes {
        return Ok((store, false));
    }
    let vocabulary = Vocabulary::new();
    let mut rng = Rng::new(args.seed);
    let mut podcast = None;
    for n in have..args.episodes {
        if podcast.is_none() || n % EPISODES_PER_PODCAST == 0 {
            let title = vocabulary.title(&mut rng);
            podcast = Some(store.add_podcast(&NewPodcast {
                title: format!("{title} Podcast"),
                feed_url: Some(format!("https://bench.invalid/feed/{n}.xml")),
                description: Some(vocabulary.sentence(&mut rng, 10, 20)),
                image_url: None,
            })?);
        }
        let day = n % 28 + 1;
        let month = n / 28 % 12 + 1;
        let episode = store.insert_episode(&NewEpisode {
            podcast_id: podcast,
            guid: Some(format!("bench-{n}")),
            title: vocabulary.title(&mut rng),
            description: Some(vocabulary.sentence(&mut rng, 20, 40)),
            published: Some(format!("2023-{month:02}-{day:02}T06:00:00Z")),
            audio_path: None,
            audio_url: Some(format!("https://bench.invalid/audio/{n}.mp3")),
            duration_ms: Some(3_600_000),
        })?;
        let transcript = vocabulary.transcript(&mut rng, args.segments);
        store.set_transcript(episode, &transcript, None)?;
        if (n + 1) % 100 == 0 {
            eprintln!("generated {} of {} episodes", n + 1, args.episodes);
        }
    }
    Ok((store, true))
}

#[derive(Serialize)]
struct QueryFigures {
    query: String,
    hits: usize,
    #[serde(flatten)]
    figures: Figures,
}

#[derive(Serialize)]
struct SearchReport {
    episodes: usize,
    searches: usize,
    #[serde(flatten)]
    figures: Figures,
    #[serde(flatten)]
    target: Target,
    queries: Vec<QueryFigures>,
}

/// The benchmark queries: what people type into a search box.
fn queries(vocabulary: &Vocabulary) -> Vec<String> {
    let rare = vocabulary.word(RARE_RANK).unwrap_or("delta").to_owned();
    vec![
        "people".to_owned(),             // a common word
        "climate".to_owned(),            // a mid-frequency word
        rare.clone(),                    // a rare word (a name or term)
        "conv*".to_owned(),              // a prefix, as while typing
        "\"the river\"".to_owned(),      // a phrase with a very common word
        "water energy".to_owned(),       // two words
        format!("people {rare}"),        // a common and a rare word
        "history of science".to_owned(), // three words, one of them very common
    ]
}

fn search(args: &LibraryArgs, rounds: usize, out: &Report) -> Result<(), CliError> {
    let (store, _) = ensure_library(args)?;
    let vocabulary = Vocabulary::new();
    let mut all = Vec::new();
    let mut per_query = Vec::new();
    for query in queries(&vocabulary) {
        let hits = store.search(&query, 20)?.len();
        let mut samples = Vec::with_capacity(rounds);
        for _ in 0..rounds.max(1) {
            let watch = Stopwatch::start();
            let found = store.search(&query, 20)?;
            samples.push(watch.stop());
            std::hint::black_box(found);
        }
        all.extend_from_slice(&samples);
        per_query.push(QueryFigures {
            query,
            hits,
            figures: Figures::of(&samples),
        });
    }
    let figures = Figures::of(&all);
    let report = SearchReport {
        episodes: store.list_episodes()?.len(),
        searches: all.len(),
        target: Target::check(&figures, SEARCH_TARGET_MS),
        figures,
        queries: per_query,
    };
    out.print(&report, || {
        let mut lines = vec![format!(
            "{} searches over {} episodes: p50 {} ms, p95 {} ms, max {} ms",
            report.searches,
            report.episodes,
            report.figures.p50_ms,
            report.figures.p95_ms,
            report.figures.max_ms
        )];
        lines.extend(report.queries.iter().map(|q| {
            format!(
                "  {:<28} {:>2} hits  p50 {} ms  p95 {} ms  max {} ms  (CPU p95 {} ms)",
                q.query,
                q.hits,
                q.figures.p50_ms,
                q.figures.p95_ms,
                q.figures.max_ms,
                q.figures.cpu_p95_ms.unwrap_or(f64::NAN)
            )
        }));
        lines.join("\n")
    })
}

#[derive(Serialize)]
struct AddNoteReport {
    notes: usize,
    #[serde(flatten)]
    figures: Figures,
    #[serde(flatten)]
    target: Target,
}

fn add_note(args: &LibraryArgs, notes: usize, out: &Report) -> Result<(), CliError> {
    let (store, _) = ensure_library(args)?;
    let episode = last_episode(&store)?;
    let vocabulary = Vocabulary::new();
    let mut rng = Rng::new(args.seed ^ 0xADD);
    let mut samples = Vec::with_capacity(notes);
    let mut added = Vec::with_capacity(notes);
    for _ in 0..notes.max(1) {
        let text = vocabulary.sentence(&mut rng, 5, 25);
        let at_ms = rng.below(3_600_000);
        let watch = Stopwatch::start();
        let id = store.add_note(episode, at_ms, &text)?;
        samples.push(watch.stop());
        added.push(id);
    }
    for id in added {
        store.delete_note(id)?;
    }
    let figures = Figures::of(&samples);
    let report = AddNoteReport {
        notes: samples.len(),
        target: Target::check(&figures, ADD_NOTE_TARGET_MS),
        figures,
    };
    out.print(&report, || {
        format!(
            "{} notes added: p50 {} ms, p95 {} ms, max {} ms",
            report.notes, report.figures.p50_ms, report.figures.p95_ms, report.figures.max_ms
        )
    })
}

#[derive(Serialize)]
struct OpenReport {
    notes: usize,
    segments: usize,
    opens: usize,
    #[serde(flatten)]
    figures: Figures,
    #[serde(flatten)]
    target: Target,
}

fn open(args: &LibraryArgs, notes: usize, rounds: usize, out: &Report) -> Result<(), CliError> {
    let (store, _) = ensure_library(args)?;
    let episode = first_episode(&store)?;
    let vocabulary = Vocabulary::new();
    let mut rng = Rng::new(args.seed ^ 0x0BE4);
    let have = store.list_notes(episode)?.len();
    for _ in have..notes {
        let text = vocabulary.sentence(&mut rng, 5, 25);
        store.add_note(episode, rng.below(3_600_000), &text)?;
    }
    let mut samples = Vec::with_capacity(rounds);
    let mut shape = (0, 0);
    for _ in 0..rounds.max(1) {
        let watch = Stopwatch::start();
        let listed = store.list_notes(episode)?;
        let highlights = store.list_highlights(episode)?;
        let transcript = store.get_transcript(episode)?;
        samples.push(watch.stop());
        shape = (
            listed.len(),
            transcript.map(|t| t.segments.len()).unwrap_or(0),
        );
        std::hint::black_box(highlights);
    }
    let figures = Figures::of(&samples);
    let report = OpenReport {
        notes: shape.0,
        segments: shape.1,
        opens: samples.len(),
        target: Target::check(&figures, OPEN_TARGET_MS),
        figures,
    };
    out.print(&report, || {
        format!(
            "{} opens of an episode with {} notes and {} segments: p50 {} ms, p95 {} ms, max {} ms",
            report.opens,
            report.notes,
            report.segments,
            report.figures.p50_ms,
            report.figures.p95_ms,
            report.figures.max_ms
        )
    })
}

fn first_episode(store: &Store) -> Result<EpisodeId, CliError> {
    episode_ids(store)?
        .into_iter()
        .min()
        .ok_or_else(no_episodes)
}

fn last_episode(store: &Store) -> Result<EpisodeId, CliError> {
    episode_ids(store)?
        .into_iter()
        .max()
        .ok_or_else(no_episodes)
}

fn episode_ids(store: &Store) -> Result<Vec<EpisodeId>, CliError> {
    Ok(store.list_episodes()?.into_iter().map(|e| e.id).collect())
}

fn no_episodes() -> CliError {
    CliError::Message("The benchmark library has no episodes (use --episodes 1 or more).".into())
}
