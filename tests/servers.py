"""Real servers on loopback for the sync tests: an ICS feed server and Radicale.

Both listen on 127.0.0.1 with a free port and are stopped after the test. Nothing here
stands in for Ichigo's own code: the tests change the servers between syncs as another
client would (a file replaced on the feed server; the ``caldav`` library on Radicale).
"""

from __future__ import annotations

import gzip
import socket
import ssl
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


@dataclass
class Route:
    """What the feed server answers on one path."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/calendar; charset=utf-8"
    etag: str = ""  # honoured with If-None-Match -> 304 when set
    location: str = ""  # for redirects
    hold: threading.Event | None = None  # answer only once this is set (a slow server)
    size: int = 0  # stream this many bytes of calendar-looking filler instead of body
    cut: bool = False  # promise the whole body, send half, close (the server stops)


@dataclass
class FeedServer:
    host: str
    port: int
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    scheme: str = "http"

    def url(self, path: str) -> str:
        return f"{self.scheme}://{self.host}:{self.port}{path}"

    def serve(self, path: str, body: bytes, *, etag: bool = True) -> None:
        """Put a calendar at ``path`` (a changed body gets a new ETag)."""
        tag = f'"{abs(hash(body)):x}"' if etag else ""
        self.routes[path] = Route(body=body, etag=tag)

    def hits(self, path: str) -> list[dict[str, str]]:
        return [headers for p, headers in self.requests if p == path]


def _handler(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            path = self.path
            server.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
            route = server.routes.get(path)
            if route is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if route.hold is not None:
                route.hold.wait(30)
            if route.location:
                self.send_response(route.status)
                self.send_header("Location", route.location)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.send_header("ETag", route.etag)
                self.end_headers()
                return
            if route.size:
                self._stream(route)
                return
            if route.cut:
                self.send_response(200)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body[: len(route.body) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            body = route.body
            gzipped = "gzip" in self.headers.get("Accept-Encoding", "") and route.status == 200
            if gzipped:
                body = gzip.compress(body)
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            if gzipped:
                self.send_header("Content-Encoding", "gzip")
            if route.etag:
                self.send_header("ETag", route.etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _stream(self, route: Route) -> None:
            """A huge feed, sent without Content-Length (the reader must cap it)."""
            self.send_response(200)
            self.send_header("Content-Type", route.content_type)
            self.end_headers()
            line = b"X-FILLER:" + b"x" * 1000 + b"\r\n"
            chunk = line * 256
            sent = 0
            try:
                self.wfile.write(b"BEGIN:VCALENDAR\r\n")
                while sent < route.size:
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should

    return Handler


@dataclass
class _Running:
    feed: FeedServer
    httpd: ThreadingHTTPServer
    thread: threading.Thread


def start_feed_server(tls: ssl.SSLContext | None = None) -> _Running:
    feed = FeedServer("127.0.0.1", 0, scheme="https" if tls else "http")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(feed))
    httpd.daemon_threads = True
    if tls is not None:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    feed.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    return _Running(feed, httpd, thread)


def stop_feed_server(running: _Running) -> None:
    for route in running.feed.routes.values():
        if route.hold is not None:
            route.hold.set()
    running.httpd.shutdown()
    running.httpd.server_close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Radicale:
    """A Radicale server with one user; ``client()`` is another CalDAV client."""

    url: str
    user: str
    password: str
    process: subprocess.Popen[bytes]
    folder: Path

    def client(self) -> Any:
        import caldav

        return caldav.DAVClient(
            url=self.url, username=self.user, password=self.password, enable_rfc6764=False
        )

    def make_calendar(self, name: str, cal_id: str, components: list[str] | None = None) -> Any:
        principal = self.client().principal()
        return principal.make_calendar(
            name=name, cal_id=cal_id, supported_calendar_component_set=components or ["VEVENT"]
        )

    def http(self) -> Any:
        """A plain HTTP client with this user's password (another CardDAV client)."""
        import niquests

        session = niquests.Session()
        session.auth = (self.user, self.password)
        return session

    def make_address_book(self, name: str, book_id: str) -> str:
        """An address book made with an extended MKCOL (RFC 5689); returns its URL."""
        url = f"{self.url}{self.user}/{book_id}/"
        body = (
            '<?xml version="1.0" encoding="utf-8"?><d:mkcol xmlns:d="DAV:" '
            'xmlns:card="urn:ietf:params:xml:ns:carddav"><d:set><d:prop><d:resourcetype>'
            "<d:collection/><card:addressbook/></d:resourcetype>"
            f"<d:displayname>{name}</d:displayname></d:prop></d:set></d:mkcol>"
        )
        with self.http() as http:
            http.get(self.url + self.user + "/")  # Radicale makes the user's home on first use
            answer = http.request("MKCOL", url, data=body.encode(),
                                  headers={"Content-Type": "application/xml"})  # fmt: skip
        assert answer.status_code == 201, answer.status_code
        return url

    def put_card(self, book_url: str, name: str, card: str) -> None:
        with self.http() as http:
            answer = http.put(book_url + name, data=card.encode("utf-8"),
                              headers={"Content-Type": "text/vcard; charset=utf-8"})  # fmt: skip
        assert answer.status_code in (201, 204), answer.status_code

    def get_card(self, book_url: str, name: str) -> str:
        with self.http() as http:
            answer = http.get(book_url + name)
        assert answer.status_code == 200, answer.status_code
        return str(answer.text)

    def cards(self, book_url: str) -> dict[str, str]:
        """Every card of the address book, by file name (read as another client would)."""
        import caldav

        book = caldav.DAVClient(url=book_url, username=self.user, password=self.password,
                                enable_rfc6764=False)  # fmt: skip
        with book:
            answer = book.propfind(book_url, depth=1)
        names = [
            href.rstrip("/").rsplit("/", 1)[-1]
            for href in (r.findtext("{DAV:}href") for r in answer.tree.iter("{DAV:}response"))
            if href and not href.endswith("/")
        ]
        return {name: self.get_card(book_url, name) for name in names}

    def delete_card(self, book_url: str, name: str) -> None:
        with self.http() as http:
            assert http.delete(book_url + name).status_code in (200, 204)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


