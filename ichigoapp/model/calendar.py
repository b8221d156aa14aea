"""Bookkeeping of calendar imports that has no encounter to live on."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ichigoapp.model.base import Base
from ichigoapp.model.types import UTCDateTime, utcnow


class EmptyCalendarGroup(Base):
    """A group of VEVENTs (one UID) that was read and gave no encounter, e.g. a series
    with no occurrence in the import window. Remembering its hash lets a re-import skip
    it unread, as groups that gave encounters are skipped by their content hash."""

    __tablename__ = "empty_calendar_group"

    hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    source_file: Mapped[str] = mapped_column(String(1000), default="", index=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class FtsDeferred(Base):
    """A row here, inside a transaction, tells the encounter FTS trigger to stand aside
    while a bulk import indexes its rows in one statement. Always empty when committed."""

    __tablename__ = "fts_deferred"

    flag: Mapped[int] = mapped_column(Integer, primary_key=True)
