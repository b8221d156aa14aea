"""A few natural English sentences, addressed to the person, from the user's own notes.

The gratitude line and a promise are written *about* people ("Her time", "Kofi gave me
an hour", "Send her the slides"); a message says it *to* them ("Thank you for your
time", "You gave me an hour…", "As promised, here are the slides"). Pure functions on
text: ``services/compose.py`` brings the names and the meeting, and the user edits the
draft before it goes anywhere, so a guess that reads oddly costs a second, never a
wrong fact: nothing here adds anything the user did not write but the frame.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words after which "her" is the person ("introduce her to", "thank her and"), not
# their possession ("her time").
_AFTER_OBJECT = _words(
    """to for with about at on in into from by of up out over back again and or but a an
    the this that these those some any my our your his her their how what when where why
    if whether so as too yesterday today tomorrow now later soon last next once all
    """
)
# Third person -> second person, for one recipient; for a group only the plural ones.
_SINGULAR = {
    "his": "your",
    "him": "you",
    "hers": "yours",
    "himself": "yourself",
    "herself": "yourself",
    "she": "you",
    "he": "you",
}
_PLURAL = {
    "they": "you",
    "them": "you",
    "their": "your",
    "theirs": "yours",
    "themselves": "yourselves",
    "themself": "yourself",
}
# "she was" -> "you were": the verbs whose form changes with "you".
# ("wasn" is "wasn't" as the words are split: "wasn", "'", "t").
_VERB_AFTER_YOU = {
    "was": "were",
    "is": "are",
    "has": "have",
    "does": "do",
    "wasn": "weren",
    "isn": "aren",
    "hasn": "haven",
    "doesn": "don",
}
_SENTENCE_END = (".", "!", "?", "…", "。", "！", "？")
_APOSTROPHES = ("'", "’")

_GRATEFUL = re.compile(
    r"^(?:i\s*(?:am|'m|’m|was|feel|felt)\s+)?(?:so\s+|very\s+|really\s+|truly\s+|deeply\s+)?"
    r"(?:grateful|thankful)\b\s*(?:(?:to\s+.+?\s+)?for\s+|that\s+)?",
    re.IGNORECASE,
)
_THANKS = re.compile(r"^(?:thank\s+you|thanks)\b", re.IGNORECASE)
# Subjects that make the line a clause ("you gave me an hour"), not a thing to thank for.
_SUBJECTS = frozenset({"you", "i", "we", "it", "there", "they", "she", "he"})
# Finite verbs often found right after a subject in a gratitude line.
_FINITE = _words(
    """was were is are has have had gave made took came brought showed told spent found
    let put sent went met got did knew kept taught lent paid drove offered helped shared
    introduced invited listened picked hosted answered explained arranged"""
)
_DETERMINERS = _words("the a an my our your his her their this that these those some any every all")
# Verbs of handing something over: "Send her the slides" promises the slides.
_HANDING = _words("send share forward email e-mail mail give lend pass find dig get")
_PARTICLES = _words("over along on out across back")
_RECIPIENT_PRONOUNS = _words("her him them you")
_PREPOSITIONS = _words("on about from for of with in to by at")


def _cased(replacement: str, original: str) -> str:
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement


def _names_to_you(text: str, names: Sequence[str]) -> str:
    """The recipient named in the line becomes "you" ("Hanako's" becomes "your")."""
    for name in sorted({n for n in names if n.strip()}, key=len, reverse=True):
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(['’]s)?(?!\w)")
        text = pattern.sub(lambda m: "your" if m.group(1) else "you", text)
    return text


def to_second_person(text: str, names: Sequence[str] = (), *, single: bool = True) -> str:
    """``text`` said to its subject: "her time" -> "your time", "they gave" -> "you gave".

    With ``single`` (a message to one person) "she", "he", "her", "his" and the
    person's ``names`` become "you"; for a group only "they", "them" and "their" do,
    since "her" may be any one of them.
    """
    if single:
        text = _names_to_you(text, names)
    table = {**_PLURAL, **_SINGULAR} if single else _PLURAL
    parts = re.split(r"(\w[\w-]*)", text)  # odd indices: words; even: what lies between
    for i in range(1, len(parts), 2):
        word = parts[i]
        low = word.lower()
        following = parts[i + 2].lower() if i + 2 < len(parts) else ""
        between = parts[i + 1] if i + 1 < len(parts) else ""
        if single and low == "her":
            as_object = not following or between.strip() != "" or following in _AFTER_OBJECT
            parts[i] = _cased("you" if as_object else "your", word)
            continue
        if low not in table:
            continue
        parts[i] = _cased(table[low], word)
        if table[low] != "you" or i + 2 >= len(parts):
            continue
        if between in _APOSTROPHES and following == "s":  # "she's" -> "you're"
            parts[i + 2] = "re"
        elif low in ("she", "he") and between.isspace() and following in _VERB_AFTER_YOU:
            parts[i + 2] = _cased(_VERB_AFTER_YOU[following], parts[i + 2])
    return "".join(parts)


def _lower_first(text: str, is_name: Callable[[str], bool]) -> str:
    """The line's first word in lower case, unless it is a name, "I" or an acronym."""
    match = re.match(r"\w[\w'’-]*", text)
    if match is None:
        return text
    word = match.group(0)
    bare = re.split(r"['’]", word)[0]
    keep = (
        bare == "I"
        or not word[:1].isupper()
        or any(c.isupper() for c in word[1:])  # "iPhone", "NASA", "McKinsey"
        or is_name(bare)
    )
    return text if keep else text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _ended(text: str) -> str:
    return text if text.endswith(_SENTENCE_END) else text + "."


