"""Calendar import through the service: the invite lifecycle a user lives through."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ichigoapp.model import Encounter, Participation, Reschedule
from ichigoapp.services import contacts, me, reflections
from ichigoapp.services.importing import ImportReport, import_calendar
from ichigoapp.store import Vault

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "ics"
WINDOW = (date(2020, 1, 1), date(2030, 1, 1))


def invite(
    *,
    method: str = "REQUEST",
    sequence: int = 0,
    start: str = "20300415T093000",
    end: str = "20300415T103000",
    status: str = "CONFIRMED",
    attendees: tuple[str, ...] = ("hanako@example.jp", "kofi@example.com", "me@example.org"),
) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
        "VERSION:2.0",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
        "UID:040000008200E00074C5B7101A82E00800000000ABCDEF",
        f"SEQUENCE:{sequence}",
        "SUMMARY:Partnership kick-off",
        f"DTSTART;TZID=Europe/Berlin:{start}",
        f"DTEND;TZID=Europe/Berlin:{end}",
        "LOCATION:Room Kiku",
        "DESCRIPTION:Join: https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc",
        f"STATUS:{status}",
        "ORGANIZER;CN=Mio Tanaka:mailto:me@example.org",
    ]
    lines += [
        f"ATTENDEE;CN={a.split('@')[0].title()};PARTSTAT=ACCEPTED:MAILTO:{a}" for a in attendees
    ]
    lines += [
        "ATTENDEE;CUTYPE=ROOM;CN=Kiku room:mailto:kiku@rooms.example.org",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    return "\r\n".join(lines).encode()


def run_import(vault: Vault, tmp_path: Path, data: bytes, name: str = "invite.ics") -> ImportReport:
    path = tmp_path / name
    path.write_bytes(data)
    return import_calendar(vault.transaction, [path], window=WINDOW)


@pytest.fixture
def known(vault: Vault) -> int:
    with vault.transaction() as s:
        me.set_me(s, ["Me@Example.org"], ["Mio Tanaka"])
        return contacts.add_contact(
            s, contacts.ContactInput(name="Hanako Sato", emails=["HANAKO@example.jp"])
        ).id


def _only_encounter(vault: Vault) -> Encounter:
    with vault.session() as s:
        [enc] = s.scalars(select(Encounter)).all()
        _ = enc.participations, enc.reschedules, enc.reflection
        for p in enc.participations:
            _ = p.contact
        return enc


def test_outlook_invite_creates_one_encounter_with_people(
    vault: Vault, tmp_path: Path, known: int
) -> None:
    report = run_import(vault, tmp_path, invite())
    assert (report.created, report.updated, report.unchanged, report.cancelled) == (1, 0, 0, 0)
    enc = _only_encounter(vault)
    assert enc.title == "Partnership kick-off"
    assert enc.start == datetime(2030, 4, 15, 7, 30, tzinfo=UTC)  # 09:30 Berlin summer time
    assert enc.tz_name == "Europe/Berlin"
    assert enc.join_url.startswith("https://teams.microsoft.com/l/meetup-join/")
    assert "Kiku" in enc.location
    people = {p.email: p for p in enc.participations}
    # the user's own address (organizer) is not an attendee; the room is a place
    assert set(people) == {"hanako@example.jp", "kofi@example.com"}
    assert people["hanako@example.jp"].contact_id == known
    assert people["kofi@example.com"].contact_id is None
    assert report.new_people == 1


def test_reimporting_the_same_file_changes_nothing(
    vault: Vault, tmp_path: Path, known: int
) -> None:
    run_import(vault, tmp_path, invite())
    before = _only_encounter(vault).updated_at
    again = run_import(vault, tmp_path, invite())
    assert (again.created, again.updated, again.unchanged, again.new_people) == (0, 0, 1, 0)
    assert _only_encounter(vault).updated_at == before


def test_update_moves_the_meeting_and_keeps_notes_and_reflection(
    vault: Vault, tmp_path: Path, known: int
) -> None:
    run_import(vault, tmp_path, invite())
    enc = _only_encounter(vault)
    with vault.transaction() as s:
        s.get(Encounter, enc.id).intention = "hear what worries Hanako"  # type: ignore[union-attr]
        reflections.reflect(s, enc.id, reflections.ReflectionInput(next_time="bring tea"))
    moved = invite(sequence=1, start="20300416T140000", end="20300416T150000")
    report = run_import(vault, tmp_path, moved, "update.ics")
    assert report.updated == 1
    enc = _only_encounter(vault)
    assert enc.start == datetime(2030, 4, 16, 12, 0, tzinfo=UTC)
    assert enc.intention == "hear what worries Hanako"
    assert enc.reflection is not None and enc.reflection.next_time == "bring tea"
    [move] = enc.reschedules
    assert move.old_start == datetime(2030, 4, 15, 7, 30, tzinfo=UTC)
    assert move.new_start == enc.start

    # an older revision arriving late is ignored
    late = run_import(vault, tmp_path, invite(sequence=0, start="20300420T090000"), "late.ics")
    assert late.unchanged == 1 and late.updated == 0
    assert _only_encounter(vault).start == datetime(2030, 4, 16, 12, 0, tzinfo=UTC)


def test_cancellation_marks_cancelled_and_deletes_nothing(
    vault: Vault, tmp_path: Path, known: int
) -> None:
    run_import(vault, tmp_path, invite())
    enc = _only_encounter(vault)
    with vault.transaction() as s:
        reflections.reflect(s, enc.id, reflections.ReflectionInput(learned="likes maps"))
    report = run_import(vault, tmp_path, invite(method="CANCEL", sequence=2), "cancel.ics")
    assert report.cancelled == 1
    enc = _only_encounter(vault)
    assert enc.status == "cancelled"
    assert enc.reflection is not None and enc.reflection.learned == "likes maps"
    assert len(enc.participations) == 2
    # cancelling twice is not a new cancellation
    assert run_import(vault, tmp_path, invite(method="CANCEL", sequence=2), "c2.ics").cancelled == 0


def test_status_cancelled_also_cancels(vault: Vault, tmp_path: Path) -> None:
    run_import(vault, tmp_path, invite())
    run_import(vault, tmp_path, invite(sequence=1, status="CANCELLED"), "c.ics")
    assert _only_encounter(vault).status == "cancelled"


def test_dropped_attendee_leaves_and_hand_added_people_stay(
    vault: Vault, tmp_path: Path, known: int
) -> None:
    from ichigoapp.services import encounters

    run_import(vault, tmp_path, invite())
    enc = _only_encounter(vault)
    with vault.transaction() as s:
        extra = contacts.add_contact(s, contacts.ContactInput(name="Lars Berg")).id
        encounters.add_participant(s, enc.id, extra)
    run_import(vault, tmp_path, invite(sequence=1, attendees=("hanako@example.jp",)), "u.ics")
    names = {p.label for p in _only_encounter(vault).participations}
    assert names == {"Hanako Sato", "Lars Berg"}


def test_adding_a_contact_later_links_waiting_attendees(vault: Vault, tmp_path: Path) -> None:
    run_import(vault, tmp_path, invite())
    with vault.transaction() as s:
        kofi = contacts.add_contact(
            s, contacts.ContactInput(name="Kofi Mensah", emails=["kofi@example.com"])
        ).id
    with vault.session() as s:
        linked = s.scalars(select(Participation).where(Participation.contact_id == kofi)).all()
        assert len(linked) == 1


def test_unreadable_file_changes_nothing_and_says_why(vault: Vault, tmp_path: Path) -> None:
    report = run_import(vault, tmp_path, b"\x00\x01 this is a JPEG, not a calendar", "x.ics")
    assert report.files_failed == 1 and report.created == 0
    assert report.errors and report.errors[0]["message"]
    with vault.session() as s:
        assert s.scalar(select(func.count()).select_from(Encounter)) == 0


def _expected_import() -> list[tuple[str, int]]:
    if not CORPUS.is_dir():
        return []
    with (CORPUS / "expected_import.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [(r["file"], int(r["expected_encounters"])) for r in rows if r["readable"] == "yes"]


# Where we believe the oracle is wrong, with why. Keys are corpus paths, values what a
# correct import stores.
ORACLE_DISAGREEMENTS = {
    # Two VEVENTs share UID "def" and neither has a RECURRENCE-ID. Identity is (UID,
    # RECURRENCE-ID) (DESIGN section 4), so the second is a new version of the same
    # meeting, not another one: 2 encounters ("Test original", "Test last"), not 3.
    "khal/event_dt_multi_uid.ics": 2,
}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_corpus_imports_the_expected_number_of_encounters(vault: Vault) -> None:
    """The whole corpus through the real service, each file into its own fresh state.

    Files share UIDs across sources, so each is counted by the rows it adds to the
    vault relative to the encounters already there with those identities.
    """
    expected = _expected_import()
    assert len(expected) > 100
    disagreements = []
    for name, oracle in expected:
        count = ORACLE_DISAGREEMENTS.get(name, oracle)
        with vault.transaction() as s:  # start from an empty vault for each file
            s.execute(Encounter.__table__.delete())
        report = import_calendar(vault.transaction, [CORPUS / name], window=WINDOW)
        with vault.session() as s:
            stored = s.scalar(select(func.count()).select_from(Encounter))
        # An empty or unrecognisable file expected to give 0 may be refused outright
        # (the user is told it is empty); anything else must import.
        if stored != count or (report.files_failed and count):
            disagreements.append((name, count, stored, report.errors[:1]))
    agreement = 1 - len(disagreements) / len(expected)
    assert agreement >= 0.95, disagreements
    assert disagreements == [], disagreements


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_reimporting_the_biggest_corpus_file_is_unchanged(vault: Vault) -> None:
    path = CORPUS / "recurring-ical-events" / "issue42.ics"
    first = import_calendar(vault.transaction, [path], window=WINDOW)
    assert first.created + first.cancelled > 4000
    again = import_calendar(vault.transaction, [path], window=WINDOW)
    assert (again.created, again.updated, again.cancelled) == (0, 0, 0)
    assert again.unchanged == first.created + first.cancelled
    with vault.session() as s:
        assert s.scalar(select(func.count()).select_from(Reschedule)) == 0


def test_imported_meetings_are_searchable_and_nothing_is_left_deferred(
    vault: Vault, tmp_path: Path
) -> None:
    from ichigoapp.model import FtsDeferred
    from ichigoapp.services.search import search

    run_import(vault, tmp_path, invite())
    with vault.session() as s:
        hits = [h for h in search(s, "kick") if h.kind == "encounter"]
        assert [h.title for h in hits] == ["Partnership kick-off"]
        assert s.scalar(select(func.count()).select_from(FtsDeferred)) == 0
    # encounters made one by one (not by an import) are still indexed by the trigger
    from ichigoapp.services import encounters

    with vault.transaction() as s:
        encounters.add_encounter(
            s, encounters.EncounterInput(title="Ramen with Kenji", start=datetime.now(UTC))
        )
    with vault.session() as s:
        assert [h.title for h in search(s, "ramen")] == ["Ramen with Kenji"]


def test_a_series_outside_the_window_is_remembered_and_skipped_next_time(
    vault: Vault, tmp_path: Path
) -> None:
    from ichigoapp.model import EmptyCalendarGroup

    series = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:old-standup\r\n"
        b"SUMMARY:Standup (2010)\r\nDTSTART:20100104T090000Z\r\nDTEND:20100104T091500Z\r\n"
        b"RRULE:FREQ=WEEKLY;COUNT=10\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:lunch\r\n"
        b"SUMMARY:Lunch\r\nDTSTART:20250304T120000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    first = run_import(vault, tmp_path, series, "old.ics")
    assert first.created == 1
    with vault.session() as s:
        assert s.scalar(select(func.count()).select_from(EmptyCalendarGroup)) == 1
    again = run_import(vault, tmp_path, series, "old.ics")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    # the file no longer has the series: its memory goes too
    run_import(vault, tmp_path, series.replace(b"RRULE:FREQ=WEEKLY;COUNT=10\r\n", b""), "old.ics")
    with vault.session() as s:
        assert s.scalar(select(func.count()).select_from(EmptyCalendarGroup)) == 0


def _counts(vault: Vault) -> tuple[int, int, int]:
    """Encounters, attendees and search-index rows of encounters in the vault."""
    from sqlalchemy import text

    with vault.session() as s:
        return (
            s.scalar(select(func.count()).select_from(Encounter)) or 0,
            s.scalar(select(func.count()).select_from(Participation)) or 0,
            s.scalar(text("SELECT count(*) FROM encounter_fts")) or 0,
        )


def test_a_large_file_saved_while_it_is_read_has_every_event_once(
    vault: Vault, tmp_path: Path
) -> None:
    """Events are saved in batches while the rest of the file is still being read."""
    from ichigoapp.importers.ics import parse_ics
    from ichigoapp.model import FtsDeferred
    from tests.importers.bigcal import make_calendar

    data = make_calendar(1500, seed=5)
    events = parse_ics(data, window_start=WINDOW[0], window_end=WINDOW[1]).events
    phases: list[str] = []
    path = tmp_path / "big.ics"
    path.write_bytes(data)
    report = import_calendar(
        vault.transaction, [path], window=WINDOW, progress=lambda p, d, t: phases.append(p)
    )
    assert report.created + report.cancelled == report.events_seen == len(events) > 1500
    assert report.errors == []
    encounters, attendees, indexed = _counts(vault)
    assert encounters == indexed == len(events)
    assert attendees == sum(len(e.attendees) for e in events)
    assert phases[-1] == "saving"
    with vault.session() as s:
        assert s.scalar(select(func.count()).select_from(FtsDeferred)) == 0
    again = import_calendar(vault.transaction, [path], window=WINDOW)
    assert (again.created, again.updated, again.unchanged) == (0, 0, len(events))


def test_cancelling_at_the_end_of_reading_a_large_file_saves_nothing(
    vault: Vault, tmp_path: Path
) -> None:
    """Batches already written while reading are undone with the rest: one transaction."""
    from ichigoapp.services.importing import ImportCancelled
    from tests.importers.bigcal import make_calendar

    path = tmp_path / "big.ics"
    path.write_bytes(make_calendar(1500, seed=5))
    read_all: list[bool] = []

    def progress(phase: str, done: int, total: int) -> None:
        if phase == "reading" and done == total:
            read_all.append(True)

    with pytest.raises(ImportCancelled):
        import_calendar(
            vault.transaction,
            [path],
            window=WINDOW,
            progress=progress,
            should_cancel=lambda: bool(read_all),
        )
    assert read_all
    assert _counts(vault) == (0, 0, 0)
    assert import_calendar(vault.transaction, [path], window=WINDOW).created > 1500
