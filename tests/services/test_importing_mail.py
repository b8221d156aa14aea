"""Invitations from e-mail: messages, mailboxes, replies; each imports exactly the
meetings it carries, with the right times, people and answers."""

from __future__ import annotations

import mailbox
import time
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import select

from ichigoapp.model import Encounter
from ichigoapp.services.importing import ImportReport, import_calendar
from ichigoapp.services.prep_card import build_prep_card
from ichigoapp.store import Vault
from tests.importers import mail_samples as samples

WINDOW = (date(2026, 1, 1), date(2027, 12, 31))


def run(vault: Vault, *paths: Path) -> ImportReport:
    return import_calendar(vault.transaction, list(paths), window=WINDOW)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def meetings(vault: Vault) -> dict[str, tuple[str, str, list[tuple[str, str, str]]]]:
    with vault.session() as session:
        return {
            e.title: (
                f"{e.start:%Y-%m-%d %H:%M}",
                e.status,
                sorted((p.name, p.email, p.reply_status) for p in e.participations),
            )
            for e in session.scalars(select(Encounter))
        }


def test_an_outlook_message_quoted_printable_imports_right(vault: Vault, tmp_path: Path) -> None:
    report = run(vault, write(tmp_path, "invite.eml", samples.outlook_invite()))
    assert (report.created, report.messages, report.invites, report.files_failed) == (1, 1, 1, 0)
    [(title, (start, status, people))] = meetings(vault).items()
    assert title == "Partnership kick-off"
    assert start == "2026-12-10 01:00"  # 10:00 Tokyo Standard Time, in UTC
    assert status == "planned"
    names = [(name, email) for name, email, _ in people]
    assert ("Hanako Sato", "hanako.sato@kyoto-tea.example.jp") in names
    assert ("Kofi Mensah", "kofi@example.com") in names
    assert all("3D" not in name and "=" not in email for name, email in names)
    assert "conf-room-4b@example.org" not in [email for _, email in names]  # a room, not a person
    with vault.session() as session:
        encounter = session.scalars(select(Encounter)).one()
        assert "a=1, b=2 — see https://example.org/agenda?id=3&x=4" in encounter.description


def test_google_alternative_and_attachment_are_one_meeting(vault: Vault, tmp_path: Path) -> None:
    report = run(vault, write(tmp_path, "google.eml", samples.google_invite()))
    assert (report.created, report.messages, report.invites) == (1, 1, 1)
    assert list(meetings(vault)) == ["Coffee with Kofi"]


def test_a_forwarded_message_is_read_inside(vault: Vault, tmp_path: Path) -> None:
    run(vault, write(tmp_path, "fwd.eml", samples.apple_forward()))
    assert list(meetings(vault)) == ["Tea tasting"]


def test_a_cancellation_by_mail_cancels(vault: Vault, tmp_path: Path) -> None:
    run(vault, write(tmp_path, "invite.eml", samples.google_invite()))
    report = run(vault, write(tmp_path, "cancel.eml", samples.cancellation()))
    assert report.cancelled == 1
    assert meetings(vault)["Coffee with Kofi"][1] == "cancelled"


def test_a_reply_changes_that_persons_answer_only_and_the_card_lists_them_apart(
    vault: Vault, tmp_path: Path
) -> None:
    run(vault, write(tmp_path, "invite.eml", samples.outlook_invite()))
    before = meetings(vault)["Partnership kick-off"]
    report = run(vault, write(tmp_path, "reply.eml", samples.declined_reply()))
    assert (report.updated, report.created) == (1, 0)
    start, status, people = meetings(vault)["Partnership kick-off"]
    assert (start, status) == before[:2]
    assert ("Kofi Mensah", "kofi@example.com", "DECLINED") in people
    assert len(people) == len(before[2])  # nobody dropped: a reply is not the invite
    with vault.session() as session:
        encounter = session.scalars(select(Encounter)).one()
        card = build_prep_card(session, encounter.id, datetime(2026, 12, 1, tzinfo=UTC))
    assert card.declined == ["Kofi Mensah"]
    assert "Kofi Mensah" not in [a.name for a in card.attendees]

    # The same reply again changes nothing; a reply to a meeting not here is a meeting.
    assert run(vault, tmp_path / "reply.eml").unchanged == 1
    other = run(vault, write(tmp_path, "r2.eml", samples.declined_reply("unknown@x")))
    assert (other.created, other.errors) == (1, [])


def test_a_message_without_an_invitation_says_so_and_changes_nothing(
    vault: Vault, tmp_path: Path
) -> None:
    report = run(vault, write(tmp_path, "note.eml", samples.plain_note()))
    assert report.files_failed == 1
    assert report.failures == ["no invitation found in note.eml"]
    assert meetings(vault) == {}


def test_japanese_encodings_are_read(vault: Vault, tmp_path: Path) -> None:
    run(vault, write(tmp_path, "ocha.eml", samples.japanese_invite()))
    [(title, (_start, _status, people))] = meetings(vault).items()
    assert title == "お茶会"
    assert ("佐藤花子", "hanako.sato@kyoto-tea.example.jp", "") in people


