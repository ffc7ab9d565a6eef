//! A real HTTP/1.1 server on 127.0.0.1 for tests, on a hand-rolled `TcpListener`, so
//! that tests can make it misbehave in exactly the ways real servers do: ignore
//! `Range`, drop the connection mid-body, answer slowly, trickle the body a byte at a
//! time, change the file between requests and answer a stale `If-Range` with a range
//! of the new file anyway, answer 404.
//!
//! Every response closes its connection. Each request is logged (path, `Range`,
//! `If-Range`) for assertions. The server stops when dropped. It only ever listens on
//! the loopback address, and every wait in it is bounded.
//!
//! Shared with the CLI tests through `#[path]`.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// How one path answers.
#[derive(Debug, Clone)]
pub struct Route {
    /// Status for a plain GET (200 unless set).
    pub status: u16,
    /// The body.
    pub body: Vec<u8>,
    /// `Content-Type`.
    pub content_type: String,
    /// `ETag` sent (and honoured in `If-Range`), when set.
    pub etag: Option<String>,
    /// Answer `Range` requests with 206 (else ignore them and send 200).
    pub ranges: bool,
    /// Leave out `Content-Length` (the body ends when the connection closes).
    pub no_length: bool,
    /// Wait this long before sending the headers.
    pub delay: Duration,
    /// The first N responses stop after `cut_at` body bytes and close the connection.
    pub cut_first: usize,
    /// Where those cuts happen (bytes of body sent).
    pub cut_at: usize,
    /// Send the body one byte per this interval (a server that trickles).
    pub trickle: Option<Duration>,
    /// Answer a `Range` with 206 even when `If-Range` names another version (as
    /// servers that ignore `If-Range` do).
    pub ignore_if_range: bool,
    /// `Location` sent (with a 3xx status, a redirect).
    pub location: Option<String>,
    /// `Last-Modified` sent, when set.
    pub last_modified: Option<String>,
    /// Answer a GET that names the current `ETag` or `Last-Modified` in
    /// `If-None-Match` / `If-Modified-Since` with 304 and no body.
    pub conditional: bool,
    /// Send the body gzip-compressed (`Content-Encoding: gzip`) to a client that
    /// accepts it.
    pub gzip: bool,
    /// `Retry-After` sent, when set.
    pub retry_after: Option<String>,
    /// Hold the answer until the test opens this gate (or 20 s pass).
    pub hold: Option<Gate>,
}

/// A gate a held route waits at until the test opens it.
#[derive(Debug, Clone, Default)]
pub struct Gate(Arc<(Mutex<bool>, std::sync::Condvar)>);

impl Gate {
    /// Lets every held answer go.
    pub fn open(&self) {
        *self.0 .0.lock().unwrap() = true;
        self.0 .1.notify_all();
    }

    fn wait(&self) {
        let (open, changed) = &*self.0;
        let guard = open.lock().unwrap();
        let _ = changed
            .wait_timeout_while(guard, Duration::from_secs(20), |open| !*open)
            .unwrap();
    }
}

impl Route {
    /// A 200 with this body and type, supporting ranges with a fixed ETag.
    pub fn ok(body: impl Into<Vec<u8>>, content_type: &str) -> Route {
        Route {
            status: 200,
            body: body.into(),
            content_type: content_type.to_owned(),
            etag: Some("\"v1\"".to_owned()),
            ranges: true,
            no_length: false,
            delay: Duration::ZERO,
            cut_first: 0,
            cut_at: 0,
            trickle: None,
            ignore_if_range: false,
            location: None,
            last_modified: None,
            conditional: false,
            gzip: false,
            retry_after: None,
            hold: None,
        }
    }

    /// A redirect (`status` 301, 302, 307 or 308) to `to`.
    pub fn redirect(status: u16, to: &str) -> Route {
        Route {
            location: Some(to.to_owned()),
            ..Route::status(status)
        }
    }

    /// An error status with a short HTML body.
    pub fn status(status: u16) -> Route {
        Route {
            status,
            ..Route::ok(format!("<html><body>{status}</body></html>"), "text/html")
        }
    }
}

