"""Merging two contacts loses nothing: every field of both, every piece of history."""

from __future__ import annotations

import base64
import json
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput
from ichigoapp.model import Contact, Participation, Promise
from ichigoapp.services import contacts, encounters, reflections
from ichigoapp.services.contacts import ContactInput, contact_detail
from ichigoapp.services.duplicates import not_duplicates
from ichigoapp.services.json_io import export_json
from ichigoapp.services.merge_undo import merge_with_undo, undo_merge
from ichigoapp.services.merging import merge_contacts
from ichigoapp.services.search import search
from tests.services.full_contact import full_contact


def _everything(session: Session, contact_id: int) -> str:
    """All a contact holds, as one text to search."""
    contact = session.get(Contact, contact_id)
    assert contact is not None
    data = contact_detail(session, contact_id)
    return json.dumps([data, contact.extra], ensure_ascii=False, default=str)


def test_merging_two_full_contacts_loses_no_field(session: Session) -> None:
    introducer = contacts.add_contact(session, ContactInput(name="Introducer")).id
    keep, other = full_contact(session, 1, introducer), full_contact(session, 2, introducer)
    other_contact = session.get(Contact, other)
    assert other_contact is not None
    before = contact_detail(session, other)
    photo = other_contact.photo
    assert photo is not None
    skip = {"id", "created_at", "updated_at", "photo", "extra", "met_through_id"}
    columns = {
        c.name: getattr(other_contact, c.name)
        for c in Contact.__table__.columns
        if c.name not in skip and getattr(other_contact, c.name) not in (None, "", [], {})
    }

    merge_contacts(session, keep, other)
    session.flush()
    assert session.get(Contact, other) is None
    merged = contact_detail(session, keep)
    text = _everything(session, keep)
    for name, value in columns.items():
        values = value if isinstance(value, list) else [value]
        for v in values:
            shown = v.isoformat() if isinstance(v, date) else str(v)
            assert shown in text, f"{name}: {v!r} was lost"
    for key in ("emails", "phones", "links", "interests", "tags"):
        assert set(before[key]) <= set(merged[key]), key
    assert {(d["label"], d["value"]) for d in before["details"]} <= {
        (d["label"], d["value"]) for d in merged["details"]
    }
    # The kept contact's own values win; the other's are details, private where they were.
    assert merged["company"] == "Company 1" and merged["birthday"] == "1981-01-01"
    details = {d["label"]: d for d in merged["details"]}
    assert details["Company (was Person 2's)"]["value"] == "Company 2"
    assert details["Birthday (was Person 2's)"] == {
        "label": "Birthday (was Person 2's)",
        "value": "1982-02-02",
        "private": True,
    }
    assert details["Keep in touch every (was Person 2's)"]["value"] == "60 days"
    assert set(merged["private_fields"]) == {"location", "notes", "birthday"}
    assert merged["met_on"] == "2020-01-01" and merged["met_through"] == "Introducer"
    extra = session.get(Contact, keep).extra  # type: ignore[union-attr]
    assert extra["X-FIELD-2"] == "X-FIELD-2:2"
    assert extra["X-SHARED"] == "X-SHARED:1\nX-SHARED:2"
    assert base64.b64decode(extra["X-ICHIGO-MERGED-PHOTO"]) == photo


def _history(session: Session, keep: int, other: int) -> tuple[int, int, Contact]:
    """A meeting of both, one of the other alone with a reflection and a promise, and a
    friend the other introduced."""
    start = datetime(2026, 3, 2, 9, tzinfo=UTC)
    add = encounters.add_encounter
    both = add(
        session, encounters.EncounterInput(title="Both", start=start, contact_ids=[keep, other])
    ).id
    alone = add(
        session, encounters.EncounterInput(title="Alone", start=start, contact_ids=[other])
    ).id
    reflections.reflect(session, alone, reflections.ReflectionInput(learned="loves tea"))
    reflections.add_promise(
        session,
        text="send the article",
        direction=reflections.PromiseDirection.MINE,
        encounter_id=alone,
        contact_id=other,
    )
    introduced = contacts.add_contact(session, ContactInput(name="Friend", met_through_id=other))
    return both, alone, introduced


def test_merging_moves_every_piece_of_history(session: Session) -> None:
    keep = contacts.add_contact(session, ContactInput(name="Keep", emails=["k@x.org"])).id
    other = contacts.add_contact(session, ContactInput(name="Other", emails=["o@x.org"])).id
    both, alone, introduced = _history(session, keep, other)

    merge_contacts(session, keep, other)
    session.flush()
    parts = session.scalars(select(Participation).order_by(Participation.encounter_id)).all()
    assert [(p.encounter_id, p.contact_id) for p in parts] == [(both, keep), (alone, keep)]
    assert {p.contact_id for p in session.scalars(select(Promise))} == {keep}
    assert contact_detail(session, keep)["reflections"][0]["learned"] == "loves tea"
    assert introduced.met_through_id == keep


def test_a_contact_is_not_merged_with_itself(session: Session) -> None:
    keep = contacts.add_contact(session, ContactInput(name="Solo")).id
    with pytest.raises(BadInput, match="itself"):
        merge_contacts(session, keep, keep)


def _filled_pair(session: Session) -> tuple[int, int]:
    """Two full contacts who share a meeting, each with history of their own."""
    introducer = contacts.add_contact(session, ContactInput(name="Introducer")).id
    keep, other = full_contact(session, 1, introducer), full_contact(session, 2, introducer)
    _history(session, keep, other)
    not_duplicates(session, other, introducer)
    session.commit()
    session.expire_all()
    return keep, other


def _vault(session: Session) -> str:
    data = export_json(session)
    data.pop("exported_at")
    return json.dumps(data, ensure_ascii=False, default=str)


def test_undoing_a_merge_gives_back_the_vault_as_it_was(session: Session) -> None:
    keep, other = _filled_pair(session)
    before = _vault(session)

    record = merge_with_undo(session, keep, other)
    session.commit()
    assert session.get(Contact, other) is None and _vault(session) != before
    undo_merge(session, record)
    session.commit()
    assert _vault(session) == before
    # Found by what only the other had, in the search index as in the tables.
    assert [(h.kind, h.target_id) for h in search(session, "Notes of 2")] == [("contact", other)]


def test_a_merge_is_not_undone_over_a_later_edit(session: Session) -> None:
    keep, other = _filled_pair(session)
    record = merge_with_undo(session, keep, other)
    session.commit()
    contacts.update_contact(
        session, keep, replace(contacts.contact_form(session, keep), title="Edited after")
    )
    session.commit()
    after_edit = _vault(session)
    with pytest.raises(BadInput, match="changed after the merge"):
        undo_merge(session, record)
    session.rollback()
    assert _vault(session) == after_edit
