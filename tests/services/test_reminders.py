"""The meeting moment's reminders, driven through a day by a fake clock over a real vault.

The local zone is Asia/Tokyo (UTC+9, no summer time) for these tests, so that "17:05"
in a title is visibly local time and not the stored UTC.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from ichigoapp import i18n
from ichigoapp.errors import BadInput
from ichigoapp.model import PromiseDirection, ShownReminder
from ichigoapp.services import me
from ichigoapp.services.contacts import ContactInput, add_contact
from ichigoapp.services.encounters import EncounterInput, EncounterStatus, add_encounter
from ichigoapp.services.importing import import_calendar
from ichigoapp.services.reflections import ReflectionInput, add_promise, reflect
from ichigoapp.services.reminders import (
    Reminder,
    ReminderKind,
    discreet_notifications,
    due,
    mark_shown,
    plan,
    reminder_lead,
    set_discreet_notifications,
    set_reminder_lead,
)
from ichigoapp.services.today import keep_in_touch
from ichigoapp.store import Vault


@pytest.fixture(autouse=True)
def british_english() -> Iterator[None]:
    """Reminder texts as CLDR writes times for en_GB (24-hour clock)."""
    i18n.activate(i18n.Choice("en", "en_GB"))
    yield
    i18n.activate(i18n.Choice("en", "en_US"))


TOKYO = ZoneInfo("Asia/Tokyo")
DAY = date(2026, 5, 4)  # a Monday
WINDOW = (date(2026, 1, 1), date(2027, 1, 1))
COFFEE_UID = "coffee-with-ingrid@fjordline.example"
LUNCH_UID = "lunch-with-lena@spree.example"
# Every name, title and place of the test data: none may be in a discreet text.
PRIVATE_WORDS = (
    "Ingrid",
    "Solberg",
    "Lena",
    "Fischer",
    "Kwame",
    "Mensah",
    "Ana",
    "Lima",
    "Ben",
    "Okafor",
    "Chen",
    "Dara",
    "Yuki",
    "Coffee",
    "Breakfast",
    "Design review",
    "Fjord Café",
    "Room 7",
)


@pytest.fixture(autouse=True)
def tokyo_time() -> Iterator[None]:
    """The computer's own zone is Tokyo for the test, then what it was."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def local(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    """A local wall-clock time as the aware UTC instant the services take."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TOKYO).astimezone(UTC)


def invite(
    uid: str,
    title: str,
    start: str,
    end: str,
    attendees: tuple[tuple[str, str], ...],
    *,
    sequence: int = 0,
    method: str = "REQUEST",
    location: str = "",
    all_day: bool = False,
) -> bytes:
    if all_day:
        when = [f"DTSTART;VALUE=DATE:{start}", f"DTEND;VALUE=DATE:{end}"]
    else:
        when = [f"DTSTART;TZID=Asia/Tokyo:{start}", f"DTEND;TZID=Asia/Tokyo:{end}"]
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Ichigo tests//EN",
        "VERSION:2.0",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"SEQUENCE:{sequence}",
        f"SUMMARY:{title}",
        *when,
        f"LOCATION:{location}",
        "STATUS:" + ("CANCELLED" if method == "CANCEL" else "CONFIRMED"),
        "ORGANIZER;CN=Mio Tanaka:mailto:mio@example.org",
        *(f"ATTENDEE;CN={name};PARTSTAT=ACCEPTED:mailto:{email}" for name, email in attendees),
        "ATTENDEE;CUTYPE=ROOM;CN=Room 7:mailto:room7@rooms.example.org",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    return "\r\n".join(lines).encode()


def run_import(vault: Vault, tmp_path: Path, data: bytes) -> None:
    path = tmp_path / f"invite-{len(list(tmp_path.glob('invite-*')))}.ics"
    path.write_bytes(data)
    report = import_calendar(vault.transaction, [path], window=WINDOW)
    assert not report.errors and not report.files_failed


INGRID = ("Ingrid Solberg", "ingrid@fjordline.example")
LENA = ("Lena Fischer", "lena@spree.example")


def coffee(**changes: Any) -> bytes:
    values: dict[str, Any] = {
        "uid": COFFEE_UID,
        "title": "Coffee with Ingrid",
        "start": "20260504T170500",
        "end": "20260504T174500",
        "attendees": (INGRID, LENA),
        "location": "Fjord Café, Room 7",
    }
    values.update(changes)
    return invite(**values)


