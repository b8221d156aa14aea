"""docs/SECURITY.md: what the user writes stays inside the encrypted vault.

A canary string goes in through every path a user has (the app's forms and the
command line: a contact's note, a private detail, a reflection, a promise, a
calendar link's token, a CalDAV password); afterwards no file Ichigo wrote outside
what the user asked to export (the vault, its WAL and SHM while open, backups,
settings, the temporary directory) holds it in clear, and no log line does.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest

from ichigoapp.services.encounters import EncounterInput, add_encounter
from ichigoapp.store import Vault
from ichigoapp.ui.main_window import MainWindow
from tests.cli_helpers import cli_env, run_cli
from tests.servers import FeedServer, Radicale, event, feed, start_radicale
from tests.ui.conftest import NOW

CANARY = "canary-7f3a9c51e2"


def _leaks(root: Path, needles: list[str], skip: tuple[Path, ...] = ()) -> list[str]:
    """Every file under ``root`` holding one of ``needles`` (UTF-8 or UTF-16)."""
    found = []
    for file in root.rglob("*"):
        if not file.is_file() or any(file.is_relative_to(s) for s in skip):
            continue
        data = file.read_bytes()
        for needle in needles:
            if needle.encode() in data or needle.encode("utf-16-le") in data:
                found.append(f"{file.relative_to(root)}: {needle}")
    return found


@pytest.fixture
def radicale(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A CalDAV server whose password is a canary (its own files are outside the scan)."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    server = start_radicale(tmp_path_factory.mktemp("dav"), password=f"{CANARY}-password")
    yield server
    server.stop()


def test_the_command_line_keeps_every_canary_inside_the_vault(
    tmp_path: Path, feed_server: FeedServer, radicale: Radicale
) -> None:
    env = cli_env(tmp_path / "home") | {"ICHIGO_DEBUG": "1"}  # every log line, to stderr
    vault = tmp_path / "v.ichigo"
    v = ["--vault", str(vault)]
    said: list[str] = []

    def ichigo(*args: str, stdin: str = "", extra: dict[str, str] | None = None) -> Any:
        done = run_cli(*v, *args, env=env | (extra or {}), stdin=stdin)
        assert done.code == 0, done.err
        said.append(done.out + done.err)
        return done

    ichigo("init")
    contact = ichigo("contacts", "add", "--name", "Ada", "--email", "ada@example.org",
                     "--note", f"note {CANARY}-note", "--json").json()["id"]  # fmt: skip
    ichigo("contacts", "edit", str(contact), "--detail", f"family={CANARY}-detail",
           "--private", "notes")  # fmt: skip
    meeting = ichigo("encounters", "add", "--title", "Coffee", "--start", "2026-05-04T09:00",
                     "--with", str(contact), "--json").json()["id"]  # fmt: skip
    ichigo("reflect", str(meeting), "--learned", f"{CANARY}-learned",
           "--gratitude", f"{CANARY}-gratitude")  # fmt: skip
    ichigo("promise", "add", "--encounter", str(meeting), "--contact", str(contact), "--mine",
           "--text", f"{CANARY}-promise")  # fmt: skip
    link_path = f"/ical/{CANARY}-token/basic.ics"
    feed_server.serve(link_path, feed(event("c@x", "20261210T100000Z", "Call")))
    ichigo("calendars", "add", "Work", "-", stdin=feed_server.url(link_path) + "\n")
    radicale.make_calendar("Team", "team")
    ichigo("calendars", "add", "Office", radicale.url, "--user", radicale.user,
           extra={"ICHIGO_DAV_PASSWORD": radicale.password})  # fmt: skip
    ichigo("sync")
    (tmp_path / "backups").mkdir()
    ichigo("backup", str(tmp_path / "backups" / "v.backup"))

    secrets = [f"{CANARY}-token", radicale.password]
    personal = [f"{CANARY}-{what}" for what in ("note", "detail", "learned", "promise")]
    # The output shows what was asked for (the note, say) but never a secret,
    # and the debug log holds neither.
    for text in said:
        assert not any(s in text for s in secrets)
    assert not [line for text in said for line in text.splitlines()
                if line.startswith(("DEBUG", "INFO", "WARNING")) and CANARY in line]  # fmt: skip
    assert _leaks(tmp_path, [*secrets, *personal]) == []
    # What the user asks to export is in clear, as the command says: the scan sees it.
    (tmp_path / "export").mkdir()
    ichigo("export", "--format", "json", str(tmp_path / "export" / "all.json"))
    assert _leaks(tmp_path / "export", [f"{CANARY}-note"]) == [f"all.json: {CANARY}-note"]
    assert _leaks(tmp_path / "export", secrets) == []  # never the link's token or password


def test_the_app_keeps_every_canary_inside_the_vault_while_open(
    vault: Vault,
    vault_path: Path,
    qtbot: Any,
    tmp_path: Path,
    qsettings_in_tmp: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    with vault.transaction() as s:
        coffee = add_encounter(s, EncounterInput(title="Coffee", start=NOW)).id
    window = MainWindow(vault, [], lambda: NOW)
    qtbot.addWidget(window)
    window.show()

    window.new_contact()
    form = window.contacts.form
    qtbot.keyClicks(form.name, "Ada Lovelace")
    form.notes.setPlainText(f"note {CANARY}-note")
    form.add_detail("family", f"{CANARY}-detail", True)
    window.save_current()
    editor = window.open_reflection_editor(coffee)
    editor.learned.setPlainText(f"{CANARY}-learned")
    editor.save()

    # While the app is open the write-ahead log holds the latest pages: encrypted too.
    assert any(p.name.endswith("-wal") for p in vault_path.parent.iterdir())
    needles = [f"{CANARY}-{what}" for what in ("note", "detail", "learned")]
    assert _leaks(tmp_path, needles) == []
    assert CANARY not in caplog.text
    window.close()
    assert _leaks(tmp_path, needles) == []
