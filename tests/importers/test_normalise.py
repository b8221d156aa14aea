"""One rule decides whether two addresses are the same person, for every way in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from ichigoapp.errors import BadInput
from ichigoapp.importers.contacts import detect_and_parse
from ichigoapp.importers.ics import parse_ics
from ichigoapp.importers.normalise import is_email_address, normalise_email
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