@dataclass
class World:
    ingrid: int
    kwame: int
    breakfast: int
    review: int
    dinner: int


def build_day(vault: Vault, tmp_path: Path) -> World:
    """Mio's Monday: breakfast (already reflected), a design review with four people
    and Mio's own contact, coffee with Ingrid and Lena (an invite), an all-day
    conference; yesterday's dinner waits for a reflection."""
    with vault.transaction() as s:
        me.set_me(s, ["mio@example.org"], ["Mio Tanaka"])
        mio = add_contact(s, ContactInput(name="Mio Tanaka", emails=["mio@example.org"]))
        ingrid = add_contact(
            s, ContactInput(name="Ingrid Solberg", emails=[INGRID[1]], keep_in_touch_days=30)
        )
        kwame = add_contact(
            s,
            ContactInput(name="Kwame Mensah", keep_in_touch_days=30, birthday=date(1990, 5, 4)),
        )
        # Due for keep-in-touch: never met. (Ingrid is too, but her coffee is booked.)
        add_contact(s, ContactInput(name="Yuki Kato", keep_in_touch_days=60))
        ana, ben, chen, dara = (
            add_contact(s, ContactInput(name=n)).id
            for n in ("Ana Lima", "Ben Okafor", "Chen Wei", "Dara Singh")
        )

        def meeting(title: str, start: datetime, minutes: int, ids: list[int], **kw: Any) -> int:
            data = EncounterInput(
                title=title,
                start=start,
                end=start + timedelta(minutes=minutes),
                contact_ids=ids,
                **kw,
            )
            return add_encounter(s, data).id

        # Ingrid: met three times (40 days ago the last), one more that was cancelled.
        for days in (120, 80, 40):
            meeting("Fika", local(10) - timedelta(days=days), 60, [ingrid.id])
        meeting(
            "Fika",
            local(10) - timedelta(days=10),
            60,
            [ingrid.id],
            status=EncounterStatus.CANCELLED.value,
        )
        meeting("Workshop", local(14) - timedelta(days=30), 60, [ana, ben])
        dinner = meeting("Dinner with Ana", local(19, day=date(2026, 5, 3)), 120, [ana])
        breakfast = meeting("Breakfast with Kwame", local(7), 60, [kwame.id])
        reflect(s, breakfast, ReflectionInput(gratitude="the introduction to Ama"))
        review = meeting(
            "Design review", local(12), 60, [mio.id, dara, chen, ben, ana], location="Room 7"
        )
        add_promise(
            s,
            text="Send the slides",
            direction=PromiseDirection.MINE,
            contact_id=ingrid.id,
            due=DAY,
        )
        add_promise(
            s,
            text="Share the paper",
            direction=PromiseDirection.MINE,
            contact_id=ana,
            due=DAY + timedelta(days=3),
        )
    run_import(vault, tmp_path, coffee())
    run_import(
        vault,
        tmp_path,
        invite(
            "conference@example.org",
            "Conference day",
            "20260504",
            "20260505",
            (LENA,),
            all_day=True,
        ),
    )
    return World(ingrid.id, kwame.id, breakfast, review, dinner)


def shown_through(
    vault: Vault, start: datetime, end: datetime, step: timedelta = timedelta(minutes=5)
) -> list[tuple[str, str, str, str]]:
    """Tick a fake clock from ``start`` to ``end`` as the app's timer would: at each
    tick, show what is due and remember it. Returns (local time, kind, title, body)."""
    log = []
    now = start
    while now <= end:
        with vault.transaction() as s:
            found = due(s, now)
            mark_shown(s, [r.key for r in found], now)
        log += [(f"{now.astimezone(TOKYO):%H:%M}", r.kind.value, r.title, r.body) for r in found]
        now += step
    return log


