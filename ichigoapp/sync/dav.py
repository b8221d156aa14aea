"""A CalDAV account (RFC 4791) through the ``caldav`` library: find the calendars, and
fetch what changed in one of them since the last sync.

Changes come from a sync-collection REPORT (RFC 6578) when the server keeps sync tokens;
otherwise the library lists every member with its ETag and the ETags are compared with
the ones we hold. Either way only changed members are downloaded, in calendar-multiget
batches. A member is named by its path (``/alice/work/e1@example.ics``), unquoted, so
that two spellings of one address are one member.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, unquote, urlsplit
from xml.sax.saxutils import escape

from ichigoapp.errors import BadInput, SyncFailed
from ichigoapp.i18n import _
from ichigoapp.sync.addresses import check_url, host_of, network_failure

TIMEOUT_S = 60
MULTIGET_BATCH = 200
MAX_SYNC_PAGES = 50
_NS = (
    'xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" '
    'xmlns:card="urn:ietf:params:xml:ns:carddav"'
)
SYNC_COLLECTION = (
    f'<?xml version="1.0" encoding="utf-8"?><d:sync-collection {_NS}>'
    "<d:sync-token>{token}</d:sync-token><d:sync-level>1</d:sync-level>"
    "<d:prop><d:getetag/>{data}</d:prop></d:sync-collection>"
)
CALENDAR_DATA = ("<c:calendar-data/>", "{urn:ietf:params:xml:ns:caldav}calendar-data")
ADDRESS_DATA = ("<card:address-data/>", "{urn:ietf:params:xml:ns:carddav}address-data")
MULTIGET = (
    f'<?xml version="1.0" encoding="utf-8"?><card:addressbook-multiget {_NS}>'
    "<d:prop><d:getetag/><card:address-data/></d:prop><d:href>{href}</d:href>"
    "</card:addressbook-multiget>"
)
_PROPFIND = (
    '<?xml version="1.0" encoding="utf-8"?><d:propfind '
    + _NS
    + "><d:prop>{props}</d:prop></d:propfind>"
)


@dataclass(frozen=True)
class RemoteCalendar:
    url: str
    name: str


@dataclass
class CalendarChanges:
    """What changed in one calendar: members with new data, members gone, and the token
    to ask from next time ("" when the server keeps none)."""

    changed: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # path -> (etag, ics)
    deleted: set[str] = field(default_factory=set)
    listed: set[str] | None = None  # every member's path when the whole calendar was listed
    token: str = ""
    to_load: list[str] = field(default_factory=list)  # listed without data: fetch them
    etags: dict[str, str] = field(default_factory=dict)  # their ETags from the listing


def member_path(url: Any) -> str:
    return unquote(urlsplit(str(url)).path)


class Account:
    """One CalDAV login; use as a context manager (closes the connection)."""

    def __init__(self, url: str, username: str, password: str, name: str) -> None:
        from caldav.davclient import DAVClient

        try:
            check_url(url)
        except BadInput as exc:
            raise SyncFailed(
                _("'{name}': {problem}").format(name=name, problem=exc.message)
            ) from None
        self.url = url
        self.name = name
        self.host = host_of(url)
        self.client: Any = DAVClient(
            url=url,
            username=username or None,
            password=password or None,
            timeout=TIMEOUT_S,
            enable_rfc6764=False,  # no DNS lookups beyond the address given
            require_tls=False,  # check_url already allows plain http to loopback only
        )

    def __enter__(self) -> Account:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.client.close()

    def calendars(self) -> list[RemoteCalendar]:
        """The account's calendars that hold events (not task lists); the address given
        may also be one calendar's own address."""
        found: list[RemoteCalendar] = []
        with self._failures():
            try:
                listed = self.client.principal().calendars()
            except Exception as exc:
                if _is_auth(exc):
                    raise
                listed = [self.client.calendar(url=self.url)]
            for cal in listed:
                components = cal.get_supported_components()
                if components and "VEVENT" not in components:
                    continue
                name = cal.get_display_name() or member_path(cal.url).rstrip("/").rsplit("/")[-1]
                found.append(RemoteCalendar(str(cal.url), str(name)))
        return found

    def changes(self, calendar_url: str, token: str, known: dict[str, str]) -> CalendarChanges:
        """What changed in the calendar at ``calendar_url`` since ``token`` (or, without
        a token, compared with ``known``: path -> ETag)."""
        with self._failures():
            cal = self.client.calendar(url=calendar_url)
            found = self._collect(calendar_url, token, known, CALENDAR_DATA)
            out = found if found is not None else self._listed_by_library(cal, token, known)
            self._load(cal, out)
        return out

    def card_changes(self, book_url: str, token: str, known: dict[str, str]) -> CalendarChanges:
        """What changed in the address book at ``book_url`` (vCards, as for calendars)."""
        with self._failures():
            found = self._collect(book_url, token, known, ADDRESS_DATA)
            if found is None or found.to_load:
                raise SyncFailed(
                    _(
                        "'{name}': {host} does not offer the sync report (RFC 6578) "
                        "with card data, which Ichigo needs for address books"
                    ).format(name=self.name, host=self.host)
                )
        return found

    def card_version(self, book_url: str) -> str:
        """The vCard version new cards are written in: "4.0" when the address book
        announces it (RFC 6352 supported-address-data), else "3.0"."""
        with self._failures():
            tree = self._propfind(book_url, "<card:supported-address-data/>", 0)
        if tree is None:
            return "3.0"
        for kind in tree.iter("{urn:ietf:params:xml:ns:carddav}address-data-type"):
            if kind.get("version") == "4.0":
                return "4.0"
        return "3.0"

    def get_card(self, path: str) -> tuple[str, str] | None:
        """One card's text and ETag (an addressbook-multiget of one: an XML answer, as
        every CardDAV server gives); None when it is gone."""
        book = path.rstrip("/").rsplit("/", 1)[0] + "/"
        body = MULTIGET.format(href=escape(quote(path)))
        with self._failures():
            response = self.client.report(self._url(book), body, depth=1)
            tree = response.tree
        if response.status != 207 or tree is None:
            raise SyncFailed(
                _("'{name}': {host} answered {status} when asked for a card").format(
                    name=self.name, host=self.host, status=response.status
                )
            )
        for answer in tree.iter("{DAV:}response"):
            if member_path(answer.findtext("{DAV:}href") or "") != path:
                continue
            data = answer.findtext(".//" + ADDRESS_DATA[1])
            if data is None:
                return None
            return data, answer.findtext(".//{DAV:}getetag") or ""
        return None

    def put_card(self, path: str, card: str, etag: str) -> tuple[int, str]:
        """Write a card only if it is still the version ``etag`` names ("" = only if
        there is none yet): (status, new ETag). 412 means someone changed it first."""
        headers = {"Content-Type": "text/vcard; charset=utf-8"}
        headers.update({"If-Match": etag} if etag else {"If-None-Match": "*"})
        with self._failures():
            response = self.client.request(self._url(path), "PUT", card, headers)
        return response.status, _etag(response)

    def delete_card(self, path: str, etag: str) -> int:
        """Delete a card only if it is still the version ``etag`` names: the status."""
        with self._failures():
            response = self.client.request(self._url(path), "DELETE", "", {"If-Match": etag})
        return int(response.status)

    def _url(self, path: str) -> str:
        from urllib.parse import urljoin

        return urljoin(self.url, quote(path))

    def address_books(self) -> list[RemoteCalendar]:
        """The account's address books (RFC 6352 discovery: the principal's
        addressbook-home-set); the address given may also be one address book."""
        with self._failures():
            kinds = self._collections(self.url, 0)
            if any(kind == "addressbook" for _url, _name, kind in kinds):
                return [RemoteCalendar(u, n) for u, n, k in kinds if k == "addressbook"]
            principal = self._href(
                self.url, "<d:current-user-principal/>", "current-user-principal"
            )
            home = self._href(
                principal or self.url,
                "<card:addressbook-home-set/>",
                "{urn:ietf:params:xml:ns:carddav}addressbook-home-set",
            )
            found = self._collections(home or principal or self.url, 1)
        return [RemoteCalendar(u, n) for u, n, k in found if k == "addressbook"]

    def _propfind(self, url: str, props: str, depth: int) -> Any:
        response = self.client.propfind(url, _PROPFIND.format(props=props), depth)
        if response.status != 207 or response.tree is None:
            return None
        return response.tree

    def _href(self, url: str, prop: str, tag: str) -> str:
        """The URL in property ``tag`` of ``url`` (resolved against it), or ""."""
        from urllib.parse import urljoin

        tree = self._propfind(url, prop, 0)
        if tree is None:
            return ""
        name = tag if tag.startswith("{") else "{DAV:}" + tag
        for element in tree.iter(name):
            href = element.findtext("{DAV:}href")
            if href:
                return str(urljoin(url, href.strip()))
        return ""

    def _collections(self, url: str, depth: int) -> list[tuple[str, str, str]]:
        """(url, display name, "addressbook" or "") of ``url`` and, at depth 1, its
        children."""
        from urllib.parse import urljoin

        tree = self._propfind(url, "<d:resourcetype/><d:displayname/>", depth)
        if tree is None:
            return []
        out = []
        for answer in tree.iter("{DAV:}response"):
            href = urljoin(url, (answer.findtext("{DAV:}href") or "").strip())
            is_book = answer.find(".//{urn:ietf:params:xml:ns:carddav}addressbook") is not None
            name = (answer.findtext(".//{DAV:}displayname") or "").strip()
            name = name or member_path(href).rstrip("/").rsplit("/", 1)[-1]
            out.append((href, name, "addressbook" if is_book else ""))
        return out

    def _collect(
        self, url: str, token: str, known: dict[str, str], data: tuple[str, str]
    ) -> CalendarChanges | None:
        from caldav.lib import error

        try:
            return self._sync_collection(url, token, known, data)
        except error.AuthorizationError:
            if not token:
                raise
            # RFC 6578: a token the server no longer knows is refused; start over.
            return self._sync_collection(url, "", known, data)

    def _sync_collection(
        self, url: str, token: str, known: dict[str, str], data_prop: tuple[str, str]
    ) -> CalendarChanges | None:
        """One sync-collection REPORT asking for the data too (one round trip for a
        whole calendar on most servers); None when the server does not offer it."""
        out = CalendarChanges()
        listed: dict[str, tuple[str, str | None]] = {}
        deleted: set[str] = set()
        asked = token
        for _page in range(MAX_SYNC_PAGES):
            body = SYNC_COLLECTION.format(token=escape(asked), data=data_prop[0])
            response = self.client.report(url, body, depth=0)
            tree = response.tree
            if response.status != 207 or tree is None:
                return None
            truncated = False
            collection = member_path(url).rstrip("/")
            for answer in tree.iter("{DAV:}response"):
                path = member_path(answer.findtext("{DAV:}href") or "")
                status = answer.findtext("{DAV:}status") or ""
                if path.rstrip("/") == collection:
                    truncated = truncated or " 507" in status
                    continue
                if " 404" in status:
                    deleted.add(path)
                    listed.pop(path, None)
                    continue
                etag = answer.findtext(".//{DAV:}getetag") or ""
                data = answer.findtext(".//" + data_prop[1])
                listed[path] = (etag, data or None)
                deleted.discard(path)
            new_token = tree.findtext("{DAV:}sync-token") or ""
            if not new_token:
                return None
            asked = new_token
            if not truncated:
                break
        out.token = asked
        if not token:
            out.listed = set(listed)
            deleted |= set(known) - out.listed
        out.deleted = deleted
        for path, (etag, data) in listed.items():
            if etag and known.get(path) == etag:
                continue  # unchanged since the last sync
            if data is None:
                out.to_load.append(path)
            else:
                out.changed[path] = (etag, data.encode("utf-8"))
        return out

    def _listed_by_library(self, cal: Any, token: str, known: dict[str, str]) -> CalendarChanges:
        """For servers without sync-collection: the library lists every member and its
        ETag (its own fallback, loading the members itself)."""
        result = cal.get_objects_by_sync_token(sync_token=token or None, load_objects=False)
        new_token = str(result.sync_token or "")
        deleted = {member_path(u) for u in result.deleted_urls}
        out = CalendarChanges(token="" if new_token.startswith("fake-") else new_token)
        listed: dict[str, Any] = {}
        for obj in result.objects:
            path = member_path(obj.url)
            if path in deleted or path.endswith("/"):
                continue
            listed[path] = obj
        if not token or not out.token:
            # The whole calendar was listed: what we hold and it lacks is gone.
            out.listed = set(listed)
            deleted |= set(known) - out.listed
        out.deleted = deleted
        for path, obj in listed.items():
            if obj.etag and known.get(path) == obj.etag:
                continue
            if obj.data is not None:
                out.changed[path] = (obj.etag or "", _bytes(obj))
            else:
                out.to_load.append(path)
                out.etags[path] = obj.etag or ""
        return out

    def _load(self, cal: Any, out: CalendarChanges) -> None:
        """Fetch the members listed without their data, in calendar-multiget batches."""
        from caldav.lib.url import URL

        base = URL.objectify(self.url)
        todo, out.to_load = out.to_load, []
        for start in range(0, len(todo), MULTIGET_BATCH):
            batch = todo[start : start + MULTIGET_BATCH]
            for loaded in cal.multiget([base.join(path) for path in batch]):
                path = member_path(loaded.url)
                if loaded.data is None:
                    out.deleted.add(path)  # gone between the listing and the fetch
                    continue
                etag = loaded.etag or out.etags.get(path, "")
                out.changed[path] = (etag, _bytes(loaded))

    @contextmanager
    def _failures(self) -> Iterator[None]:
        """Library and network errors as one line naming the source, never the link."""
        from caldav.lib import error

        try:
            yield
        except SyncFailed:
            raise
        except error.AuthorizationError:
            raise SyncFailed(
                _("the server refused the password for '{name}'").format(name=self.name)
            ) from None
        except error.NotFoundError:
            raise SyncFailed(
                _("'{name}': {host} has no calendar account at this address").format(
                    name=self.name, host=self.host
                )
            ) from None
        except Exception as exc:
            network = network_failure(exc, self.name, self.host)
            if network is not None:
                raise network from None
            if _is_auth(exc):
                raise SyncFailed(
                    _("the server refused the password for '{name}'").format(name=self.name)
                ) from None
            raise SyncFailed(
                _("'{name}': {host} gave an answer Ichigo cannot use ({problem})").format(
                    name=self.name, host=self.host, problem=type(exc).__name__
                )
            ) from None


def _is_auth(exc: BaseException) -> bool:
    from caldav.lib import error

    return isinstance(exc, error.AuthorizationError)


def _etag(response: Any) -> str:
    return str(response.headers.get("ETag") or "")


def _bytes(obj: Any) -> bytes:
    raw = getattr(obj, "raw_data", None)
    if isinstance(raw, bytes) and raw:
        return raw
    data = obj.data
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)
