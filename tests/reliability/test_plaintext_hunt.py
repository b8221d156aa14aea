"""After a full session of use, no note text exists in plain form anywhere we write:
the vault directory, the temporary directory, or the window settings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tests.cli_helpers import cli_env, run_cli

# Each marker is typed through a different door: an invite, a contact note, a reflection,
# a promise, an encounter note in the GUI.
INVITE = "MARKER-invite-4b1e lantern festival"
NOTE = "MARKER-note-77aa allergic to walnuts"
LEARNED = "MARKER-learned-19c3 sings in a choir"
PROMISE = "MARKER-promise-e2f0 the cedar seeds"
GUI_NOTE = "MARKER-gui-5d0c prefers window seats"
MARKERS = [INVITE, NOTE, LEARNED, PROMISE, GUI_NOTE]


def _invite(start: datetime) -> str:
    stamp = start.strftime("%Y%m%dT%H%M%SZ")
    end = (start + timedelta(hours=1)).strftime("%Y%m%dT%H%M%SZ")
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
        f"UID:hunt-1\r\nSUMMARY:{INVITE}\r\nDTSTART:{stamp}\r\nDTEND:{end}\r\n"
        f"DESCRIPTION:{INVITE}\r\nATTENDEE;CN=Mei Lin:mailto:mei@example.cn\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def _plaintext_hits(folder: Path) -> list[str]:
    hits = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            hits += [f"{path}: {m}" for m in MARKERS if m.encode() in data]
            # also UTF-16 (Qt writes some settings that way on other platforms)
            hits += [f"{path}: {m} (utf-16)" for m in MARKERS if m.encode("utf-16-le") in data]
    return hits


def test_no_plaintext_after_a_full_session(
    tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault_dir = tmp_path / "data"
    temp = tmp_path / "tmp"
    user_files = tmp_path / "documents"
    for folder in (vault_dir, temp, user_files):
        folder.mkdir()
    vault = vault_dir / "ichigo.vault"
    env = cli_env(tmp_path / "home")
    env["TMPDIR"] = str(temp)
    v = ["--vault", str(vault)]

    assert run_cli(*v, "init", env=env).code == 0
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
    invite = user_files / "invite.ics"
    invite.write_text(_invite(start), encoding="utf-8")
    assert run_cli(*v, "import", str(invite), env=env).code == 0
    cid = run_cli(
        *v,
        "contacts",
        "add",
        "--name",
        "Mei Lin",
        "--email",
        "mei@example.cn",
        "--note",
        NOTE,
        "--json",
        env=env,
    ).json()["id"]
    [meeting] = run_cli(*v, "meetings", "--json", env=env).json()
    assert run_cli(*v, "reflect", str(meeting["id"]), "--learned", LEARNED, env=env).code == 0
    assert (
        run_cli(
            *v,
            "promise",
            "add",
            "--encounter",
            str(meeting["id"]),
            "--contact",
            str(cid),
            "--mine",
            "--text",
            PROMISE,
            env=env,
        ).code
        == 0
    )
    pdf = user_files / "cards.pdf"
    prep = run_cli(*v, "prep", "--encounter", str(meeting["id"]), "--pdf", str(pdf), env=env)
    assert prep.code == 0, prep.err
    assert run_cli(*v, "backup", str(vault_dir / "manual-backup.vault"), env=env).code == 0

    # The GUI: write a note, visit every view, close (window settings are saved).
    settings_dir = tmp_path / "qsettings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    monkeypatch.setenv("ICHIGO_PASSPHRASE", "test passphrase")
    monkeypatch.setenv("TMPDIR", str(temp))
    from ichigoapp.services import encounters
    from ichigoapp.store import open_vault
    from ichigoapp.ui.main_window import MainWindow

    opened = open_vault(vault, passphrase="test passphrase")
    with opened.transaction() as s:
        enc = encounters.list_encounters(s)[0]
        enc.notes = GUI_NOTE
    window = MainWindow(opened, [])
    qtbot.addWidget(window)
    window.show()
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        QApplication.processEvents()  # the page paints what it loaded
    window.close()

    # The user asked for the PDF: it is theirs and may hold what they printed.
    assert pdf.exists()
    # The detector itself works: a plain copy of a note is found.
    (user_files / "control.txt").write_text(NOTE, encoding="utf-8")
    assert _plaintext_hits(user_files)
    hunted = [vault_dir, temp, settings_dir]
    assert settings_dir.exists() and any(settings_dir.rglob("*.ini"))
    for folder in hunted:
        assert _plaintext_hits(folder) == [], folder