DIGEST_BODY = (
    "1 promise due, 1 thanks to send, 1 person to get in touch with, "
    "1 birthday today, 1 meeting from yesterday to reflect on"
)
THE_DAY = [
    ("06:30", "before", "Breakfast with Kwame at 07:00", "Kwame Mensah (new)"),
    ("08:30", "digest", "Good morning", DIGEST_BODY),
    (
        "11:30",
        "before",
        "Design review at 12:00",
        "Ana Lima (met twice), Ben Okafor (met once), Chen Wei (new) and 1 more",
    ),
    ("13:05", "after", "How did “Design review” go?", "Design review, 12:00–13:00"),
    (
        "16:35",
        "before",
        "Coffee with Ingrid at 17:05",
        "Ingrid Solberg (met 3 times), Lena Fischer (new)",
    ),
    ("17:50", "after", "How did it go with Ingrid and Lena?", "Coffee with Ingrid, 17:05–17:45"),
]


def test_a_day_of_reminders_each_at_its_time_and_never_twice(vault: Vault, tmp_path: Path) -> None:
    build_day(vault, tmp_path)
    day = (local(0), local(23, 55))
    assert shown_through(vault, *day) == THE_DAY
    # The same day again (a second window, a clock set back): nothing is said twice.
    assert shown_through(vault, *day) == []


def test_the_plan_of_a_day_is_what_the_clock_then_shows(vault: Vault, tmp_path: Path) -> None:
    world = build_day(vault, tmp_path)
    with vault.session() as s:
        planned = plan(s, local(0), local(23, 59))
    assert [
        (f"{r.at.astimezone(TOKYO):%H:%M}", r.kind.value, r.title, r.body) for r in planned
    ] == THE_DAY
    by_kind = {(r.kind, r.encounter_id) for r in planned}
    # Breakfast was reflected on already: a reminder before it, none after.
    assert (ReminderKind.BEFORE, world.breakfast) in by_kind
    assert (ReminderKind.AFTER, world.breakfast) not in by_kind
    assert all(r.at.tzinfo is UTC for r in planned)
    # Yesterday evening's dinner had its own after-reminder, at 21:05 on the day before.
    [dinner] = [r for r in plan_of(vault, local(0) - timedelta(days=1)) if r.kind == "after"]
    assert dinner.encounter_id == world.dinner
    assert dinner.at == local(21, 5, date(2026, 5, 3))
    assert dinner.title == "How did it go with Ana?"


def plan_of(vault: Vault, start: datetime, hours: int = 24) -> list[Reminder]:
    with vault.session() as s:
        return plan(s, start, start + timedelta(hours=hours))


def test_an_all_day_event_gets_no_reminder(vault: Vault, tmp_path: Path) -> None:
    build_day(vault, tmp_path)
    everything = plan_of(vault, local(0) - timedelta(days=1), hours=72)
    assert not any("Conference" in r.title or "Conference" in r.body for r in everything)


def test_a_laptop_that_slept_shows_only_the_last_ten_minutes(vault: Vault, tmp_path: Path) -> None:
    build_day(vault, tmp_path)
    assert [r[0] for r in shown_through(vault, local(0), local(11, 0))] == ["06:30", "08:30"]
    # Asleep from 11:00 to 17:58: the review's and the coffee's before and the
    # review's after are stale; the coffee's after (17:50) is eight minutes late.
    woke = shown_through(vault, local(17, 58), local(17, 58))
    assert woke == [("17:58", *THE_DAY[-1][1:])]
    # Nothing of the sleep comes later either.
    assert shown_through(vault, local(18, 0), local(23, 55)) == []


def test_ten_minutes_late_is_still_shown_eleven_is_not(vault: Vault, tmp_path: Path) -> None:
    build_day(vault, tmp_path)
    with vault.session() as s:
        # The day's summary, not shown yet, greets the hour it comes at.
        assert [r.title for r in due(s, local(16, 45))] == ["Good afternoon", THE_DAY[4][2]]
        assert [r.title for r in due(s, local(16, 46))] == ["Good afternoon"]
        assert [r.title for r in due(s, local(16, 34))] == ["Good afternoon"]
        assert [r.title for r in due(s, local(19, 0))] == ["Good evening"]


