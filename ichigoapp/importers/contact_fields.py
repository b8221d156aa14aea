"""Text helpers the contact importers share: decoding, labels, links, CSV rows, dates."""

from __future__ import annotations

import codecs
import csv
import io
import re
from datetime import date
from urllib.parse import urlsplit

from ichigoapp.errors import ImportFailed
from ichigoapp.i18n import _

_FALLBACK_ENCODINGS = ("cp1252", "latin-1")


def decode_text(data: bytes) -> str:
    """Decode a contacts file: UTF-8 (with or without BOM), else cp1252, else latin-1.

    UTF-16 with a BOM is accepted too because Outlook and older Google exports write it.
    latin-1 maps every byte, so this never fails and never yields U+FFFD.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16").replace("\x00", "")
        except UnicodeDecodeError:
            pass  # a BOM-like start on a file that is not UTF-16; try the others
    text: str | None = None
    for encoding in ("utf-8-sig", *_FALLBACK_ENCODINGS):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:  # unreachable: latin-1 decodes anything; kept for the type checker
        text = data.decode("latin-1")
    # NUL never belongs in a contact and confuses the csv module and vobject alike.
    return text.replace("\x00", "")


_APPLE_LABEL = re.compile(r"_\$!<(.*)>!\$_")


def clean_label(label: str) -> str:
    """A label as a user would say it: Apple's ``_$!<Home>!$_`` and Google's ``* Work``
    both become "home"/"work". Labels are lower-cased so the same label from two sources
    compares equal."""
    label = label.strip()
    apple = _APPLE_LABEL.fullmatch(label)
    if apple:
        label = apple.group(1)
    label = label.lstrip("*").strip()
    return " ".join(label.split()).lower()


_LINK_SITES = (
    ("linkedin.com", "linkedin"),
    ("twitter.com", "twitter"),
    ("x.com", "twitter"),
    ("github.com", "github"),
    ("facebook.com", "facebook"),
    ("instagram.com", "instagram"),
    ("mastodon.social", "mastodon"),
    ("bsky.app", "bluesky"),
)


def guess_link_label(url: str) -> str:
    """The site name ("linkedin") for a known profile host; "" for any other site."""
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:
        return ""
    for site, label in _LINK_SITES:
        if host == site or host.endswith(f".{site}"):
            return label
    return ""


def join_nonempty(parts: list[str], sep: str = " ") -> str:
    return sep.join(part.strip() for part in parts if part and part.strip())


def read_csv_rows(text: str, name: str = "") -> list[list[str]]:
    """All rows of a CSV text; quoted commas, doubled quotes and CRLF handled by csv."""
    try:
        return list(csv.reader(io.StringIO(text, newline=""), strict=False))
    except csv.Error as exc:  # e.g. a cell over csv's size limit: the file is unusable
        raise ImportFailed(
            _("{name} could not be read as CSV: {problem}.").format(
                name=name or _("The file"), problem=exc
            )
        ) from exc


_ISO_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


def parse_iso_date(value: str) -> date | None:
    """1985-04-15 or 19850415 (a time after it is ignored); None when there is no full
    date, e.g. a birthday without a year ("--04-15")."""
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
