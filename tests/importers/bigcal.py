"""Deterministic generator of a big, realistic calendar for benchmarks and tests.

``make_calendar(10_000, seed)`` gives about 5.8 MB: Outlook/Google-like VEVENTs with 1-6
attendees, names from many cultures, a few VTIMEZONEs, and 10% weekly or monthly series
with EXDATEs and RECURRENCE-ID overrides. The same ``(n_events, seed)`` always gives the
same bytes, so a re-import benchmark sees an unchanged file.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

# Given and family names from many cultures, so CN values exercise non-ASCII text.
GIVEN = (
    "Hanako",
    "Taro",
    "Yuki",
    "Wei",
    "Mei",
    "Jun",
    "Min-jun",
    "Seo-yeon",
    "Aarav",
    "Priya",
    "Ananya",
    "Mohammed",
    "Fatima",
    "Omar",
    "Layla",
    "Olusegun",
    "Chiamaka",
    "Kwame",
    "Amara",
    "Søren",
    "Åsa",
    "Björn",
    "Zoë",
    "Chloé",
    "François",
    "Jürgen",
    "Małgorzata",
    "Łukasz",
    "Dvořák",
    "Ioana",
    "Şükrü",
    "Ayşe",
    "Giorgos",
    "Eleni",
    "Siobhán",
    "Pádraig",
    "Nguyễn",
    "Thảo",
    "José",
    "María",
    "João",
    "Inês",
    "Катерина",
    "Дмитрий",
    "Νίκος",
    "Ольга",
    "Alice",
    "Bob",
    "Carlos",
    "Diana",
    "Ethan",
    "Grace",
    "Ibrahim",
    "Kofi",
    "Lucía",
    "Noah",
)
FAMILY = (
    "Tanaka",
    "Suzuki",
    "Sato",
    "Wang",
    "Li",
    "Zhang",
    "Kim",
    "Park",
    "Sharma",
    "Patel",
    "Iyer",
    "Al-Sayed",
    "Haddad",
    "Okafor",
    "Mensah",
    "Adeyemi",
    "Nielsen",
    "Lindqvist",
    "Müller",
    "Schröder",
    "Dubois",
    "Lefèvre",
    "Kowalski",
    "Nowak",
    "Novák",
    "Popescu",
    "Yılmaz",
    "Öztürk",
    "Papadopoulos",
    "O'Brien",
    "Ní Bhriain",
    "Trần",
    "García",
    "Núñez",
    "Gonçalves",
    "Иванова",
    "Смирнов",
    "Παπαδάκης",
    "Smith",
    "Johnson",
    "Brown",
    "Rossi",
)
TOPICS = (
    "Weekly sync",
    "1:1",
    "Project kickoff",
    "Design review",
    "Coffee with {name}",
    "Lunch with {name}",
    "Quarterly planning",
    "Budget review",
    "Interview: {name}",
    "Customer call",
    "Retrospective",
    "Board meeting",
    "Dinner with {name}",
    "Onboarding {name}",
    "Architecture deep-dive",
    "Sprint demo",
    "Catch-up with {name}",
)
PLACES = (
    "Room 4.12",
    "Zürich HQ, Bahnhofstrasse 1",
    "Café Mozart",
    "Tokyo office 3F",
    "Microsoft Teams Meeting",
    "Zoom",
    "Conference room Åland",
    "São Paulo office",
    "Boardroom",
    "",
    "",
    "",
)
DOMAINS = ("example.com", "example.org", "example.net", "mail.example.jp", "corp.example.de")
ZONES = (
    ("Europe/Berlin", "+0100", "+0200", "CET", "CEST", (3, -1), (10, -1)),
    ("America/New_York", "-0500", "-0400", "EST", "EDT", (3, 2), (11, 1)),
    (
        "W. Europe Standard Time",
        "+0100",
        "+0200",
        "W. Europe Standard Time",
        "W. Europe Daylight Time",
        (3, -1),
        (10, -1),
    ),
    ("Asia/Tokyo", "+0900", "+0900", "JST", "JST", None, None),
)


def _fold(line: str) -> str:
    """Fold at 75 octets as RFC 5545 asks, never inside a UTF-8 sequence."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    parts: list[str] = []
    start = 0
    limit = 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start = end
        limit = 74
    return "\r\n ".join(parts) + "\r\n"


def _vtimezone(zone: tuple[object, ...]) -> list[str]:
    tzid, std, dst, std_name, dst_name, dst_rule, std_rule = zone
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}"]
    if dst_rule is None:
        lines += [
            "BEGIN:STANDARD",
            "DTSTART:19700101T000000",
            f"TZOFFSETFROM:{std}",
            f"TZOFFSETTO:{std}",
            f"TZNAME:{std_name}",
            "END:STANDARD",
        ]
    else:
        assert isinstance(dst_rule, tuple) and isinstance(std_rule, tuple)
        lines += [
            "BEGIN:DAYLIGHT",
            "DTSTART:19700329T020000",
            f"TZOFFSETFROM:{std}",
            f"TZOFFSETTO:{dst}",
            f"TZNAME:{dst_name}",
            f"RRULE:FREQ=YEARLY;BYMONTH={dst_rule[0]};BYDAY={dst_rule[1]}SU",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "DTSTART:19701025T030000",
            f"TZOFFSETFROM:{dst}",
            f"TZOFFSETTO:{std}",
            f"TZNAME:{std_name}",
            f"RRULE:FREQ=YEARLY;BYMONTH={std_rule[0]};BYDAY={std_rule[1]}SU",
            "END:STANDARD",
        ]
    lines.append("END:VTIMEZONE")
    return lines