def test_the_digest_comes_once_even_when_the_morning_was_slept_through(
    vault: Vault, tmp_path: Path
) -> None:
    """The issue's "at the first unlock of the day": one summary, not a flood."""
    build_day(vault, tmp_path)
    with vault.session() as s:
        assert due(s, local(8, 29)) == []  # before 08:30 the digest waits
    late = shown_through(vault, local(14, 0), local(14, 5))
    assert late == [("14:00", "digest", "Good afternoon", DIGEST_BODY)]
    # The next morning: yesterday's unanswered after-reminders are in it once...
    with vault.session() as s:
        tuesday = [r for r in due(s, local(8, 30, DAY + timedelta(days=1)))]
    assert [r.key for r in tuesday] == ["digest:2026-05-05"]
    assert "2 meetings from yesterday to reflect on" in tuesday[0].body
    # ... and the day after, they are quiet (yesterday's dinner is no longer counted).
    with vault.session() as s:
        wednesday = due(s, local(8, 30, DAY + timedelta(days=2)))
    assert [r.key for r in wednesday] == ["digest:2026-05-06"]
    assert "reflect" not in wednesday[0].body


def test_a_day_with_nothing_to_say_has_no_digest(vault: Vault) -> None:
    with vault.transaction() as s:
        add_contact(s, ContactInput(name="Quiet Person"))
    assert plan_of(vault, local(0)) == []
    with vault.session() as s:
        assert due(s, local(8, 30)) == []


def test_a_meeting_moved_by_a_reimport_is_planned_at_its_new_time(
    vault: Vault, tmp_path: Path
) -> None:
    build_day(vault, tmp_path)
    with vault.session() as s:
        [old] = [r for r in plan(s, local(16), local(17)) if r.kind == ReminderKind.BEFORE]
    shown_through(vault, local(0), local(16, 0))
    run_import(vault, tmp_path, coffee(sequence=1, start="20260504T180500", end="20260504T184500"))
    [new] = [r for r in plan_of(vault, local(17), 2) if r.kind == ReminderKind.BEFORE]
    assert new.encounter_id == old.encounter_id and new.key != old.key
    assert shown_through(vault, local(16, 5), local(20, 0)) == [
        ("17:35", "before", "Coffee with Ingrid at 18:05", THE_DAY[4][3]),
        (
            "18:50",
            "after",
            "How did it go with Ingrid and Lena?",
            "Coffee with Ingrid, 18:05–18:45",
        ),
    ]


def test_a_cancelled_meeting_disappears_from_the_plan(vault: Vault, tmp_path: Path) -> None:
    build_day(vault, tmp_path)
    lunch = invite(LUNCH_UID, "Lunch with Lena", "20260504T133000", "20260504T143000", (LENA,))
    run_import(vault, tmp_path, lunch)
    titles = [r.title for r in plan_of(vault, local(0))]
    assert "Lunch with Lena at 13:30" in titles
    assert "How did it go with Lena?" in titles
    cancel = invite(
        LUNCH_UID,
        "Lunch with Lena",
        "20260504T133000",
        "20260504T143000",
        (LENA,),
        sequence=1,
        method="CANCEL",
    )
    run_import(vault, tmp_path, cancel)
    assert [r[:3] for r in shown_through(vault, local(0), local(23, 55))] == [
        r[:3] for r in THE_DAY
    ]


def test_a_restart_shows_nothing_again(vault: Vault, tmp_path: Path, reopen: Any) -> None:
    build_day(vault, tmp_path)
    assert [r[0] for r in shown_through(vault, local(16, 30), local(16, 40))] == [
        "16:30",  # the digest, not shown yet today
        "16:35",
    ]
    again = reopen()
    try:
        assert shown_through(again, local(16, 30), local(16, 45)) == []
        with again.session() as s:
            assert s.scalar(select(func.count()).select_from(ShownReminder)) == 2
    finally:
        again.close()


def test_reflecting_before_the_after_reminder_cancels_it(vault: Vault, tmp_path: Path) -> None:
    world = build_day(vault, tmp_path)
    with vault.transaction() as s:
        reflect(s, world.review, ReflectionInput(learned="Chen knows the print shop"))
    assert [r[0] for r in shown_through(vault, local(12), local(13, 30))] == ["12:00"]  # digest


