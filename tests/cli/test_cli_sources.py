"""``ichigo calendars`` and ``ichigo sync``: the contract scripts rely on (README)."""

from __future__ import annotations

from pathlib import Path

from tests.cli_helpers import run_cli
from tests.servers import FeedServer, Radicale, Route, event, feed

TOKEN = "private-0d1e2f3a4b5c6d7e8f90"
INGRID = ("Ingrid Solberg", "ingrid@example.org")


def test_a_link_given_on_standard_input_is_followed_listed_redacted_and_synced(
    vault_file: Path, env: dict[str, str], feed_server: FeedServer, tmp_path: Path
) -> None:
    path = f"/ical/{TOKEN}/basic.ics"
    feed_server.serve(path, feed(event("c@x", "20261210T100000Z", "Coffee", attendees=(INGRID,))))
    link = feed_server.url(path)
    v = ["--vault", str(vault_file)]
    added = run_cli(*v, "calendars", "add", "Work", "-", "--every", "30", "--json", env=env,
                    stdin=link + "\n")  # fmt: skip
    assert added.code == 0, added.err
    shown = added.json()
    assert shown["name"] == "Work" and shown["kind"] == "ics"
    assert shown["url"] == f"http://127.0.0.1:{feed_server.port}/…/basic.ics"
    assert shown["every_minutes"] == 30 and shown["calendars"] == []
    assert shown["last_sync"] is not None and shown["last_error"] is None

    listed = run_cli(*v, "calendars", "list", "--json", env=env).json()
    assert listed == [shown | {"last_sync": listed[0]["last_sync"]}]
    meetings = run_cli(*v, "meetings", "--from", "2026-12-10", "--to", "2026-12-10", "--json",
                       env=env).json()  # fmt: skip
    assert [m["title"] for m in meetings] == ["Coffee"]

    synced = run_cli(*v, "sync", "--json", env=env)
    assert synced.code == 0
    [entry] = synced.json()["sources"]
    assert entry == {
        "id": shown["id"], "name": "Work", "kind": "ics", "ok": True, "not_modified": True,
        "created": 0, "updated": 0, "unchanged": 0, "cancelled": 0, "removed": 0,
        "new_people": 0, "errors": [], "error": None,
    }  # fmt: skip

    feed_server.routes[path] = Route(status=500)
    failed = run_cli(*v, "sync", "--json", env=env)
    assert failed.code == 1
    assert (
        failed.json()["sources"][0]["error"]
        == "'Work': 127.0.0.1 answered with an error (HTTP 500)"
    )
    text = run_cli(*v, "calendars", "list", env=env).out
    assert "last error: 'Work': 127.0.0.1 answered with an error (HTTP 500)" in text

    # The token is nowhere but inside the vault: not in output, not in any plain file.
    everything = added.out + added.err + synced.out + failed.out + text
    assert TOKEN not in everything
    for file in tmp_path.rglob("*"):
        if file.is_file() and file != vault_file:
            assert TOKEN.encode() not in file.read_bytes(), file

    removed = run_cli(*v, "calendars", "remove", str(shown["id"]), env=env)
    assert removed.code == 0
    assert removed.out.strip() == "Stopped following 'Work'; its meetings stay in the vault."
    assert run_cli(*v, "calendars", "list", "--json", env=env).json() == []


