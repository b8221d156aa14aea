"""Everything in a vault as JSON, and back (``ichigo export --format json``, ``import-json``).

The shape is documented and versioned::

    {"format": "ichigo-export", "version": 2, "exported_at", "app_version",
     "me": {"emails", "names"}, "settings", "tags",
     "contacts": [contacts show --json, without its history lists, plus
                  "labels", "photo" (base64), "extra", "changes"],
     "not_duplicates": [[a, b]],
     "encounters": [... "participants", "reschedules"],
     "reflections", "promises"}

Times are ISO 8601 with offset; ids are the vault's. Reading an export back needs an
empty vault and gives every contact, encounter, participation, reflection, promise
and detail back with its id, so that exporting again gives the same file.
"""

from __future__ import annotations

import base64
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, selectinload

from ichigoapp import __version__
from ichigoapp.errors import BadInput
from ichigoapp.i18n import _
from ichigoapp.importers.birthday import parse_birthday
from ichigoapp.model import (
    Contact,
    ContactChange,
    ContactEmail,
    ContactLink,
    ContactPhone,
    Encounter,
    MeIdentity,
    NotDuplicate,
    Participation,
    PersonalDetail,
    Promise,
    Reflection,
    Reschedule,
    Setting,
    Tag,
)
from ichigoapp.services.common import iso
from ichigoapp.services.contacts import contact_summary, promise_dict, reflection_dict

EXPORT_FORMAT = "ichigo-export"
EXPORT_VERSION = 2


def _stamp(value: datetime | None) -> str | None:
    # Exact (microseconds, UTC) so that a round trip gives the same file.
    return value.astimezone(UTC).isoformat() if value is not None else None


def export_json(session: Session, now: datetime | None = None) -> dict[str, Any]:
    """Everything in the vault (the module's docstring gives the shape)."""
    contacts = session.scalars(select(Contact).order_by(Contact.id)).all()
    encounters = session.scalars(
        select(Encounter)
        .options(selectinload(Encounter.participations), selectinload(Encounter.reschedules))
        .order_by(Encounter.id)
    ).all()
    me = session.scalars(select(MeIdentity).order_by(MeIdentity.id)).all()
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": iso(now or datetime.now(UTC)),
        "app_version": __version__,
        "me": {
            "emails": [m.value for m in me if m.kind == "email"],
            "names": [m.value for m in me if m.kind == "name"],
        },
        "settings": {
            s.key: s.value for s in session.scalars(select(Setting).order_by(Setting.key))
        },
        "tags": [t.name for t in session.scalars(select(Tag).order_by(Tag.name))],
        "contacts": [_contact(c) for c in contacts],
        "not_duplicates": [
            [n.low_id, n.high_id, _stamp(n.decided_at)]
            for n in session.scalars(select(NotDuplicate).order_by(NotDuplicate.low_id))
        ],
        "encounters": [_encounter(e) for e in encounters],
        "reflections": [
            {
                **reflection_dict(r),
                "created_at": _stamp(r.created_at),
                "updated_at": _stamp(r.updated_at),
            }
            for r in session.scalars(select(Reflection).order_by(Reflection.id))
        ],
        "promises": [
            {**promise_dict(p), "created_at": _stamp(p.created_at)}
            for p in session.scalars(select(Promise).order_by(Promise.id))
        ],
    }


def _contact(c: Contact) -> dict[str, Any]:
    return {
        **contact_summary(c),
        "created_at": _stamp(c.created_at),
        "updated_at": _stamp(c.updated_at),
        "labels": {
            "emails": [e.label for e in c.emails],
            "phones": [p.label for p in c.phones],
            "links": [link.label for link in c.links],
        },
        "photo": base64.b64encode(c.photo).decode("ascii") if c.photo else None,
        "extra": dict(c.extra or {}),
        "changes": [{"at": _stamp(ch.at), "summary": ch.summary} for ch in c.changes],
    }


