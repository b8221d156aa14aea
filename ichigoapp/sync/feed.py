"""Fetch a calendar link (an ICS feed over https) with a conditional request.

An unchanged feed costs one request: the ETag and Last-Modified of the last answer go
back as ``If-None-Match``/``If-Modified-Since`` and a 304 ends the fetch. Redirects are
followed by hand (at most five, each hop checked like the first: no plain http beyond
loopback), the body is read in pieces up to a size cap, and the whole request has a
deadline besides the connect timeout. TLS is verified against the system's trust store
(niquests reads it), so company certificate authorities work.

Every failure becomes one :class:`SyncFailed` line naming the host, never the link.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from ichigoapp.errors import BadInput, SyncFailed
from ichigoapp.i18n import _
from ichigoapp.sync.addresses import check_url, host_of, network_failure

if TYPE_CHECKING:
    import niquests

MAX_REDIRECTS = 5
MAX_BYTES = 50 * 1024 * 1024
CONNECT_TIMEOUT_S = 10.0
TOTAL_TIMEOUT_S = 60.0
_CHUNK = 256 * 1024
USER_AGENT = "Ichigo (calendar subscription)"


@dataclass(frozen=True)
class Limits:
    """How long and how much one fetch may take (tests make them small)."""

    connect_s: float = CONNECT_TIMEOUT_S
    total_s: float = TOTAL_TIMEOUT_S
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS


@dataclass(frozen=True)
class FeedAnswer:
    not_modified: bool
    body: bytes  # empty when not modified
    etag: str
    last_modified: str


def fetch_feed(
    url: str,
    *,
    name: str,
    etag: str = "",
    last_modified: str = "",
    username: str = "",
    password: str = "",
    limits: Limits | None = None,
) -> FeedAnswer:
    """GET ``url`` (already normalised); ``name`` is the source's name for messages."""
    import niquests

    limits = limits or Limits()
    deadline = time.monotonic() + limits.total_s
    headers = {"User-Agent": USER_AGENT, "Accept": "text/calendar, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    auth = (username, password) if username else None
    with niquests.Session() as session:
        hops = 0
        while True:
            try:
                check_url(url)
            except BadInput as exc:
                raise SyncFailed(
                    _("'{name}': {problem}").format(name=name, problem=exc.message)
                ) from None
            response = _get(session, url, headers, auth, limits, deadline, name)
            if response.status_code in (301, 302, 303, 307, 308):
                location = response.headers.get("Location", "")
                response.close()
                hops += 1
                if not location:
                    raise SyncFailed(
                        _("'{name}': {host} redirected to nowhere").format(
                            name=name, host=host_of(url)
                        )
                    )
                if hops > limits.max_redirects:
                    raise SyncFailed(
                        _("'{name}': {host} redirected more than {limit} times").format(
                            name=name, host=host_of(url), limit=limits.max_redirects
                        )
                    )
                next_url = urljoin(url, location)
                if host_of(next_url) != host_of(url):
                    auth = None  # a password is for the server it was given for
                url = next_url
                continue
            return _answer(response, url, name, limits, deadline)


def _get(
    session: niquests.Session,
    url: str,
    headers: dict[str, str],
    auth: tuple[str, str] | None,
    limits: Limits,
    deadline: float,
    name: str,
) -> niquests.Response:
    import niquests

    host = host_of(url)
    remaining = max(0.1, deadline - time.monotonic())
    try:
        return session.get(
            url,
            headers=headers,
            auth=auth,
            allow_redirects=False,
            stream=True,
            timeout=(min(limits.connect_s, remaining), remaining),
        )
    except niquests.exceptions.RequestException as exc:
        network = network_failure(exc, name, host)
        if network is not None:
            raise network from None
        raise SyncFailed(
            _("'{name}': {host} could not be asked ({problem})").format(
                name=name, host=host, problem=type(exc).__name__
            )
        ) from None


def _answer(
    response: niquests.Response, url: str, name: str, limits: Limits, deadline: float
) -> FeedAnswer:
    host = host_of(url)
    status = response.status_code or 0
    try:
        if status == 304:
            return FeedAnswer(
                True,
                b"",
                response.headers.get("ETag", ""),
                response.headers.get("Last-Modified", ""),
            )
        if status in (401, 403):
            raise SyncFailed(_("the server refused the password for '{name}'").format(name=name))
        if status == 404 or status == 410:
            raise SyncFailed(
                _("'{name}': {host} has no calendar at this address (HTTP {status})").format(
                    name=name, host=host, status=status
                )
            )
        if status >= 400:
            raise SyncFailed(
                _("'{name}': {host} answered with an error (HTTP {status})").format(
                    name=name, host=host, status=status
                )
            )
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limits.max_bytes:
            raise _too_big(name, host, limits)
        body = _read(response, name, host, limits, deadline)
    finally:
        response.close()
    content_type = response.headers.get("Content-Type", "").lower()
    head = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if "text/html" in content_type or head.startswith((b"<!doctype html", b"<html")):
        raise SyncFailed(
            _("'{name}': this address returned a web page, not a calendar").format(name=name)
        )
    return FeedAnswer(
        False, body, response.headers.get("ETag", ""), response.headers.get("Last-Modified", "")
    )


def _read(
    response: niquests.Response, name: str, host: str, limits: Limits, deadline: float
) -> bytes:
    import niquests

    pieces: list[bytes] = []
    size = 0
    try:
        for piece in response.iter_content(_CHUNK):
            size += len(piece)
            if size > limits.max_bytes:
                raise _too_big(name, host, limits)
            if time.monotonic() > deadline:
                raise SyncFailed(
                    _("'{name}': {host} did not answer in time").format(name=name, host=host)
                )
            pieces.append(piece)
    except niquests.exceptions.Timeout:
        raise SyncFailed(
            _("'{name}': {host} did not answer in time").format(name=name, host=host)
        ) from None
    except niquests.exceptions.RequestException:
        raise SyncFailed(
            _("'{name}': the connection to {host} broke off").format(name=name, host=host)
        ) from None
    return b"".join(pieces)


def _too_big(name: str, host: str, limits: Limits) -> SyncFailed:
    mb = limits.max_bytes // (1024 * 1024)
    return SyncFailed(
        _("'{name}': the calendar at {host} is larger than {size} MB; not read").format(
            name=name, host=host, size=mb
        )
    )
