//! A farm of generated podcast feeds on many loopback hosts, for the refresh
//! benchmark: feed `i` lives on host `127.0.0.{1 + i % hosts}`, is 20 KB to 5 MB
//! (log-uniformly), made of items with about 4 KB of show notes each, and answers
//! every request after a delay drawn from `delay_ms`. It sends an `ETag` and honours
//! `If-None-Match` with a 304, as podcast hosts do; [`Farm::change`] gives a share of
//! the feeds one new episode and a new `ETag`. It counts the bytes each way, the 304s
//! and the most requests open at once to one host.
//!
//! Each connection is answered on its own thread and closed after one response
//! (`Connection: close`), so the counts are per request.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::Duration;

use serde::Serialize;

use crate::corpus::{Rng, Vocabulary};
use earmark_cli::report::CliError;

/// Show notes per item, roughly.
const ITEM_NOTES_BYTES: usize = 4_000;

/// The farm's shape.
#[derive(Debug, Clone, Copy)]
pub struct FarmShape {
    pub feeds: usize,
    pub hosts: usize,
    pub min_bytes: usize,
    pub max_bytes: usize,
    pub delay_ms: (u64, u64),
    pub seed: u64,
}

/// One feed: its body now and its version.
struct Feed {
    host: usize,
    version: u64,
    body: Arc<Vec<u8>>,
    /// The items of version 0 (the changes are put in front).
    items: Arc<String>,
    title: String,
}

/// What the farm saw since the last [`Farm::reset_counts`].
#[derive(Debug, Clone, Default, Serialize)]
pub struct FarmCounts {
    pub requests: u64,
    pub not_modified: u64,
    /// Bytes the clients sent (request line and headers).
    pub bytes_in: u64,
    /// Bytes the farm sent (status line, headers and bodies).
    pub bytes_out: u64,
    /// Bytes both ways of the requests answered 304.
    pub not_modified_bytes: u64,
    /// The most requests open at once to one host.
    pub peak_per_host: u64,
}

#[derive(Default)]
struct Counters {
    requests: AtomicU64,
    not_modified: AtomicU64,
    bytes_in: AtomicU64,
    bytes_out: AtomicU64,
    not_modified_bytes: AtomicU64,
    open: Mutex<Vec<(u64, u64)>>,
}

/// The running farm; it stops serving when dropped.
pub struct Farm {
    feeds: Arc<RwLock<Vec<Feed>>>,
    counters: Arc<Counters>,
    addresses: Vec<String>,
    stop: Arc<AtomicBool>,
    delay_ms: (u64, u64),
}

