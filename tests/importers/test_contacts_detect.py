"""Choosing the importer by content, decoding, and hostile bytes."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ichigoapp.errors import ImportFailed
from ichigoapp.importers.contact_fields import decode_text
from ichigoapp.importers.contacts import detect_and_parse
from ichigoapp.importers.normalise import linkedin_profile_key

DATA = Path(__file__).resolve().parent.parent / "data" / "contacts"
FIXTURES = {p.name: p.read_bytes() for p in sorted(DATA.iterdir())}


@pytest.mark.parametrize(
    ("fixture", "kind"),
    [
        ("linkedin_connections.csv", "linkedin"),
        ("google_contacts_current.csv", "google"),
        ("google_contacts_legacy.csv", "google"),
        ("apple_grouped.vcf", "vcard"),
        ("vcard4_multi.vcf", "vcard"),
    ],
)
def test_kind_comes_from_content_not_the_name(fixture: str, kind: str) -> None:
    assert detect_and_parse(FIXTURES[fixture], "renamed.txt").source_kind == kind


def test_linkedin_without_preamble_or_bom() -> None:
    data = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    data += b"Kim,Lee,https://www.linkedin.com/in/kimlee,,,,1 Apr 2020\n"
    result = detect_and_parse(data)
    assert result.source_kind == "linkedin"
    assert result.records[0].display_name == "Kim Lee"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \r\n\r\n", "empty"),
        (b"\xef\xbb\xbf", "empty"),
        (b"Name,Age\nBob,4\n", "not a contacts file"),
        (b"\x00\x01\x02\xff\xfe", "not a contacts file"),
    ],
)
def test_unreadable_files_raise_import_failed(data: bytes, message: str) -> None:
    with pytest.raises(ImportFailed, match=message):
        detect_and_parse(data, "people.csv")


def test_vcf_name_without_cards_says_so() -> None:
    with pytest.raises(ImportFailed, match="no BEGIN:VCARD"):
        detect_and_parse(b"hello", "people.vcf")


def test_decoding_order() -> None:
    assert decode_text(codecs.BOM_UTF8 + "José".encode()) == "José"
    assert decode_text("José".encode()) == "José"
    assert decode_text("“Zoë” €".encode("cp1252")) == "“Zoë” €"
    assert decode_text(b"\x81\x8d\xe9") == "\x81\x8dé"  # not cp1252: latin-1
    assert decode_text("山田".encode("utf-16")) == "山田"


def test_linkedin_profile_key_for_matching() -> None:
    key = "linkedin.com/in/josealvarez"
    assert linkedin_profile_key("https://www.linkedin.com/in/JoseAlvarez/") == key
    assert linkedin_profile_key("linkedin.com/in/josealvarez?trk=abc") == key
    assert linkedin_profile_key("https://example.com/in/josealvarez") == ""


def _mutate(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    buffer = bytearray(data)
    for position, value in edits:
        if not buffer:
            break
        index = position % len(buffer)
        if value < 256:
            buffer[index] = value  # flip a byte
        elif value < 384:
            del buffer[index : index + (value - 256)]  # cut a stretch
        else:
            buffer[index:index] = buffer[index : index + (value - 384)]  # duplicate one
    return bytes(buffer)


@settings(
    max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    fixture=st.sampled_from(sorted(FIXTURES)),
    edits=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 500)), max_size=8),
    noise=st.binary(max_size=200),
    raw=st.booleans(),
)
def test_hostile_bytes_only_raise_import_failed(
    fixture: str, edits: list[tuple[int, int]], noise: bytes, raw: bool
) -> None:
    data = noise if raw else _mutate(FIXTURES[fixture], edits) + noise
    try:
        result = detect_and_parse(data, fixture)
    except ImportFailed as exc:
        assert exc.message and "\n" not in exc.message
        return
    for record in result.records:
        assert record.display_name
        assert all(address == address.lower() for address, _ in record.emails)
    for skipped in result.skipped:
        assert skipped.reason and "\n" not in skipped.reason


@settings(max_examples=100, deadline=None, database=None)
@given(body=st.lists(st.text(alphabet='ABCEFLMNOTX-;:=,."\\ \t\r\néü1', max_size=40), max_size=12))
def test_random_vcard_lines_only_raise_import_failed(body: list[str]) -> None:
    text = "BEGIN:VCARD\r\n" + "\r\n".join(body) + "\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Ok\r\n"
    try:
        result = detect_and_parse(text.encode("utf-8"))
    except ImportFailed:
        return
    assert result.records[-1].display_name == "Ok"
