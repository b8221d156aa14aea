"""`ichigo import` and `ichigo meetings` through the real command (DESIGN section 7)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.cli_helpers import run_cli

ICS = Path(__file__).resolve().parents[1] / "data" / "ics"
REPORT_KEYS = {
    "files",
    "events_seen",
    "created",
    "updated",
    "unchanged",
    "cancelled",
    "new_people",
    "errors",
    # Added by the invites-from-e-mail issue: messages read and invitations found.
    "messages",
    "invites",
}


@pytest.fixture
def v(tmp_path: Path, env: dict[str, str]) -> list[str]:
    path = tmp_path / "v.ichigo"
    assert run_cli("--vault", str(path), "init", env=env).code == 0
    assert run_cli("--vault", str(path), "me", "--email", "ME@example.com", env=env).code == 0
    return ["--vault", str(path)]


def test_invite_update_and_cancellation_lifecycle(v: list[str], env: dict[str, str]) -> None:
    bob = run_cli(
        *v,
        "contacts",
        "add",
        "--name",
        "Bob Smith",
        "--email",
        "bob.smith@example.com",
        "--json",
        env=env,
    ).json()["id"]

    first = run_cli(*v, "import", str(ICS / "outlook_invite.ics"), "--json", env=env)
    assert first.code == 0, first.err
    report = first.json()
    assert set(report) == REPORT_KEYS
    assert (report["created"], report["updated"], report["cancelled"]) == (1, 0, 0)
    assert report["new_people"] == 2  # the organizer and Chiamaka; not me, not the room

    meetings = run_cli(
        *v, "meetings", "--from", "2024-09-01", "--to", "2024-09-30", "--json", env=env
    ).json()
    [meeting] = meetings
    assert meeting["title"] == "Q3 planning"
    # 10:00 Pacific Daylight Time is 17:00 UTC
    assert datetime.fromisoformat(meeting["start"]) == datetime(2024, 9, 17, 17, 0, tzinfo=UTC)
    assert meeting["join_url"].startswith("https://teams.microsoft.com/l/meetup-join/")
    people = {a["email"]: a for a in meeting["attendees"]}
    assert "me@example.com" not in people and "room-fuji@example.com" not in people
    assert people["bob.smith@example.com"]["contact_id"] == bob
    assert people["chiamaka.okafor@example.org"]["contact_id"] is None
    assert people["chiamaka.okafor@example.org"]["name"] == "Okafor, Chiamaka"

    again = run_cli(*v, "import", str(ICS / "outlook_invite.ics"), "--json", env=env).json()
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 1)

    run_cli(*v, "reflect", str(meeting["id"]), "--next-time", "ask Bob about Osaka", env=env)
    moved = run_cli(*v, "import", str(ICS / "outlook_invite_update.ics"), "--json", env=env)
    assert moved.json()["updated"] == 1
    cancel = run_cli(*v, "import", str(ICS / "outlook_invite_cancel.ics"), "--json", env=env)
    assert cancel.json()["cancelled"] == 1

    [after] = run_cli(
        *v, "meetings", "--from", "2024-09-01", "--to", "2024-09-30", "--json", env=env
    ).json()
    assert after["id"] == meeting["id"]
    assert after["status"] == "cancelled"
    assert datetime.fromisoformat(after["start"]) == datetime(2024, 9, 18, 17, 0, tzinfo=UTC)
    shown = run_cli(*v, "contacts", "show", str(bob), "--json", env=env).json()
    assert shown["reflections"][0]["next_time"] == "ask Bob about Osaka"


def test_recurring_series_window_from_the_command_line(v: list[str], env: dict[str, str]) -> None:
    narrow = run_cli(
        *v,
        "import",
        str(ICS / "google_weekly_series.ics"),
        "--from",
        "2000-01-01",
        "--to",
        "2000-02-01",
        "--json",
        env=env,
    )
    assert narrow.code == 0, narrow.err
    wide = run_cli(
        *v,
        "import",
        str(ICS / "google_weekly_series.ics"),
        "--from",
        "2020-01-01",
        "--to",
        "2030-01-01",
        "--json",
        env=env,
    ).json()
    assert wide["created"] > narrow.json()["created"]


def test_partly_broken_file_imports_the_rest_and_lists_the_problem(
    v: list[str], env: dict[str, str]
) -> None:
    result = run_cli(*v, "import", str(ICS / "partly_broken.ics"), "--json", env=env)
    assert result.code == 0, result.err
    report = result.json()
    assert report["created"] == 2
    [problem] = report["errors"]
    assert problem["file"].endswith("partly_broken.ics") and problem["message"]


def test_unreadable_file_exits_2_and_changes_nothing(
    v: list[str], env: dict[str, str], tmp_path: Path
) -> None:
    junk = tmp_path / "notes.ics"
    junk.write_text("Dear diary, today I met nobody.\n")
    result = run_cli(*v, "import", str(junk), env=env)
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    listed = run_cli(
        *v, "meetings", "--from", "1990-01-01", "--to", "2040-01-01", "--json", env=env
    ).json()
    assert listed == []


def test_an_eml_and_an_mbox_import_with_their_counts(
    v: list[str], env: dict[str, str], tmp_path: Path
) -> None:
    import mailbox

    from tests.importers import mail_samples

    eml = tmp_path / "invite.eml"
    eml.write_bytes(mail_samples.outlook_invite())
    done = run_cli(*v, "import", str(eml), "--json", env=env)
    assert done.code == 0, done.err
    report = done.json()
    assert (report["created"], report["messages"], report["invites"]) == (1, 1, 1)

    box = mailbox.mbox(tmp_path / "Inbox")
    for data in (mail_samples.plain_note(1), mail_samples.google_invite(),
                 mail_samples.plain_note(2), mail_samples.declined_reply()):  # fmt: skip
        box.add(data)
    box.close()
    text = run_cli(*v, "import", str(tmp_path / "Inbox"), env=env)
    assert text.code == 0, text.err
    assert text.out.startswith(
        "2 events in 1 file(s) (2 invitations in 4 messages): 1 new, 1 updated"
    )

    note = tmp_path / "note.eml"
    note.write_bytes(mail_samples.plain_note())
    refused = run_cli(*v, "import", str(note), env=env)
    assert refused.code == 2
    assert refused.err.strip() == "ichigo: no invitation found in note.eml"


def test_several_inputs_exit_2_when_one_failed_and_the_others_still_import(
    v: list[str], env: dict[str, str], tmp_path: Path
) -> None:
    good = tmp_path / "good.ics"
    good.write_text(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:g@x\r\nDTSTART:20261210T100000Z\r\n"
        "SUMMARY:Good\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    broken = tmp_path / "broken.ics"
    broken.write_bytes(b"\x00\x01 not a calendar at all")
    done = run_cli(*v, "import", str(good), str(broken), "--json", env=env)
    assert done.code == 2
    report = done.json()
    assert report["created"] == 1
    assert [(Path(e["file"]).name, e["uid"]) for e in report["errors"]] == [("broken.ics", None)]
    assert (
        done.err.strip() == "ichigo: broken.ics is not a calendar, an e-mail message or a mailbox"
    )


def test_a_file_after_the_global_options_opens_the_app(tmp_path: Path) -> None:
    from ichigoapp.cli import _files_open_the_app

    path = tmp_path / "invite.eml"
    path.write_bytes(b"From: a@example.org\r\n\r\n")
    invite = str(path)
    assert _files_open_the_app(["--vault", "v.vault", invite]) == [
        "--vault", "v.vault", "gui", invite,
    ]  # fmt: skip
    assert _files_open_the_app([invite]) == ["gui", invite]
    assert _files_open_the_app(["--json", "--vault=x", "meetings"]) == [
        "--json", "--vault=x", "meetings",
    ]  # fmt: skip
    assert _files_open_the_app(["--vault", "v.vault"]) == ["--vault", "v.vault", "gui"]
