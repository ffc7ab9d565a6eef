//! `earmark-cli bench scaling`: every parser of outside input, fed an input and ten
//! times that input, for nesting depth and for element count. Parse time must grow
//! linearly: 10× the input may cost at most 12× the time (issue 13).
//!
//! Each input is generated here (nothing is read from disk); each is parsed `--runs`
//! times, small and large in turn, and the fastest run of each counts, so a busy
//! machine's stalls do not. The inputs
//! are the parsers' public entry points, the ones the app and the fuzz targets call,
//! so the depth bounds in front of them are measured too. JSON: `{"base", "runs",
//! "cases": [{"parser", "shape", "small", "large", "small_bytes", "large_bytes",
//! "small_ms", "large_ms", "ratio", "linear"}], "all_linear"}`.

use std::time::Instant;

use earmark_core::anchor::locate;
use earmark_core::chapters::parse_json_chapters;
use earmark_core::export::parse_export;
use earmark_core::feeds::{html_to_text, parse_feed};
use earmark_core::opml::parse_opml;
use earmark_core::transcript::{parse_as, Segment, TranscriptFormat};
use serde::Serialize;

use earmark_cli::report::{CliError, Report};

/// The largest time ratio between the 10× input and the 1× input that counts as linear.
const MAX_RATIO: f64 = 12.0;

/// Arguments of `bench scaling`.
#[derive(Debug, clap::Args)]
pub struct ScalingBenchArgs {
    /// Elements (or nesting levels) in the smaller input; the larger has 10×.
    #[arg(long, default_value_t = 5_000)]
    base: usize,
    /// Runs per input; the fastest counts.
    #[arg(long, default_value_t = 9)]
    runs: usize,
}

/// One parser and input shape, at two sizes.
#[derive(Debug, Serialize)]
struct Case {
    parser: &'static str,
    shape: &'static str,
    small: usize,
    large: usize,
    small_bytes: usize,
    large_bytes: usize,
    small_ms: f64,
    large_ms: f64,
    ratio: f64,
    linear: bool,
}

#[derive(Debug, Serialize)]
struct ScalingReport {
    base: usize,
    runs: usize,
    cases: Vec<Case>,
    all_linear: bool,
}

/// What a case parses: a generator of its input at size `n`, and the parse.
struct Subject {
    parser: &'static str,
    shape: &'static str,
    make: fn(usize) -> String,
    parse: fn(&str),
}

/// Runs every case and prints the table.
pub fn run(args: &ScalingBenchArgs, out: &Report) -> Result<(), CliError> {
    if args.base == 0 || args.runs == 0 {
        return Err(CliError::Message(
            "--base and --runs must be at least 1.".into(),
        ));
    }
    let cases: Vec<Case> = subjects()
        .iter()
        .map(|s| measure(s, args.base, args.runs))
        .collect();
    let report = ScalingReport {
        base: args.base,
        runs: args.runs,
        all_linear: cases.iter().all(|c| c.linear),
        cases,
    };
    out.print(&report, || table(&report))
}

fn measure(subject: &Subject, base: usize, runs: usize) -> Case {
    let (small, large) = (base, base * 10);
    let small_input = (subject.make)(small);
    let large_input = (subject.make)(large);
    let (small_ms, large_ms) = fastest_pair(subject.parse, &small_input, &large_input, runs);
    // Inputs refused or cut short in well under a millisecond do not make a ratio.
    let ratio = large_ms / small_ms.max(0.05);
    Case {
        parser: subject.parser,
        shape: subject.shape,
        small,
        large,
        small_bytes: small_input.len(),
        large_bytes: large_input.len(),
        small_ms,
        large_ms,
        ratio,
        linear: ratio <= MAX_RATIO,
    }
}

/// The fastest of `runs` parses of each input, in milliseconds, the two inputs taking
/// turns so that both meet the same load on a shared machine.
fn fastest_pair(parse: fn(&str), small: &str, large: &str, runs: usize) -> (f64, f64) {
    let time = |input: &str| {
        let started = Instant::now();
        parse(input);
        started.elapsed().as_secs_f64() * 1_000.0
    };
    (0..runs).fold((f64::INFINITY, f64::INFINITY), |(s, l), _| {
        (s.min(time(small)), l.min(time(large)))
    })
}

