"""The Today overview in plain SQL on a DB-API connection: no SQLAlchemy, no model.

The app reads Today on a thread before SQLAlchemy and the model are imported (about
0.6 s), so the first page shows its data sooner; ``services/today.py`` runs these same
functions on a session's connection (``raw()``), so there is one implementation of
each query. Nothing here imports SQLAlchemy, the model or Qt (a test checks it in a
fresh interpreter).

The model stays the one definition of the schema: :data:`COLUMNS` names every table
and column read here, and a test checks each against the model's metadata. Instants
are stored as SQLAlchemy's SQLite ``DATETIME`` text of the UTC instant
(``model/types.py``), which sorts as time does; dates as ``YYYY-MM-DD``.

Parameters are named (``:now``), as both sqlite3 and SQLAlchemy's ``text()`` read them.
"""

# The SQL is put together from this module's own fragments (and the callers' constant
# ones); every value is a bound parameter, never text in the query.
# ruff: noqa: S608

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from ichigoapp.importers.birthday import next_birthday
from ichigoapp.services.names import full_name
from ichigoapp.services.today_items import (
    BIRTHDAY_DAYS,
    HORIZON_DAYS,
    REFLECT_WINDOW_DAYS,
    TODAY_LIMIT,
    UPCOMING_LIMIT,
    Attendee,
    BirthdayItem,
    KeepInTouchItem,
    Listing,
    MeetingItem,
    PromiseItem,
    ThankPerson,
    ThanksItem,
    TodayOverview,
    local_today,
)

# Every table and column this module reads (tests/services/test_today_read.py checks
# them against ichigoapp.model's metadata).
COLUMNS: dict[str, tuple[str, ...]] = {
    "encounter": ("id", "title", "start", "end", "status", "location", "join_url"),
    "participation": (
        "id",
        "encounter_id",
        "contact_id",
        "name",
        "email",
        "role",
        "reply_status",
        "triage_ignored",
        "thanks_sent_on",
    ),
    "contact": (
        "id",
        "display_name",
        "given_name",
        "family_name",
        "name_order",
        "keep_in_touch_days",
        "birthday",
    ),
    "contact_email": ("contact_id", "email"),
    "me_identity": ("kind", "value"),
    "reflection": ("id", "encounter_id", "gratitude", "thanks_sent"),
    "promise": ("id", "text", "direction", "due", "done_on", "contact_id", "encounter_id"),
}

# How many of the newest encounters unsent_thanks() walks before joining every reflection.
THANKS_WALK = 4096
# How far back the grouped pass of "last met" reads (see last_met_sql()). Only a matter
# of speed: the result is the same for any window. Two years balanced the grouped rows
# against the contacts left to look up on the 10,000-contact bench vault.
RECENT_DAYS = 730

# model.EncounterStatus.PLANNED and HELD as stored: not cancelled.
NOT_CANCELLED = "encounter.status IN ('planned', 'held')"
# The meeting has ended (or, without an end, started): compared with an instant.
FINISHED_AT = 'coalesce(encounter."end", encounter.start)'


def stored(moment: datetime) -> str:
    """An instant as the vault stores it (naive UTC, SQLAlchemy's SQLite format)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def instant(value: Any) -> datetime | None:
    """A stored instant (text, or a datetime from an aggregate) as an aware UTC one."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _instant(value: Any) -> datetime:
    found = instant(value)
    assert found is not None
    return found


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _rows(conn: Any, sql: str, params: Mapping[str, Any] | None = None) -> list[Any]:
    return list(conn.execute(sql, dict(params or {})).fetchall())


def _in(name: str, values: Sequence[Any]) -> tuple[str, dict[str, Any]]:
    """``(:name0, :name1, ...)`` and its parameters, for ``IN``."""
    keys = [f"{name}{i}" for i in range(len(values))]
    return "(" + ", ".join(f":{k}" for k in keys) + ")", dict(zip(keys, values, strict=True))


def _limit(limit: int | None) -> int:
    return -1 if limit is None else limit


# --- attendees ---------------------------------------------------------------------------


def _in_order(people: list[Attendee]) -> tuple[Attendee, ...]:
    """Known people first, then the ones to triage, each alphabetically."""
    people.sort(key=lambda a: (not a.matched, a.label.lower()))
    return tuple(people)