def _person(rng: random.Random) -> tuple[str, str]:
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    local = "".join(ch for ch in f"{given}.{family}".lower() if ch.isascii() and ch != "'")
    return f"{given} {family}", f"{local or 'guest'}{rng.randrange(100)}@{rng.choice(DOMAINS)}"


def _event_lines(
    rng: random.Random,
    uid: str,
    start: datetime,
    zone: str | None,
    *,
    rrule: str | None = None,
    exdates: list[datetime] | None = None,
    recurrence_id: datetime | None = None,
    sequence: int = 0,
) -> list[str]:
    def stamp(dt: datetime) -> str:
        if zone is None:
            return f":{dt:%Y%m%dT%H%M%S}Z"
        return f";TZID={zone}:{dt:%Y%m%dT%H%M%S}"

    organizer_name, organizer_email = _person(rng)
    title = rng.choice(TOPICS).format(name=organizer_name.split()[0])
    end = start + timedelta(minutes=rng.choice((15, 30, 45, 60, 90, 120)))
    lines = ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{start:%Y%m%d}T080000Z"]
    if recurrence_id is not None:
        lines.append(f"RECURRENCE-ID{stamp(recurrence_id)}")
    lines += [f"DTSTART{stamp(start)}", f"DTEND{stamp(end)}", f"SUMMARY:{title}"]
    if rrule:
        lines.append(f"RRULE:{rrule}")
    for ex in exdates or ():
        lines.append(f"EXDATE{stamp(ex)}")
    place = rng.choice(PLACES)
    if place:
        lines.append("LOCATION:" + place.replace(",", "\\,"))
    roll = rng.random()
    if roll < 0.2:
        lines.append(
            "DESCRIPTION:Join Microsoft Teams Meeting\\nhttps://teams.microsoft.com/l/"
            f"meetup-join/19%3ameeting_{rng.randrange(10**9)}%40thread.v2/0"
        )
    elif roll < 0.35:
        lines.append(f"DESCRIPTION:Join Zoom: https://example.zoom.us/j/{rng.randrange(10**10)}")
    elif roll < 0.5:
        lines.append(f"DESCRIPTION:Agenda: {rng.choice(TOPICS).format(name='all')}\\, notes")
    lines.append(f'ORGANIZER;CN="{organizer_name}":mailto:{organizer_email}')
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 4, 6))):
        name, email = _person(rng)
        role = rng.choice(("", "", "", ";ROLE=OPT-PARTICIPANT"))
        partstat = rng.choice(("ACCEPTED", "NEEDS-ACTION", "TENTATIVE", "DECLINED"))
        lines.append(f'ATTENDEE;CN="{name}"{role};PARTSTAT={partstat}:mailto:{email}')
    lines += [f"SEQUENCE:{sequence}", "STATUS:CONFIRMED", "END:VEVENT"]
    return lines


def make_calendar(n_events: int, seed: int) -> bytes:
    """Return a calendar with exactly ``n_events`` VEVENT components, deterministically."""
    rng = random.Random(seed)
    out = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Ichigo//bigcal generator//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Work",
    ]
    for zone in ZONES:
        out += _vtimezone(zone)
    base = datetime(2023, 1, 2, 7, 0)
    made = 0
    index = 0
    while made < n_events:
        index += 1
        uid = f"{rng.getrandbits(64):016x}-{index}@bigcal.example.com"
        zone = rng.choice(
            (None, "Europe/Berlin", "America/New_York", "W. Europe Standard Time", "Asia/Tokyo")
        )
        start = base + timedelta(
            days=rng.randrange(3 * 365),
            hours=rng.randrange(11),
            minutes=rng.choice((0, 15, 30, 45)),
        )
        if rng.random() < 0.10 and n_events - made >= 3:
            weekly = rng.random() < 0.6
            count = rng.randint(6, 20)
            step = timedelta(weeks=1) if weekly else timedelta(days=28)
            rule = f"FREQ={'WEEKLY' if weekly else 'MONTHLY'};COUNT={count}"
            if not weekly:
                # a "monthly" series on the same weekday keeps arithmetic above exact
                rule = f"FREQ=WEEKLY;INTERVAL=4;COUNT={count}"
            exdates = [start + step * k for k in rng.sample(range(1, count), rng.randint(0, 2))]
            out += _event_lines(rng, uid, start, zone, rrule=rule, exdates=exdates)
            made += 1
            for k in rng.sample(range(1, count), min(rng.randint(0, 2), n_events - made)):
                original = start + step * k
                if original in exdates:
                    continue
                moved = original + timedelta(hours=rng.choice((-2, 1, 3, 24)))
                out += _event_lines(rng, uid, moved, zone, recurrence_id=original, sequence=1)
                made += 1
        else:
            out += _event_lines(rng, uid, start, zone, sequence=rng.choice((0, 0, 0, 1, 2)))
            made += 1
    out.append("END:VCALENDAR")
    return "".join(_fold(line) for line in out).encode("utf-8")
