"""``ichigo agenda`` and ``ichigo today``: their JSON shapes and what they say, through a
real subprocess on a real vault (filled through the services, as the app would)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.orm import Session

from ichigoapp.model import Encounter, Participation, PromiseDirection
from ichigoapp.services.contacts import ContactInput, add_contact
from ichigoapp.services.encounters import EncounterInput, add_encounter
from ichigoapp.services.reflections import ReflectionInput, add_promise, reflect
from ichigoapp.services.reminders import set_discreet_notifications
from tests.cli_helpers import filling, run_cli

TOKYO = ZoneInfo("Asia/Tokyo")


@pytest.fixture
def tokyo_env(env: dict[str, str]) -> dict[str, str]:
    """The command runs in Tokyo time (UTC+9 all year): local times are visible."""
    return {**env, "TZ": "Asia/Tokyo", "ICHIGO_LANG": "en_GB"}


def tokyo(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TOKYO)


def meeting(
    s: Session, title: str, start: datetime, minutes: int, ids: list[int], *guests: str
) -> int:
    encounter = add_encounter(
        s,
        EncounterInput(
            title=title, start=start, end=start + timedelta(minutes=minutes), contact_ids=ids
        ),
    )
    for guest in guests:  # someone the invite named, not (yet) a contact
        encounter.participations.append(
            Participation(name=guest, email=guest.split()[0].lower() + "@example.org")
        )
    return encounter.id


def test_agenda_json_lists_a_days_reminders_in_order(
    vault_file: Path, tokyo_env: dict[str, str]
) -> None:
    day = date(2026, 5, 4)
    with filling(vault_file, tokyo_env) as s:
        ingrid = add_contact(s, ContactInput(name="Ingrid Solberg")).id
        for days in (90, 60, 30):
            meeting(s, "Fika", tokyo(day, 10) - timedelta(days=days), 60, [ingrid])
        coffee = meeting(s, "Coffee with Ingrid", tokyo(day, 17, 5), 40, [ingrid], "Lena Fischer")
        add_promise(
            s, text="Send the slides", direction=PromiseDirection.MINE, contact_id=ingrid, due=day
        )
    v = ["--vault", str(vault_file)]
    window = ["--from", "2026-05-04T00:00", "--to", "2026-05-05T00:00"]

    result = run_cli(*v, "agenda", *window, "--json", env=tokyo_env)
    assert result.code == 0, result.err
    assert result.json() == [
        {
            "at": "2026-05-04T08:30:00+09:00",
            "kind": "digest",
            "encounter_id": None,
            "title": "Good morning",
            "body": "1 promise due",
        },
        {
            "at": "2026-05-04T16:35:00+09:00",
            "kind": "before",
            "encounter_id": coffee,
            "title": "Coffee with Ingrid at 17:05",
            "body": "Ingrid Solberg (met 3 times), Lena Fischer (new)",
        },
        {
            "at": "2026-05-04T17:50:00+09:00",
            "kind": "after",
            "encounter_id": coffee,
            "title": "How did it go with Ingrid and Lena?",
            "body": "Coffee with Ingrid, 17:05–17:45",
        },
    ]
    # The same window given in UTC says the same.
    utc = ["--from", "2026-05-03T15:00Z", "--to", "2026-05-04T15:00Z"]
    assert run_cli(*v, "agenda", *utc, "--json", env=tokyo_env).json() == result.json()

    text = run_cli(*v, "agenda", *window, env=tokyo_env)
    assert text.code == 0, text.err
    assert text.out.splitlines() == [
        "Mon 4 May 08:30  digest  Good morning",
        "                         1 promise due",
        "Mon 4 May 16:35  before  Coffee with Ingrid at 17:05",
        "                         Ingrid Solberg (met 3 times), Lena Fischer (new)",
        "Mon 4 May 17:50  after   How did it go with Ingrid and Lena?",
        "                         Coffee with Ingrid, 17:05–17:45",
    ]

    # Discreet notifications chosen: the agenda is what the app would show, no names.
    with filling(vault_file, tokyo_env) as s:
        set_discreet_notifications(s, True)
    discreet = run_cli(*v, "agenda", *window, "--json", env=tokyo_env).json()
    assert [(r["kind"], r["title"], r["body"]) for r in discreet] == [
        ("digest", "Ichigo has a morning summary for you", ""),
        ("before", "A meeting starts in 30 minutes", ""),
        ("after", "A meeting has ended", ""),
    ]
    assert not any(word in str(discreet) for word in ("Ingrid", "Lena", "Coffee", "slides"))


def test_agenda_defaults_to_the_next_24_hours_and_refuses_a_bad_window(
    vault_file: Path, tokyo_env: dict[str, str]
) -> None:
    now = datetime.now(UTC)
    with filling(vault_file, tokyo_env) as s:
        soon = meeting(s, "Soon", now + timedelta(hours=3), 30, [])
        meeting(s, "Day after tomorrow", now + timedelta(hours=50), 30, [])
    v = ["--vault", str(vault_file)]

    result = run_cli(*v, "agenda", "--json", env=tokyo_env)
    assert result.code == 0, result.err
    # Nobody in it: a reminder before, none after (there is no one to reflect on).
    assert [(r["kind"], r["encounter_id"]) for r in result.json()] == [("before", soon)]

    empty = run_cli(*v, "agenda", "--from", "2030-01-01T00:00", env=tokyo_env)
    assert (empty.code, empty.out.strip()) == (0, "No reminders in that period.")
    for bad in (["--from", "tomorrow"], ["--from", "2026-05-04T10:00", "--to", "2026-05-04"]):
        refused = run_cli(*v, "agenda", *bad, env=tokyo_env)
        assert refused.code == 2, refused.out
        assert len(refused.err.strip().splitlines()) == 1 and "Traceback" not in refused.err


def test_today_json_has_the_rows_today_shows(vault_file: Path, tokyo_env: dict[str, str]) -> None:
    now = datetime.now(UTC)
    today = now.astimezone(TOKYO).date()
    with filling(vault_file, tokyo_env) as s:
        ingrid = add_contact(s, ContactInput(name="Ingrid Solberg", keep_in_touch_days=30)).id
        kofi = add_contact(
            s,
            ContactInput(
                name="Kofi Mensah", birthday=(today + timedelta(days=2)).replace(year=1990)
            ),
        ).id
        yuki = add_contact(s, ContactInput(name="Yuki Kato", keep_in_touch_days=30)).id
        # Ingrid is past her cadence, but a meeting is booked: not "keep in touch".
        meeting(s, "Fika", now - timedelta(days=60), 60, [ingrid])
        ahead = meeting(
            s, "Coffee with Ingrid", now + timedelta(days=1), 60, [ingrid], "Lena Fischer"
        )
        ended = meeting(s, "Solar review", now - timedelta(hours=3), 60, [kofi])
        thanked = meeting(s, "Tea tasting", now - timedelta(days=5), 60, [kofi])
        reflect(s, thanked, ReflectionInput(gratitude="the introduction to Ama"))
        overdue = add_promise(
            s,
            text="Send the slides",
            direction=PromiseDirection.MINE,
            contact_id=ingrid,
            encounter_id=ahead,
            due=today - timedelta(days=2),
        ).id
        s.flush()
        start = s.get(Encounter, ahead)
        assert start is not None
        ahead_start = start.start

    result = run_cli("--vault", str(vault_file), "today", "--json", env=tokyo_env)
    assert result.code == 0, result.err
    data = result.json()
    assert set(data) == {
        "week_ahead",
        "awaiting_reflection",
        "promises_due",
        "thanks_to_send",
        "keep_in_touch",
        "birthdays",
    }
    [week] = data["week_ahead"]
    assert week["id"] == ahead and week["title"] == "Coffee with Ingrid"
    assert datetime.fromisoformat(week["start"]) == ahead_start
    assert week["start"].endswith("+09:00")  # local time, with its offset
    assert week["attendees"] == [
        {"name": "Ingrid Solberg", "email": None, "contact_id": ingrid},
        {"name": "Lena Fischer", "email": "lena@example.org", "contact_id": None},
    ]
    assert week["new_people"] == 1
    assert [(m["id"], m["title"]) for m in data["awaiting_reflection"]] == [(ended, "Solar review")]
    assert data["promises_due"] == [
        {
            "id": overdue,
            "text": "Send the slides",
            "direction": "mine",
            "due": (today - timedelta(days=2)).isoformat(),
            "overdue": True,
            "contact_id": ingrid,
            "contact_name": "Ingrid Solberg",
            "encounter_id": ahead,
            "encounter_title": "Coffee with Ingrid",
        }
    ]
    [thanks] = data["thanks_to_send"]
    assert (thanks["encounter_id"], thanks["title"], thanks["people"]) == (
        thanked,
        "Tea tasting",
        ["Kofi Mensah"],
    )
    assert thanks["gratitude"] == "the introduction to Ama"
    assert data["keep_in_touch"] == [
        {
            "contact_id": yuki,
            "name": "Yuki Kato",
            "cadence_days": 30,
            "last_met": None,
            "days_since": None,
        }
    ]
    assert data["birthdays"] == [
        {
            "contact_id": kofi,
            "name": "Kofi Mensah",
            "on": (today + timedelta(days=2)).isoformat(),
            "days": 2,
        }
    ]

    text = run_cli("--vault", str(vault_file), "today", env=tokyo_env)
    assert text.code == 0, text.err
    for heading in ("The week ahead", "Waiting for a reflection", "Promises due", "Birthdays"):
        assert heading in text.out
    assert "Send the slides (Ingrid Solberg, I promised; due" in text.out
    assert "Yuki Kato (every 30 days; never met)" in text.out


def test_today_on_an_empty_vault_says_so(vault_file: Path, tokyo_env: dict[str, str]) -> None:
    result = run_cli("--vault", str(vault_file), "today", env=tokyo_env)
    assert (result.code, result.out.strip()) == (0, "Nothing needs you today.")
    empty = run_cli("--vault", str(vault_file), "today", "--json", env=tokyo_env).json()
    assert all(rows == [] for rows in empty.values()) and len(empty) == 6
