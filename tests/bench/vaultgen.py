"""Deterministic generator of the big bench vault (DESIGN.md section 6).

10,000 contacts, 100,000 encounters with 1-4 participants each, 20,000 reflections and
5,000 promises, with names from many cultures (a tenth of them Japanese, written in
kanji with a kana reading) and notes of a few sentences, some in Japanese. Rows go in
with bulk Core inserts on one connection, straight into a real vault made by
``create_vault`` (the FTS triggers index them as they would any insert), so building
it takes seconds. The result is cached under the bench directory, keyed by
``GENERATOR_VERSION`` and the schema head, and reused by later runs.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from ichigoapp.model import Base
from tests.importers.bigcal import DOMAINS, FAMILY, GIVEN

GENERATOR_VERSION = 2
SEED = 20260501

N_CONTACTS = 10_000
N_ENCOUNTERS = 100_000
N_REFLECTIONS = 20_000
N_PROMISES = 5_000
# ``make test`` runs the whole bench at a hundredth of this size (tests/test_bench_smoke.py)
# so the code cannot rot; the figures then mean nothing.
SCALE_ENV = "ICHIGO_BENCH_SCALE"


def scale() -> float:
    """The fraction of the full data set to generate (1.0 unless ``ICHIGO_BENCH_SCALE``)."""
    return float(os.environ.get(SCALE_ENV) or 1.0)


def scaled(n: int) -> int:
    return max(1, round(n * scale()))


# Encounters spread over these years; "now" during a bench run falls inside, so the
# views have past and upcoming meetings.
FIRST_DAY = datetime(2017, 1, 2, tzinfo=UTC)
SPAN_DAYS = 11 * 365

MORE_GIVEN = (
    "Sakura",
    "Haruto",
    "Ren",
    "Xiaoling",
    "Jiahao",
    "Ji-woo",
    "Arjun",
    "Kavya",
    "Rohan",
    "Youssef",
    "Nour",
    "Zainab",
    "Tunde",
    "Ngozi",
    "Abebe",
    "Thandiwe",
    "Ingrid",
    "Lars",
    "Aino",
    "Matteo",
    "Giulia",
    "Élodie",
    "Agnieszka",
    "Tomáš",
    "Zsófia",
    "Mihai",
    "Emre",
    "Elif",
    "Dimitris",
    "Aoife",
    "Cian",
    "Linh",
    "Minh",
    "Camila",
    "Mateo",
    "Valentina",
    "Joaquín",
    "Sergei",
    "Анна",
    "Алексей",
    "Μαρία",
    "Kalani",
    "Aroha",
    "Tāne",
    "Siddharth",
    "Meera",
    "Dao",
    "Somchai",
    "Ayelet",
    "Yosef",
    "Ifeoma",
)
MORE_FAMILY = (
    "Yamamoto",
    "Nakamura",
    "Kobayashi",
    "Chen",
    "Liu",
    "Huang",
    "Lee",
    "Choi",
    "Gupta",
    "Reddy",
    "Khan",
    "Rahman",
    "Mahmoud",
    "Abubakar",
    "Okonkwo",
    "Dlamini",
    "Haile",
    "Johansson",
    "Virtanen",
    "Bianchi",
    "Ferrari",
    "Moreau",
    "Wiśniewska",
    "Dvořáková",
    "Horváth",
    "Ionescu",
    "Demir",
    "Kaya",
    "Georgiou",
    "Murphy",
    "Kelly",
    "Phạm",
    "Rodríguez",
    "Fernández",
    "Silva",
    "Pereira",
    "Кузнецов",
    "Попова",
    "Κωνσταντίνου",
    "Kahananui",
    "Ngata",
    "Wiremu",
    "Bose",
    "Nair",
    "Sombat",
    "Cohen",
    "Levi",
    "Eze",
)
# Japanese names as they are written (kanji, no space) with their readings in katakana.
JA_FAMILY = (
    ("佐藤", "サトウ"),
    ("鈴木", "スズキ"),
    ("高橋", "タカハシ"),
    ("田中", "タナカ"),
    ("伊藤", "イトウ"),
    ("渡辺", "ワタナベ"),
    ("山本", "ヤマモト"),
    ("中村", "ナカムラ"),
    ("小林", "コバヤシ"),
    ("加藤", "カトウ"),
    ("吉田", "ヨシダ"),
    ("山田", "ヤマダ"),
    ("佐々木", "ササキ"),
    ("松本", "マツモト"),
    ("井上", "イノウエ"),
    ("林", "ハヤシ"),
)
JA_GIVEN = (
    ("花子", "ハナコ"),
    ("太郎", "タロウ"),
    ("一郎", "イチロウ"),
    ("陽菜", "ヒナ"),
    ("結衣", "ユイ"),
    ("蓮", "レン"),
    ("大翔", "ヒロト"),
    ("美咲", "ミサキ"),
    ("翔太", "ショウタ"),
    ("さくら", "サクラ"),
    ("直樹", "ナオキ"),
    ("恵", "メグミ"),
)
JA_SHARE = 0.1  # of contacts
JA_TOPICS = (
    "{family}さんとランチ",
    "{company}との打ち合わせ",
    "{family}さんと懇親会",
)
COMPANIES = (
    "株式会社さくら製作所",
    "ＮＴＴデータ東京",
    "京都セラミック株式会社",
    "Acme Robotics",
    "Kōbe Steelworks",
    "Nordlicht Energie",
    "Banco Solaris",
    "Mumbai Fintech Labs",
    "Lagos Logistics",
    "Zürich Re Analytics",
    "Shenzhen Photonics",
    "Seoul BioWorks",
    "Café Ñandú",
    "Helsinki Games Oy",
    "Québec Aérospatiale",
    "Østfold Fisk AS",
    "Istanbul Textil",
    "Athens Maritime",
    "Dublin Data Co",
    "Saigon Garments",
    "Buenos Aires Vinos",
    "Moscow Quant",
    "Auckland Kiwi Tech",
    "Tel Aviv Cyber",
    "Nairobi Mobile Money",
    "Toronto Health AI",
    "Berlin Mobility GmbH",
    "Paris Luxe Maison",
    "Kraków Software",
    "Praha Pivovar",
    "Budapest Pharma",
    "São Paulo Agro",
    "Kyoto Ceramics",
    "Jakarta Ride",
    "Manila Outsourcing",
    "Cape Town Solar",
    "Lisbon Surf Co",
    "Oslo Climate Fund",
    "Madrid Fútbol Media",
)
TITLES = (
    "CEO",
    "CTO",
    "Head of Partnerships",
    "Product Manager",
    "Engineering Lead",
    "Investor",
    "Founder",
    "Chief of Staff",
    "Sales Director",
    "Designer",
    "Researcher",
    "Journalist",
    "Professor",
    "Board Member",
    "Consultant",
    "Procurement Manager",
)
CITIES = (
    "Tokyo",
    "Ōsaka",
    "Zürich",
    "München",
    "São Paulo",
    "Lagos",
    "Mumbai",
    "Bengaluru",
    "Shanghai",
    "Seoul",
    "Reykjavík",
    "Kraków",
    "İstanbul",
    "Athína",
    "Hà Nội",
    "Ciudad de México",
    "Montréal",
    "Nairobi",
    "Auckland",
    "Tel Aviv",
    "Kyiv",
    "Oslo",
)
INTERESTS = (
    "cycling",
    "bonsai",
    "jazz",
    "sourdough",
    "marathons",
    "chess",
    "tea ceremony",
    "origami",
    "sailing",
    "birdwatching",
    "climate tech",
    "poetry",
    "football",
    "photography",
    "woodworking",
    "calligraphy",
    "opera",
    "surfing",
    "gardening",
)
SENTENCES = (
    "Met at the {city} fintech meetup; sharp questions about payments.",
    "Takes their {drink} without sugar and prefers quiet cafés.",
    "Their daughter has a piano recital in {city} next spring.",
    "Loves {interest} and talks about it for hours.",
    "Moved to {company} after eight years in consulting.",
    "Introduced by {name}, who speaks highly of them.",
    "Wants an intro to someone working on {interest}.",
    "Travelling to {city} in the autumn for a conference.",
    "Prefers calls before 10:00 their time; hates long decks.",
    "Asked for feedback on the pricing page; send notes.",
    "Was grateful for the book recommendation about {interest}.",
    "Planning a sabbatical to walk the Camino from {city}.",
    "Hosted a wonderful dinner with {drink} and homemade dumplings.",
    "京都の茶道教室に通っていて、{interest}の話が好き。",
    "次回は{city}の新しいプロジェクトについて聞くこと。",
    "Mentioned their team is hiring two engineers in {city}.",
)
DRINKS = ("green tea", "matcha", "espresso", "chai", "oolong", "flat white", "rooibos")
MEETING_TOPICS = (
    "Coffee with {first}",
    "Lunch with {first}",
    "Intro call: {first} / {company}",
    "Quarterly review",
    "Board prep",
    "Catch-up with {first}",
    "Dinner in {city}",
    "Partnership workshop",
    "Demo for {company}",
    "Mentoring session",
    "Interview: {first}",
    "Conference panel in {city}",
    "1:1 with {first}",
    "Investor update",
)
KINDS = ("meeting", "meeting", "meeting", "call", "call", "coffee", "meal", "event")
PROMISE_TEXTS = (
    "Send the deck about {interest}",
    "Introduce them to {name}",
    "Share the article on {interest}",
    "Review their draft proposal",
    "Send a thank-you note from {city}",
    "Book a follow-up in {city}",
    "Forward the job description",
    "Lend the book about {interest}",
)


def bench_dir() -> Path:
    """Where generated data is cached between runs (``ICHIGO_BENCH_DIR`` overrides)."""
    override = os.environ.get("ICHIGO_BENCH_DIR")
    if override:
        return Path(override)
    return Path(tempfile.gettempdir()) / "ichigo-bench"


class _Text:
    """Realistic strings from one seeded random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.given = GIVEN + MORE_GIVEN
        self.family = FAMILY + MORE_FAMILY

    def person(self) -> tuple[str, str]:
        return self.rng.choice(self.given), self.rng.choice(self.family)

    def fill(self, template: str) -> str:
        r = self.rng
        given, family = self.person()
        return template.format(
            city=r.choice(CITIES),
            drink=r.choice(DRINKS),
            interest=r.choice(INTERESTS),
            company=r.choice(COMPANIES),
            name=f"{given} {family}",
            first=given,
        )

    def note(self, lo: int = 2, hi: int = 4) -> str:
        return " ".join(self.fill(s) for s in self.rng.sample(SENTENCES, self.rng.randint(lo, hi)))


