"""Possible duplicates: suggested with a reason, never merged, never asked twice."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput
from ichigoapp.services.contacts import ContactInput, add_contact, delete_contact
from ichigoapp.services.duplicates import find_duplicates, name_key, not_duplicates


def _add(session: Session, name: str, **fields: object) -> int:
    return add_contact(session, ContactInput(name=name, **fields)).id  # type: ignore[arg-type]


def _reasons(session: Session) -> dict[tuple[int, int], str]:
    return {s.ids: s.reason for s in find_duplicates(session)}


def test_a_name_in_any_order_case_or_accent_is_the_same_name() -> None:
    assert name_key("Sato Hanako") == name_key("hanako SATO") == name_key("Hanako Sató")
    assert name_key("Anna-Lena Müller") == name_key("MULLER anna lena")
    assert name_key("Hanako Sato") != name_key("Hanako Saito")


def _region(session: Session, country: str) -> None:
    from ichigoapp.model import Setting
    from ichigoapp.services.identity import PHONE_REGION_SETTING

    session.merge(Setting(key=PHONE_REGION_SETTING, value=country))
    session.flush()


def test_each_kind_of_likeness_is_suggested_with_its_reason(session: Session) -> None:
    _region(session, "JP")
    hanako = _add(session, "Hanako Sato", emails=["hanako@kinoshita.example"])
    namesake = _add(session, "SATO Hanako", emails=["hs@othercorp.example"])
    phone_a = _add(session, "Noel Winter", phones=["+1 212 555 0100"])
    phone_b = _add(session, "N. Winter-Smith", phones=["(212) 555-0100"])
    mail_a = _add(session, "Rahul Iyer", emails=["rahul@northwind.example"])
    mail_b = _add(session, "R. Iyer", emails=["rahul@northwind-analytics.example"])
    kofi_a = _add(session, "Kwame Mensah", company="Accra Solar Co-op")
    kofi_b = _add(session, "K. Mensah", company="accra solar co-op")
    _add(session, "Kwame Nkrumah", company="Elsewhere Ltd")
    _add(session, "Info Desk", emails=["info@kinoshita-design.example"])

    found = _reasons(session)
    assert found[(hanako, namesake)] == "same name"
    assert found[(mail_a, mail_b)] == "the address rahul@ at related domains"
    assert found[(kofi_a, kofi_b)] == "similar names at Accra Solar Co-op"
    # A shared mailbox (info@) proves nothing; "(212) 555-0100" is a New York number
    # only where numbers without a country code are American.
    assert len(found) == 3
    _region(session, "US")
    assert _reasons(session)[(phone_a, phone_b)] == "same phone number"
    assert find_duplicates(session)[0].score == 1.0  # the most certain first


def test_two_people_the_user_told_apart_are_never_suggested_again(session: Session) -> None:
    first = _add(session, "Min-jun Kim")
    second = _add(session, "Kim Min-jun")
    assert _reasons(session) == {(first, second): "same name"}
    not_duplicates(session, second, first)
    not_duplicates(session, first, second)  # saying it twice is harmless
    assert _reasons(session) == {}
    _add(session, "Kim Minjun")  # another spelling, without a company: not suggested
    assert _reasons(session) == {}
    with pytest.raises(BadInput, match="same person as itself"):
        not_duplicates(session, first, first)
    delete_contact(session, second)  # the remembered pair goes with the contact
    session.flush()
