"""Figures of ``make bench`` for the command line and for writing (the "instant at scale" issue):

* ``cli_big_s``: wall time of ``ichigo meetings --from D --to D+7 --json`` on the big
  vault, as installed (the ``ichigo`` script beside the interpreter, modules
  byte-compiled), median of 9 after one untimed warm-up call.
* ``cli_khal_ratio``: ``ichigo meetings`` for one week over the 1,000-event calendar,
  over ``khal list`` of the same week over the same events in khal's own database; both
  warmed once, then timed interleaved (run.py's khal bench calls :func:`cli_against_khal`).
* ``reflect_ms``: saving a reflection through the service on the big vault (the FTS
  update and the commit included), p95 over 200 encounters, on a copy of the big vault
  so the cached one stays as generated.
"""

from __future__ import annotations

import compileall
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tests.bench import vaultgen

CLI_RUNS = 9
# A Monday well inside the big vault's span (2017-2027): about 150 meetings that week.
BIG_WEEK = date(2026, 5, 4)
# A week of the 1,000-event calendar (2023-2025) with single and recurring events.
KHAL_WEEK = date(2024, 3, 4)
REFLECTIONS = 200


def ichigo_command() -> list[str]:
    """The command as installed: the ``ichigo`` script beside this interpreter (pip
    writes it on install), else ``python -m ichigoapp``."""
    script = Path(sys.executable).with_name("ichigo")
    if script.exists():
        return [sys.executable, str(script)]
    return [sys.executable, "-m", "ichigoapp"]


def byte_compile(repo: Path) -> None:
    """Installed, Ichigo's modules are byte-compiled (pip compiles on install)."""
    compileall.compile_dir(repo / "ichigoapp", quiet=1)


def week_args(first: date) -> list[str]:
    # --to is inclusive: seven days from ``first``.
    return ["--from", first.isoformat(), "--to", (first + timedelta(days=6)).isoformat()]


def run_timed(argv: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, check=False)
    took = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"{argv[-6:]} failed: {done.stderr.decode(errors='replace')[-800:]}")
    return took


def bench_cli_big(
    repo: Path, env: dict[str, str], vault: Path, log: Callable[[str], None]
) -> dict[str, Any]:
    byte_compile(repo)
    argv = [*ichigo_command(), "--vault", str(vault), "meetings", *week_args(BIG_WEEK), "--json"]
    out = subprocess.run(argv, env=env, capture_output=True, check=True)  # warm-up
    meetings = out.stdout.count(b'"uid":')
    times = [run_timed(argv, env) for _ in range(CLI_RUNS)]
    log(f"  cli: {', '.join(f'{t:.2f}' for t in times)} s ({meetings} meetings)")
    return {
        "cli_big_s": float(statistics.median(times)),
        "detail": {
            "runs": CLI_RUNS,
            "min_max_s": [round(min(times), 3), round(max(times), 3)],
            "meetings": meetings,
            "week": BIG_WEEK.isoformat(),
        },
    }


def cli_against_khal(
    khal: Path,
    khal_config: Path,
    khal_env: dict[str, str],
    ichigo_vault: Path,
    ichigo_env: dict[str, str],
    rounds: int,
) -> tuple[list[float], list[float]]:
    """Seconds of ``khal list`` and of ``ichigo meetings`` for :data:`KHAL_WEEK`, each
    warmed once (khal fills its database from the calendar folder on its first call),
    then timed ``rounds`` times, interleaved."""
    first = KHAL_WEEK.isoformat()
    khal_argv = [str(khal), "-c", str(khal_config), "list", first, "7d"]
    # Text, as khal prints it.
    ours_argv = [*ichigo_command(), "--vault", str(ichigo_vault), "meetings", *week_args(KHAL_WEEK)]
    run_timed(khal_argv, khal_env)
    run_timed(ours_argv, ichigo_env)
    khal_s, ours_s = [], []
    for _ in range(rounds):
        khal_s.append(run_timed(khal_argv, khal_env))
        ours_s.append(run_timed(ours_argv, ichigo_env))
    return khal_s, ours_s


def bench_reflect(
    big: vaultgen.BigVault,
    scratch: Callable[[str], AbstractContextManager[Path]],
    rounds: int,
    log: Callable[[str], None],
) -> dict[str, Any]:
    from ichigoapp.services.reflections import ReflectionInput, reflect
    from ichigoapp.store import open_vault

    n_encounters = vaultgen.scaled(vaultgen.N_ENCOUNTERS)
    p95s, medians = [], []
    with scratch("reflect") as folder:
        copy = folder / "big.vault"
        shutil.copyfile(big.path, copy)
        shutil.copyfile(
            big.path.with_name(big.path.name + ".meta.json"),
            copy.with_name(copy.name + ".meta.json"),
        )
        with open_vault(copy, write=True, verify=False) as vault:
            for n in range(rounds):
                rng = random.Random(n)
                # New reflections and edits of existing ones (the generator wrote 20% of
                # the encounters a reflection), as a user saves them one at a time.
                ids = rng.sample(range(1, n_encounters + 1), min(REFLECTIONS, n_encounters))
                times = []
                for k, encounter_id in enumerate(ids):
                    data = ReflectionInput(
                        learned=f"their daughter's recital went well ({k})",
                        went_well="we walked instead of sitting in the office",
                        next_time="ask about the sabbatical plans",
                        gratitude="the introduction to the pricing team",
                    )
                    t0 = time.perf_counter()
                    with vault.transaction() as session:
                        reflect(session, encounter_id, data)
                    times.append(time.perf_counter() - t0)
                p95s.append(p95(times) * 1000)
                medians.append(statistics.median(times) * 1000)
                log(f"  reflect round {n + 1}: p95 {p95s[-1]:.1f} ms, median {medians[-1]:.1f} ms")
    return {
        "reflect_ms": float(statistics.median(p95s)),
        "detail": {
            "saves_per_round": REFLECTIONS,
            "median_ms": round(statistics.median(medians), 2),
        },
    }


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
