"""Small, named data sets for the UI tests, written through the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ichigoapp.model import Encounter, EncounterStatus, Participation, PromiseDirection
from ichigoapp.services.common import local_zone
from ichigoapp.services.contacts import ContactInput, add_contact
from ichigoapp.services.encounters import EncounterInput, add_encounter
from ichigoapp.services.reflections import ReflectionInput, add_promise, reflect
from ichigoapp.store import Vault


@dataclass
class World:
    hanako: int
    kwame: int
    ingrid: int
    upcoming: int
    past: int
    cancelled: int
    reflected: int
    stranger: int  # participation id of the unmatched attendee
    promise: int


def build(vault: Vault, now: datetime) -> World:
    with vault.transaction() as s:
        hanako = add_contact(
            s,
            ContactInput(
                name="Hanako Sato",
                emails=["hanako@kinoshita.example"],
                company="Kinoshita Design",
                title="Creative Director",
                interests=["tea ceremony"],
                details=[("Tea", "Genmaicha", False)],
            ),
        )
        kwame = add_contact(
            s,
            ContactInput(
                name="Kwame Mensah", company="Accra Solar", emails=["kwame@accra.example"]
            ),
        )
        ingrid = add_contact(
            s, ContactInput(name="Ingrid Solberg", company="Fjordline", keep_in_touch_days=30)
        )
        upcoming = add_encounter(
            s,
            EncounterInput(
                title="Coffee with Hanako",
                start=now + timedelta(days=1),
                end=now + timedelta(days=1, hours=1),
                contact_ids=[hanako.id],
                join_url="https://meet.example.com/abc",
            ),
        )
        stranger = Participation(name="Lena Fischer", email="lena@spree.example")
        upcoming.participations.append(stranger)
        past = add_encounter(
            s,
            EncounterInput(
                title="Solar co-op review",
                start=now - timedelta(days=1, hours=2),
                end=now - timedelta(days=1, hours=1),
                contact_ids=[kwame.id],
            ),
        )
        cancelled = add_encounter(
            s,
            EncounterInput(
                title="Dinner that fell through",
                start=now - timedelta(days=3),
                contact_ids=[hanako.id],
                status=EncounterStatus.CANCELLED.value,
            ),
        )
        reflected = add_encounter(
            s,
            EncounterInput(
                title="Design walk",
                start=now - timedelta(days=10),
                end=now - timedelta(days=10) + timedelta(hours=1),
                contact_ids=[hanako.id],
            ),
        )
        s.flush()
        first_reflection = ReflectionInput(learned="Hanako loves letterpress", gratitude="Her time")
        reflect(s, reflected.id, first_reflection)
        promise = add_promise(
            s,
            text="Send the case study",
            direction=PromiseDirection.MINE,
            encounter_id=reflected.id,
            contact_id=hanako.id,
            due=(now.astimezone(local_zone()) + timedelta(days=2)).date(),
        )
        s.flush()
        return World(
            hanako.id,
            kwame.id,
            ingrid.id,
            upcoming.id,
            past.id,
            cancelled.id,
            reflected.id,
            stranger.id,
            promise.id,
        )


def encounter(vault: Vault, encounter_id: int) -> Encounter:
    with vault.session() as s:
        e = s.get(Encounter, encounter_id)
        assert e is not None
        _ = [(p.contact_id, p.name) for p in e.participations]
        return e
