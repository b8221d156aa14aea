"""Drafts of a thank-you and of a follow-up, ready for the user's mail program.

A draft is built from three things only: the gratitude line the user wrote for the
meeting (or the text of a promise they made), the meeting's title, kind and day, and
the names and addresses of the people it goes to. Nothing else of the vault goes in:
no notes, no personal details, no field marked private, no other line of the
reflection, nothing of another meeting. The user edits the draft and sends it from
their own mail program (``mailto:``, RFC 6068); Ichigo never sends mail itself.

Addresses: the one a meeting's invite used for the person, else the contact's first.
The user's own addresses never go in. A group message shows every address to every
recipient, so an address the user marked private goes only into a message to its
owner alone (an address the invite itself showed to everyone is not a secret).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput
from ichigoapp.i18n import _, active, pgettext
from ichigoapp.importers.normalise import normalise_email
from ichigoapp.model import Contact, Encounter, Participation, Promise, PromiseDirection
from ichigoapp.services import wording, wording_ja
from ichigoapp.services.common import get_or_fail, local_zone
from ichigoapp.services.me import my_emails, my_names
from ichigoapp.services.thanks import people_to_thank

SUBJECT_MAX = 120


@dataclass(frozen=True, slots=True)
class Recipient:
    contact_id: int
    name: str
    email: str


@dataclass(frozen=True, slots=True)
class Draft:
    """A message for the user to edit and send; ``left_out`` names the people it
    should have gone to but has no address for."""

    recipients: tuple[Recipient, ...]
    subject: str
    body: str
    left_out: tuple[str, ...] = ()

    @property
    def to(self) -> list[str]:
        return [r.email for r in self.recipients]

    @property
    def mailto(self) -> str:
        return mailto_uri(self.to, self.subject, self.body)

    def as_json(self) -> dict[str, Any]:
        """The shape of ``ichigo compose … --json``."""
        return {"to": self.to, "subject": self.subject, "body": self.body, "mailto": self.mailto}

    def as_text(self) -> str:
        """The draft as a person reads it (``ichigo compose`` without --json)."""
        lines = [
            _("To: %(addresses)s") % {"addresses": ", ".join(self.to)},
            _("Subject: %(subject)s") % {"subject": self.subject},
            "",
            self.body,
        ]
        if self.left_out:
            lines += [
                "",
                _("(No e-mail address known for %(names)s.)")
                % {"names": pgettext("list", ", ").join(self.left_out)},
            ]
        return "\n".join(lines)


# RFC 6068 section 2: in an address, what may stay as it is besides the unreserved
# characters ("," separates addresses, so one inside an address is encoded).
_ADDRESS_SAFE = "!$'()*+;:@"


def mailto_uri(to: Sequence[str], subject: str, body: str) -> str:
    """A ``mailto:`` URI (RFC 6068): addresses, subject and body percent-encoded as
    UTF-8, spaces as %20 (never "+"), line breaks as %0D%0A."""
    addresses = ",".join(quote(address, safe=_ADDRESS_SAFE) for address in to)
    fields = []
    if subject:
        fields.append(f"subject={quote(subject, safe='')}")
    if body:
        crlf = body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
        fields.append(f"body={quote(crlf, safe='')}")
    return f"mailto:{addresses}" + (f"?{'&'.join(fields)}" if fields else "")


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= SUBJECT_MAX else line[: SUBJECT_MAX - 1].rstrip() + "…"


def _local_day(encounter: Encounter) -> date:
    return encounter.start.astimezone(local_zone()).date()


def _today(today: date | None) -> date:
    return today if today is not None else date.today()


def _composes_in_japanese() -> bool:
    """Japanese drafts have their own composition (wording_ja); other languages get the
    English one, whose pronoun rewriting is English grammar, until they have theirs."""
    return active().language == "ja"


def _my_name(session: Session) -> str:
    names = my_names(session)
    return names[0] if names else ""


def _name_checker(session: Session) -> Any:
    """Whether a capitalised word is someone's name in the vault ("Priya's advice")."""

    def is_name(word: str) -> bool:
        if not word or not word[:1].isupper():
            return False
        found = session.scalar(
            select(Contact.id)
            .where(
                or_(
                    Contact.given_name == word,
                    Contact.display_name == word,
                    Contact.display_name.like(f"{word} %"),
                )
            )
            .limit(1)
        )
        return found is not None

    return is_name


def _address(
    contact: Contact, attendance: Participation | None, mine: set[str], *, alone: bool
) -> str | None:
    """Where a message to ``contact`` goes; None when there is nowhere it may."""
    private = contact.is_private("emails")
    if attendance is not None and attendance.email:
        address = normalise_email(attendance.email)
        if address and address not in mine and (alone or attendance.from_calendar or not private):
            return address
    if private and not alone:
        return None
    for row in contact.emails:
        if row.email not in mine:
            return row.email
    return None


def _names_of(contact: Contact) -> list[str]:
    """How a line may name the person: their full name and the first name."""
    first = wording.first_name(contact.given_name, contact.display_name)
    return [n for n in (contact.display_name, first, contact.given_name) if n]