def attendees_of(conn: Any, encounter_ids: Sequence[int]) -> dict[int, tuple[Attendee, ...]]:
    """The attendees of each encounter, known people first, in one query; a matched
    attendee by their contact's name (``names.full_name``)."""
    if not encounter_ids:
        return {}
    ids, params = _in("e", list(encounter_ids))
    # The order of participation(encounter_id, contact_id), as the ORM loads them, so
    # that equal labels keep the order they always had.
    sql = f"""
    SELECT participation.encounter_id, participation.id, participation.contact_id,
           contact.display_name, contact.given_name, contact.family_name, contact.name_order,
           participation.name, participation.email, participation.role,
           participation.reply_status, participation.triage_ignored
    FROM participation LEFT OUTER JOIN contact ON contact.id = participation.contact_id
    WHERE participation.encounter_id IN {ids}
    ORDER BY participation.encounter_id, participation.contact_id, participation.id
    """
    found: dict[int, list[Attendee]] = {}
    for row in _rows(conn, sql, params):
        eid, pid, cid, contact_name, given, family, order = row[:7]
        name, email, role, reply, ignored = row[7:]
        person = Attendee(
            participation_id=pid,
            contact_id=cid,
            name=name if contact_name is None else full_name(contact_name, given, family, order),
            email=email,
            role=role,
            reply_status=reply,
            ignored=bool(ignored),
        )
        found.setdefault(eid, []).append(person)
    return {eid: _in_order(people) for eid, people in found.items()}


# --- meetings ----------------------------------------------------------------------------


def _meetings(
    conn: Any, where: str, params: dict[str, Any], order: str, limit: int | None
) -> Listing[MeetingItem]:
    if limit == 0:  # no items, still the count
        count = _rows(conn, f"SELECT count(*) FROM encounter WHERE {where}", params)
        return Listing((), int(count[0][0]))
    # The window count is over every row before the limit: one pass gives both.
    sql = f"""
    SELECT encounter.id, encounter.title, encounter.start, encounter."end",
           encounter.location, encounter.join_url, count(*) OVER ()
    FROM encounter WHERE {where} ORDER BY {order} LIMIT :limit
    """
    found = _rows(conn, sql, {**params, "limit": _limit(limit)})
    people = attendees_of(conn, [row[0] for row in found])
    items = tuple(
        MeetingItem(
            eid, title, _instant(start), instant(end), location, join_url, people.get(eid, ())
        )
        for eid, title, start, end, location, join_url, _total in found
    )
    return Listing(items, int(found[0][6]) if found else 0)


def upcoming_meetings(
    conn: Any, now: datetime, days: int = HORIZON_DAYS, limit: int | None = None
) -> Listing[MeetingItem]:
    """Meetings not cancelled that have not ended and start within ``days``."""
    # A meeting in progress still belongs to "what's next"; a day back is enough.
    where = f"""{NOT_CANCELLED} AND encounter.start >= :since AND encounter.start < :until
    AND {FINISHED_AT} > :now"""
    params = {
        "now": stored(now),
        "since": stored(now - timedelta(days=1)),
        "until": stored(now + timedelta(days=days)),
    }
    return _meetings(conn, where, params, "encounter.start, encounter.id", limit)


def awaiting_reflection(
    conn: Any, now: datetime, days: int = REFLECT_WINDOW_DAYS, limit: int | None = None
) -> Listing[MeetingItem]:
    """Meetings with people that ended in the last ``days`` and have no reflection."""
    where = f"""{NOT_CANCELLED} AND encounter.start <= :now AND encounter.start >= :since
    AND {FINISHED_AT} <= :now
    AND NOT EXISTS (SELECT 1 FROM reflection WHERE reflection.encounter_id = encounter.id)
    AND EXISTS (SELECT 1 FROM participation WHERE participation.encounter_id = encounter.id)"""
    params = {"now": stored(now), "since": stored(now - timedelta(days=days))}
    return _meetings(conn, where, params, "encounter.start DESC, encounter.id DESC", limit)


# --- promises ----------------------------------------------------------------------------


def promise_items(
    conn: Any, where: str = "1", params: Mapping[str, Any] | None = None, order: str = "promise.id"
) -> list[PromiseItem]:
    """Promises with their contact's and encounter's names joined in: ``where`` and
    ``order`` are SQL over ``promise`` (and ``contact``, ``encounter``)."""
    sql = f"""
    SELECT promise.id, promise.text, promise.direction, promise.due, promise.done_on,
           promise.contact_id, contact.display_name, promise.encounter_id, encounter.title,
           contact.given_name, contact.family_name, contact.name_order
    FROM promise
    LEFT OUTER JOIN contact ON contact.id = promise.contact_id
    LEFT OUTER JOIN encounter ON encounter.id = promise.encounter_id
    WHERE {where} ORDER BY {order}
    """
    items = []
    for row in _rows(conn, sql, params):
        pid, text, direction, due, done_on, cid, contact_name, eid, title = row[:9]
        name = full_name(contact_name, *row[9:]) if contact_name is not None else ""
        items.append(
            PromiseItem(pid, text, direction, _day(due), _day(done_on), cid, name, eid, title or "")
        )
    return items