/// A request as the server saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    /// Path with query.
    pub path: String,
    /// The `Range` header.
    pub range: Option<String>,
    /// The `If-Range` header.
    pub if_range: Option<String>,
    /// The `Accept-Encoding` header.
    pub accept_encoding: Option<String>,
    /// The `If-None-Match` header.
    pub if_none_match: Option<String>,
    /// The `If-Modified-Since` header.
    pub if_modified_since: Option<String>,
    /// Podcast Index's credentials: `X-Auth-Key`, `X-Auth-Date` and `Authorization`.
    pub auth: [Option<String>; 3],
}

#[derive(Debug, Default)]
struct State {
    routes: HashMap<String, Route>,
    seen: Vec<Seen>,
    /// Responses cut so far, per path.
    cuts: HashMap<String, usize>,
    /// Requests being answered now, and the most there were at once.
    open: usize,
    peak_open: usize,
}

/// The server; stops on drop.
#[derive(Debug)]
pub struct TestServer {
    ip: String,
    port: u16,
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
    pub connections: Arc<AtomicUsize>,
}

impl TestServer {
    /// Starts a server on an ephemeral port of 127.0.0.1.
    pub fn start() -> TestServer {
        TestServer::start_on("127.0.0.1")
    }

    /// Starts a server on an ephemeral port of another loopback address (127.0.0.2
    /// …): another host, as a client counts hosts.
    pub fn start_on(ip: &str) -> TestServer {
        let listener = TcpListener::bind((ip, 0)).expect("bind a loopback address");
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(Mutex::new(State::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let connections = Arc::new(AtomicUsize::new(0));
        let accept = {
            let (state, stop, connections) = (state.clone(), stop.clone(), connections.clone());
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    connections.fetch_add(1, Ordering::SeqCst);
                    let state = state.clone();
                    std::thread::spawn(move || handle(stream, &state));
                }
            })
        };
        TestServer {
            ip: ip.to_owned(),
            port,
            state,
            stop,
            accept: Some(accept),
            connections,
        }
    }

    /// The full address of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}:{}{path}", self.ip, self.port)
    }

    /// Serves `route` at `path` (replacing what was there).
    pub fn serve(&self, path: &str, route: Route) {
        let mut state = self.state.lock().unwrap();
        state.cuts.remove(path);
        state.routes.insert(path.to_owned(), route);
    }

    /// Changes the route at `path` in place.
    pub fn update(&self, path: &str, change: impl FnOnce(&mut Route)) {
        let mut state = self.state.lock().unwrap();
        change(state.routes.get_mut(path).expect("route exists"));
    }

    /// Every request so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.state.lock().unwrap().seen.clone()
    }

    /// The most requests this server was answering at once.
    pub fn peak_open(&self) -> usize {
        self.state.lock().unwrap().peak_open
    }

    /// Requests so far for `path`.
    pub fn seen_at(&self, path: &str) -> Vec<Seen> {
        self.seen().into_iter().filter(|s| s.path == path).collect()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop.
        let _ = TcpStream::connect((self.ip.as_str(), self.port));
        if let Some(accept) = self.accept.take() {
            let _ = accept.join();
        }
    }
}

fn handle(stream: TcpStream, state: &Mutex<State>) {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
        return;
    }
    let mut headers = HashMap::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
        }
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_owned();
    let seen = Seen {
        path: path.clone(),
        range: headers.get("range").cloned(),
        if_range: headers.get("if-range").cloned(),
        accept_encoding: headers.get("accept-encoding").cloned(),
        if_none_match: headers.get("if-none-match").cloned(),
        if_modified_since: headers.get("if-modified-since").cloned(),
        auth: ["x-auth-key", "x-auth-date", "authorization"].map(|h| headers.get(h).cloned()),
    };
    let (route, cut) = {
        let mut state = state.lock().unwrap();
        state.seen.push(seen.clone());
        state.open += 1;
        state.peak_open = state.peak_open.max(state.open);
        // A route is found by its path with the query, else by the path alone.
        let route = state
            .routes
            .get(&path)
            .or_else(|| state.routes.get(path.split('?').next().unwrap_or_default()))
            .cloned();
        let cut = match &route {
            Some(r) if r.cut_first > 0 => {
                let count = state.cuts.entry(path.clone()).or_insert(0);
                let cut = *count < r.cut_first;
                *count += 1;
                cut
            }
            _ => false,
        };
        (route, cut)
    };
    let route = route.unwrap_or_else(|| Route::status(404));
    if !route.delay.is_zero() {
        std::thread::sleep(route.delay);
    }
    if let Some(gate) = &route.hold {
        gate.wait();
    }
    // Counted out before answering: the client may ask again once it has the answer.
    state.lock().unwrap().open -= 1;
    respond(stream, &route, &seen, cut);
}

