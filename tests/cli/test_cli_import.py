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