def promises_due(
    conn: Any, now: datetime, days: int = HORIZON_DAYS, limit: int | None = None
) -> Listing[PromiseItem]:
    """Open promises that are overdue or due within ``days`` (either direction)."""
    where = "promise.done_on IS NULL AND promise.due IS NOT NULL AND promise.due <= :until"
    params = {"until": (local_today(now) + timedelta(days=days)).isoformat()}
    order = "promise.due, promise.id"
    if limit is None:
        items = promise_items(conn, where, params, order)
        return Listing(tuple(items), len(items))
    # The first ones and the count in one pass over the promises, then the names of
    # these few joined in (not of every promise due before the sort).
    first = _rows(
        conn,
        f"SELECT promise.id, count(*) OVER () FROM promise WHERE {where} "
        f"ORDER BY {order} LIMIT :limit",
        {**params, "limit": limit},
    )
    if not first:
        if limit != 0:
            return Listing((), 0)
        count = _rows(conn, f"SELECT count(*) FROM promise WHERE {where}", params)
        return Listing((), int(count[0][0]))
    ids, chosen = _in("p", [pid for pid, _ in first])
    items = promise_items(conn, f"promise.id IN {ids}", chosen, order)
    return Listing(tuple(items), int(first[0][1]))


# --- thanks ------------------------------------------------------------------------------

# A person of the meeting ``participation.encounter_id`` to be thanked: matched to a
# contact, attending, a participant (not a room or a list) and not the user.
THANKABLE = """participation.contact_id IS NOT NULL
    AND upper(participation.reply_status) != 'DECLINED'
    AND upper(participation.role) != 'NON-PARTICIPANT'
    AND participation.contact_id NOT IN (
        SELECT contact_email.contact_id FROM contact_email WHERE contact_email.email IN (
            SELECT me_identity.value FROM me_identity WHERE me_identity.kind = 'email'))"""

# How many rows "Thanks to send" has for the meeting of ``reflection``, whose
# reflection waits for thanks: one per person not yet thanked, or one for the meeting
# without people. One pass over the meeting's attendees (per meeting listed).
STILL_TO_THANK = f"""(SELECT CASE WHEN count(*) = 0 THEN 1 ELSE count(DISTINCT
        CASE WHEN participation.thanks_sent_on IS NULL THEN participation.contact_id END) END
    FROM participation
    WHERE participation.encounter_id = reflection.encounter_id AND {THANKABLE})"""

# A reflection whose gratitude is not said yet (by the meeting's flag).
WAITING = "reflection.gratitude != '' AND reflection.thanks_sent = 0"


def people_to_thank(conn: Any, encounter_ids: Iterable[int]) -> dict[int, list[ThankPerson]]:
    """The people to thank of each meeting, each once, alphabetically; someone with two
    attendances (two addresses) counts as thanked when both are marked."""
    wanted = list(dict.fromkeys(encounter_ids))
    if not wanted:
        return {}
    ids, params = _in("e", wanted)
    sql = f"""
    SELECT participation.encounter_id, participation.contact_id, contact.display_name,
           participation.thanks_sent_on
    FROM participation JOIN contact ON contact.id = participation.contact_id
    WHERE participation.encounter_id IN {ids} AND {THANKABLE}
    """
    found: dict[int, dict[int, ThankPerson]] = {}
    for eid, cid, name, on in _rows(conn, sql, params):
        people = found.setdefault(eid, {})
        known = people.get(cid)
        if known is None or (known.thanked and on is None):
            people[cid] = ThankPerson(cid, name, _day(on))
    return {
        eid: sorted(people.values(), key=lambda p: (p.name.casefold(), p.contact_id))
        for eid, people in found.items()
    }


