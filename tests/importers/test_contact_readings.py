"""Readings (yomigana) as phones and Google write them become the contact's reading."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from ichigoapp.importers.contacts import detect_and_parse
from ichigoapp.services.contacts_io import ContactImportReport, import_contact_records
from ichigoapp.services.lists import contact_rows

IPHONE = """BEGIN:VCARD\r
VERSION:3.0\r
N:佐藤;花子;;;\r
FN:佐藤 花子\r
X-PHONETIC-FIRST-NAME:ハナコ\r
X-PHONETIC-LAST-NAME:サトウ\r
END:VCARD\r
BEGIN:VCARD\r
VERSION:3.0\r
N:渡辺;健;;;\r
FN:渡辺 健\r
X-ICHIGO-PRONUNCIATION:わたなべ けん\r
X-PHONETIC-LAST-NAME:ワタナベ\r
END:VCARD\r
"""

GOOGLE = (
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,"
    "Phonetic Last Name,E-mail 1 - Label,E-mail 1 - Value\n"
    "一郎,,田中,イチロウ,,タナカ,* Work,ichiro@example.jp\n"
)
GOOGLE_LEGACY = (
    "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,"
    "Additional Name Yomi,Family Name Yomi,E-mail 1 - Type,E-mail 1 - Value\n"
    "鈴木 恵,恵,,鈴木,すずき めぐみ,,,,* Work,megumi@example.jp\n"
)


def test_a_phone_card_gives_its_reading_and_keeps_the_lines() -> None:
    hanako, ken = detect_and_parse(IPHONE.encode(), "contacts.vcf").records
    assert hanako.pronunciation == "サトウ ハナコ"
    assert any("PHONETIC" in key for key in hanako.extra)  # written back on export
    assert ken.pronunciation == "わたなべ けん"  # Ichigo's own property comes first


def test_google_csv_readings_in_both_layouts() -> None:
    (ichiro,) = detect_and_parse(GOOGLE.encode(), "contacts.csv").records
    assert ichiro.pronunciation == "タナカ イチロウ"
    (megumi,) = detect_and_parse(GOOGLE_LEGACY.encode(), "google.csv").records
    assert megumi.pronunciation == "すずき めぐみ"


def test_imported_japanese_names_show_family_first_and_sort_by_reading(
    session: Session,
) -> None:
    records = detect_and_parse(IPHONE.encode(), "contacts.vcf").records
    records += detect_and_parse(GOOGLE.encode(), "contacts.csv").records
    import_contact_records(session, records, ContactImportReport())
    rows = contact_rows(session, datetime(2026, 12, 3, tzinfo=UTC))
    # さとう, たなか, わたなべ; each name family first, as written in Japanese (Google
    # wrote 田中's as "一郎 田中").
    assert [r.name for r in rows] == ["佐藤花子", "田中一郎", "渡辺健"]
