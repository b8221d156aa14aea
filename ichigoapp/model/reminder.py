"""Reminders the app has shown, so that a restart or a second window never repeats one."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from ichigoapp.model.base import Base
from ichigoapp.model.types import UTCDateTime


class ShownReminder(Base):
    """One reminder shown, by its key (``services/reminders.py`` writes them): the key
    names the moment it was for, so a meeting moved to another time is a new key."""

    __tablename__ = "shown_reminder"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    shown_at: Mapped[datetime] = mapped_column(UTCDateTime)
