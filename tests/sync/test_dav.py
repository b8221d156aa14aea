"""The CalDAV reader on a real Radicale: the sync-collection path most servers take,
and the library's listing with ETags that servers without sync-collection get; both
must report the same changes."""

from __future__ import annotations

from ichigoapp.sync.addresses import redact
from ichigoapp.sync.dav import Account, CalendarChanges
from tests.servers import Radicale, event

INGRID = ("Ingrid Solberg", "ingrid@example.org")


def _by_library(account: Account, url: str, token: str, known: dict[str, str]) -> CalendarChanges:
    cal = account.client.calendar(url=url)
    out = account._listed_by_library(cal, token, known)
    account._load(cal, out)
    return out


def test_both_ways_of_asking_see_the_same_additions_changes_and_deletions(
    radicale: Radicale,
) -> None:
    work = radicale.make_calendar("Work", "work")
    for n in range(3):
        work.save_event(
            event(f"e{n}@x", f"2026121{n}T100000Z", f"Meeting {n}", attendees=(INGRID,))
        )
    with Account(radicale.url, radicale.user, radicale.password, "Work") as account:
        first = account.changes(str(work.url), "", {})
        listed = _by_library(account, str(work.url), "", {})
        assert set(first.changed) == set(listed.changed) == first.listed
        assert {p: e for p, (e, _) in first.changed.items()} == {
            p: e for p, (e, _) in listed.changed.items()
        }
        assert all(b"BEGIN:VCALENDAR" in data for _, data in listed.changed.values())
        known = {p: e for p, (e, _) in first.changed.items()}

        other = radicale.client().calendar(url=work.url)
        other.event_by_uid("e0@x").delete()
        moved = other.event_by_uid("e1@x")
        moved.data = event("e1@x", "20261211T150000Z", "Meeting 1", attendees=(INGRID,))
        moved.save()

        by_token = account.changes(str(work.url), first.token, known)
        by_etags = _by_library(account, str(work.url), "", known)
        for changes in (by_token, by_etags):
            assert [p.rsplit("/", 1)[1] for p in changes.changed] == ["e1@x.ics"]
            assert [p.rsplit("/", 1)[1] for p in changes.deleted] == ["e0@x.ics"]
        assert by_token.token and by_token.token != first.token

        # A token the server no longer knows: the whole calendar again, nothing lost.
        again = account.changes(str(work.url), "http://radicale.org/ns/sync/gone", known)
        assert again.listed is not None and len(again.listed) == 2


def test_links_are_shown_without_their_secret_parts() -> None:
    google = (
        "https://calendar.google.com/calendar/ical/ada%40example.org/private-9f8e7d6c5b4a/basic.ics"
    )
    assert redact(google) == "https://calendar.google.com/…/basic.ics"
    outlook = "https://outlook.office365.com/owa/calendar/0a1b2c3d4e5f60718293a4b5c6d7e8f9@example.org/a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8/calendar.ics"
    assert redact(outlook) == "https://outlook.office365.com/…/calendar.ics"
    assert redact("https://ada:hunter2@dav.example.org:8443/cal/?token=abc") == (
        "https://dav.example.org:8443/…/cal"  # the query hidden too
    )
    assert redact("https://example.org/" + "x" * 40) == "https://example.org/…"
