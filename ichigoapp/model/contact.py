"""People: contacts with their addresses, links, tags and personal details."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Table,
    Text,
    event,
    text,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from ichigoapp.model.base import Base
from ichigoapp.model.types import UTCDateTime, utcnow

if TYPE_CHECKING:
    from ichigoapp.model.encounter import Participation

# Contact fields a user may mark private: they are shown in the app but never printed.
PRIVATE_CAPABLE_FIELDS = (
    "location",
    "how_we_met",
    "interests",
    "notes",
    "phones",
    "emails",
    "birthday",
    "pronouns",
    "pronunciation",
)

contact_tag = Table(
    "contact_tag",
    Base.metadata,
    Column("contact_id", ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True),
)


class Tag(Base):
    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)


class Contact(Base):
    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    display_name: Mapped[str] = mapped_column(String(300))
    given_name: Mapped[str] = mapped_column(String(200), default="")
    family_name: Mapped[str] = mapped_column(String(200), default="")
    company: Mapped[str] = mapped_column(String(300), default="")
    title: Mapped[str] = mapped_column(String(300), default="")
    location: Mapped[str] = mapped_column(String(300), default="")
    how_we_met: Mapped[str] = mapped_column(Text, default="")
    met_on: Mapped[date | None] = mapped_column(Date, default=None)
    met_through_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), default=None
    )
    interests: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    private_fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    keep_in_touch_days: Mapped[int | None] = mapped_column(default=None)
    birthday: Mapped[date | None] = mapped_column(Date, default=None)
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, default=None, deferred=True)
    pronouns: Mapped[str] = mapped_column(String(100), default="")
    # How to say the name (for Japanese names, the yomigana reading).
    pronunciation: Mapped[str] = mapped_column(String(300), default="")
    # Which name comes first when the name is shown from its parts: "auto" (family name
    # first for a name in CJK script), "given-first" or "family-first" (a Hungarian name,
    # say, which its script does not tell).
    name_order: Mapped[str] = mapped_column(String(20), default="auto", server_default="auto")
    # What an imported file said that has no field of its own (vCard X- properties,
    # unknown CSV columns), kept so that exporting gives it back.
    extra: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    emails: Mapped[list[ContactEmail]] = relationship(
        back_populates="contact",
        cascade="all, delete-orphan",
        order_by="ContactEmail.position",
        lazy="selectin",
    )
    phones: Mapped[list[ContactPhone]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", lazy="selectin"
    )
    links: Mapped[list[ContactLink]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", lazy="selectin"
    )
    details: Mapped[list[PersonalDetail]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", lazy="selectin"
    )
    tags: Mapped[list[Tag]] = relationship(
        secondary=contact_tag, lazy="selectin", order_by="Tag.name"
    )
    changes: Mapped[list[ContactChange]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="ContactChange.at"
    )
    met_through: Mapped[Contact | None] = relationship(remote_side=[id])
    participations: Mapped[list[Participation]] = relationship(back_populates="contact")

    __table_args__ = (
        # Today's birthdays read only the contacts that have one, not every row
        # (migration 0013); the term is the query's (services/today_read.py).
        Index("ix_contact_birthday", "birthday", sqlite_where=text("birthday IS NOT NULL")),
    )

    @property
    def primary_email(self) -> str | None:
        return self.emails[0].email if self.emails else None

    def is_private(self, field: str) -> bool:
        return field in (self.private_fields or [])


class ContactEmail(Base):
    __tablename__ = "contact_email"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"))
    # Normalised: lower-case, no "mailto:". One address belongs to one contact, so
    # matching an invite's attendee by address is never ambiguous.
    email: Mapped[str] = mapped_column(String(320), unique=True)
    label: Mapped[str] = mapped_column(String(50), default="")
    position: Mapped[int] = mapped_column(default=0)

    contact: Mapped[Contact] = relationship(back_populates="emails")

    __table_args__ = (Index("ix_contact_email_contact", "contact_id"),)


class ContactPhone(Base):
    __tablename__ = "contact_phone"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[str] = mapped_column(String(100))
    label: Mapped[str] = mapped_column(String(50), default="")

    contact: Mapped[Contact] = relationship(back_populates="phones")


class ContactLink(Base):
    __tablename__ = "contact_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(String(2000))
    label: Mapped[str] = mapped_column(String(50), default="")

    contact: Mapped[Contact] = relationship(back_populates="links")


class PersonalDetail(Base):
    """The small things to remember: how they take their tea, a child's recital."""

    __tablename__ = "personal_detail"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(200), default="")
    value: Mapped[str] = mapped_column(Text)
    private: Mapped[bool] = mapped_column(Boolean, default=False)

    contact: Mapped[Contact] = relationship(back_populates="details")


class ContactChange(Base):
    """A line on a contact's timeline recorded by the app ("moved to Acme as CTO")."""

    __tablename__ = "contact_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    summary: Mapped[str] = mapped_column(Text)

    contact: Mapped[Contact] = relationship(back_populates="changes")


class NotDuplicate(Base):
    """Two contacts the user said are not the same person: never suggested again.

    The pair is kept in one order (``low_id`` < ``high_id``) so it is stored once.
    """

    __tablename__ = "not_duplicate"

    low_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True
    )
    high_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


@event.listens_for(Session, "before_flush")
def _touch_contacts(session: Session, _context: object, _instances: object) -> None:
    """A contact's ``updated_at`` is when anything about it last changed, its e-mails,
    phones and links included (an address book's sync finds what to write by it)."""
    changed = [*session.new, *session.dirty, *session.deleted]
    with session.no_autoflush:
        for row in changed:
            if isinstance(row, ContactEmail | ContactPhone | ContactLink):
                contact = row.contact or (
                    session.get(Contact, row.contact_id) if row.contact_id else None
                )
                if contact is None or contact in session.new or contact in session.deleted:
                    continue  # a new contact keeps the time it was given
                contact.updated_at = utcnow()
