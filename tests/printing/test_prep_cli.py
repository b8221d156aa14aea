"""`ichigo prep` through a real subprocess, as a user runs it the evening before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ichigoapp.model import EncounterStatus
from ichigoapp.services import encounters as encounter_svc
from ichigoapp.store import KeyMode, create_vault
from tests.cli_helpers import cli_env, python, run_cli
from tests.pdf import pdf_pages, pdf_text
from tests.prep_data import MEETING_START, history, meeting, person

PASSPHRASE = "test passphrase"


@pytest.fixture(scope="module")
def cli_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """A passphrase vault with two meetings on 4 May and a cancelled one."""
    path = tmp_path_factory.mktemp("prepcli") / "cli.vault"
    ids: dict[str, int] = {}
    vault = create_vault(path, mode=KeyMode.PASSPHRASE, passphrase=PASSPHRASE)
    with vault, vault.transaction() as session:
        hanako = person(session, "Hanako Sato", 1)
        history(session, hanako, 1, meetings=2, long=False)
        ids["morning"] = meeting(session, "Morning coffee", [hanako]).id
        ids["lunch"] = meeting(session, "Lunch", [hanako], start=MEETING_START.replace(hour=11)).id
        gone = meeting(session, "Gone", [hanako], start=MEETING_START.replace(hour=14))
        encounter_svc.set_status(session, gone.id, EncounterStatus.CANCELLED)
        ids["cancelled"] = gone.id
    return path, ids


def test_prep_a_day_writes_a_readable_pdf(
    cli_vault: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    path, _ = cli_vault
    out = tmp_path / "day.pdf"
    env = cli_env(tmp_path / "home", passphrase=PASSPHRASE)

    args = ["--json", "prep", "--date", "2026-05-04", "--pdf", str(out), "--size", "a5"]
    result = run_cli("--vault", str(path), *args, env=env)

    assert result.code == 0, result.err
    assert result.json() == {"pdf": str(out), "cards": 2, "pages": 2}
    assert pdf_pages(out) == 2
    text = pdf_text(out)
    assert text.index("Morning coffee") < text.index("Lunch")
    assert "Hanako Sato" in text and "treat this as the only one" in text
    assert "Gone" not in text


def test_prep_a_day_on_one_sheet(cli_vault: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    path, _ = cli_vault
    out = tmp_path / "sheet.pdf"
    env = cli_env(tmp_path / "home", passphrase=PASSPHRASE)

    args = ["prep", "--date", "2026-05-04", "--sheet", "--pdf", str(out)]
    result = run_cli("--vault", str(path), *args, env=env)

    assert result.code == 0, result.err
    assert "day sheet of May 4, 2026 (2 meetings)" in result.out
    assert pdf_pages(out) == 1
    text = pdf_text(out)
    assert text.index("Morning coffee") < text.index("Lunch") and "Gone" not in text
    assert "Hanako Sato · Next time" in text
    assert "treat this as the only one" not in text  # a sheet, not two cards


def test_prep_one_encounter(cli_vault: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    path, ids = cli_vault
    out = tmp_path / "one.pdf"
    env = cli_env(tmp_path / "home", passphrase=PASSPHRASE)
    args = ["prep", "--encounter", str(ids["lunch"]), "--pdf", str(out)]
    result = run_cli("--vault", str(path), *args, env=env)
    assert result.code == 0, result.err
    assert pdf_pages(out) == 1 and "Lunch" in pdf_text(out)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2026-05-09"], "no meetings"),
        (["--from", "2026-06-01", "--to", "2026-06-03"], "no meetings"),
        (["--encounter", "cancelled"], "cancelled"),
        (["--encounter", "99999"], "no encounter"),
        (["--date", "not-a-date"], "not a date"),
        (["--date", "2026-05-04", "--encounter", "1"], "exactly one"),
        (["--encounter", "1", "--sheet"], "--sheet prints one day"),
        (["--date", "2026-05-04", "--sheet", "--size", "a6"], "A4 or US Letter"),
    ],
)
def test_prep_refuses_with_one_clear_line(
    cli_vault: tuple[Path, dict[str, int]], tmp_path: Path, args: list[str], message: str
) -> None:
    path, ids = cli_vault
    args = [str(ids["cancelled"]) if a == "cancelled" else a for a in args]
    out = tmp_path / "none.pdf"
    env = cli_env(tmp_path / "home", passphrase=PASSPHRASE)

    result = run_cli("--vault", str(path), "prep", *args, "--pdf", str(out), env=env)

    assert result.code == 2
    assert message in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    assert not out.exists()


def test_prep_json_shape_is_stable(cli_vault: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    path, ids = cli_vault
    out = tmp_path / "j.pdf"
    env = cli_env(tmp_path / "home", passphrase=PASSPHRASE)
    result = run_cli(
        "--vault",
        str(path),
        "prep",
        "--encounter",
        str(ids["morning"]),
        "--pdf",
        str(out),
        "--json",
        "--size",
        "index",
        env=env,
    )
    assert result.code == 0, result.err
    assert set(json.loads(result.out)) == {"pdf", "cards", "pages"}


HEADLESS_PROBE = """
import sys
from ichigoapp.cli import main
code = main(sys.argv[1:])
widgets = sorted(m for m in sys.modules if m.startswith(("PySide6.QtWidgets", "PySide6.QtPrint")))
print("widget modules:", widgets)
sys.exit(code)
"""


def test_prep_runs_without_widget_code(
    cli_vault: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    """A headless `ichigo prep` (a cron job, a server) needs QtGui, not the widget stack."""
    path, ids = cli_vault
    out = tmp_path / "one.pdf"
    args = ["--vault", str(path), "prep", "--encounter", str(ids["lunch"]), "--pdf", str(out)]
    done = python(["-c", HEADLESS_PROBE, *args], cli_env(tmp_path / "home", PASSPHRASE))
    assert done.returncode == 0, done.stderr
    assert "widget modules: []" in done.stdout
    assert pdf_pages(out) == 1