def _chunks(rows: Sequence[dict[str, Any]], size: int = 5000) -> Iterator[Sequence[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _insert(conn: Connection, table: str, rows: Sequence[dict[str, Any]]) -> None:
    for chunk in _chunks(rows):
        conn.execute(insert(Base.metadata.tables[table]), list(chunk))


def populate(conn: Connection, seed: int = SEED) -> dict[str, int]:
    """Insert the whole data set on ``conn`` (inside the caller's transaction)."""
    rng = random.Random(seed)
    text = _Text(rng)
    created = FIRST_DAY
    n_contacts, n_encounters = scaled(N_CONTACTS), scaled(N_ENCOUNTERS)

    contacts, emails, details = [], [], []
    for cid in range(1, n_contacts + 1):
        given, family = text.person()
        reading = ""
        display = f"{given} {family}"
        if rng.random() < JA_SHARE:
            (family, family_kana), (given, given_kana) = (
                rng.choice(JA_FAMILY),
                rng.choice(JA_GIVEN),
            )
            display, reading = f"{family}{given}", f"{family_kana} {given_kana}"
        private = rng.random() < 0.05
        contacts.append(
            {
                "id": cid,
                "display_name": display,
                "given_name": given,
                "family_name": family,
                "pronunciation": reading,
                "company": rng.choice(COMPANIES),
                "title": rng.choice(TITLES),
                "location": rng.choice(CITIES),
                "how_we_met": text.fill(rng.choice(SENTENCES)),
                "met_on": date(2016, 1, 1) + timedelta(days=rng.randrange(3000)),
                "met_through_id": None,
                "interests": rng.sample(INTERESTS, rng.randint(1, 3)),
                "notes": text.note(),
                "private_fields": ["notes"] if private else [],
                "keep_in_touch_days": rng.choice((None, None, None, 30, 60, 90)),
                "birthday": None,
                "photo": None,
                "extra": {},
                "created_at": created,
                "updated_at": created,
            }
        )
        local = "".join(ch for ch in f"{given}.{family}".lower() if ch.isascii() and ch != "'")
        emails.append(
            {
                "contact_id": cid,
                "email": f"{local or 'person'}.{cid}@{rng.choice(DOMAINS)}",
                "label": "work",
                "position": 0,
            }
        )
        if rng.random() < 0.3:
            details.append(
                {
                    "contact_id": cid,
                    "label": "tea",
                    "value": f"takes {rng.choice(DRINKS)}",
                    "private": False,
                }
            )

    encounters, participations = [], []
    for eid in range(1, n_encounters + 1):
        start = FIRST_DAY + timedelta(
            days=rng.randrange(SPAN_DAYS), hours=rng.randrange(7, 19), minutes=rng.choice((0, 30))
        )
        people = rng.sample(range(1, n_contacts + 1), rng.randint(1, 4))
        first = contacts[people[0] - 1]
        topics = JA_TOPICS if first["pronunciation"] else MEETING_TOPICS
        topic = rng.choice(topics).format(
            first=first["given_name"],
            family=first["family_name"],
            company=first["company"],
            city=rng.choice(CITIES),
        )
        cancelled = rng.random() < 0.03
        encounters.append(
            {
                "id": eid,
                "title": topic,
                "kind": rng.choice(KINDS),
                "start": start,
                "end": start + timedelta(minutes=rng.choice((30, 45, 60, 90))),
                "tz_name": "Europe/Zurich",
                "all_day": False,
                "location": rng.choice(CITIES),
                "join_url": "",
                "status": "cancelled" if cancelled else "planned",
                "intention": text.fill(rng.choice(SENTENCES)) if rng.random() < 0.2 else "",
                "notes": text.note(1, 3) if rng.random() < 0.3 else "",
                "description": "",
                "ical_uid": None,
                "recurrence_id": "",
                "sequence": 0,
                "source_file": "",
                "content_hash": "",
                "created_at": start,
                "updated_at": start,
            }
        )
        for cid in people:
            participations.append(
                {
                    "encounter_id": eid,
                    "contact_id": cid,
                    "email": emails[cid - 1]["email"],
                    "name": contacts[cid - 1]["display_name"],
                    "role": "REQ-PARTICIPANT",
                    "reply_status": "ACCEPTED",
                    "is_organizer": False,
                    "triage_ignored": False,
                    "from_calendar": False,
                }
            )
        if rng.random() < 0.1:  # someone not yet a contact, waiting for triage
            given, family = text.person()
            participations.append(
                {
                    "encounter_id": eid,
                    "contact_id": None,
                    "email": f"guest{eid}@{rng.choice(DOMAINS)}",
                    "name": f"{given} {family}",
                    "role": "OPT-PARTICIPANT",
                    "reply_status": "NEEDS-ACTION",
                    "is_organizer": False,
                    "triage_ignored": False,
                    "from_calendar": True,
                }
            )

    reflections = []
    reflected = sorted(rng.sample(range(1, n_encounters + 1), scaled(N_REFLECTIONS)))
    for rid, eid in enumerate(reflected, 1):
        at = encounters[eid - 1]["start"] + timedelta(hours=3)
        reflections.append(
            {
                "id": rid,
                "encounter_id": eid,
                "learned": text.note(1, 2),
                "went_well": text.note(1, 1),
                "improve": text.note(1, 1) if rng.random() < 0.5 else "",
                "gratitude": text.fill("Thankful for the intro to {name}."),
                "thanks_sent": rng.random() < 0.8,
                "next_time": text.note(1, 2),
                "created_at": at,
                "updated_at": at,
            }
        )

    promises = []
    for pid in range(1, scaled(N_PROMISES) + 1):
        eid = rng.randrange(1, n_encounters + 1)
        enc = encounters[eid - 1]
        promises.append(
            {
                "id": pid,
                "encounter_id": eid,
                "contact_id": rng.randrange(1, n_contacts + 1),
                "direction": rng.choice(("mine", "theirs")),
                "text": text.fill(rng.choice(PROMISE_TEXTS)),
                "due": (enc["start"] + timedelta(days=rng.randint(3, 30))).date(),
                "done_on": None if rng.random() < 0.3 else enc["start"].date(),
                "created_at": enc["start"],
            }
        )

    _insert(conn, "contact", contacts)
    _insert(conn, "contact_email", emails)
    _insert(conn, "personal_detail", details)
    _insert(conn, "encounter", encounters)
    _insert(conn, "participation", participations)
    _insert(conn, "reflection", reflections)
    _insert(conn, "promise", promises)
    return {
        "contacts": len(contacts),
        "encounters": len(encounters),
        "participations": len(participations),
        "reflections": len(reflections),
        "promises": len(promises),
    }


def search_terms(seed: int = SEED) -> list[str]:
    """Words a user would look for: names, companies, cities, words of notes."""
    rng = random.Random(seed + 1)
    words = [
        *rng.sample(GIVEN + MORE_GIVEN, 20),
        *rng.sample(FAMILY + MORE_FAMILY, 20),
        *[c.split()[0] for c in rng.sample(COMPANIES, 10)],
        *rng.sample(CITIES, 6),
        *rng.sample(INTERESTS, 6),
        "recital",
        "sabbatical",
        "dumplings",
        "pricing",
        "grateful",
        "conference",
    ]
    return words


def cjk_search_terms(seed: int = SEED) -> list[str]:
    """What a Japanese user looks for: a whole name, a given name inside one, a
    reading in either kana, a company and words of notes."""
    rng = random.Random(seed + 2)
    family, given = rng.sample(JA_FAMILY, 4), rng.sample(JA_GIVEN, 4)
    return [
        *(f + g for (f, _), (g, _) in zip(family[:2], given[:2], strict=True)),
        *(g for g, _ in given[2:]),
        family[2][1],  # katakana reading
        "".join(chr(ord(ch) - 0x60) for ch in family[3][1]),  # the same in hiragana
        "さくら製作所",
        "茶道",
        "打ち合わせ",
        "ランチ",
    ]


def search_as_you_type(n: int = 200, seed: int = SEED, *, cjk: bool = False) -> list[str]:
    """``n`` queries as typed: each word's prefixes from its first letter, in order
    (``cjk``: Japanese words, character by character)."""
    queries: list[str] = []
    for word in cjk_search_terms(seed) if cjk else search_terms(seed):
        for end in range(1, len(word) + 1):
            queries.append(word[:end])
            if len(queries) == n:
                return queries
    return queries


class BigVault:
    """The cached big vault: its path, the keyring file holding its key, and counts."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.path = root / "big.vault"
        self.keyring_file = root / "keyring.json"
        self.info_file = root / "info.json"

    def info(self) -> dict[str, Any]:
        return dict(json.loads(self.info_file.read_text()))


def big_vault(log: Any = print) -> BigVault:
    """The big vault, generated on first use and reused while the generator is unchanged."""
    import time

    import keyring

    from ichigoapp.store import KeyMode, create_vault, migrate
    from tests.keyrings import FILE_ENV, FileKeyring

    size = "" if scale() == 1.0 else f"-x{scale():g}"
    root = bench_dir() / f"vault-g{GENERATOR_VERSION}-s{migrate.head_revision()}{size}"
    made = BigVault(root)
    os.environ[FILE_ENV] = str(made.keyring_file)
    keyring.set_keyring(FileKeyring())
    if made.info_file.exists():
        return made
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    t0 = time.perf_counter()
    with create_vault(made.path, mode=KeyMode.KEYCHAIN) as vault, vault.engine.begin() as conn:
        counts = populate(conn)
    info = {
        **counts,
        "seconds": round(time.perf_counter() - t0, 1),
        "bytes": made.path.stat().st_size,
    }
    made.info_file.write_text(json.dumps(info))
    log(f"generated {made.path} in {info['seconds']} s: {counts}")
    return made