def _encounter(e: Encounter) -> dict[str, Any]:
    return {
        "id": e.id,
        "title": e.title,
        "kind": e.kind,
        "start": iso(e.start),
        "end": iso(e.end),
        "tz_name": e.tz_name,
        "all_day": e.all_day,
        "location": e.location,
        "join_url": e.join_url,
        "status": e.status,
        "status_reason": e.status_reason,
        "intention": e.intention,
        "notes": e.notes,
        "description": e.description,
        "uid": e.ical_uid,
        "recurrence_id": e.recurrence_id or None,
        "sequence": e.sequence,
        "source_file": e.source_file,
        "content_hash": e.content_hash,
        "created_at": _stamp(e.created_at),
        "updated_at": _stamp(e.updated_at),
        "participants": [
            {
                "id": p.id,
                "contact_id": p.contact_id,
                "name": p.name,
                "email": p.email or None,
                "role": p.role,
                "reply_status": p.reply_status,
                "organizer": p.is_organizer,
                "triage_ignored": p.triage_ignored,
                "from_calendar": p.from_calendar,
                "thanks_sent_on": p.thanks_sent_on.isoformat() if p.thanks_sent_on else None,
            }
            for p in e.participations
        ],
        "reschedules": [
            {
                "old_start": _stamp(r.old_start),
                "old_end": _stamp(r.old_end),
                "new_start": _stamp(r.new_start),
                "new_end": _stamp(r.new_end),
                "sequence": r.sequence,
                "recorded_at": _stamp(r.recorded_at),
            }
            for r in e.reschedules
        ],
    }


# ---------------------------------------------------------------------------- reading back