def start_radicale(
    folder: Path, user: str = "alice", password: str = "wonderland", port: int = 0
) -> Radicale:
    """Radicale serving ``folder`` (started again on the same folder and port, it has
    the same calendars)."""
    folder.mkdir(parents=True, exist_ok=True)
    users = folder / "users"
    users.write_text(f"{user}:{password}\n", encoding="utf-8")
    port = port or free_port()
    config = folder / "config"
    config.write_text(
        "\n".join(
            [
                "[server]",
                f"hosts = 127.0.0.1:{port}",
                "[auth]",
                "type = htpasswd",
                f"htpasswd_filename = {users}",
                "htpasswd_encryption = plain",
                "delay = 0",
                "[storage]",
                f"filesystem_folder = {folder / 'collections'}",
                "[rights]",
                "type = owner_only",
                "[logging]",
                "level = error",
                "",
            ]
        ),
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--config", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("Radicale did not start") from None
            time.sleep(0.05)
    return Radicale(f"http://127.0.0.1:{port}/", user, password, process, folder)


def event(
    uid: str,
    start: str,
    summary: str,
    *,
    end: str = "",
    attendees: tuple[tuple[str, str], ...] = (),
    extra: str = "",
    sequence: int = 0,
) -> str:
    """One VEVENT in its VCALENDAR; times as UTC basic format (20261210T100000Z)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Ichigo tests//EN",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20261201T000000Z",
        f"DTSTART:{start}",
        f"DTEND:{end or f'{start[:9]}{int(start[9:11]) + 1:02d}{start[11:]}'}",
        f"SUMMARY:{summary}",
        f"SEQUENCE:{sequence}",
    ]
    lines += [f"ATTENDEE;CN={name};PARTSTAT=ACCEPTED:mailto:{mail}" for name, mail in attendees]
    if extra:
        lines += extra.strip().splitlines()
    lines += ["END:VEVENT", "END:VCALENDAR", ""]
    return "\r\n".join(lines)


def feed(*events: str) -> bytes:
    """Several events as one feed (their VEVENTs in one VCALENDAR)."""
    body = [
        line
        for ev in events
        for line in ev.split("\r\n")
        if line and not line.startswith(("BEGIN:VCALENDAR", "END:VCALENDAR", "VERSION", "PRODID"))
    ]
    return "\r\n".join(
        ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Ichigo tests//EN", *body, "END:VCALENDAR", ""]
    ).encode()
