"""Sources: calendar links and CalDAV accounts followed live (DESIGN section 7a).

A source's link and password live here, inside the encrypted vault, and nowhere else.
``SourceItem`` remembers what each source last listed (a CalDAV member and its ETag, or
a UID of a feed), so that a sync knows what changed and what the server stopped listing.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ichigoapp.model.base import Base
from ichigoapp.model.types import UTCDateTime, utcnow

DEFAULT_EVERY_MINUTES = 15
MIN_EVERY_MINUTES = 5
MAX_EVERY_MINUTES = 24 * 60


class SourceKind(enum.StrEnum):
    ICS = "ics"  # a calendar link (an ICS feed)
    CALDAV = "caldav"
    CARDDAV = "carddav"  # an address book (pulled into contacts)


class Source(Base):
    __tablename__ = "source"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    url: Mapped[str] = mapped_column(Text)  # the whole link: its token is a secret
    username: Mapped[str] = mapped_column(String(320), default="")
    password: Mapped[str] = mapped_column(Text, default="")
    every_minutes: Mapped[int] = mapped_column(default=DEFAULT_EVERY_MINUTES)
    # JSON: the calendars followed, [{"url", "name", "token"}] (CalDAV; empty for a link).
    calendars: Mapped[str] = mapped_column(Text, default="[]")
    # JSON: what a link's last answer said ({"etag", "last_modified", "hash", "full_on"}).
    state: Mapped[str] = mapped_column(Text, default="{}")
    last_sync: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    # JSON: the counts of the last sync that went through (the Calendars dialog shows them).
    last_counts: Mapped[str] = mapped_column(Text, default="{}")
    # Address books: which contacts are written to it ("none", "all" or "tag:NAME").
    push: Mapped[str] = mapped_column(String(120), default="none")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    items: Mapped[list[SourceItem]] = relationship(
        back_populates="source", cascade="all, delete-orphan", passive_deletes=True
    )


class SourceItem(Base):
    """One thing a source listed: a CalDAV member or a CardDAV card (its path and ETag),
    or, for a link, one UID of the feed (``path`` empty)."""

    __tablename__ = "source_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"))
    calendar_url: Mapped[str] = mapped_column(Text, default="")
    path: Mapped[str] = mapped_column(Text, default="")
    etag: Mapped[str] = mapped_column(String(200), default="")
    uid: Mapped[str] = mapped_column(String(1000), default="")
    # The contact an address book's card is linked to (None once unlinked).
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), default=None
    )

    # Address books, per card: the card text both sides last agreed on (the base of a
    # field-by-field merge), the contact's shareable fields then (JSON: a sync with
    # nothing changed reads no card), when, and whether the server deleted the card
    # (its contact is then never pushed back to this address book).
    agreed: Mapped[str] = mapped_column(Text, default="")
    ours: Mapped[str] = mapped_column(Text, default="")
    synced_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    unlinked: Mapped[bool] = mapped_column(Boolean, default=False)

    source: Mapped[Source] = relationship(back_populates="items")

    __table_args__ = (
        Index("ix_source_item_source", "source_id", "calendar_url"),
        Index("ix_source_item_uid", "uid"),
        Index("ix_source_item_contact", "contact_id"),
    )
