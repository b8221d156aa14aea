"""Time a PDF of 20 prep cards, 4 attendees each with long histories (DESIGN 6: <= 1.5 s).

Run: .venv/bin/python tests/bench/bench_prep.py [--size a6] [--keep]
Builds a passphrase vault in a temporary folder (not timed), then times gathering the
cards from the vault and writing the PDF, separately and together.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtGui import QGuiApplication

from ichigoapp.printing.prep_cards import CardSize, write_pdf
from ichigoapp.services.prep_card import cards_for_range
from ichigoapp.store import KeyMode, Vault, create_vault
from tests.prep_data import MEETING_START, NOW, history, meeting, person

CARDS = 20
PEOPLE = 4
TARGET_S = 1.5


def build_meetings(vault: Vault) -> None:
    """CARDS meetings on one day, PEOPLE attendees each, every one with a long history."""
    with vault.transaction() as session:
        n = 0
        for c in range(CARDS):
            ids = []
            for _ in range(PEOPLE):
                cid = person(session, f"Bench Person {n:03d}", n)
                history(session, cid, n, meetings=6, long=True)
                ids.append(cid)
                n += 1
            start = MEETING_START.replace(hour=7) + timedelta(minutes=30 * c)
            meeting(session, f"Bench meeting {c}", ids, start=start, intention="listen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="a6", choices=[s.value for s in CardSize])
    parser.add_argument("--keep", action="store_true", help="keep the PDF and print its path")
    args = parser.parse_args()
    app = QGuiApplication.instance() or QGuiApplication([])
    assert app is not None

    with tempfile.TemporaryDirectory() as tmp:
        vault_path = Path(tmp) / "bench.vault"
        with create_vault(vault_path, mode=KeyMode.PASSPHRASE, passphrase="bench") as vault:
            build_meetings(vault)
            day = MEETING_START.replace(hour=0, minute=0)
            with vault.session() as session:
                t0 = time.perf_counter()
                cards = cards_for_range(session, day, day + timedelta(days=1), now=NOW)
                t1 = time.perf_counter()
            out = Path(tmp) / "bench.pdf"
            t2 = time.perf_counter()
            pages = write_pdf(cards, out, CardSize(args.size))
            t3 = time.perf_counter()
            if args.keep:
                kept = Path(tempfile.gettempdir()) / "ichigo-bench-prep.pdf"
                kept.write_bytes(out.read_bytes())
                print(f"pdf: {kept}")

    total = (t1 - t0) + (t3 - t2)
    print(f"cards: {len(cards)} x {PEOPLE} attendees, pages: {pages}, size: {args.size}")
    print(f"gather from vault: {t1 - t0:.3f} s")
    print(f"write PDF:         {t3 - t2:.3f} s")
    print(f"total:             {total:.3f} s (target <= {TARGET_S} s)")
    return 0 if total <= TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
