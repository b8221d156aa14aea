"""The rows of the Today overview: plain frozen values, importable without SQLAlchemy.

Views hold these instead of ORM objects, so nothing lazy-loads after its session has
closed, and the app can read Today (``services/today_read.py``) before SQLAlchemy and
the model are imported. ``services/today.py`` re-exports every name here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from ichigoapp.importers.birthday import birthday_in
from ichigoapp.services.when import local_zone

HORIZON_DAYS = 7
# Older meetings without a reflection stop nagging: the app asks, it does not scold.
REFLECT_WINDOW_DAYS = 30
# Today is calm: each section shows a handful and says how many more there are.
TODAY_LIMIT = 8
UPCOMING_LIMIT = 30
BIRTHDAY_DAYS = 7  # how far ahead Today looks for birthdays

# model.PromiseDirection.MINE as stored (a test checks that they agree).
MINE = "mine"

T = TypeVar("T", covariant=True)


def local_today(now: datetime) -> date:
    return now.astimezone(local_zone()).date()


@dataclass(frozen=True, slots=True)
class Listing(Generic[T]):
    """The first items of a list and how many there are in all (a COUNT, not a load)."""

    items: tuple[T, ...]
    total: int

    @property
    def more(self) -> int:
        """How many are not in ``items``."""
        return self.total - len(self.items)

    def __iter__(self) -> Any:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return self.total > 0

    def __getitem__(self, index: int) -> T:
        return self.items[index]


@dataclass(frozen=True, slots=True)
class Attendee:
    participation_id: int
    contact_id: int | None
    name: str
    email: str
    role: str = ""
    reply_status: str = ""
    ignored: bool = False

    @property
    def matched(self) -> bool:
        return self.contact_id is not None

    @property
    def label(self) -> str:
        return self.name or self.email or "(unnamed)"


@dataclass(frozen=True, slots=True)
class MeetingItem:
    encounter_id: int
    title: str
    start: datetime
    end: datetime | None
    location: str
    join_url: str
    attendees: tuple[Attendee, ...]

    @property
    def new_people(self) -> int:
        """Attendees still waiting in the "new people" list."""
        return sum(1 for a in self.attendees if not a.matched and not a.ignored)


@dataclass(frozen=True, slots=True)
class PromiseItem:
    promise_id: int
    text: str
    direction: str
    due: date | None
    done_on: date | None
    contact_id: int | None
    contact_name: str
    encounter_id: int | None
    encounter_title: str

    @property
    def mine(self) -> bool:
        return self.direction == MINE

    def overdue(self, today: date) -> bool:
        return self.done_on is None and self.due is not None and self.due < today


@dataclass(frozen=True, slots=True)
class ThanksItem:
    """Thanks to say for a meeting: to one person of it (``contact_id``), or, for a
    meeting without anyone known by name, to the meeting (``contact_id`` None)."""

    encounter_id: int
    title: str
    start: datetime
    gratitude: str
    people: tuple[str, ...]  # the person's name; () for the meeting without people
    contact_id: int | None = None

    @property
    def name(self) -> str:
        return self.people[0] if self.contact_id is not None and self.people else ""


@dataclass(frozen=True, slots=True)
class KeepInTouchItem:
    contact_id: int
    name: str
    cadence_days: int
    last_met: datetime | None

    def days_since(self, now: datetime) -> int | None:
        return None if self.last_met is None else (now - self.last_met).days


@dataclass(frozen=True, slots=True)
class BirthdayItem:
    contact_id: int
    name: str
    on: date  # the day it falls on next
    days: int  # 0 today, 1 tomorrow...

    @property
    def said(self) -> str:
        """ "Birthday in 3 days"."""
        return birthday_in(self.days)


@dataclass(frozen=True, slots=True)
class TodayOverview:
    """Each section holds its first items and its total (``Listing``)."""

    now: datetime
    upcoming: Listing[MeetingItem]
    awaiting_reflection: Listing[MeetingItem]
    promises_due: Listing[PromiseItem]
    unsent_thanks: Listing[ThanksItem]
    keep_in_touch: Listing[KeepInTouchItem]
    birthdays: tuple[BirthdayItem, ...] = ()
    # Pairs of contacts that may be one person (services/duplicates.py).
    possible_duplicates: int = 0

    @property
    def new_people(self) -> int:
        """New people of the meetings shown."""
        return sum(m.new_people for m in self.upcoming)

    @property
    def is_calm(self) -> bool:
        """Nothing asks for attention."""
        return not (
            self.upcoming
            or self.awaiting_reflection
            or self.promises_due
            or self.unsent_thanks
            or self.keep_in_touch
            or self.birthdays
            or self.possible_duplicates
        )


@dataclass(frozen=True, slots=True)
class ThankPerson:
    """Someone to thank for a meeting, and whether they were thanked."""

    contact_id: int
    name: str
    thanked_on: date | None

    @property
    def thanked(self) -> bool:
        return self.thanked_on is not None
