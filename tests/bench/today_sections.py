"""Time each section of Today's plain read (services/today_read.py) on the big vault.

Run: ``.venv/bin/python -m tests.bench.today_sections [--rounds 3] [--vault PATH]``

For each section, and for the whole ``read_overview(limit=8)``: *cold* is the first
call on a fresh connection (SQLCipher's page cache empty, as when the app reads Today
at start), *warm* the best of five calls after it. Both as CPU time of the thread
(steadier than wall time on a shared machine) and wall time, in ms, median of the
rounds. Without ``--vault`` it uses the bench's big vault (generated on first use,
its key in the bench keychain); a copy of it needs that keychain named in the
environment: ``PYTHON_KEYRING_BACKEND=tests.keyrings.FileKeyring
ICHIGO_TEST_KEYRING=<the bench folder>/keyring.json``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ichigoapp.services import today_read
from ichigoapp.services.today_items import UPCOMING_LIMIT, local_today
from ichigoapp.store import keys
from ichigoapp.store.engine import connect_raw
from ichigoapp.store.meta import VaultMeta
from tests.bench import vaultgen

# The bench vault's "today" (its meetings are generated around it).
NOW = datetime(2026, 12, 3, 22, 0, tzinfo=UTC)

SECTIONS: dict[str, Callable[[Any], object]] = {
    "upcoming": lambda c: today_read.upcoming_meetings(c, NOW, limit=UPCOMING_LIMIT),
    "awaiting_reflection": lambda c: today_read.awaiting_reflection(c, NOW, limit=8),
    "promises_due": lambda c: today_read.promises_due(c, NOW, limit=8),
    "unsent_thanks": lambda c: today_read.unsent_thanks(c, limit=8),
    "keep_in_touch": lambda c: today_read.keep_in_touch(c, NOW, limit=8),
    "birthdays": lambda c: today_read.birthdays_soon(c, local_today(NOW)),
    "read_overview": lambda c: today_read.read_overview(c, NOW, 8),
}


def _timed(section: Callable[[Any], object], conn: Any) -> tuple[float, float]:
    cpu, wall = time.thread_time(), time.perf_counter()
    section(conn)
    return (time.thread_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000


def measure(path: Path, rounds: int) -> dict[str, dict[str, float]]:
    meta = VaultMeta.read(path)
    assert meta is not None, f"no vault at {path}"
    results: dict[str, dict[str, list[float]]] = {}
    for _ in range(rounds):
        for name, section in SECTIONS.items():
            secret = keys.keychain_secret_or_none(meta.keyring_entry)
            assert secret is not None, "the vault's key is not in the keychain"
            conn = connect_raw(path, secret)
            try:
                conn.execute("SELECT 1").fetchall()  # the key derivation, not timed
                cold = _timed(section, conn)
                warm = min(_timed(section, conn) for _ in range(5))
            finally:
                conn.close()
                secret.wipe()
            got = results.setdefault(name, {})
            for key, value in zip(
                ("cold_cpu", "cold_wall", "warm_cpu", "warm_wall"), (*cold, *warm), strict=True
            ):
                got.setdefault(key, []).append(value)
    return {
        name: {key: round(statistics.median(values), 1) for key, values in got.items()}
        for name, got in results.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--vault", type=Path, help="a vault whose key is in the keychain")
    args = parser.parse_args(argv)
    path = args.vault or vaultgen.big_vault(print).path
    print(f"{'section':<20}{'cold cpu':>10}{'wall':>8}{'warm cpu':>10}{'wall':>8}   (ms)")
    for name, got in measure(path, args.rounds).items():
        print(
            f"{name:<20}{got['cold_cpu']:>10}{got['cold_wall']:>8}"
            f"{got['warm_cpu']:>10}{got['warm_wall']:>8}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