def _when(value: Any) -> datetime | None:
    return datetime.fromisoformat(value).astimezone(UTC) if value else None


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def import_json(session: Session, data: Any) -> dict[str, int]:
    """Put an export back into this (empty) vault, in the caller's transaction; returns
    how many of each kind. Anything unexpected is a clear BadInput; nothing is kept."""
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise BadInput(_("this is not an Ichigo export (`ichigo export --format json` makes one)"))
    if data.get("version") != EXPORT_VERSION:
        raise BadInput(
            _(
                "this export has version {found}; this Ichigo reads version "
                "{version} (export again with this version to read it back)"
            ).format(found=repr(data.get("version")), version=EXPORT_VERSION)
        )
    for model in (Contact, Encounter):
        if session.scalar(select(func.count()).select_from(model)):
            raise BadInput(
                _(
                    "import-json needs an empty vault: create one with "
                    "`ichigo --vault NEW.vault init` and import there"
                )
            )
    try:
        return _import(session, data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise BadInput(
            _("the export is incomplete or damaged ({problem})").format(
                problem=f"{type(exc).__name__}: {exc}"
            )
        ) from None


def _import(session: Session, data: dict[str, Any]) -> dict[str, int]:
    for kind in ("emails", "names"):
        for value in data["me"][kind]:
            session.add(MeIdentity(kind=kind[:-1], value=value))
    for key, value in data["settings"].items():
        session.merge(Setting(key=key, value=value))
    tags = {name: Tag(name=name) for name in data["tags"]}
    session.add_all(tags.values())
    # A contact may name an introducer read after it: checked at the commit instead.
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    for c in data["contacts"]:
        session.add(_read_contact(c, tags))
    for low, high, decided in data["not_duplicates"]:
        session.add(NotDuplicate(low_id=low, high_id=high, decided_at=_when(decided)))
    for e in data["encounters"]:
        session.add(_read_encounter(e))
    for r in data["reflections"]:
        session.add(
            Reflection(
                id=r["id"],
                encounter_id=r["encounter_id"],
                **{k: r[k] for k in ("learned", "went_well", "improve", "gratitude", "next_time")},
                thanks_sent=bool(r["thanks_sent"]),
                created_at=_when(r["created_at"]),
                updated_at=_when(r["updated_at"]),
            )
        )
    for p in data["promises"]:
        session.add(
            Promise(
                id=p["id"],
                encounter_id=p["encounter_id"],
                contact_id=p["contact_id"],
                direction=p["direction"],
                text=p["text"],
                due=_day(p["due"]),
                done_on=_day(p["done_on"]),
                created_at=_when(p["created_at"]),
            )
        )
    session.flush()
    return {
        "contacts": len(data["contacts"]),
        "encounters": len(data["encounters"]),
        "reflections": len(data["reflections"]),
        "promises": len(data["promises"]),
    }


def _read_contact(c: dict[str, Any], tags: dict[str, Tag]) -> Contact:
    labels = c["labels"]
    contact = Contact(
        id=c["id"],
        # "name" is the name as shown; exports before name orders had only that.
        display_name=c.get("display_name", c["name"]),
        given_name=c["given_name"],
        family_name=c["family_name"],
        company=c["company"],
        title=c["title"],
        location=c["location"],
        how_we_met=c["how_we_met"],
        met_on=_day(c["met_on"]),
        met_through_id=c["met_through_id"],
        interests=list(c["interests"]),
        notes=c["notes"],
        private_fields=list(c["private_fields"]),
        keep_in_touch_days=c["keep_in_touch_days"],
        birthday=parse_birthday(c["birthday"]) if c["birthday"] else None,
        pronouns=c["pronouns"],
        pronunciation=c["pronunciation"],
        name_order=c.get("name_order", "auto"),
        photo=base64.b64decode(c["photo"]) if c["photo"] else None,
        extra=dict(c["extra"]),
        created_at=_when(c["created_at"]),
        updated_at=_when(c["updated_at"]),
    )
    contact.emails = [
        ContactEmail(email=e, label=label, position=n)
        for n, (e, label) in enumerate(zip(c["emails"], labels["emails"], strict=True))
    ]
    contact.phones = [
        ContactPhone(number=p, label=label)
        for p, label in zip(c["phones"], labels["phones"], strict=True)
    ]
    contact.links = [
        ContactLink(url=u, label=label)
        for u, label in zip(c["links"], labels["links"], strict=True)
    ]
    contact.details = [
        PersonalDetail(label=d["label"], value=d["value"], private=bool(d["private"]))
        for d in c["details"]
    ]
    contact.tags = [tags[name] for name in c["tags"]]
    contact.changes = [
        ContactChange(at=_when(ch["at"]), summary=ch["summary"]) for ch in c["changes"]
    ]
    return contact


def _read_encounter(e: dict[str, Any]) -> Encounter:
    encounter = Encounter(
        id=e["id"],
        title=e["title"],
        kind=e["kind"],
        start=_when(e["start"]),
        end=_when(e["end"]),
        tz_name=e["tz_name"],
        all_day=bool(e["all_day"]),
        location=e["location"],
        join_url=e["join_url"],
        status=e["status"],
        status_reason=e.get("status_reason", ""),
        intention=e["intention"],
        notes=e["notes"],
        description=e["description"],
        ical_uid=e["uid"],
        recurrence_id=e["recurrence_id"] or "",
        sequence=e["sequence"],
        source_file=e["source_file"],
        content_hash=e["content_hash"],
        created_at=_when(e["created_at"]),
        updated_at=_when(e["updated_at"]),
    )
    encounter.participations = [
        Participation(
            id=p["id"],
            contact_id=p["contact_id"],
            name=p["name"],
            email=p["email"] or "",
            role=p["role"],
            reply_status=p["reply_status"],
            is_organizer=bool(p["organizer"]),
            triage_ignored=bool(p["triage_ignored"]),
            from_calendar=bool(p["from_calendar"]),
            # Exports written before thanks were kept per person have none.
            thanks_sent_on=_day(p.get("thanks_sent_on")),
        )
        for p in e["participants"]
    ]
    encounter.reschedules = [
        Reschedule(
            old_start=_when(r["old_start"]),
            old_end=_when(r["old_end"]),
            new_start=_when(r["new_start"]),
            new_end=_when(r["new_end"]),
            sequence=r["sequence"],
            recorded_at=_when(r["recorded_at"]),
        )
        for r in e["reschedules"]
    ]
    return encounter