impl Farm {
    /// Generates the feeds and starts serving them.
    pub fn start(shape: FarmShape) -> Result<Farm, CliError> {
        let vocabulary = Vocabulary::new();
        let mut rng = Rng::new(shape.seed);
        let (low, high) = (shape.min_bytes as f64, shape.max_bytes as f64);
        let feeds: Vec<Feed> = (0..shape.feeds)
            .map(|i| {
                let size = (low.ln() + rng.unit() * (high.ln() - low.ln())).exp() as usize;
                let title = format!("Farm show {i}: {}", vocabulary.title(&mut rng));
                let items = items(&vocabulary, &mut rng, i, size);
                let body = Arc::new(document(&title, "", &items));
                Feed {
                    host: i % shape.hosts.max(1),
                    version: 0,
                    body,
                    items: Arc::new(items),
                    title,
                }
            })
            .collect();
        let counters = Arc::new(Counters {
            open: Mutex::new(vec![(0, 0); shape.hosts.max(1)]),
            ..Counters::default()
        });
        let feeds = Arc::new(RwLock::new(feeds));
        let stop = Arc::new(AtomicBool::new(false));
        let mut addresses = Vec::new();
        for host in 0..shape.hosts.max(1) {
            let ip = format!("127.0.0.{}", host + 1);
            let listener = TcpListener::bind((ip.as_str(), 0))
                .map_err(|e| CliError::Message(format!("Could not listen on {ip}: {e}.")))?;
            let port = listener.local_addr().map(|a| a.port()).unwrap_or_default();
            addresses.push(format!("http://{ip}:{port}"));
            let (feeds, counters, stop) = (feeds.clone(), counters.clone(), stop.clone());
            let delay = shape.delay_ms;
            std::thread::spawn(move || {
                for (n, stream) in listener.incoming().enumerate() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (feeds, counters) = (feeds.clone(), counters.clone());
                    let wait =
                        delay.0 + spread(host as u64 * 7_919 + n as u64) % (delay.1 - delay.0 + 1);
                    std::thread::spawn(move || {
                        answer(stream, host, &feeds, &counters, Duration::from_millis(wait))
                    });
                }
            });
        }
        Ok(Farm {
            feeds,
            counters,
            addresses,
            stop,
            delay_ms: shape.delay_ms,
        })
    }

    /// Every feed's address, in order.
    pub fn urls(&self) -> Vec<String> {
        let feeds = self.feeds.read().unwrap_or_else(PoisonError::into_inner);
        feeds
            .iter()
            .enumerate()
            .map(|(i, f)| format!("{}/f{i}.xml", self.addresses[f.host]))
            .collect()
    }

    /// Bytes of all the feeds as they are now.
    pub fn total_bytes(&self) -> u64 {
        let feeds = self.feeds.read().unwrap_or_else(PoisonError::into_inner);
        feeds.iter().map(|f| f.body.len() as u64).sum()
    }

    /// Gives every `1 / share`-th feed one new episode (and a new `ETag`); how many.
    pub fn change(&self, share: f64) -> usize {
        let mut feeds = self.feeds.write().unwrap_or_else(PoisonError::into_inner);
        let step = (1.0 / share.max(1e-6)).round().max(1.0) as usize;
        let mut changed = 0;
        for (i, feed) in feeds.iter_mut().enumerate().filter(|(i, _)| i % step == 0) {
            feed.version += 1;
            let new = format!(
                "<item><title>New {i}.{v}</title><guid>f{i}-v{v}</guid>\
                 <pubDate>Mon, 07 Dec 2026 10:00:00 GMT</pubDate>\
                 <enclosure url=\"http://127.0.0.1:9/f{i}-v{v}.mp3\" type=\"audio/mpeg\" length=\"1000\"/>\
                 <description>A new one.</description></item>\n",
                v = feed.version
            );
            feed.body = Arc::new(document(&feed.title, &new, &feed.items));
            changed += 1;
        }
        changed
    }

    /// The counts since the last reset, and starts counting afresh.
    pub fn take_counts(&self) -> FarmCounts {
        let c = &self.counters;
        let take = |a: &AtomicU64| a.swap(0, Ordering::SeqCst);
        let peak = {
            let mut open = c.open.lock().unwrap_or_else(PoisonError::into_inner);
            let peak = open.iter().map(|&(_, p)| p).max().unwrap_or(0);
            open.iter_mut().for_each(|(now, p)| *p = *now);
            peak
        };
        FarmCounts {
            requests: take(&c.requests),
            not_modified: take(&c.not_modified),
            bytes_in: take(&c.bytes_in),
            bytes_out: take(&c.bytes_out),
            not_modified_bytes: take(&c.not_modified_bytes),
            peak_per_host: peak,
        }
    }

    /// The delay range each answer waits.
    pub fn delay_ms(&self) -> (u64, u64) {
        self.delay_ms
    }
}

impl Drop for Farm {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        for address in &self.addresses {
            // Wakes each accept loop to see the stop.
            let _ = TcpStream::connect(address.trim_start_matches("http://"));
        }
    }
}