def _is_clause(text: str, lead_names: Sequence[str]) -> bool:
    words = re.findall(r"\w[\w'’-]*", text)
    if not words:
        return False
    first = re.split(r"['’]", words[0])[0].lower()  # "you're" is "you"
    if first in _SUBJECTS:
        return True
    if any(
        text.startswith(n) and text[len(n) : len(n) + 1] not in _APOSTROPHES for n in lead_names
    ):
        return True
    return (
        len(words) > 1
        and words[0][:1].isupper()
        and first not in _DETERMINERS
        and words[1].lower() in _FINITE
    )


def gratitude_sentence(
    line: str,
    names: Sequence[str] = (),
    *,
    single: bool = True,
    is_name: Callable[[str], bool] = lambda _word: False,
) -> str:
    """The gratitude line as a sentence of thanks to the people of ``names``.

    "Her time" -> "Thank you for your time."; "Hanako gave me an hour." -> "You gave me
    an hour. Thank you so much for that."; a line that already thanks is kept as it is.
    ``is_name`` says whether a capitalised word is someone's name (kept capitalised).
    """
    text = " ".join(line.split())
    text = _GRATEFUL.sub("", text, count=1) or text
    if text[:4].lower() == "for ":
        text = text[4:]
    spoken = to_second_person(text, names, single=single)
    if _THANKS.match(spoken):
        return _ended(_upper_first(spoken))
    if _is_clause(spoken, [] if single else names):
        return f"{_ended(_upper_first(spoken))} Thank you so much for that."
    thing = spoken.rstrip(".").rstrip()
    if thing.endswith(("!", "?")):
        thing = thing[:-1].rstrip()
    return f"Thank you for {_lower_first(thing, is_name)}."


def greeting(first_names: Sequence[str]) -> str:
    """ "Hi Hanako,", "Hi Hanako and Kofi,", "Hi Hanako, Kofi and Ama,"."""
    names = [n for n in first_names if n]
    if not names:
        return "Hello,"
    if len(names) == 1:
        return f"Hi {names[0]},"
    return f"Hi {', '.join(names[:-1])} and {names[-1]},"


def first_name(given_name: str, display_name: str) -> str:
    """What a greeting calls someone: the given name, else the first word of the name."""
    if given_name.strip():
        return given_name.strip()
    words = display_name.split()
    return words[0] if words else ""


