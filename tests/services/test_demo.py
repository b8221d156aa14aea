"""The demo dataset: plausible counts, and the same data every time."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ichigoapp.model import Contact, Encounter, Participation, Promise, Reflection
from ichigoapp.services.demo import seed_demo
from ichigoapp.services.today import today_overview
from ichigoapp.store import KeyMode, Vault, create_vault

NOW = datetime(2026, 5, 4, 7, 30, tzinfo=UTC)


def _snapshot(session: Session) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for c in session.scalars(select(Contact).order_by(Contact.id)):
        rows.append(
            (
                c.display_name,
                c.company,
                c.title,
                tuple(e.email for e in c.emails),
                tuple(c.private_fields),
            )
        )
    for e in session.scalars(select(Encounter).order_by(Encounter.id)):
        rows.append((e.title, e.start, e.status, tuple(p.email for p in e.participations)))
    for p in session.scalars(select(Promise).order_by(Promise.id)):
        rows.append((p.text, p.direction, p.due, p.done_on))
    return rows


def test_demo_counts(vault: Vault) -> None:
    with vault.transaction() as s:
        counts = seed_demo(s, NOW)
    with vault.session() as s:
        assert s.scalar(select(func.count(Contact.id))) == counts["contacts"] == 40
        assert 115 <= s.scalar(select(func.count(Encounter.id))) <= 140
        reflections = s.scalar(select(func.count(Reflection.id)))
        assert reflections is not None and reflections >= 90
        assert s.scalar(select(func.count(Promise.id))) == counts["promises"] >= 30
        directions = set(s.scalars(select(Promise.direction)))
        assert directions == {"mine", "theirs"}
        assert counts["upcoming"] == 10
        unmatched = s.scalar(
            select(func.count(Participation.id)).where(Participation.contact_id.is_(None))
        )
        assert unmatched == counts["new_people"] >= 3
        companies = set(s.scalars(select(Contact.company)))
        assert len(companies) >= 25
        overview = today_overview(s, NOW)
        assert len(overview.upcoming) == 10
        assert overview.new_people >= 3
        assert overview.awaiting_reflection
        assert any(p.overdue(NOW.date()) for p in overview.promises_due)
        assert overview.unsent_thanks


def test_demo_is_deterministic(tmp_path: Path) -> None:
    snapshots = []
    for name in ("a.vault", "b.vault"):
        with create_vault(tmp_path / name, mode=KeyMode.KEYCHAIN) as v:
            with v.transaction() as s:
                seed_demo(s, NOW)
            with v.session() as s:
                snapshots.append(_snapshot(s))
    assert snapshots[0] == snapshots[1]