fn table(report: &ScalingReport) -> String {
    let mut lines = vec![format!(
        "{:<22} {:<7} {:>8} {:>9} {:>10} {:>10} {:>6}",
        "parser", "shape", "n", "10n", "n ms", "10n ms", "ratio"
    )];
    for c in &report.cases {
        lines.push(format!(
            "{:<22} {:<7} {:>8} {:>9} {:>10.2} {:>10.2} {:>5.1}{}",
            c.parser,
            c.shape,
            c.small,
            c.large,
            c.small_ms,
            c.large_ms,
            c.ratio,
            if c.linear { "" } else { "  NOT LINEAR" }
        ));
    }
    lines.push(if report.all_linear {
        format!("Every parser is linear: 10x the input costs at most {MAX_RATIO}x the time.")
    } else {
        "Some parser is not linear (marked above).".to_owned()
    });
    lines.join("\n")
}

fn subjects() -> Vec<Subject> {
    vec![
        Subject {
            parser: "transcript vtt",
            shape: "count",
            make: |n| {
                let mut s = String::from("WEBVTT\n\n");
                for i in 0..n {
                    s += &format!("{}.000 --> {}.500\n<v Ann>cue {i}\n\n", clock(i), clock(i));
                }
                s
            },
            parse: |s| drop(parse_as(s, TranscriptFormat::Vtt)),
        },
        Subject {
            parser: "transcript vtt",
            shape: "depth",
            make: |n| {
                format!(
                    "WEBVTT\n\n00:00.000 --> 00:01.000\n{}deep{}\n",
                    "<b>".repeat(n),
                    "</b>".repeat(n)
                )
            },
            parse: |s| drop(parse_as(s, TranscriptFormat::Vtt)),
        },
        Subject {
            parser: "transcript srt",
            shape: "count",
            make: |n| {
                (0..n)
                    .map(|i| {
                        format!(
                            "{}\n{},000 --> {},500\nAnn: cue {i}\n\n",
                            i + 1,
                            clock(i),
                            clock(i)
                        )
                    })
                    .collect()
            },
            parse: |s| drop(parse_as(s, TranscriptFormat::Srt)),
        },
        Subject {
            parser: "transcript srt",
            shape: "depth",
            make: |n| {
                format!(
                    "1\n00:00:00,000 --> 00:00:01,000\n{}deep{}\n",
                    "<i>".repeat(n),
                    "</i>".repeat(n)
                )
            },
            parse: |s| drop(parse_as(s, TranscriptFormat::Srt)),
        },
        Subject {
            parser: "transcript json",
            shape: "count",
            make: |n| {
                let segments: Vec<String> = (0..n)
                    .map(|i| {
                        format!(r#"{{"speaker":"Ann","startTime":{i},"endTime":{i}.5,"body":"cue {i} words"}}"#)
                    })
                    .collect();
                format!(
                    r#"{{"version":"1.0.0","segments":[{}]}}"#,
                    segments.join(",")
                )
            },
            parse: |s| drop(parse_as(s, TranscriptFormat::Json)),
        },
        Subject {
            parser: "transcript json",
            shape: "depth",
            make: |n| {
                format!(
                    r#"{{"segments":[{{"startTime":0,"body":"x","deep":{}1{}}}]}}"#,
                    "[".repeat(n),
                    "]".repeat(n)
                )
            },
            parse: |s| drop(parse_as(s, TranscriptFormat::Json)),
        },
        Subject {
            parser: "transcript html",
            shape: "count",
            make: |n| {
                (0..n)
                    .map(|i| format!("<p>Paragraph {i} of the page.</p>\n"))
                    .collect()
            },
            parse: |s| drop(parse_as(s, TranscriptFormat::Html)),
        },
        Subject {
            parser: "transcript html",
            shape: "depth",
            make: |n| format!("{}<p>deep</p>{}", "<div>".repeat(n), "</div>".repeat(n)),
            parse: |s| drop(parse_as(s, TranscriptFormat::Html)),
        },
        Subject {
            parser: "transcript text",
            shape: "count",
            make: |n| {
                (0..n)
                    .map(|i| format!("Ann: paragraph {i} here.\n\n"))
                    .collect()
            },
            parse: |s| drop(parse_as(s, TranscriptFormat::Text)),
        },
        Subject {
            parser: "transcript text",
            shape: "depth",
            make: |n| format!("Ann: {}deep{}\n", "(".repeat(n), ")".repeat(n)),
            parse: |s| drop(parse_as(s, TranscriptFormat::Text)),
        },
        Subject {
            parser: "feed rss",
            shape: "count",
            make: |n| {
                let items: String = (0..n)
                    .map(|i| {
                        format!(
                            "<item><title>Episode {i}</title><guid>g{i}</guid>\
                             <description>&lt;p&gt;Notes {i}&lt;/p&gt;</description>\
                             <enclosure url=\"https://example.com/{i}.mp3\" type=\"audio/mpeg\" length=\"10\"/></item>\n"
                        )
                    })
                    .collect();
                format!("<rss version=\"2.0\"><channel><title>Bench</title>{items}</channel></rss>")
            },
            parse: |s| drop(parse_feed(s.as_bytes())),
        },
        Subject {
            parser: "feed rss",
            shape: "depth",
            make: |n| {
                format!(
                    "<rss version=\"2.0\" xmlns:x=\"https://example.com/x\"><channel><title>Deep</title>\
                     <item><enclosure url=\"https://example.com/1.mp3\"/>{}{}</item></channel></rss>",
                    "<x:a>".repeat(n),
                    "</x:a>".repeat(n)
                )
            },
            parse: |s| drop(parse_feed(s.as_bytes())),
        },
        Subject {
            parser: "feed salvaged",
            shape: "count",
            make: |n| {
                // Every other item broken, a bare `&` in each, and the end cut off.
                let items: String = (0..n)
                    .map(|i| {
                        let close = if i % 2 == 0 { "</title>" } else { "</b>" };
                        format!(
                            "<item><title>Q&A {i}{close}<guid>g{i}</guid>\
                             <enclosure url=\"https://example.com/{i}.mp3?a=1&b=2\" type=\"audio/mpeg\"/></item>\n"
                        )
                    })
                    .collect();
                format!("<rss version=\"2.0\"><channel><title>Bench</title>{items}</channel></rss")
            },
            parse: |s| drop(parse_feed(s.as_bytes())),
        },
        Subject {
            parser: "feed salvaged",
            shape: "depth",
            make: |n| {
                format!(
                    "<rss version=\"2.0\"><channel><title>Q&A</title>\
                     <item><enclosure url=\"https://example.com/1.mp3\"/>{}{}</item></channel></rss",
                    "<a>".repeat(n),
                    "</a>".repeat(n)
                )
            },
            parse: |s| drop(parse_feed(s.as_bytes())),
        },
        Subject {
            parser: "feed atom",
            shape: "count",
            make: |n| {
                let entries: String = (0..n)
                    .map(|i| {
                        format!(
                            "<entry><title>Episode {i}</title><id>urn:{i}</id>\
                             <updated>2024-05-01T12:00:00Z</updated>\
                             <link rel=\"enclosure\" href=\"https://example.com/{i}.mp3\" type=\"audio/mpeg\"/></entry>\n"
                        )
                    })
                    .collect();
                format!(
                    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Bench</title><id>urn:b</id>\
                     <updated>2024-05-01T12:00:00Z</updated>{entries}</feed>"
                )
            },
            parse: |s| drop(parse_feed(s.as_bytes())),
        },
        Subject {
            parser: "feed atom",
            shape: "depth",
            make: |n| {
                format!(
                    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:x=\"https://example.com/x\">\
                     <title>Deep</title><entry>{}{}</entry></feed>",
                    "<x:a>".repeat(n),
                    "</x:a>".repeat(n)
                )
            },
            parse: |s| drop(parse_feed(s.as_bytes())),
        },
        Subject {
            parser: "opml",
            shape: "count",
            make: |n| {
                let outlines: String = (0..n)
                    .map(|i| {
                        format!(
                            "<outline text=\"Show {i}\" xmlUrl=\"https://example.com/{i}.xml\"/>\n"
                        )
                    })
                    .collect();
                format!("<opml version=\"2.0\"><body>{outlines}</body></opml>")
            },
            parse: |s| drop(parse_opml(s.as_bytes())),
        },
        Subject {
            parser: "opml",
            shape: "depth",
            make: |n| {
                format!(
                    "<opml version=\"2.0\"><body>{}{}</body></opml>",
                    "<outline text=\"folder\">".repeat(n),
                    "</outline>".repeat(n)
                )
            },
            parse: |s| drop(parse_opml(s.as_bytes())),
        },
        Subject {
            parser: "chapters json",
            shape: "count",
            make: |n| {
                let chapters: Vec<String> = (0..n)
                    .map(|i| format!(r#"{{"startTime":{i},"title":"Chapter {i}"}}"#))
                    .collect();
                format!(
                    r#"{{"version":"1.2.0","chapters":[{}]}}"#,
                    chapters.join(",")
                )
            },
            parse: |s| drop(parse_json_chapters(s.as_bytes())),
        },
        Subject {
            parser: "chapters json",
            shape: "depth",
            make: |n| {
                format!(
                    r#"{{"version":"1.2.0","chapters":[{{"startTime":0,"title":"A","x":{}1{}}}]}}"#,
                    "[".repeat(n),
                    "]".repeat(n)
                )
            },
            parse: |s| drop(parse_json_chapters(s.as_bytes())),
        },
        Subject {
            parser: "notes import json",
            shape: "count",
            make: |n| {
                let episodes: Vec<String> = (0..n)
                    .map(|i| format!(r#"{{"title":"Episode {i}","guid":"g{i}"}}"#))
                    .collect();
                format!(
                    r#"{{"earmark_export":1,"episodes":[{}]}}"#,
                    episodes.join(",")
                )
            },
            parse: |s| drop(parse_export(s)),
        },
        Subject {
            parser: "notes import json",
            shape: "depth",
            make: |n| {
                format!(
                    r#"{{"earmark_export":1,"episodes":[{{"title":"E","x":{}1{}}}]}}"#,
                    "[".repeat(n),
                    "]".repeat(n)
                )
            },
            parse: |s| drop(parse_export(s)),
        },
        Subject {
            parser: "show notes html",
            shape: "count",
            make: |n| {
                (0..n)
                    .map(|i| format!("<p>Note <b>{i}</b></p><ul><li>a</li></ul>"))
                    .collect()
            },
            parse: |s| drop(html_to_text(s)),
        },
        Subject {
            parser: "show notes html",
            shape: "depth",
            make: |n| format!("{}deep words{}", "<div>".repeat(n), "</div>".repeat(n)),
            parse: |s| drop(html_to_text(s)),
        },
        Subject {
            parser: "highlight quote",
            shape: "count",
            make: |n| vec!["a a a a a"; n].join("\n"),
            parse: |s| {
                std::hint::black_box(locate_half_quote(s));
            },
        },
    ]
}

/// A highlight found again in a re-timed transcript, at its worst: each line of `s`
/// a segment, every word the same, and a quote as long as half the transcript that
/// is not there (it ends in a word the transcript lacks).
fn locate_half_quote(s: &str) -> Option<(u64, u64)> {
    let segments: Vec<Segment> = (0u64..)
        .zip(s.lines())
        .map(|(i, line)| Segment::timed(i * 1_000, i * 1_000 + 1_000, line))
        .collect();
    let quote = format!("{}b", "a ".repeat(s.len() / 4));
    locate(&segments, &quote, 0)
}

/// `hh:mm:ss` for second `i`.
fn clock(i: usize) -> String {
    format!("{:02}:{:02}:{:02}", i / 3600, (i / 60) % 60, i % 60)
}
