"""A real HTTP server on 127.0.0.1 for the library tests: feeds, chapters and
episode audio, with `Range`/`If-Range` (only a matching validator gets a 206),
and ways to misbehave on purpose: answer 404, send slowly, trickle a byte at a
time, go away.

Routes can change while the app runs (a feed gains an episode, a missing file
appears). Every request is logged with its `Range` and `If-Range` and the status
sent, for assertions. It listens on the loopback address only; `stop()` (or the
context manager) shuts it down.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """How one path answers."""

    body: bytes
    content_type: str = "application/octet-stream"
    status: int = 200
    etag: str = '"v1"'
    #: Bytes per second of body sent (0: as fast as possible).
    rate: int = 0
    #: Seconds between single bytes of body (0: not trickled): a stalled server.
    trickle: float = 0.0
    #: More headers to send (`Retry-After`, say).
    headers: dict[str, str] = field(default_factory=dict)
    #: Hold the answer until the test sets this event (or 30 s pass).
    hold: threading.Event | None = None


@dataclass(frozen=True)
class Seen:
    """A request as the server saw it, and what it answered."""

    path: str
    range: str | None
    if_range: str | None
    status: int
    #: Podcast Index's credentials as sent: X-Auth-Key, X-Auth-Date, Authorization.
    auth: tuple[str | None, str | None, str | None] = (None, None, None)


@dataclass
class FeedServer:
    """`with FeedServer() as server:` then `server.url("/feed.xml")`."""

    routes: dict[str, Route] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="feed-server", daemon=True)

    # --- lifecycle ---------------------------------------------------------

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    def stop(self) -> None:
        """Stops answering: later connections are refused, as with no network."""
        if self._thread.is_alive():
            self._httpd.shutdown()
        self._httpd.server_close()

    # --- routes and the log ----------------------------------------------------

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def set(self, path: str, route: Route) -> None:
        with self._lock:
            self.routes[path] = route

    def requests_for(self, path: str) -> list[Seen]:
        with self._lock:
            return [s for s in self.seen if s.path == path]

    # --- serving -----------------------------------------------------------

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                with server._lock:
                    route = server.routes.get(self.path.split("?")[0])
                if route is None:
                    route = Route(b"not here", "text/plain", status=404)
                status, start = route.status, 0
                wanted = self.headers.get("Range")
                validator = self.headers.get("If-Range")
                if status == 200 and wanted and wanted.startswith("bytes=") and validator in (None, route.etag):
                    first = wanted[len("bytes=") :].split("-")[0]
                    if first.isdigit() and int(first) < len(route.body):
                        status, start = 206, int(first)
                with server._lock:
                    auth = tuple(self.headers.get(h) for h in ("X-Auth-Key", "X-Auth-Date", "Authorization"))
                    server.seen.append(Seen(self.path, wanted, validator, status, auth))
                if route.hold is not None:
                    route.hold.wait(30)
                body = route.body[start:]
                self.send_response(status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Accept-Ranges", "bytes")
                self.send_header("ETag", route.etag)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if status == 206:
                    self.send_header("Content-Range", f"bytes {start}-{len(route.body) - 1}/{len(route.body)}")
                self.send_header("Connection", "close")
                self.end_headers()
                self.close_connection = True
                try:
                    self._send(body, route.rate, route.trickle)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the app went away or cancelled

            def _send(self, body: bytes, rate: int, trickle: float) -> None:
                if trickle > 0:
                    for offset in range(len(body)):
                        self.wfile.write(body[offset : offset + 1])
                        self.wfile.flush()
                        time.sleep(trickle)  # the pace of a server that stalls
                    return
                if rate <= 0:
                    self.wfile.write(body)
                    return
                chunk = max(1024, rate // 20)
                for offset in range(0, len(body), chunk):
                    self.wfile.write(body[offset : offset + chunk])
                    self.wfile.flush()
                    time.sleep(chunk / rate)  # the pace of a slow connection

        return Handler
