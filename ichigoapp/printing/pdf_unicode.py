"""Make Japanese text in Qt's PDFs copyable and searchable.

Qt writes each embedded font's ToUnicode map by taking, for every glyph, the *lowest*
code point the font maps to it. CJK fonts share one glyph between an ideograph and its
Kangxi radical (U+2F00-U+2FDF, e.g. U+2F2D and 山 U+5C71), so "山田" comes out of the PDF
as "⼭⽥": it looks right but cannot be found with search or pdftotext. This pass maps
such radicals back to their ideographs (their NFKC form) in the ToUnicode streams only.

Both forms are four hex digits, so the file keeps its exact length and xref offsets.
"""

from __future__ import annotations

import re
import unicodedata

_STREAM_REF = re.compile(rb"/ToUnicode (\d+) 0 R")
_HEX4 = re.compile(rb"<([0-9A-Fa-f]{4})>")
_RANGE_LINE = re.compile(rb"^<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})> (.*)$", re.MULTILINE)


def _ideograph(code: int) -> int | None:
    if not (0x2E80 <= code <= 0x2FDF):
        return None
    normal = unicodedata.normalize("NFKC", chr(code))
    if len(normal) == 1 and ord(normal) <= 0xFFFF and ord(normal) != code:
        return ord(normal)
    return None


def _swap(match: re.Match[bytes]) -> bytes:
    code = int(match.group(1), 16)
    better = _ideograph(code)
    return match.group(0) if better is None else b"<%04X>" % better


def _fix_line(match: re.Match[bytes]) -> bytes:
    first, last, target = match.group(1), match.group(2), match.group(3)
    if target.startswith(b"["):
        return match.group(0)[: -len(target)] + _HEX4.sub(_swap, target)
    # "<a> <b> <dst>" maps a run to consecutive code points: only a single-glyph run
    # can be rewritten without changing its neighbours.
    if first == last:
        return match.group(0)[: -len(target)] + _HEX4.sub(_swap, target)
    return match.group(0)


def _fix_cmap(cmap: bytes) -> bytes:
    return _RANGE_LINE.sub(_fix_line, cmap)


def fix_cjk_to_unicode(pdf: bytes) -> bytes:
    """``pdf`` with radical code points in its ToUnicode maps replaced by ideographs."""
    out = bytearray(pdf)
    for number in {int(m.group(1)) for m in _STREAM_REF.finditer(pdf)}:
        header = re.search(rb"(?m)^%d 0 obj\b" % number, pdf)
        if header is None:
            continue
        start = pdf.find(b"stream", header.end())
        end = pdf.find(b"endstream", start)
        if start < 0 or end < 0:
            continue
        body = pdf[start:end]
        if b"begincmap" not in body:  # compressed or unexpected: leave it alone
            continue
        fixed = _fix_cmap(body)
        if len(fixed) == len(body):
            out[start:end] = fixed
    return bytes(out)
