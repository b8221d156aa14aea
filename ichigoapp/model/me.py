"""The user's own identity, so they never show up as their own attendee."""

from __future__ import annotations

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ichigoapp.model.base import Base


class MeIdentity(Base):
    __tablename__ = "me_identity"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # "email" or "name"
    value: Mapped[str] = mapped_column(String(320))

    __table_args__ = (UniqueConstraint("kind", "value", name="uq_me_identity_kind_value"),)


class Setting(Base):
    """Small per-vault preferences (import window, card size...), stored encrypted."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(String(2000))
