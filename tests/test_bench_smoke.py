"""``make bench`` at a hundredth of its size, so the benchmark code cannot rot.

Only that it runs and reports every figure it measured is asserted; timings at this
size mean nothing and are never checked in tests. khal is left out: it would install
khal from the package index into a venv of its own.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.cli_helpers import python

FIGURES = (
    "import_ratio",
    "reimport_ratio",
    "search_p95_ms",
    "start_ratio",
    "content_s",
    "pdf20_s",
    "peak_mb",
    "cipher_ratio",
    "cli_big_s",
    "reflect_ms",
    "sync_first_ratio",
    "sync_noop_ms",
    "carddav_noop_ms",
)


def test_the_bench_runs_at_a_tiny_size(tmp_path: Path) -> None:
    results = tmp_path / "bench-results.json"
    env = dict(os.environ, ICHIGO_BENCH_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    env.pop("ICHIGO_PASSPHRASE", None)
    only = "import,search,start,pdf,peak,cipher,cli,reflect,sync"
    args = ["-m", "tests.bench", "--scale", "0.01", "--results", str(results), "--only", only]
    done = python(args, env, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(results.read_text())
    for key in FIGURES:
        assert isinstance(figures[key], float) and figures[key] > 0, (key, figures[key])
    assert figures["khal_ratio"] is None
    assert figures["cli_khal_ratio"] is None
    assert figures["machine"]["scale"] == 0.01
    # The table a user reads names each figure with its verdict.
    for key in FIGURES:
        assert key in done.stdout
