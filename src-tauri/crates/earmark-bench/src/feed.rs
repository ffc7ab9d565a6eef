//! `earmark-cli bench-feed [FILE] [--episodes N] [--runs R]`: how long parsing and
//! storing a podcast feed takes, into a fresh library in a temporary folder (the
//! user's library is never touched).
//!
//! Without FILE, a realistic synthetic feed of N episodes is generated: HTML show
//! notes, iTunes durations, two `podcast:transcript`s, `podcast:chapters` and a
//! `podcast:person` per episode. Each run parses the feed, stores it in a new
//! library (all episodes new, search index included), then stores it again (the
//! refresh case: nothing new, nothing rewritten). The figures are the median run.

use std::path::PathBuf;
use std::time::Instant;

use earmark_core::feeds::{parse_feed, store_feed};
use earmark_core::store::{NewPodcast, Store};
use serde::Serialize;

use earmark_cli::report::{CliError, Report};

/// Arguments of `bench-feed`.
#[derive(Debug, clap::Args)]
pub struct BenchFeedArgs {
    /// A feed file to measure (default: a generated feed of --episodes episodes).
    file: Option<PathBuf>,
    /// Episodes in the generated feed.
    #[arg(long, default_value_t = 3_000)]
    episodes: usize,
    /// Runs; the median is reported.
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Write the generated feed to this file and stop (to look at it, or to measure
    /// it with other tools).
    #[arg(long)]
    write: Option<PathBuf>,
}

/// The `bench-feed --json` document.
#[derive(Debug, Serialize)]
struct FeedBench {
    /// Episodes with audio in the feed.
    episodes: usize,
    /// Size of the feed.
    bytes: usize,
    /// Median times, in milliseconds.
    parse_ms: f64,
    store_ms: f64,
    total_ms: f64,
    /// Storing the same feed again (a refresh with nothing new).
    refresh_store_ms: f64,
    /// CPU time of parse + store in the median run (Linux; `null` elsewhere): close
    /// to `total_ms` on an idle machine, and unaffected by other programs' load.
    cpu_ms: Option<f64>,
    runs: usize,
}

/// Runs the benchmark and prints its figures.
pub fn run(args: &BenchFeedArgs, out: &Report) -> Result<(), CliError> {
    let bytes = match &args.file {
        Some(file) => std::fs::read(file)
            .map_err(|e| CliError::Message(format!("Could not read {}: {e}.", file.display())))?,
        None => synthetic_feed(args.episodes).into_bytes(),
    };
    if let Some(path) = &args.write {
        std::fs::write(path, &bytes)
            .map_err(|e| CliError::Message(format!("Could not write {}: {e}.", path.display())))?;
        return out.print(
            &serde_json::json!({"path": path, "bytes": bytes.len()}),
            || format!("Wrote {} bytes to {}.", bytes.len(), path.display()),
        );
    }
    let scratch = Scratch::new()?;
    let runs = args.runs.max(1);
    let mut parse = Vec::with_capacity(runs);
    let mut store_times = Vec::with_capacity(runs);
    let mut total = Vec::with_capacity(runs);
    let mut refresh = Vec::with_capacity(runs);
    let mut cpu = Vec::with_capacity(runs);
    let mut episodes = 0;
    for run in 0..runs {
        // A fresh library per run, opened before the clock starts (subscribing adds to
        // a library that is open already).
        let store = Store::open_in_data_dir(&scratch.path.join(format!("run-{run}")))?;
        let podcast = store.add_podcast(&NewPodcast {
            title: "Bench".into(),
            ..NewPodcast::default()
        })?;
        let cpu_before = thread_cpu_ns();
        let started = Instant::now();
        let feed = parse_feed(&bytes)
            .map_err(|e| CliError::Message(format!("This is not a podcast feed: {e}.")))?;
        let parsed = started.elapsed();
        let stored = store_feed(&store, podcast, &feed)?;
        let all = started.elapsed();
        if let (Some(before), Some(after)) = (cpu_before, thread_cpu_ns()) {
            cpu.push(after.saturating_sub(before) as f64 / 1e6);
        }
        let before_refresh = Instant::now();
        store_feed(&store, podcast, &feed)?;
        refresh.push(ms(before_refresh.elapsed()));
        parse.push(ms(parsed));
        store_times.push(ms(all - parsed));
        total.push(ms(all));
        episodes = stored.episodes;
    }
    let report = FeedBench {
        episodes,
        bytes: bytes.len(),
        parse_ms: median(&mut parse),
        store_ms: median(&mut store_times),
        total_ms: median(&mut total),
        refresh_store_ms: median(&mut refresh),
        cpu_ms: (!cpu.is_empty()).then(|| (median(&mut cpu) * 100.0).round() / 100.0),
        runs,
    };
    out.print(&report, || {
        format!(
            "{} episodes ({:.1} MB): parse {:.1} ms + store {:.1} ms = {:.1} ms \
             (median of {}, CPU {}); storing again: {:.1} ms",
            report.episodes,
            report.bytes as f64 / 1e6,
            report.parse_ms,
            report.store_ms,
            report.total_ms,
            report.runs,
            report
                .cpu_ms
                .map_or_else(|| "unknown".to_owned(), |c| format!("{c:.1} ms")),
            report.refresh_store_ms
        )
    })
}

/// CPU time this thread has used, in nanoseconds (Linux `schedstat`).
fn thread_cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

fn ms(d: std::time::Duration) -> f64 {
    (d.as_secs_f64() * 1e5).round() / 100.0
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

/// A temporary folder removed on drop.
struct Scratch {
    path: PathBuf,
}

impl Scratch {
    fn new() -> Result<Scratch, CliError> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let path =
            std::env::temp_dir().join(format!("earmark-bench-feed-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path)
            .map_err(|e| CliError::Message(format!("Could not create {}: {e}.", path.display())))?;
        Ok(Scratch { path })
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// A realistic feed of `n` episodes (see the module documentation).
fn synthetic_feed(n: usize) -> String {
    let base = "https://podcast.example";
    let mut xml = String::with_capacity(n * 1_600);
    xml.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" \
         xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" \
         xmlns:podcast=\"https://podcastindex.org/namespace/1.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n\
         <title>Daily Everything</title><link>https://podcast.example/</link>\n\
         <description>A show about everything, every day.</description>\n\
         <itunes:author>Earmark Bench</itunes:author>\n\
         <itunes:image href=\"https://podcast.example/cover.jpg\"/>\n",
    );
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    for i in 0..n {
        let day = i % 28 + 1;
        let month = MONTHS[(i / 28) % 12];
        let year = 2010 + i / 336;
        xml.push_str(&format!(
            "<item>\n<title>Episode {i}: memory, notes &amp; the art of listening</title>\n\
             <guid isPermaLink=\"false\">daily-everything-{i}</guid>\n\
             <link>{base}/episodes/{i}</link>\n\
             <pubDate>Mon, {day:02} {month} {year} 06:00:00 +0000</pubDate>\n\
             <itunes:duration>{}:{:02}:{:02}</itunes:duration>\n\
             <itunes:episode>{i}</itunes:episode>\n\
             <enclosure url=\"{base}/audio/{i}.mp3\" type=\"audio/mpeg\" length=\"{}\"/>\n\
             <description><![CDATA[<p>In episode {i} we talk about <b>memory</b>, notes and \
             <a href=\"{base}/links/{i}\">listening</a> with two guests.</p>\
             <p>Topics: why we forget what we hear; how shorthand writers kept speech on \
             paper for two thousand years; what kind of notes actually help; and the habits \
             that let people find a half-remembered sentence again weeks later.</p>\
             <ul><li>00:00 Welcome</li><li>04:12 Forgetting curves</li>\
             <li>21:30 Shorthand</li><li>48:05 Notes that help</li></ul>\
             <p>Sponsored by nobody. Music by the hosts.</p>]]></description>\n\
             <podcast:transcript url=\"{base}/transcripts/{i}.vtt\" type=\"text/vtt\"/>\n\
             <podcast:transcript url=\"{base}/transcripts/{i}.html\" type=\"text/html\"/>\n\
             <podcast:chapters url=\"{base}/chapters/{i}.json\" \
             type=\"application/json+chapters\"/>\n\
             <podcast:person role=\"host\">Maya Lindqvist</podcast:person>\n\
             </item>\n",
            i % 2,
            (i * 7) % 60,
            (i * 13) % 59 + 1,
            20_000_000 + i
        ));
    }
    xml.push_str("</channel>\n</rss>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_synthetic_feed_parses_whole() {
        let feed = parse_feed(synthetic_feed(50).as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(feed.episodes.len(), 50);
        assert_eq!(feed.episodes[49].transcripts.len(), 2);
        assert!(feed
            .episodes
            .iter()
            .all(|e| e.published.is_some() && e.duration_ms.is_some()));
    }

    #[test]
    fn median_of_runs() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut []), 0.0);
    }
}
