"""Which records are one person: evidence only, and the same answer in any order."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput
from ichigoapp.importers.contact_types import ContactRecord
from ichigoapp.model import Contact
from ichigoapp.services.contacts_io import ContactImportReport, import_contact_records
from ichigoapp.services.identity import phone_region, set_phone_region
from ichigoapp.store import Vault

NAMES = ["Hanako Sato", "Sato Hanako", "Kim Min-jun", "Anna Müller"]
EMAILS = ["a@one.example", "b@one.example", "c@two.example", "d@two.example"]
PHONES = ["+81 90 1234 5678", "+49 30 1234567", "+1 212 555 0100"]
MARK = "https://records.example/"


@st.composite
def record_sets(draw: st.DrawFn) -> list[ContactRecord]:
    """A handful of records; what they share is drawn from small pools, so that names
    repeat freely and addresses and numbers link some of them."""
    records = []
    for n in range(draw(st.integers(1, 7))):
        record = ContactRecord(display_name=draw(st.sampled_from(NAMES)))
        for email in draw(st.lists(st.sampled_from(EMAILS), max_size=2)):
            record.add_email(email)
        for phone in draw(st.lists(st.sampled_from(PHONES), max_size=1)):
            record.add_phone(phone)
        record.add_link(f"{MARK}{n}")  # marks the record; a plain link proves nothing
        records.append(record)
    return records


def _partition(session: Session) -> set[frozenset[int]]:
    """Which records each contact of the vault holds."""
    return {
        frozenset(int(link.url.removeprefix(MARK)) for link in contact.links)
        for contact in session.scalars(select(Contact))
    }


def _expected(records: list[ContactRecord]) -> set[frozenset[int]]:
    """One person per group of records linked by a shared address or number (and
    nothing else): computed here independently of the app's matcher."""
    groups = [{n} for n in range(len(records))]
    evidence = [
        {e for e, _ in r.emails} | {p.replace(" ", "") for p, _ in r.phones} for r in records
    ]
    merged = True
    while merged:
        merged = False
        for i, first in enumerate(groups):
            for second in groups[i + 1 :]:
                if any(evidence[a] & evidence[b] for a in first for b in second):
                    first |= second
                    groups.remove(second)
                    merged = True
                    break
            if merged:
                break
    return {frozenset(g) for g in groups}


@pytest.fixture
def scratch(vault: Vault) -> Iterator[Session]:
    """A session whose work is rolled back after each example."""
    with vault.session() as session:
        yield session


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(records=record_sets(), data=st.data())
def test_import_order_never_changes_who_is_one_person(
    scratch: Session, records: list[ContactRecord], data: st.DataObject
) -> None:
    expected = _expected(records)
    shuffled = data.draw(st.permutations(records))
    try:
        import_contact_records(scratch, records, ContactImportReport())
        assert _partition(scratch) == expected
        scratch.rollback()
        import_contact_records(scratch, shuffled, ContactImportReport())
        assert _partition(scratch) == expected
        scratch.rollback()
        # One card at a time, as from separate files: the same people.
        for record in shuffled:
            import_contact_records(scratch, [record], ContactImportReport())
        assert _partition(scratch) == expected
    finally:
        scratch.rollback()


def test_a_card_holding_two_contacts_addresses_makes_them_one(vault: Vault) -> None:
    """Proof that two contacts are one person: a card with the address of each."""
    first, second, both = (ContactRecord(display_name=n) for n in ("A. Okafor", "Amara", "Amara O"))
    first.add_email("amara@lif.example")
    second.add_email("amara@home.example")
    both.add_email("amara@lif.example")
    both.add_email("amara@home.example")
    with vault.transaction() as s:
        import_contact_records(s, [first, second], ContactImportReport())
    report = ContactImportReport()
    with vault.transaction() as s:
        import_contact_records(s, [both], report)
    assert report.merged == 1
    with vault.session() as s:
        [amara] = s.scalars(select(Contact)).all()
        assert {e.email for e in amara.emails} == {"amara@lif.example", "amara@home.example"}
        assert [c.summary for c in amara.changes] == ["merged with Amara"]


@pytest.mark.parametrize(
    ("environment", "region"),
    [
        ({"LANG": "ja_JP.UTF-8"}, "JP"),
        ({"LC_ALL": "de_DE.UTF-8", "LANG": "ja_JP.UTF-8"}, "DE"),
        ({"LANG": "C.UTF-8"}, None),  # names no country: no guess
        ({"LANG": "POSIX"}, None),
    ],
)
def test_numbers_without_a_country_code_are_read_in_the_users_country(
    session: Session,
    monkeypatch: pytest.MonkeyPatch,
    environment: dict[str, str],
    region: str | None,
) -> None:
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert phone_region(session) == region
    assert set_phone_region(session, " fr ") == "FR"
    assert phone_region(session) == "FR"  # the vault's word wins over the locale
    with pytest.raises(BadInput, match="not a country code"):
        set_phone_region(session, "Atlantis")
