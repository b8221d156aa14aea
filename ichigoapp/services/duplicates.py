"""Possible duplicates: pairs of contacts that may be one person, for the user to decide.

The matcher (services/identity.py) never joins two records without strong evidence;
what it will not decide comes here as a suggestion with its reason:

* the same name, whatever the accents, case or order ("Sato Hanako" = "Hanako Sató");
* the same phone number;
* the same address before the "@" at related domains (hanako@kinoshita.jp and
  hanako@kinoshita-design.com);
* similar names at the same company ("K. Mensah" and "Kwame Mensah" at Accra Solar).

Each pair is suggested once, with its strongest reason; a pair the user called two
people (``not_duplicate``) is never suggested again.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ichigoapp.errors import BadInput
from ichigoapp.i18n import Choice, _, active
from ichigoapp.importers.normalise import normalise_phone
from ichigoapp.model import Contact, ContactEmail, ContactPhone, NotDuplicate
from ichigoapp.model.textfold import is_unspaced
from ichigoapp.services.common import get_or_fail
from ichigoapp.services.identity import phone_region

# Shared mailboxes say nothing about who reads them.
_ROLE_ADDRESSES = frozenset(
    {"info", "contact", "hello", "admin", "office", "mail", "sales", "support", "team", "me"}
)
_SIMILAR = 0.75  # SequenceMatcher ratio of two names at one company

Suggest = Callable[[int, int, str, float], None]


@dataclass(frozen=True, slots=True)
class DuplicateSuggestion:
    ids: tuple[int, int]  # the lower id first
    reason: str
    score: float  # 0..1, how sure: 1 for a shared phone number

    def to_json(self) -> dict[str, object]:
        return {"ids": list(self.ids), "reason": self.reason, "score": self.score}


def name_key(name: str) -> str:
    """A name's words without accents, case, punctuation or order.

    A name in CJK script has no spaces to find its words by ("佐藤花子", "花子 佐藤",
    "佐藤 花子" are one name): its characters, in order, are the key.
    """
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()
    words = sorted(re.findall(r"\w+", plain))
    if words and all(is_unspaced(word) for word in words):
        return "".join(sorted("".join(words)))
    return " ".join(words)


def _domain_word(domain: str) -> str:
    """The name a domain is registered under: "mail.kinoshita-design.co.jp" -> "kinoshita"."""
    labels = [x for x in domain.split(".") if x]
    meaningful = [x for x in labels[:-1] if x not in {"co", "com", "ac", "or", "ne", "org"}]
    word = meaningful[-1] if meaningful else (labels[0] if labels else "")
    return re.split(r"[-_]", word)[0]


@dataclass(slots=True)
class _Person:
    contact_id: int
    name: str
    company: str
    emails: list[str]
    phones: list[str]
    key: str = ""  # name_key(name), computed once


# What the suggestions are computed from: each contact's id, name and company, its
# addresses and its phone numbers as typed, and the region that reads them.
_Facts = tuple[tuple[tuple[Any, ...], ...], ...]


def _facts(session: Session) -> _Facts:
    people = session.execute(
        select(Contact.id, Contact.display_name, Contact.company).order_by(Contact.id)
    )
    emails = session.execute(
        select(ContactEmail.contact_id, ContactEmail.email).order_by(ContactEmail.id)
    )
    phones = session.execute(
        select(ContactPhone.contact_id, ContactPhone.number).order_by(ContactPhone.id)
    )
    return (
        tuple(tuple(row) for row in people),
        tuple(tuple(row) for row in emails),
        tuple(tuple(row) for row in phones),
        ((phone_region(session),),),
    )


def _people(facts: _Facts) -> list[_Person]:
    contacts, emails, phones, ((region,),) = facts
    people = {
        cid: _Person(cid, name, company, [], [], name_key(name)) for cid, name, company in contacts
    }
    for cid, email in emails:
        people[cid].emails.append(email)
    for cid, number in phones:
        key = normalise_phone(number, region)
        if key:
            people[cid].phones.append(key)
    return list(people.values())


def _groups(keyed: Iterable[tuple[str, int]]) -> list[list[int]]:
    by_key: dict[str, set[int]] = defaultdict(set)
    for key, cid in keyed:
        if key:
            by_key[key].add(cid)
    return [sorted(ids) for ids in by_key.values() if len(ids) > 1]


# The last answer and what it was computed from: Today asks on every refresh, and on
# ten thousand contacts the comparing takes a second while reading the facts does not.
# The language is part of it: the reasons are worded in the language of their time.
_last: tuple[tuple[Choice, _Facts], dict[tuple[int, int], DuplicateSuggestion]] | None = None


def find_duplicates(session: Session) -> list[DuplicateSuggestion]:
    """Every pair worth a look, most certain first."""
    global _last
    facts = _facts(session)
    key = (active(), facts)
    if _last is None or _last[0] != key:
        _last = (key, _suggestions(_people(facts)))
    found = _last[1]
    dismissed = {
        (low, high)
        for low, high in session.execute(select(NotDuplicate.low_id, NotDuplicate.high_id))
    }
    kept = [s for pair, s in found.items() if pair not in dismissed]
    return sorted(kept, key=lambda s: (-s.score, s.ids))


def _suggestions(people: list[_Person]) -> dict[tuple[int, int], DuplicateSuggestion]:
    found: dict[tuple[int, int], DuplicateSuggestion] = {}

    def suggest(a: int, b: int, reason: str, score: float) -> None:
        pair = (min(a, b), max(a, b))
        if pair not in found or found[pair].score < score:
            found[pair] = DuplicateSuggestion(pair, reason, score)

    for ids in _groups((p, x.contact_id) for x in people for p in x.phones):
        for n, a in enumerate(ids):
            for b in ids[n + 1 :]:
                suggest(a, b, _("same phone number"), 1.0)
    for ids in _groups((x.key, x.contact_id) for x in people):
        for n, a in enumerate(ids):
            for b in ids[n + 1 :]:
                suggest(a, b, _("same name"), 0.9)
    _similar_at_one_company(people, suggest)
    _related_addresses(people, suggest)
    return found


def _similar_at_one_company(people: list[_Person], suggest: Suggest) -> None:
    # Only names sharing a word are compared, each pair once, the cheap upper bounds of
    # the ratio first: a company of thousands stays quick.
    by_word: dict[tuple[str, str], list[_Person]] = defaultdict(list)
    for person in people:
        company = name_key(person.company)
        if company:
            for word in set(person.key.split()):
                if len(word) > 1:
                    by_word[(company, word)].append(person)
    compared: set[tuple[int, int]] = set()
    for group in by_word.values():
        for n, a in enumerate(group):
            matcher = SequenceMatcher(None, b=a.key)  # b is the side it indexes
            for b in group[n + 1 :]:
                pair = (a.contact_id, b.contact_id)
                if a.key == b.key or pair in compared:
                    continue  # the same name is suggested as such
                compared.add(pair)
                matcher.set_seq1(b.key)
                if (
                    matcher.real_quick_ratio() >= _SIMILAR
                    and matcher.quick_ratio() >= _SIMILAR
                    and matcher.ratio() >= _SIMILAR
                ):
                    suggest(
                        a.contact_id,
                        b.contact_id,
                        _("similar names at {company}").format(company=a.company),
                        0.8,
                    )


def _related_addresses(people: list[_Person], suggest: Suggest) -> None:
    by_local: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for person in people:
        for email in person.emails:
            local, _at, domain = email.partition("@")
            if len(local) >= 3 and local not in _ROLE_ADDRESSES:
                by_local[local].append((domain, person.contact_id))
    for local, seen in by_local.items():
        for n, (domain_a, a) in enumerate(seen):
            for domain_b, b in seen[n + 1 :]:
                related = _domain_word(domain_a) == _domain_word(domain_b)
                if a != b and domain_a != domain_b and related:
                    suggest(
                        a,
                        b,
                        _("the address {local}@ at related domains").format(local=local),
                        0.7,
                    )


def suggestions_for(session: Session, contact_ids: set[int]) -> list[DuplicateSuggestion]:
    """The suggestions involving any of ``contact_ids`` (those an import just made)."""
    return [s for s in find_duplicates(session) if contact_ids & set(s.ids)]


def not_duplicates(session: Session, first_id: int, second_id: int) -> None:
    """The user's word: these two are different people; never suggest them again."""
    if first_id == second_id:
        raise BadInput(_("a contact is always the same person as itself"))
    for ident in (first_id, second_id):
        get_or_fail(session, Contact, ident, "contact")
    low, high = sorted((first_id, second_id))
    if session.get(NotDuplicate, (low, high)) is None:
        session.add(NotDuplicate(low_id=low, high_id=high))
    session.flush()