def test_a_caldav_account_takes_its_password_from_the_environment_only(
    vault_file: Path, env: dict[str, str], radicale: Radicale
) -> None:
    radicale.make_calendar("Work", "work").save_event(
        event("c@x", "20261210T100000Z", "Coffee", attendees=(INGRID,))
    )
    radicale.make_calendar("Family", "family")
    v = ["--vault", str(vault_file)]
    args = ["calendars", "add", "Office", radicale.url, "--user", radicale.user]
    no_password = run_cli(*v, *args, env=env)
    assert no_password.code == 2
    assert "ICHIGO_DAV_PASSWORD" in no_password.err

    wrong = run_cli(*v, *args, env=env | {"ICHIGO_DAV_PASSWORD": "nope"})
    assert wrong.code == 1
    assert wrong.err.strip() == "ichigo: the server refused the password for 'Office'"

    unknown = run_cli(*v, *args, "--calendar", "Holidays",
                      env=env | {"ICHIGO_DAV_PASSWORD": radicale.password})  # fmt: skip
    assert unknown.code == 2 and "no calendar called 'Holidays'" in unknown.err

    added = run_cli(*v, *args, "--calendar", "work", "--json",
                    env=env | {"ICHIGO_DAV_PASSWORD": radicale.password})  # fmt: skip
    assert added.code == 0, added.err
    assert added.json()["kind"] == "caldav" and added.json()["calendars"] == ["Work"]
    assert radicale.password not in added.out + added.err
    meetings = run_cli(*v, "meetings", "--from", "2026-12-10", "--to", "2026-12-10", "--json",
                       env=env).json()  # fmt: skip
    assert [(m["title"], m["attendees"][0]["email"]) for m in meetings] == [
        ("Coffee", "ingrid@example.org")
    ]

    twice = run_cli(*v, *args, env=env | {"ICHIGO_DAV_PASSWORD": radicale.password})
    assert twice.code == 2
    assert twice.err.strip() == "ichigo: there is already a calendar source called 'Office'"


def test_plain_http_beyond_this_computer_is_refused_before_anything_is_stored(
    vault_file: Path, env: dict[str, str]
) -> None:
    v = ["--vault", str(vault_file)]
    refused = run_cli(*v, "calendars", "add", "W", "http://calendar.example/x.ics", env=env)
    assert refused.code == 2
    assert "plain http://" in refused.err
    assert run_cli(*v, "calendars", "list", "--json", env=env).json() == []


def test_an_address_book_is_linked_listed_synced_and_unlinked(
    vault_file: Path, env: dict[str, str], radicale: Radicale
) -> None:
    book = radicale.make_address_book("Phone", "contacts")
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:u1\r\nFN:Ingrid Solberg\r\nN:Solberg;Ingrid;;;\r\n"
        "EMAIL;type=INTERNET:ingrid@fjord.example\r\nEND:VCARD\r\n"
    )
    radicale.put_card(book, "ingrid.vcf", card)
    v = ["--vault", str(vault_file)]
    with_password = env | {"ICHIGO_DAV_PASSWORD": radicale.password}
    added = run_cli(*v, "addressbooks", "add", "Phone", radicale.url, "--user", radicale.user,
                    "--json", env=with_password)  # fmt: skip
    assert added.code == 0, added.err
    shown = added.json()
    assert shown["url"] == radicale.url  # no path: nothing secret to hide
    assert set(shown) == {"id", "name", "url", "push", "last_sync", "last_error"}
    assert (shown["name"], shown["push"], shown["last_error"]) == ("Phone", "none", None)
    for push, said in (("sideways", "push must be all, none or tag:TAG, not 'sideways'"),
                       ("tag:Board", "no contact has the tag 'Board'")):  # fmt: skip
        pushing = run_cli(*v, "addressbooks", "add", "Mine", radicale.url, "--user",
                          radicale.user, "--push", push, env=with_password)  # fmt: skip
        assert (pushing.code, pushing.err.strip()) == (2, f"ichigo: {said}")
    assert [c["name"] for c in run_cli(*v, "contacts", "list", "--json", env=env).json()] == [
        "Ingrid Solberg"
    ]
    # An address book is not a calendar, and the other way round.
    assert run_cli(*v, "calendars", "list", "--json", env=env).json() == []
    assert run_cli(*v, "calendars", "remove", str(shown["id"]), env=env).code == 2

    radicale.delete_card(book, "ingrid.vcf")
    [entry] = run_cli(*v, "sync", "--json", env=env).json()["sources"]
    assert (entry["kind"], entry["ok"], entry["unlinked"], entry["pulled_created"]) == (
        "carddav", True, 1, 0,
    )  # fmt: skip
    removed = run_cli(*v, "addressbooks", "remove", str(shown["id"]), env=env)
    assert removed.out.strip() == "Unlinked 'Phone'; its contacts stay in the vault."
    assert [c["name"] for c in run_cli(*v, "contacts", "list", "--json", env=env).json()] == [
        "Ingrid Solberg"
    ]
