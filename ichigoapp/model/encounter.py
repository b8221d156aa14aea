"""Encounters (meetings, calls, coffees...) and who took part in them."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ichigoapp.model.base import Base
from ichigoapp.model.types import UTCDateTime, utcnow

if TYPE_CHECKING:
    from ichigoapp.model.contact import Contact
    from ichigoapp.model.reflection import Promise, Reflection


class EncounterStatus(enum.StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


REMOVED_FROM_CALENDAR = "removed from calendar"


class EncounterKind(enum.StrEnum):
    MEETING = "meeting"
    CALL = "call"
    COFFEE = "coffee"
    MEAL = "meal"
    EVENT = "event"
    MESSAGE = "message"
    OTHER = "other"


class Encounter(Base):
    __tablename__ = "encounter"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(20), default=EncounterKind.MEETING.value)
    start: Mapped[datetime] = mapped_column(UTCDateTime)
    end: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # The zone the calendar gave (IANA name), so the card can show local time there.
    tz_name: Mapped[str | None] = mapped_column(String(100), default=None)
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    location: Mapped[str] = mapped_column(Text, default="")
    join_url: Mapped[str] = mapped_column(String(2000), default="")
    status: Mapped[str] = mapped_column(String(20), default=EncounterStatus.PLANNED.value)
    # Why a cancelled encounter is cancelled, when it is not the invite's own word:
    # REMOVED_FROM_CALENDAR when a followed calendar stopped listing it.
    status_reason: Mapped[str] = mapped_column(String(100), default="")
    intention: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")

    # Calendar origin. Identity is (ical_uid, recurrence_id); recurrence_id is "" for a
    # single event so that the unique constraint holds (NULLs would never collide).
    ical_uid: Mapped[str | None] = mapped_column(String(1000), default=None)
    recurrence_id: Mapped[str] = mapped_column(String(40), default="")
    sequence: Mapped[int] = mapped_column(default=0)
    source_file: Mapped[str] = mapped_column(String(1000), default="")
    content_hash: Mapped[str] = mapped_column(String(64), default="")

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    participations: Mapped[list[Participation]] = relationship(
        back_populates="encounter", cascade="all, delete-orphan", lazy="selectin"
    )
    reschedules: Mapped[list[Reschedule]] = relationship(
        back_populates="encounter",
        cascade="all, delete-orphan",
        order_by="Reschedule.recorded_at",
    )
    reflection: Mapped[Reflection | None] = relationship(
        back_populates="encounter", cascade="all, delete-orphan", uselist=False
    )
    promises: Mapped[list[Promise]] = relationship(back_populates="encounter")

    __table_args__ = (
        UniqueConstraint("ical_uid", "recurrence_id", name="uq_encounter_origin"),
        Index("ix_encounter_start", "start"),
        Index("ix_encounter_status_start", "status", "start"),
    )

    def effective_status(self, now: datetime) -> EncounterStatus:
        """Planned meetings whose time has passed count as held unless cancelled."""
        return effective_status(self.status, self.start, self.end, now)


def effective_status(
    status: str, start: datetime, end: datetime | None, now: datetime
) -> EncounterStatus:
    """:meth:`Encounter.effective_status` for plain column values (list views)."""
    if status == EncounterStatus.CANCELLED:
        return EncounterStatus.CANCELLED
    if status == EncounterStatus.HELD:
        return EncounterStatus.HELD
    finished = end or start
    return EncounterStatus.HELD if finished <= now else EncounterStatus.PLANNED


class Participation(Base):
    """An attendee of an encounter, as the invite named them.

    ``contact_id`` is null until the attendee is matched to (or triaged into) a contact.
    """

    __tablename__ = "participation"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(ForeignKey("encounter.id", ondelete="CASCADE"))
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), default=None
    )
    email: Mapped[str] = mapped_column(String(320), default="")
    name: Mapped[str] = mapped_column(String(300), default="")
    role: Mapped[str] = mapped_column(String(40), default="")
    reply_status: Mapped[str] = mapped_column(String(40), default="")
    is_organizer: Mapped[bool] = mapped_column(Boolean, default=False)
    # Set when the user chose "ignore" in the new-people triage.
    triage_ignored: Mapped[bool] = mapped_column(Boolean, default=False)
    # Attendees from an invite follow the invite's updates; people the user added by
    # hand stay until the user removes them.
    from_calendar: Mapped[bool] = mapped_column(Boolean, default=False)
    # The day the user marked their thanks to this person as said (services/thanks.py);
    # the reflection's ``thanks_sent`` says it was said to everyone of the meeting.
    thanks_sent_on: Mapped[date | None] = mapped_column(Date, default=None)

    encounter: Mapped[Encounter] = relationship(back_populates="participations")
    contact: Mapped[Contact | None] = relationship(back_populates="participations")

    __table_args__ = (
        # Covering for the attendees of a page of encounters and for "last met".
        Index("ix_participation_encounter_contact", "encounter_id", "contact_id"),
        Index("ix_participation_contact_encounter", "contact_id", "encounter_id"),
        Index("ix_participation_email", "email"),
        # The people to thank of a meeting (today_read.THANKABLE's terms, which SQLite
        # must find in the query to use the index): "Thanks to send" counts them for
        # every reflection waiting, without reading the attendees' rows (migration 0012).
        Index(
            "ix_participation_thankable",
            "encounter_id",
            "contact_id",
            "thanks_sent_on",
            sqlite_where=text(
                "contact_id IS NOT NULL AND upper(reply_status) != 'DECLINED'"
                " AND upper(role) != 'NON-PARTICIPANT'"
            ),
        ),
    )

    @property
    def label(self) -> str:
        if self.contact is not None:
            return self.contact.display_name
        return self.name or self.email


class Reschedule(Base):
    """A moved meeting: where it was before the calendar moved it."""

    __tablename__ = "reschedule"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(
        ForeignKey("encounter.id", ondelete="CASCADE"), index=True
    )
    old_start: Mapped[datetime] = mapped_column(UTCDateTime)
    old_end: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    new_start: Mapped[datetime] = mapped_column(UTCDateTime)
    new_end: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    sequence: Mapped[int] = mapped_column(default=0)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    encounter: Mapped[Encounter] = relationship(back_populates="reschedules")