def unsent_thanks(conn: Any, limit: int | None = None) -> Listing[ThanksItem]:
    """Gratitude noted in a reflection but not yet said, newest meeting first: a row
    for each person of the meeting still to thank (alphabetically), or one row for a
    meeting without anyone known by name."""
    total_sql = f"SELECT coalesce(sum({STILL_TO_THANK}), 0) FROM reflection WHERE {WAITING}"
    total = int(_rows(conn, total_sql)[0][0] or 0)
    want = total if limit is None else min(limit, total)
    if want == 0:
        return Listing((), total)
    columns = """encounter.id, encounter.title, encounter.start,
        (SELECT gratitude FROM reflection AS said WHERE said.encounter_id = encounter.id)"""
    owing = f"{WAITING} AND {STILL_TO_THANK} > 0"
    newest = "encounter.start DESC, encounter.id DESC"
    # Each meeting found gives one row at least, so ``want`` meetings are enough.
    # Walk the newest encounters down their start index, each one's reflection looked up
    # by encounter, and stop at the ``want``-th: a few rows when thanks wait on recent
    # meetings, rather than every waiting reflection joined to its encounter and sorted.
    # The walk is bounded; beyond it (old thanks, or a short limit) that join does it.
    walk = f"""
    SELECT {columns} FROM encounter
    WHERE EXISTS (SELECT 1 FROM reflection
                  WHERE reflection.encounter_id = encounter.id AND {owing})
      AND encounter.start >= (SELECT start FROM encounter AS newer
                              ORDER BY newer.start DESC LIMIT 1 OFFSET :skip)
    ORDER BY {newest} LIMIT :want
    """
    found = _rows(conn, walk, {"skip": THANKS_WALK - 1, "want": want})
    if len(found) < want:
        joined = f"""
        SELECT {columns} FROM encounter JOIN reflection ON reflection.encounter_id = encounter.id
        WHERE {owing} ORDER BY {newest} LIMIT :want
        """
        found = _rows(conn, joined, {"want": want})
    people = people_to_thank(conn, [row[0] for row in found])
    items: list[ThanksItem] = []
    for eid, title, start, text in found:
        begins = _instant(start)
        known = people.get(eid, [])
        if not known:
            items.append(ThanksItem(eid, title, begins, text, ()))
        items += [
            ThanksItem(eid, title, begins, text, (p.name,), p.contact_id)
            for p in known
            if not p.thanked
        ]
    return Listing(tuple(items[:want]), total)


# --- keep in touch -----------------------------------------------------------------------


def last_met_sql(among: str | None = None) -> tuple[str, str]:
    """The SQL of "last met": a ``recent_meetings`` CTE and a column over ``contact``,
    the start of the latest encounter, not cancelled, that the contact took part in
    and that started by ``:now`` (NULL if none). Parameters: ``:now``, ``:recent``.

    Grouping every encounter with its attendees reads the whole history (0.3-0.4 s on
    a vault of 100,000 encounters), and so does looking up every contact's attendances.
    Most people were met lately: the recent window (RECENT_DAYS) gives their last
    meeting in one short grouped pass, exact since someone met in it was last met in
    it; only the others, few, have their attendances looked up, each to its encounter.
    Someone never met has all their (future or cancelled) attendances looked up.

    ``among``, SQL selecting contact ids, narrows the grouped pass to those people
    when the column is only wanted for them (for anyone else it is the slower lookup):
    the grouping, not the pass, is the dear part (three quarters on the bench vault).

    The pass goes over the encounters of the window through their (status, start) index
    and each one's attendees through participation(encounter_id, contact_id), both
    covering; MATERIALIZED, it is computed once and then looked up by contact.
    """
    # "+ 0": a filter on each row, never an index key. As a key, SQLite may probe
    # participation(encounter_id, contact_id) once per encounter and person: 30x slower.
    who = (
        "participation.contact_id IS NOT NULL"
        if among is None
        else f"(participation.contact_id + 0) IN ({among})"
    )
    cte = f"""recent_meetings AS MATERIALIZED (
        SELECT participation.contact_id AS contact_id, max(encounter.start) AS last_met
        FROM encounter JOIN participation ON participation.encounter_id = encounter.id
        WHERE {NOT_CANCELLED} AND encounter.start <= :now AND encounter.start >= :recent
          AND {who}
        GROUP BY participation.contact_id)"""
    # Nested on purpose: from participation(contact_id, ..) to each encounter by its id.
    # A join here lets SQLite drive from the encounters' (status, start) index instead,
    # i.e. read them all once per contact. coalesce() stops at its first non-NULL
    # argument: the lookup runs only when the recent pass has nobody.
    column = f"""coalesce(
        (SELECT recent_meetings.last_met FROM recent_meetings
         WHERE recent_meetings.contact_id = contact.id),
        (SELECT max((SELECT encounter.start FROM encounter
                     WHERE encounter.id = participation.encounter_id AND {NOT_CANCELLED}
                       AND encounter.start <= :now))
         FROM participation WHERE participation.contact_id = contact.id))"""
    return cte, column


def last_met_params(now: datetime) -> dict[str, str]:
    """The parameters of :func:`last_met_sql`."""
    return {"now": stored(now), "recent": stored(now - timedelta(days=RECENT_DAYS))}


