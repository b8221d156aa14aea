"""The demo's prep cards at every size, and a day on one sheet, as PNGs.

Usage: ``python packaging/render_cards.py [OUT_DIR]`` (``make screenshots`` runs it
with ``docs/cards``). Four meeting shapes (a one-to-one, a first meeting, a small
group, a big meeting of six well-known people and thirty guests) at the five card
sizes, each page of a card that runs over two; plus ``day-sheet.png``; and a Japanese
card and day sheet (``ja-*.png``: a meeting with 佐藤花子, read by a Japanese user). The README
shows some of them; reviewers compare them when the card's layout changes.

Reproducible: a throw-away demo vault seeded for a fixed date in a fixed time zone,
no keychain, nothing outside a temporary directory touched, nothing beyond this
machine reached.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 12, 7, 7, 0, tzinfo=UTC)  # a Monday morning, before the week's meetings
ZONE = "Europe/London"
SUMMIT_DAY = date(2026, 12, 10)  # a Thursday of the demo week
DPI = 100  # sharp enough to read on screen; the PDFs are the real thing

# Thirty invented guests of the big meeting (example domains only).
GUESTS = [
    ("Aiko Mori", "aiko.mori"),
    ("Bruno Costa", "bruno.costa"),
    ("Chen Jing", "chen.jing"),
    ("Dalia Haddad", "dalia.haddad"),
    ("Erik Lund", "erik.lund"),
    ("Fatima Zahra", "fatima.zahra"),
    ("Gustavo Lima", "gustavo.lima"),
    ("Hana Novak", "hana.novak"),
    ("Ibrahim Sow", "ibrahim.sow"),
    ("Julia Becker", "julia.becker"),
    ("Kwame Boateng", "kwame.boateng"),
    ("Laila Rahimi", "laila.rahimi"),
    ("Marta Silva", "marta.silva"),
    ("Nikhil Rao", "nikhil.rao"),
    ("Olga Ivanova", "olga.ivanova"),
    ("Pedro Alves", "pedro.alves"),
    ("Qiu Lan", "qiu.lan"),
    ("Rosa Martín", "rosa.martin"),
    ("Sven Olsen", "sven.olsen"),
    ("Tomás Rivera", "tomas.rivera"),
    ("Uma Pillai", "uma.pillai"),
    ("Viktor Horvath", "viktor.horvath"),
    ("Wen Li", "wen.li"),
    ("Ximena Torres", "ximena.torres"),
    ("Yusuf Demir", "yusuf.demir"),
    ("Zara Khan", "zara.khan"),
    ("Anja Kovač", "anja.kovac"),
    ("Ben Okafor", "ben.okafor"),
    ("Clara Dubois", "clara.dubois"),
    ("Daniel Weiss", "daniel.weiss"),
]


def _isolate() -> None:
    # Before Qt, keyring or ichigoapp read the environment.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    os.environ["QT_SCALE_FACTOR"] = "1"
    os.environ["TZ"] = ZONE
    time.tzset()


@dataclass
class Shapes:
    one_to_one: int
    first_meeting: int
    group: int
    big: int
    sheet_day: date  # the summit's day: the sheet shows a big meeting among others


def _big_meeting(session: Session) -> int:
    """Six of the best-known demo people and thirty guests, on the demo's Thursday."""
    from sqlalchemy import func, select

    from ichigoapp.model import Encounter, EncounterStatus, Participation
    from ichigoapp.services.common import day_start

    best_known = session.scalars(
        select(Participation.contact_id)
        .where(Participation.contact_id.is_not(None))
        .group_by(Participation.contact_id)
        .order_by(func.count().desc(), Participation.contact_id)
        .limit(6)
    ).all()
    start = day_start(SUMMIT_DAY) + timedelta(hours=14)
    summit = Encounter(
        title="Regional partners summit: planning 2027",
        kind="event",
        start=start,
        end=start + timedelta(hours=3),
        status=EncounterStatus.PLANNED.value,
        location="Harbour Hall, Room 3",
        intention="Leave with three partners who want to build something together next year.",
        description=(
            "Agenda:\n1. Where each region stands\n2. Shared grants for 2027\n"
            "3. One joint pilot per region\n\nPlease bring one slide."
        ),
    )
    session.add(summit)
    from ichigoapp.model import Contact

    for contact_id in best_known:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        summit.participations.append(
            Participation(contact=contact, name=contact.display_name, email="")
        )
    for name, local in GUESTS:
        summit.participations.append(
            Participation(name=name, email=f"{local}@partners.example", reply_status="ACCEPTED")
        )
    session.flush()
    return summit.id


def _shapes(session: Session) -> Shapes:
    from sqlalchemy import select

    from ichigoapp.model import Encounter, EncounterStatus

    upcoming = session.scalars(
        select(Encounter)
        .where(Encounter.start >= NOW, Encounter.status == EncounterStatus.PLANNED.value)
        .order_by(Encounter.start)
    ).all()

    def known(e: Encounter) -> int:
        return sum(p.contact_id is not None for p in e.participations)

    def new(e: Encounter) -> int:
        return sum(p.contact_id is None for p in e.participations)

    one_to_one = next(e for e in upcoming if known(e) == 1 and new(e) == 0)
    first = min((e for e in upcoming if new(e) and len(e.participations) <= 3), key=known)
    group = next(e for e in upcoming if known(e) >= 3 and len(e.participations) <= 5)
    big = _big_meeting(session)
    return Shapes(one_to_one.id, first.id, group.id, big, SUMMIT_DAY)


