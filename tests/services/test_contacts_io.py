"""Contacts in and out through the service: no duplicates, changes on the timeline."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ichigoapp.errors import ImportFailed
from ichigoapp.importers.contacts import detect_and_parse
from ichigoapp.model import Contact
from ichigoapp.services import contacts, encounters, reflections
from ichigoapp.services.contacts_io import (
    ContactImportReport,
    export_vcard,
    import_contacts_file,
)
from ichigoapp.services.json_io import EXPORT_FORMAT, export_json
from ichigoapp.store import Vault

DATA = Path(__file__).resolve().parents[1] / "data" / "contacts"

LINKEDIN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"


def _linkedin(tmp_path: Path, rows: list[str], name: str = "Connections.csv") -> Path:
    path = tmp_path / name
    preamble = 'Notes:\r\n"Some emails may be missing."\r\n\r\n'
    path.write_text(preamble + LINKEDIN_HEADER + "".join(r + "\r\n" for r in rows), "utf-8")
    return path


def _import_card(vault: Vault, path: Path, text: str) -> ContactImportReport:
    path.write_text(text, encoding="utf-8")
    return import_contacts_file(vault.transaction, path)


def _count(vault: Vault) -> int:
    with vault.session() as s:
        return int(s.scalar(select(func.count()).select_from(Contact)) or 0)


def test_linkedin_import_then_reimport_makes_no_duplicates(vault: Vault) -> None:
    first = import_contacts_file(vault.transaction, DATA / "linkedin_connections.csv")
    assert first.source_kind == "linkedin"
    assert first.created >= 4 and first.updated == 0
    people = _count(vault)
    again = import_contacts_file(vault.transaction, DATA / "linkedin_connections.csv")
    assert (again.created, again.updated) == (0, 0)
    assert again.unchanged == first.created
    assert _count(vault) == people
    with vault.session() as s:
        taro = s.scalars(select(Contact).where(Contact.display_name == "山田 太郎")).one()
        assert [e.email for e in taro.emails] == ["taro.yamada@example.jp"]
        assert taro.company == "株式会社サンプル"
        assert taro.how_we_met == "Connected on LinkedIn" and taro.met_on is not None


def test_a_later_export_with_a_new_job_updates_and_records_the_move(
    vault: Vault, tmp_path: Path
) -> None:
    row = "Lena,Fischer,https://www.linkedin.com/in/lenafischer,,{company},{title},03 May 2021"
    old = _linkedin(tmp_path, [row.format(company="Fjordline", title="Engineer")], "old.csv")
    new = _linkedin(tmp_path, [row.format(company="Acme Robotics", title="CTO")], "new.csv")
    import_contacts_file(vault.transaction, old)
    report = import_contacts_file(vault.transaction, new)
    assert (report.created, report.updated) == (0, 1)
    with vault.session() as s:
        [lena] = s.scalars(select(Contact)).all()
        assert (lena.company, lena.title) == ("Acme Robotics", "CTO")
        assert [c.summary for c in lena.changes] == ["moved to Acme Robotics as CTO"]
        detail = contacts.contact_detail(s, lena.id)
    assert detail["changes"][0]["summary"] == "moved to Acme Robotics as CTO"


def test_matching_needs_an_address_a_profile_or_a_phone_never_a_name(
    vault: Vault, tmp_path: Path
) -> None:
    with vault.transaction() as s:
        by_email = contacts.add_contact(
            s, contacts.ContactInput(name="Dr. Amara O.", emails=["amara@lif.ng"])
        ).id
        by_url = contacts.add_contact(
            s,
            contacts.ContactInput(
                name="K. Mensah", links=["https://www.linkedin.com/in/KwameMensah/"]
            ),
        ).id
        same_name = contacts.add_contact(s, contacts.ContactInput(name="Ingrid Solberg")).id
    path = _linkedin(
        tmp_path,
        [
            "Amara,Okafor,https://www.linkedin.com/in/amara,Amara@LIF.ng,Lagos Fund,MD,1 Jan 2020",
            "Kwame,Mensah,linkedin.com/in/kwamemensah?trk=x,,Accra Solar,Founder,2 Feb 2021",
            "ingrid,solberg,https://www.linkedin.com/in/isol,,Fjordline,COO,3 Mar 2022",
        ],
    )
    report = import_contacts_file(vault.transaction, path)
    # The Ingrid of the file shares only a name with the one in the vault: a new person.
    assert (report.created, report.updated) == (1, 2)
    with vault.session() as s:
        assert s.get(Contact, by_email).company == "Lagos Fund"  # type: ignore[union-attr]
        assert s.get(Contact, by_url).company == "Accra Solar"  # type: ignore[union-attr]
        assert s.get(Contact, same_name).title == ""  # type: ignore[union-attr]


def test_a_namesake_is_someone_else_and_the_same_address_is_the_same_person(
    vault: Vault, tmp_path: Path
) -> None:
    """Issue 15's case: another Hanako Sato, at another address, leaves ours untouched;
    the same address under another name is ours."""
    with vault.transaction() as s:
        ours = contacts.add_contact(
            s,
            contacts.ContactInput(
                name="Hanako Sato",
                emails=["hanako@kinoshita.example"],
                company="Kinoshita Design",
                title="Creative Director",
            ),
        ).id
    report = _import_card(
        vault,
        tmp_path / "other.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hanako Sato\r\n"
        "EMAIL:hanako.sato@othercorp.example\r\nORG:Other Corp\r\nTITLE:Accountant\r\n"
        "END:VCARD\r\n",
    )
    assert (report.created, report.updated) == (1, 0)
    with vault.session() as s:
        hanako = contacts.contact_detail(s, ours)
        assert hanako["emails"] == ["hanako@kinoshita.example"]
        assert (hanako["company"], hanako["title"]) == ("Kinoshita Design", "Creative Director")
        assert hanako["changes"] == []
        assert len(contacts.list_contacts(s)) == 2

    report = _import_card(
        vault,
        tmp_path / "renamed.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:H. Sato-Kinoshita\r\n"
        "EMAIL:Hanako@Kinoshita.example\r\nTEL:+81 90 1234 5678\r\nEND:VCARD\r\n",
    )
    assert (report.created, report.updated) == (0, 1)
    with vault.session() as s:
        assert contacts.contact_detail(s, ours)["phones"] == ["+81 90 1234 5678"]


def test_the_same_phone_however_written_is_the_same_person(vault: Vault, tmp_path: Path) -> None:
    from ichigoapp.services.identity import set_phone_region

    with vault.transaction() as s:
        set_phone_region(s, "jp")
        noel = contacts.add_contact(
            s, contacts.ContactInput(name="Noel Winter", phones=["090-1234-5678"])
        ).id
    report = _import_card(
        vault,
        tmp_path / "noel.vcf",
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:N. Winter\r\nTEL;VALUE=uri:tel:+81-90-1234-5678\r\n"
        "ORG:North Pole Logistics\r\nEND:VCARD\r\n",
    )
    assert (report.created, report.updated) == (0, 1)
    with vault.session() as s:
        assert contacts.contact_detail(s, noel)["company"] == "North Pole Logistics"


def test_vcard_round_trip_through_the_vault(vault: Vault, tmp_path: Path) -> None:
    import_contacts_file(vault.transaction, DATA / "vcard4_multi.vcf")
    before = _count(vault)
    with vault.session() as s:
        text = export_vcard(s)
    parsed = detect_and_parse(text.encode(), "export.vcf")
    assert len(parsed.records) == before
    out = tmp_path / "export.vcf"
    out.write_text(text, encoding="utf-8")
    again = import_contacts_file(vault.transaction, out)
    assert (again.created, again.updated, again.unchanged) == (0, 0, before)


def test_a_bad_card_is_skipped_with_a_reason_and_the_rest_import(vault: Vault) -> None:
    report = import_contacts_file(vault.transaction, DATA / "one_bad_card.vcf")
    assert report.created >= 1
    assert report.skipped and all(s["reason"] for s in report.skipped)


def test_an_unreadable_file_changes_nothing(vault: Vault, tmp_path: Path) -> None:
    junk = tmp_path / "photo.csv"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(ImportFailed):
        import_contacts_file(vault.transaction, junk)
    assert _count(vault) == 0


def test_json_export_holds_everything_in_a_versioned_shape(vault: Vault) -> None:
    with vault.transaction() as s:
        hanako = contacts.add_contact(
            s,
            contacts.ContactInput(
                name="Hanako Sato", emails=["hanako@example.jp"], tags=["tea"], notes="n"
            ),
        ).id
        meeting = encounters.add_encounter(
            s,
            encounters.EncounterInput(
                title="Tea", start=datetime(2026, 1, 5, 9, tzinfo=UTC), contact_ids=[hanako]
            ),
        ).id
        reflections.reflect(s, meeting, reflections.ReflectionInput(learned="loves kintsugi"))
        reflections.add_promise(
            s,
            text="send the book",
            direction=reflections.PromiseDirection.MINE,
            encounter_id=meeting,
            contact_id=hanako,
        )
    with vault.session() as s:
        data = json.loads(json.dumps(export_json(s)))
    assert data["format"] == EXPORT_FORMAT and data["version"] == 2
    assert data["tags"] == ["tea"]
    [person] = data["contacts"]
    assert person["emails"] == ["hanako@example.jp"] and person["tags"] == ["tea"]
    [enc] = data["encounters"]
    assert enc["participants"][0]["contact_id"] == hanako
    assert datetime.fromisoformat(enc["start"]) == datetime(2026, 1, 5, 9, tzinfo=UTC)
    assert data["reflections"][0]["learned"] == "loves kintsugi"
    assert data["promises"][0]["text"] == "send the book"