def thanks_draft(
    session: Session,
    encounter_id: int,
    contact_id: int | None = None,
    *,
    gratitude: str | None = None,
    today: date | None = None,
) -> Draft:
    """A thank-you for the meeting ``encounter_id``: to ``contact_id`` of it, or to its
    people (those still to thank; everyone when all were thanked already).

    ``gratitude`` is the line as typed in an editor not saved yet; by default the
    reflection's. Raises BadInput without a gratitude line, without anyone to write
    to, or when ``contact_id`` was not at the meeting.
    """
    encounter = get_or_fail(session, Encounter, encounter_id, "encounter")
    line = gratitude
    if line is None:
        line = encounter.reflection.gratitude if encounter.reflection is not None else ""
    if not line.strip():
        raise BadInput(
            _(
                "nothing to thank for yet: write the gratitude of “%(title)s” "
                "in its reflection first"
            )
            % {"title": encounter.title}
        )
    people = people_to_thank(session, [encounter_id]).get(encounter_id, [])
    if contact_id is not None:
        contact = get_or_fail(session, Contact, contact_id, "contact")
        if contact_id not in {p.contact_id for p in people}:
            raise BadInput(
                _("%(name)s (contact %(id)d) was not at “%(title)s”")
                % {"name": contact.display_name, "id": contact_id, "title": encounter.title}
            )
        wanted = [contact_id]
    else:
        waiting = [p.contact_id for p in people if not p.thanked]
        wanted = waiting or [p.contact_id for p in people]
    if not wanted:
        raise BadInput(
            _("nobody of “%(title)s” is in your contacts yet: add them from the new people first")
            % {"title": encounter.title}
        )

    mine = my_emails(session)
    alone = len(wanted) == 1
    attendance = {
        p.contact_id: p
        for p in sorted(encounter.participations, key=lambda p: not p.email)
        if p.contact_id is not None
    }
    recipients: list[Recipient] = []
    contacts: list[Contact] = []
    left_out: list[str] = []
    for cid in wanted:
        contact = get_or_fail(session, Contact, cid, "contact")
        address = _address(contact, attendance.get(cid), mine, alone=alone)
        if address is None:
            left_out.append(contact.display_name)
            continue
        recipients.append(Recipient(cid, contact.display_name, address))
        contacts.append(contact)
    if not recipients:
        raise BadInput(
            _("no e-mail address known for %(names)s")
            % {"names": pgettext("alternatives", " or ").join(left_out)}
        )

    title = _one_line(encounter.title)
    if _composes_in_japanese():
        body = wording_ja.thanks_body(
            [c.family_name or c.display_name for c in contacts],
            line,
            encounter.kind,
            wording_ja.when(_local_day(encounter), _today(today)),
            _my_name(session),
        )
        return Draft(tuple(recipients), wording_ja.thanks_subject(title), body, tuple(left_out))

    group = len(recipients) > 1
    names = [n for c in contacts for n in _names_of(c)]
    sentence = wording.gratitude_sentence(
        line, names, single=not group, is_name=_name_checker(session)
    )
    day = wording.when(_local_day(encounter), _today(today))
    body = "\n\n".join(
        (
            wording.greeting([wording.first_name(c.given_name, c.display_name) for c in contacts]),
            f"{sentence} {wording.meeting_sentence(encounter.kind, day, group=group)}",
            wording.closing(encounter.kind, group=group),
            wording.signed(_my_name(session)),
        )
    )
    subject = f"Thank you — {title}" if title else "Thank you"
    return Draft(tuple(recipients), subject, body, tuple(left_out))


def followup_draft(session: Session, promise_id: int, *, today: date | None = None) -> Draft:
    """A follow-up on a promise the user made: "As promised, here is the case study…",
    to the person it was made to. Raises BadInput for a promise they made to the user,
    one to nobody, or a person without an address."""
    promise = get_or_fail(session, Promise, promise_id, "promise")
    contact = promise.contact
    if promise.direction != PromiseDirection.MINE.value:
        who = contact.display_name if contact is not None else _("someone")
        raise BadInput(
            _(
                "promise %(id)d is one %(name)s made to you: "
                "only a promise of yours has a follow-up to send"
            )
            % {"id": promise_id, "name": who}
        )
    if contact is None:
        raise BadInput(
            _("promise %(id)d is not to anyone: choose who it was made to first")
            % {"id": promise_id}
        )
    encounter = promise.encounter
    attendance = None
    if encounter is not None:
        attendance = next(
            (p for p in encounter.participations if p.contact_id == contact.id and p.email),
            None,
        )
    address = _address(contact, attendance, my_emails(session), alone=True)
    if address is None:
        raise BadInput(_("no e-mail address known for %(names)s") % {"names": contact.display_name})

    recipient = Recipient(contact.id, contact.display_name, address)
    if _composes_in_japanese():
        day_ja = wording_ja.when(_local_day(encounter), _today(today)) if encounter else None
        body = wording_ja.followup_body(
            contact.family_name or contact.display_name, promise.text, day_ja, _my_name(session)
        )
        what = _one_line(encounter.title) if encounter is not None else ""
        return Draft((recipient,), wording_ja.followup_subject(what), body)

    names = _names_of(contact)
    day = wording.when(_local_day(encounter), _today(today)) if encounter is not None else None
    is_name = _name_checker(session)
    sentence, thing = wording.followup_sentence(promise.text, names, day, is_name=is_name)
    paragraphs = [wording.greeting([wording.first_name(contact.given_name, contact.display_name)])]
    paragraphs.append(f"{sentence} {wording.hope_useful(thing)}" if thing else sentence)
    paragraphs.append(wording.signed(_my_name(session)))
    if thing is not None:
        subject = f"As promised: {_one_line(thing)}"
    elif encounter is not None and encounter.title.strip():
        subject = f"Following up — {_one_line(encounter.title)}"
    else:
        subject = "Following up"
    return Draft((recipient,), subject, "\n\n".join(paragraphs))
