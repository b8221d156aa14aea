"""Mutated e-mail messages: only ImportFailed may come out of the message reader, and
every calendar part it hands on is bytes the calendar reader then judges."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ichigoapp.errors import ImportFailed
from ichigoapp.importers.mail import Kind, read_message, sniff_bytes
from tests.importers import mail_samples

SEEDS = [
    mail_samples.outlook_invite(),
    mail_samples.google_invite(),
    mail_samples.apple_forward(),
    mail_samples.declined_reply(),
    mail_samples.japanese_invite(),
]
NASTY = st.sampled_from(
    [b"\r\n", b"\n\n", b"--", b"=", b"=3D", b"boundary=", b"Content-Type: multipart/mixed",
     b"Content-Transfer-Encoding: base64", b"charset=bogus", b"\xff", b"\x00", b"message/rfc822"]
)  # fmt: skip
EXAMPLES = int(os.environ.get("ICHIGO_FUZZ_EXAMPLES", "150"))


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        op = draw(st.sampled_from(["flip", "truncate", "insert"]))
        i = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[i] = draw(st.integers(0, 255))
        elif op == "truncate":
            del data[i:]
        else:
            data[i:i] = draw(st.one_of(NASTY, st.binary(min_size=1, max_size=12)))
    return bytes(data)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_a_mutated_message_never_crashes_the_reader(data: bytes) -> None:
    assert sniff_bytes(data[:65536]) in set(Kind)
    try:
        found = read_message(data, "message.eml")
    except ImportFailed as exc:
        assert exc.message.startswith("message.eml ")
        return
    for part in found.parts:
        assert isinstance(part.data, bytes) and part.data.strip()
        assert part.method == part.method.upper()


def test_a_charset_name_with_a_nul_in_it_still_gives_the_invitation() -> None:
    """Found by the test above: codecs refuse such a name with ValueError, not
    LookupError; the calendar part is then read as it is, like any unknown charset."""
    data = mail_samples.japanese_invite().replace(b'charset="shift_jis"', b'charset="\x00sjis"')
    assert b'charset="\x00sjis"' in data
    found = read_message(data, "message.eml")
    assert [p.method for p in found.parts] == ["REQUEST"]
    assert b"BEGIN:VCALENDAR" in found.parts[0].data
