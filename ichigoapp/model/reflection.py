"""What the user takes away from an encounter: a reflection and promises."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ichigoapp.model.base import Base
from ichigoapp.model.types import UTCDateTime, utcnow

if TYPE_CHECKING:
    from ichigoapp.model.contact import Contact
    from ichigoapp.model.encounter import Encounter


class Reflection(Base):
    """One per encounter, editable: the answer to "what did this meeting give me?"."""

    __tablename__ = "reflection"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int] = mapped_column(
        ForeignKey("encounter.id", ondelete="CASCADE"), unique=True
    )
    learned: Mapped[str] = mapped_column(Text, default="")
    went_well: Mapped[str] = mapped_column(Text, default="")
    improve: Mapped[str] = mapped_column(Text, default="")
    gratitude: Mapped[str] = mapped_column(Text, default="")
    thanks_sent: Mapped[bool] = mapped_column(Boolean, default=False)
    next_time: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    encounter: Mapped[Encounter] = relationship(back_populates="reflection")

    __table_args__ = (
        # The reflections whose gratitude waits to be said: Today's "Thanks to send"
        # counts them without reading every reflection (migration 0012). The terms are
        # today_read.WAITING's, which SQLite must find in the query to use the index.
        Index(
            "ix_reflection_unsent_thanks",
            "encounter_id",
            sqlite_where=sql_text("gratitude != '' AND thanks_sent = 0"),
        ),
    )

    def is_empty(self) -> bool:
        return not any((self.learned, self.went_well, self.improve, self.gratitude, self.next_time))


class PromiseDirection(enum.StrEnum):
    MINE = "mine"  # I promised them
    THEIRS = "theirs"  # they promised me


class Promise(Base):
    __tablename__ = "promise"

    id: Mapped[int] = mapped_column(primary_key=True)
    encounter_id: Mapped[int | None] = mapped_column(
        ForeignKey("encounter.id", ondelete="SET NULL"), default=None, index=True
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), default=None, index=True
    )
    direction: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    due: Mapped[date | None] = mapped_column(Date, default=None)
    done_on: Mapped[date | None] = mapped_column(Date, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    encounter: Mapped[Encounter | None] = relationship(back_populates="promises")
    contact: Mapped[Contact | None] = relationship()

    __table_args__ = (
        # Today's promises due: the open ones with a date, by date, without reading
        # every promise (migration 0013); the terms are the query's (today_read.py).
        Index(
            "ix_promise_open_due",
            "due",
            sqlite_where=sql_text("done_on IS NULL AND due IS NOT NULL"),
        ),
    )