def when(day: date, today: date) -> str:
    """A day as a message says it: "today", "yesterday", "on Tuesday", "on 4 May"."""
    if day == today:
        return "today"
    if day == today - timedelta(days=1):
        return "yesterday"
    if today - timedelta(days=6) <= day < today:
        return f"on {WEEKDAYS[day.weekday()]}"
    said = f"on {WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
    return said if day.year == today.year else f"{said} {day.year}"


# What the meeting was, as "our …": None for kinds that are not something shared.
_KIND_NOUN = {"meeting": "meeting", "call": "call", "coffee": "coffee", "meal": "meal"}


def meeting_sentence(kind: str, day_said: str, *, group: bool) -> str:
    """One line recalling the meeting: "I really enjoyed our coffee yesterday."."""
    noun = _KIND_NOUN.get(kind)
    if noun is not None:
        return f"I really enjoyed our {noun} {day_said}."
    if kind == "message":
        return f"It was good to hear from you {day_said}."
    return f"It was lovely to see you{' all' if group else ''} {day_said}."


def closing(kind: str, *, group: bool) -> str:
    if kind == "message":
        return "I look forward to staying in touch."
    return f"I look forward to seeing you{' all' if group else ''} again."


def signed(my_name: str) -> str:
    return f"Best wishes,\n{my_name}" if my_name else "Best wishes"


def _is_plural(thing: str) -> bool:
    """ "the slides" are, "the case study" is: by the noun before any preposition."""
    words = re.findall(r"[\w'’-]+", thing.lower())
    head = ""
    for word in words:
        if word in _PREPOSITIONS:
            break
        head = word
    return (
        head.endswith("s")
        and not head.endswith(("ss", "us", "is", "'s", "’s"))
        and head not in _DETERMINERS
    )


def promised_thing(text: str, names: Sequence[str] = ()) -> str | None:
    """What a promise hands over ("Send her the case study" -> "the case study"), or
    None when it promises something to do instead ("Introduce her to Priya")."""
    words = text.split()
    if not words:
        return None
    first = words[0].lower()
    if first in _DETERMINERS and first not in ("his", "her", "their", "all", "every"):
        rest = words
    elif first in _HANDING:
        rest = words[1:]
        while rest and rest[0].lower() in _PARTICLES:
            rest = rest[1:]
        recipients = _RECIPIENT_PRONOUNS | {n.lower() for n in names}
        if rest and rest[0].lower() in recipients:
            rest = rest[1:]
    else:
        return None
    thing = " ".join(rest).rstrip(".!").strip()
    # "… to her", "… with them": who it goes to is the message's recipient.
    thing = re.sub(r"\s+(?:to|with|for)\s+(?:her|him|them|you)$", "", thing, flags=re.I)
    return thing or None


def followup_sentence(
    promise: str,
    names: Sequence[str],
    day_said: str | None,
    *,
    is_name: Callable[[str], bool] = lambda _word: False,
) -> tuple[str, str | None]:
    """The sentence of a follow-up, and the thing it hands over (None for a deed).

    "Send the slides" -> "As promised when we met on Tuesday, here are the slides.";
    "Introduce her to Priya" -> "When we met on Tuesday, I promised to introduce you
    to Priya."
    """
    text = " ".join(promise.split()).rstrip(".")
    thing = promised_thing(text, names)
    if thing is not None:
        said = _lower_first(to_second_person(thing, names), is_name)
        verb = "are" if _is_plural(said) else "is"
        lead = f"As promised when we met {day_said}" if day_said else "As promised"
        return f"{lead}, here {verb} {said}.", said
    deed = to_second_person(text, names)
    deed = deed[:1].lower() + deed[1:] if not is_name(deed.split()[0]) else deed
    if day_said:
        return f"When we met {day_said}, I promised to {deed}.", None
    return f"I promised to {deed}.", None


def hope_useful(thing: str) -> str:
    return "I hope they are useful." if _is_plural(thing) else "I hope it is useful."