fn respond(mut stream: TcpStream, route: &Route, seen: &Seen, cut: bool) {
    if route.conditional && unchanged(route, seen) {
        let head = "HTTP/1.1 304 Not Modified\r\nConnection: close\r\n\r\n";
        let _ = stream.write_all(head.as_bytes());
        return;
    }
    let compressed;
    let route = if route.gzip
        && seen
            .accept_encoding
            .as_deref()
            .is_some_and(|a| a.contains("gzip"))
    {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(&route.body).unwrap();
        compressed = Route {
            body: encoder.finish().unwrap(),
            ..route.clone()
        };
        &compressed
    } else {
        route
    };
    let len = route.body.len();
    let mut status = route.status;
    let mut start = 0;
    let mut extra = String::new();
    if status == 200 && route.ranges {
        let validator_ok = match (&seen.if_range, &route.etag) {
            (None, _) => true,
            _ if route.ignore_if_range => true,
            (Some(given), Some(etag)) => given == etag,
            (Some(_), None) => false,
        };
        if let Some(from) = seen
            .range
            .as_deref()
            .and_then(|r| r.strip_prefix("bytes="))
            .and_then(|r| r.strip_suffix('-'))
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|_| validator_ok)
        {
            if from >= len {
                status = 416;
                extra.push_str(&format!("Content-Range: bytes */{len}\r\n"));
            } else {
                status = 206;
                start = from;
                extra.push_str(&format!(
                    "Content-Range: bytes {from}-{}/{len}\r\n",
                    len - 1
                ));
            }
        }
    }
    if route.ranges {
        extra.push_str("Accept-Ranges: bytes\r\n");
    }
    if let Some(etag) = &route.etag {
        extra.push_str(&format!("ETag: {etag}\r\n"));
    }
    if let Some(location) = &route.location {
        extra.push_str(&format!("Location: {location}\r\n"));
    }
    if let Some(date) = &route.last_modified {
        extra.push_str(&format!("Last-Modified: {date}\r\n"));
    }
    if let Some(wait) = &route.retry_after {
        extra.push_str(&format!("Retry-After: {wait}\r\n"));
    }
    if route.gzip
        && seen
            .accept_encoding
            .as_deref()
            .is_some_and(|a| a.contains("gzip"))
    {
        extra.push_str("Content-Encoding: gzip\r\n");
    }
    let body: &[u8] = if status == 416 {
        &[]
    } else {
        &route.body[start..]
    };
    if !route.no_length {
        extra.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    let head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {}\r\n{extra}Connection: close\r\n\r\n",
        reason(status),
        route.content_type
    );
    if stream.write_all(head.as_bytes()).is_err() {
        return;
    }
    let body = if cut {
        &body[..route.cut_at.saturating_sub(start).min(body.len())]
    } else {
        body
    };
    if let Some(interval) = route.trickle {
        for byte in body {
            if stream.write_all(std::slice::from_ref(byte)).is_err() {
                return;
            }
            std::thread::sleep(interval);
        }
        return;
    }
    for chunk in body.chunks(16 * 1024) {
        if stream.write_all(chunk).is_err() {
            return;
        }
    }
    let _ = stream.flush();
    if cut {
        // Close without finishing: the client sees the connection break off.
        let _ = stream.shutdown(Shutdown::Both);
    }
}

/// Whether the request names the route's current version in `If-None-Match` or
/// `If-Modified-Since`.
fn unchanged(route: &Route, seen: &Seen) -> bool {
    let etag = route.etag.is_some() && seen.if_none_match == route.etag;
    let date = route.last_modified.is_some() && seen.if_modified_since == route.last_modified;
    etag || date
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        206 => "Partial Content",
        301 => "Moved Permanently",
        302 => "Found",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        416 => "Range Not Satisfiable",
        500 => "Internal Server Error",
        _ => "Status",
    }
}

/// A port on 127.0.0.1 where nothing listens (bound, then released).
pub fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}