/// A well-mixed number from `n` (SplitMix64's finalizer), for the delays.
fn spread(n: u64) -> u64 {
    let mut z = n.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Items filling about `size` bytes.
fn items(vocabulary: &Vocabulary, rng: &mut Rng, feed: usize, size: usize) -> String {
    let count = (size / (ITEM_NOTES_BYTES + 400)).max(5);
    let mut out = String::with_capacity(size + 1_024);
    for j in 0..count {
        let mut notes = String::new();
        while notes.len() < ITEM_NOTES_BYTES {
            notes.push_str("<p>");
            notes.push_str(&vocabulary.sentence(rng, 12, 30));
            notes.push_str("</p>");
        }
        let day = 1 + j % 28;
        let year = 2026 - (j / 336) as i64;
        let month = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ][11 - (j / 28) % 12];
        out.push_str(&format!(
            "<item><title>{}</title><guid>f{feed}-e{j}</guid>\
             <pubDate>Mon, {day:02} {month} {year} 10:00:00 GMT</pubDate>\
             <enclosure url=\"http://127.0.0.1:9/f{feed}-e{j}.mp3\" type=\"audio/mpeg\" length=\"30000000\"/>\
             <itunes:duration>45:00</itunes:duration>\
             <description><![CDATA[{notes}]]></description></item>\n",
            vocabulary.title(rng)
        ));
    }
    out
}

fn document(title: &str, new: &str, items: &str) -> Vec<u8> {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" \
         xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"><channel>\
         <title>{title}</title><description>A generated show.</description>\n{new}{items}\
         </channel></rss>\n"
    )
    .into_bytes()
}

/// Answers one request.
fn answer(
    stream: TcpStream,
    host: usize,
    feeds: &RwLock<Vec<Feed>>,
    counters: &Counters,
    wait: Duration,
) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(read_half);
    let mut line = String::new();
    let mut bytes_in = 0u64;
    let mut path = String::new();
    let mut if_none_match = None;
    loop {
        line.clear();
        let n = reader.read_line(&mut line).unwrap_or(0);
        bytes_in += n as u64;
        if n == 0 || line.trim().is_empty() {
            break;
        }
        if path.is_empty() {
            path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
        } else if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("if-none-match") {
                if_none_match = Some(value.trim().to_owned());
            }
        }
    }
    {
        let mut open = counters.open.lock().unwrap_or_else(PoisonError::into_inner);
        let (now, peak) = &mut open[host];
        *now += 1;
        *peak = (*peak).max(*now);
    }
    std::thread::sleep(wait);
    let found = path
        .strip_prefix("/f")
        .and_then(|p| p.strip_suffix(".xml"))
        .and_then(|n| n.parse::<usize>().ok())
        .and_then(|i| {
            let feeds = feeds.read().unwrap_or_else(PoisonError::into_inner);
            feeds.get(i).map(|f| (f.version, f.body.clone()))
        });
    {
        let mut open = counters.open.lock().unwrap_or_else(PoisonError::into_inner);
        open[host].0 -= 1;
    }
    let (head, body): (String, Option<Arc<Vec<u8>>>) = match found {
        None => (
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".into(),
            None,
        ),
        Some((version, _)) if if_none_match.as_deref() == Some(&format!("\"v{version}\"")) => (
            format!(
                "HTTP/1.1 304 Not Modified\r\nETag: \"v{version}\"\r\nConnection: close\r\n\r\n"
            ),
            None,
        ),
        Some((version, body)) => (
            format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nETag: \"v{version}\"\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            ),
            Some(body),
        ),
    };
    let mut stream = stream;
    let mut out = head.len() as u64;
    if stream.write_all(head.as_bytes()).is_err() {
        return;
    }
    if let Some(body) = &body {
        out += body.len() as u64;
        let _ = stream.write_all(body);
    }
    let _ = stream.flush();
    counters.requests.fetch_add(1, Ordering::SeqCst);
    counters.bytes_in.fetch_add(bytes_in, Ordering::SeqCst);
    counters.bytes_out.fetch_add(out, Ordering::SeqCst);
    if body.is_none() && head.starts_with("HTTP/1.1 304") {
        counters.not_modified.fetch_add(1, Ordering::SeqCst);
        counters
            .not_modified_bytes
            .fetch_add(bytes_in + out, Ordering::SeqCst);
    }
}