def last_met_by_contact(conn: Any, now: datetime) -> dict[int, datetime | None]:
    """Every contact's last meeting by ``now`` (None if never met)."""
    cte, column = last_met_sql()
    sql = f"WITH {cte} SELECT contact.id, {column} FROM contact"
    return {cid: instant(met) for cid, met in _rows(conn, sql, last_met_params(now))}


def keep_in_touch(conn: Any, now: datetime, limit: int | None = None) -> Listing[KeepInTouchItem]:
    """People with a cadence whose last encounter is older than it (or who were never met),
    leaving out those the user already has a meeting booked with (after ``now``).

    Longest overdue first; people never met after those.
    """
    recent, last_met = last_met_sql("SELECT waiting.contact_id FROM waiting")
    # waiting: only people with a cadence and nothing booked can be due, so only theirs
    # is the last meeting worth finding: left out first, the booked ones cost nothing
    # (on the bench vault nine in ten of the cadenced; twice as fast). A meeting ahead
    # is keeping in touch already: the people of the meetings ahead come from one pass
    # over those through the (status, start) index and each one's attendees, a few
    # thousand rows, rather than every cadenced person's attendances. The NOT IN list
    # is one temporary index (a DISTINCT CTE before it built two: 10 ms more).
    # cadenced, MATERIALIZED: the last meeting of each is computed once, not again for
    # the filter, the order and the count.
    sql = f"""
    WITH waiting AS MATERIALIZED (
        SELECT contact.id AS contact_id FROM contact
        WHERE contact.keep_in_touch_days IS NOT NULL
          AND contact.id NOT IN (
              SELECT participation.contact_id
              FROM encounter JOIN participation ON participation.encounter_id = encounter.id
              WHERE {NOT_CANCELLED} AND encounter.start > :now
                AND participation.contact_id IS NOT NULL)),
    {recent},
    cadenced AS MATERIALIZED (
        SELECT contact.id AS contact_id, contact.display_name AS name,
               contact.given_name AS given, contact.family_name AS family,
               contact.name_order AS name_order, contact.keep_in_touch_days AS cadence,
               {last_met} AS last_met
        FROM contact WHERE contact.id IN (SELECT waiting.contact_id FROM waiting))
    SELECT contact_id, name, cadence, last_met, count(*) OVER (), given, family, name_order
    FROM cadenced
    WHERE last_met IS NULL OR julianday(last_met) < julianday(:now) - cadence
    ORDER BY last_met IS NULL, julianday(last_met) + cadence, contact_id
    LIMIT :limit
    """
    found = _rows(conn, sql, {**last_met_params(now), "limit": _limit(limit)})
    items = tuple(
        KeepInTouchItem(int(cid), full_name(name, given, family, order), int(cadence), instant(met))
        for cid, name, cadence, met, _total, given, family, order in found
    )
    # The window count is over every row before the limit: the whole list's length.
    return Listing(items, int(found[0][4]) if found else 0)


# --- birthdays ---------------------------------------------------------------------------


def birthdays_soon(conn: Any, today: date, within: int = BIRTHDAY_DAYS) -> tuple[BirthdayItem, ...]:
    """Everyone whose birthday falls within ``within`` days of ``today``, soonest first."""
    sql = """
    SELECT id, display_name, birthday, given_name, family_name, name_order FROM contact
    WHERE birthday IS NOT NULL
    """
    items = []
    for contact_id, name, born, given, family, order in _rows(conn, sql):
        day = _day(born)
        assert day is not None
        on = next_birthday(day, today)
        if (on - today).days <= within:
            shown = full_name(name, given, family, order)
            items.append(BirthdayItem(contact_id, shown, on, (on - today).days))
    return tuple(sorted(items, key=lambda b: (b.days, b.name.casefold(), b.contact_id)))


# --- the whole overview ------------------------------------------------------------------


def read_overview(conn: Any, now: datetime, limit: int | None = TODAY_LIMIT) -> TodayOverview:
    """What needs me now, as ``today.today_overview(session, now, limit,
    duplicates=False)`` gives it: each section's first ``limit`` items (the week ahead
    at least UPCOMING_LIMIT) and its count; ``limit`` None for every item."""
    return TodayOverview(
        now=now,
        upcoming=upcoming_meetings(
            conn, now, limit=None if limit is None else max(limit, UPCOMING_LIMIT)
        ),
        awaiting_reflection=awaiting_reflection(conn, now, limit=limit),
        promises_due=promises_due(conn, now, limit=limit),
        unsent_thanks=unsent_thanks(conn, limit=limit),
        keep_in_touch=keep_in_touch(conn, now, limit=limit),
        birthdays=birthdays_soon(conn, local_today(now)),
    )