def test_files_are_told_apart_by_content_not_name(vault: Vault, tmp_path: Path) -> None:
    named_ics = write(tmp_path, "really-a-message.ics", samples.google_invite())
    assert run(vault, named_ics).created == 1
    text = write(tmp_path, "notes.ics", b"Dear Ada,\nthis is a letter.\n")
    outlook = write(tmp_path, "invite.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    folder = tmp_path / "folder"
    folder.mkdir()
    report = run(vault, text, outlook, folder)
    assert report.failures == [
        "notes.ics is not a calendar, an e-mail message or a mailbox",
        "invite.msg is an Outlook .msg file, which Ichigo cannot read: save the invitation "
        "as .ics or forward it as e-mail",
        "folder is a folder that is not a mail folder (Maildir)",
    ]


def _mailbox_messages() -> list[bytes]:
    """200 messages, 20 with invitations: ten meetings, each invited, then updated or
    cancelled; the file has them out of order (an update before its invite)."""
    out: list[tuple[int, bytes]] = []
    base = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    for n in range(10):
        uid = f"m{n}@google.example"
        sent = base + timedelta(days=n)
        first = samples.google_invite(uid, 0, f"202612{10 + n}T090000Z", sent, f"Meeting {n}")
        if n % 3 == 0:
            then = samples.cancellation(uid, sent + timedelta(hours=5))
        else:
            then = samples.google_invite(
                uid, 1, f"202612{10 + n}T140000Z", sent + timedelta(hours=5), f"Meeting {n}"
            )
        out += [(3 * n + 1, then), (3 * n + 2, first)]  # the later message first
    for k in range(180):
        out.append((k * 7 % 200, samples.plain_note(k, base + timedelta(hours=k))))
    return [data for _pos, data in sorted(out, key=lambda item: item[0])]


def _expected(vault: Vault) -> None:
    found = meetings(vault)
    assert len(found) == 10
    for n in range(10):
        start, status, _people = found[f"Meeting {n}"]
        if n % 3 == 0:
            assert status == "cancelled"
        else:
            assert (start, status) == (f"2026-12-{10 + n} 14:00", "planned")


def test_an_mbox_imports_its_invites_in_date_order_and_a_rescan_changes_nothing(
    vault: Vault, tmp_path: Path
) -> None:
    path = tmp_path / "Inbox"
    box = mailbox.mbox(path)
    for data in _mailbox_messages():
        box.add(data)
    box.close()
    report = run(vault, path)
    assert (report.messages, report.invites, report.files_failed) == (200, 20, 0)
    _expected(vault)
    again = run(vault, path)
    assert (again.created, again.updated, again.cancelled) == (0, 0, 0)
    _expected(vault)


def test_a_maildir_imports_the_same(vault: Vault, tmp_path: Path) -> None:
    box = mailbox.Maildir(tmp_path / "Mail")
    for data in _mailbox_messages():
        box.add(data)
    box.close()
    report = run(vault, tmp_path / "Mail")
    assert report.messages == 200
    _expected(vault)


def _deep(levels: int) -> bytes:
    """Multiparts nested ``levels`` deep, written out by hand (the library's own writer
    recurses and could not make it)."""
    head = [b"From: x@example.org", b"Subject: Invitation", b"MIME-Version: 1.0"]
    lines = [*head]
    for n in range(levels):
        lines += [
            f'Content-Type: multipart/mixed; boundary="b{n}"'.encode(),
            b"",
            f"--b{n}".encode(),
        ]
    lines += [b"Content-Type: text/calendar", b"", b"BEGIN:VCALENDAR", b"END:VCALENDAR"]
    for n in reversed(range(levels)):
        lines += [f"--b{n}--".encode()]
    return b"\r\n".join(lines) + b"\r\n"


@pytest.mark.parametrize(
    ("shape", "refusal"),
    [
        ("huge", "hostile.eml is 67 MB; messages larger than 60 MB are not read"),
        ("deep", "hostile.eml "),
        ("many", "hostile.eml has more than 500 parts; not read"),
    ],
)
def test_hostile_messages_are_refused_in_bounded_time(
    vault: Vault, tmp_path: Path, shape: str, refusal: str
) -> None:
    msg = EmailMessage()
    msg["From"] = "x@example.org"
    msg["Subject"] = "Invitation"
    msg.set_content("hello")
    if shape == "huge":
        msg.add_attachment(b"\0" * (50 * 1024 * 1024), maintype="application",
                           subtype="octet-stream", filename="big.bin")  # fmt: skip
        msg.add_attachment(samples.calendar("REQUEST", "h@x", "Big", "20261210T100000Z").encode(),
                           maintype="text", subtype="calendar")  # fmt: skip
        data = bytes(msg)
    elif shape == "deep":
        data = _deep(5000)
    else:
        msg.make_mixed()
        for n in range(10_000):
            msg.add_attachment(f"part {n}".encode(), maintype="text",
                               subtype="plain", filename=f"p{n}.ics")  # fmt: skip
        data = bytes(msg)
    path = write(tmp_path, "hostile.eml", data)
    t0 = time.monotonic()
    report = run(vault, path)
    assert time.monotonic() - t0 < 60  # bounded, not a timing goal (those are in make bench)
    assert report.files_failed == 1 and meetings(vault) == {}
    assert report.failures[0].startswith(refusal)