def render(out: Path, tmp: Path) -> list[Path]:
    from ichigoapp import i18n
    from ichigoapp.printing.prep_cards import (
        CardSize,
        ensure_app,
        render_day_sheet,
        render_pages,
    )
    from ichigoapp.services.common import day_start
    from ichigoapp.services.demo import seed_demo
    from ichigoapp.services.prep_card import build_prep_card, cards_for_range
    from ichigoapp.store import KeyMode, create_vault

    # The demo lives in London: British English words and formats ("Thu, 10 Dec 2026").
    i18n.activate(i18n.Choice("en", "en_GB"))
    ensure_app()
    # A throw-away vault deleted at the end: the passphrase protects nothing.
    vault = create_vault(tmp / "cards.vault", mode=KeyMode.PASSPHRASE, passphrase="cards")  # noqa: S106
    written: list[Path] = []
    out.mkdir(parents=True, exist_ok=True)
    with vault, vault.transaction() as session:
        seed_demo(session, NOW)
        shapes = _shapes(session)
        for shape in ("one_to_one", "first_meeting", "group", "big"):
            card = build_prep_card(session, getattr(shapes, shape), now=NOW)
            name = shape.replace("_", "-")
            for size in CardSize:
                for number, image in enumerate(render_pages(card, size, DPI), start=1):
                    suffix = "" if number == 1 else f"-page{number}"
                    written.append(_save(image, out / f"{name}-{size}{suffix}.png"))
        day = shapes.sheet_day
        cards = cards_for_range(session, day_start(day), day_start(day + timedelta(days=1)), NOW)
        for number, image in enumerate(render_day_sheet(day, cards, CardSize.A4, DPI), 1):
            suffix = "" if number == 1 else f"-page{number}"
            written.append(_save(image, out / f"day-sheet{suffix}.png"))
        written += _japanese(session, out)
    return written


JA_DAY = date(2026, 12, 11)  # the Friday of the demo week, after the English cards' days


def _japanese(session: Session, out: Path) -> list[Path]:
    """A Japanese user's card: Japanese labels, dates and names, a reading over a name."""
    from ichigoapp import i18n
    from ichigoapp.model import EncounterStatus, Participation, PromiseDirection
    from ichigoapp.printing.prep_cards import CardSize, render_day_sheet, render_pages
    from ichigoapp.services import contacts, encounters, reflections
    from ichigoapp.services.common import day_start
    from ichigoapp.services.prep_card import build_prep_card, cards_for_range

    hanako = contacts.add_contact(
        session,
        contacts.ContactInput(
            name="佐藤花子",
            family_name="佐藤",
            given_name="花子",
            pronunciation="さとう はなこ",
            emails=["hanako.sato@midori.example"],
            company="株式会社みどり",
            title="事業開発部長",
            location="京都",
            how_we_met="大阪の展示会で名刺交換",
            met_on=date(2024, 4, 12),
            interests=["生け花", "京都の老舗"],
            details=[("お茶", "ほうじ茶が好き", False)],
        ),
    ).id
    start = day_start(JA_DAY - timedelta(days=45)) + timedelta(hours=10)
    before = encounters.add_encounter(
        session,
        encounters.EncounterInput(
            title="提携の初回打ち合わせ",
            start=start,
            end=start + timedelta(hours=1),
            status=EncounterStatus.HELD.value,
            contact_ids=[hanako],
        ),
    )
    reflections.reflect(
        session,
        before.id,
        reflections.ReflectionInput(
            learned="来春に京都で新しい店舗を開く予定",
            gratitude="取引先の方を紹介してくださったこと",
            thanks_sent=False,
            next_time="新店舗の準備の様子を聞く",
        ),
    )
    reflections.add_promise(
        session,
        text="事例集をお送りする",
        direction=PromiseDirection.MINE,
        encounter_id=before.id,
        contact_id=hanako,
        due=JA_DAY - timedelta(days=2),
    )
    start = day_start(JA_DAY) + timedelta(hours=14)
    meeting = encounters.add_encounter(
        session,
        encounters.EncounterInput(
            title="来年度の共同企画について",
            start=start,
            end=start + timedelta(minutes=90),
            location="みどり本社 3階会議室",
            intention="花子さんが本当に実現したいことを聞き、一緒にできることを一つ決める",
            contact_ids=[hanako],
        ),
    )
    meeting.participations.append(
        Participation(name="田中一郎", email="ichiro.tanaka@midori.example")
    )
    session.flush()
    written: list[Path] = []
    i18n.activate(i18n.Choice("ja", "ja_JP"))
    try:
        card = build_prep_card(session, meeting.id, now=NOW)
        for size in (CardSize.A6, CardSize.A5):
            for number, image in enumerate(render_pages(card, size, DPI), start=1):
                suffix = "" if number == 1 else f"-page{number}"
                written.append(_save(image, out / f"ja-one-to-one-{size}{suffix}.png"))
        day = day_start(JA_DAY)
        cards = cards_for_range(session, day, day_start(JA_DAY + timedelta(days=1)), NOW)
        for number, image in enumerate(render_day_sheet(JA_DAY, cards, CardSize.A4, DPI), 1):
            suffix = "" if number == 1 else f"-page{number}"
            written.append(_save(image, out / f"ja-day-sheet{suffix}.png"))
    finally:
        i18n.activate(i18n.Choice("en", "en_GB"))
    return written


def _save(image: object, path: Path) -> Path:
    from PySide6.QtGui import QImage

    assert isinstance(image, QImage)
    if not image.save(str(path), "PNG"):
        raise RuntimeError(f"cannot write {path}")
    print(path)
    return path


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "cards"
    tmp = Path(tempfile.mkdtemp(prefix="ichigo-cards-"))
    try:
        _isolate()
        for old in out.glob("*.png"):
            old.unlink()  # a shape that no longer runs over leaves no stale page behind
        render(out, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
