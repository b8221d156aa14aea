"""Server addresses: what may be fetched, and how a secret link is shown.

A calendar link's path or query is often its only password (Google's "secret address",
Outlook's published link), so a link is printed redacted: scheme, host and the last
path segment, never the user part, the middle of the path or the query.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit, urlunsplit

from ichigoapp.errors import BadInput, SyncFailed
from ichigoapp.i18n import _


def normalise_url(url: str) -> str:
    """``webcal://`` read as ``https://``; surrounding space dropped; checked for use."""
    url = url.strip()
    lowered = url.lower()
    if lowered.startswith("webcals://"):
        url = "https://" + url[len("webcals://") :]
    elif lowered.startswith("webcal://"):
        url = "https://" + url[len("webcal://") :]
    check_url(url)
    return url


def check_url(url: str) -> None:
    """Refuse what Ichigo never fetches: other schemes, and plain http beyond loopback."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise BadInput(_("{url} is not a web address (https://…)").format(url=redact(url)))
    if scheme == "http" and not is_loopback(parts.hostname):
        raise BadInput(
            _(
                "{host} was given with plain http://; Ichigo only fetches calendars "
                "over https:// (plain http only from this computer)"
            ).format(host=parts.hostname)
        )


def is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_of(url: str) -> str:
    return urlsplit(url).hostname or _("the server")


def redact(url: str) -> str:
    """``https://calendar.example/…/basic.ics``: enough to recognise, nothing to reuse."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return _("(an address that cannot be read)")
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    segments = [s for s in parts.path.split("/") if s]
    if not segments:
        path = "/"
    elif len(segments) == 1 and not parts.query:
        path = "/" + segments[0] if len(segments[0]) <= 24 else "/…"
    else:
        last = segments[-1]
        # A long last segment is a token itself (Outlook's links end in one).
        path = f"/…/{last}" if len(last) <= 24 else "/…"
    return urlunsplit((parts.scheme.lower(), host, path, "", ""))


def network_failure(exc: BaseException, name: str, host: str) -> SyncFailed | None:
    """The one line for a failure of the network itself (TLS, time, reachability), or
    None when ``exc`` is something else."""
    import niquests

    if isinstance(exc, niquests.exceptions.SSLError):
        return SyncFailed(
            _("'{name}': the certificate of {host} is not trusted by this computer").format(
                name=name, host=host
            )
        )
    if isinstance(exc, niquests.exceptions.Timeout):
        return SyncFailed(_("'{name}': {host} did not answer in time").format(name=name, host=host))
    if isinstance(exc, niquests.exceptions.ConnectionError):
        return SyncFailed(
            _("'{name}': could not reach {host} (offline?)").format(name=name, host=host)
        )
    return None
