"""One rule decides whether two addresses are the same person, for every way in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from ichigoapp.errors import BadInput
from ichigoapp.importers.contacts import detect_and_parse
from ichigoapp.importers.ics import parse_ics
from ichigoapp.importers.normalise import is_email_address, looks_like_room, normalise_email
from ichigoapp.model import Participation
from ichigoapp.services import contacts
from ichigoapp.services.contacts_io import import_contacts_file
from ichigoapp.services.importing import import_calendar
from ichigoapp.store import Vault


@pytest.mark.parametrize(
    "raw",
    [
        "ana@example.com",
        "  Ana@Example.COM ",
        "MAILTO:ana@example.com",
        "<mailto:Ana@example.com>",
        "mailto:<ANA@EXAMPLE.COM>",
        "\tana@example.com\r\n",
    ],
)
def test_every_spelling_of_one_address_is_one_address(raw: str) -> None:
    assert normalise_email(raw) == "ana@example.com"
    assert is_email_address(normalise_email(raw))


@pytest.mark.parametrize("raw", ["", "not an address", "ana@", "@example.com", "a b@c.d", "a@b@c"])
def test_what_is_not_an_address(raw: str) -> None:
    assert not is_email_address(normalise_email(raw))


def _invite(attendee: str) -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\n"
        "UID:one@example\r\nDTSTAMP:20300101T000000Z\r\nDTSTART:20300415T090000Z\r\n"
        f"SUMMARY:Tea\r\nATTENDEE;CN=Ana:{attendee}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


def test_invites_cards_and_typed_addresses_agree(vault: Vault, tmp_path: Path) -> None:
    """An address typed by the user, read from a vCard and read from an invite, each
    spelled differently, all reach one contact."""
    card = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Lima\r\nEMAIL: <Ana@Example.com>\r\nEND:VCARD\r\n"
    [record] = detect_and_parse(card, "ana.vcf").records
    window = {"window_start": date(2030, 1, 1), "window_end": date(2031, 1, 1)}
    [event] = parse_ics(_invite("MAILTO:<ANA@example.COM>"), **window).events
    assert [e for e, _label in record.emails] == [event.attendees[0].email] == ["ana@example.com"]

    with vault.transaction() as s:
        typed = contacts.add_contact(
            s, contacts.ContactInput(name="Ana", emails=["ANA@example.com "])
        )
        typed_id = typed.id
    (tmp_path / "ana.vcf").write_bytes(card)
    report = import_contacts_file(vault.transaction, tmp_path / "ana.vcf")
    assert (report.created, report.updated + report.unchanged) == (0, 1)
    (tmp_path / "invite.ics").write_bytes(_invite("MAILTO:<ANA@example.COM>"))
    import_calendar(vault.transaction, [tmp_path / "invite.ics"])
    with vault.session() as s:
        [part] = s.scalars(select(Participation)).all()
        assert part.contact_id == typed_id


def test_a_typed_non_address_is_refused(vault: Vault) -> None:
    with pytest.raises(BadInput, match="is not an email address"), vault.transaction() as s:
        contacts.add_contact(s, contacts.ContactInput(name="X", emails=["ana@"]))


@pytest.mark.parametrize(
    ("email", "name", "room"),
    [
        ("conf-room-4b@example.org", "", True),
        ("c_18829@resource.calendar.google.com", "Tokyo-5F-Fuji (8)", True),
        ("sala.reuniones@example.es", "", True),
        ("", "Meeting Room 2", True),
        ("", "Salle de réunion Lumière", True),
        ("", "会議室A", True),
        ("hanako@example.jp", "Hanako Sato", False),
        ("maria@example.es", "Maria Sala", False),  # a surname, not a room
        ("roomie@example.com", "Tom Roomie", False),
        ("conrad@example.com", "Conrad Conference", False),
    ],
)
def test_rooms_are_told_from_people(email: str, name: str, room: bool) -> None:
    assert looks_like_room(email, name) is room


def test_a_room_booked_without_cutype_goes_to_the_location() -> None:
    from datetime import date

    from ichigoapp.importers.ics import parse_ics

    data = (
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:r@x\r\nDTSTART:20261210T100000Z\r\n"
        b"SUMMARY:Roadmap\r\nLOCATION:4th floor\r\n"
        b"ATTENDEE;CN=Conf Room 4B:mailto:conf-room-4b@example.org\r\n"
        b"ATTENDEE;CN=Ana Lima:mailto:ana@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    [event] = parse_ics(data, window_start=date(2026, 1, 1), window_end=date(2027, 1, 1)).events
    assert [a.email for a in event.attendees] == ["ana@example.org"]
    assert "Conf Room 4B" in event.location and "4th floor" in event.location