def test_discreet_texts_name_no_one_and_nothing(vault: Vault, tmp_path: Path) -> None:
    build_day(vault, tmp_path)
    planned = plan_of(vault, local(0))
    discreet = [r.discreet() for r in planned]
    assert [(r.kind.value, r.title, r.body) for r in discreet] == [
        ("before", "A meeting starts in 30 minutes", ""),
        ("digest", "Ichigo has a morning summary for you", ""),
        ("before", "A meeting starts in 30 minutes", ""),
        ("after", "A meeting has ended", ""),
        ("before", "A meeting starts in 30 minutes", ""),
        ("after", "A meeting has ended", ""),
    ]
    # Same moments, same keys: showing the discreet form counts as shown.
    assert [(r.key, r.at) for r in discreet] == [(r.key, r.at) for r in planned]
    for reminder in discreet:
        said = f"{reminder.title} {reminder.body} {reminder.to_json()}"
        assert not [word for word in PRIVATE_WORDS if word in said]
    with vault.session() as s:
        hour = [r.discreet().title for r in plan(s, local(0), local(23), lead=timedelta(hours=1))]
    assert hour.count("A meeting starts in 1 hour") == 3


def test_texts_stay_out_of_reprs_and_logs(
    vault: Vault, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    build_day(vault, tmp_path)
    caplog.set_level(logging.DEBUG)
    shown = shown_through(vault, local(16, 30), local(16, 40))
    assert shown
    with vault.session() as s:
        reminders = plan(s, local(0), local(23, 59))
    said = caplog.text + " ".join(repr(r) for r in reminders)
    assert "before:" in said  # the keys are there, the texts are not
    assert not [word for word in PRIVATE_WORDS if word in said]


def test_the_lead_is_a_setting_of_the_vault(vault: Vault, tmp_path: Path) -> None:
    build_day(vault, tmp_path)
    with vault.transaction() as s:
        assert reminder_lead(s) == timedelta(minutes=30)
        set_reminder_lead(s, 15)
        with pytest.raises(BadInput):
            set_reminder_lead(s, -5)
        assert not discreet_notifications(s)
        set_discreet_notifications(s, True)
    with vault.session() as s:
        assert reminder_lead(s) == timedelta(minutes=15)
        assert discreet_notifications(s)
        [coffee_before] = [r for r in due(s, local(16, 50)) if r.kind == ReminderKind.BEFORE]
    assert coffee_before.discreet().title == "A meeting starts in 15 minutes"
    # The key names the meeting's time, not the lead: changing it repeats nothing.
    assert coffee_before.key.startswith("before:") and coffee_before.key.endswith("08:05:00+00:00")


def test_mark_shown_forgets_what_is_a_month_old(vault: Vault) -> None:
    with vault.transaction() as s:
        mark_shown(s, ["digest:2026-04-01", "before:1:2026-04-01T00:00:00+00:00"], local(9))
        mark_shown(s, ["digest:2026-04-01"], local(10))  # shown twice: the first time stays
    with vault.session() as s:
        times = dict(s.execute(select(ShownReminder.key, ShownReminder.shown_at)).all())
    assert times == {
        "digest:2026-04-01": local(9),
        "before:1:2026-04-01T00:00:00+00:00": local(9),
    }
    with vault.transaction() as s:
        mark_shown(s, ["digest:2026-05-04"], local(9) + timedelta(days=31))
    with vault.session() as s:
        assert list(s.scalars(select(ShownReminder.key))) == ["digest:2026-05-04"]


def test_keep_in_touch_leaves_out_people_with_a_meeting_booked(vault: Vault) -> None:
    now = local(9)
    with vault.transaction() as s:
        booked = add_contact(s, ContactInput(name="Booked", keep_in_touch_days=30)).id
        cancelled = add_contact(s, ContactInput(name="Only cancelled", keep_in_touch_days=30)).id
        add_contact(s, ContactInput(name="Nothing planned", keep_in_touch_days=30))
        for who, status in ((booked, "planned"), (cancelled, "cancelled")):
            add_encounter(
                s,
                EncounterInput(
                    title="Catch-up",
                    start=now + timedelta(days=20),
                    contact_ids=[who],
                    status=status,
                ),
            )
        add_encounter(
            s,
            EncounterInput(title="Long ago", start=now - timedelta(days=90), contact_ids=[booked]),
        )
    with vault.session() as s:
        assert [k.name for k in keep_in_touch(s, now)] == ["Only cancelled", "Nothing planned"]
        # Once that meeting's time has come, it is no longer ahead: due again later.
        later = now + timedelta(days=60)
        assert "Booked" in [k.name for k in keep_in_touch(s, later)]
