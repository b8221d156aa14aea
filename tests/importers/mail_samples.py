"""E-mail messages shaped like the ones mail programs save, made here with the standard
library (never copied from anywhere): Outlook/Exchange, Google, an Apple Mail forward,
a cancellation, a reply, a message without an invite, Japanese encodings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime

ORGANIZER = "ORGANIZER;CN=Mio Tanaka:mailto:mio@example.org"

WINDOWS_ZONE = """BEGIN:VTIMEZONE
TZID:Tokyo Standard Time
BEGIN:STANDARD
DTSTART:16010101T000000
TZOFFSETFROM:+0900
TZOFFSETTO:+0900
END:STANDARD
END:VTIMEZONE"""


def calendar(
    method: str,
    uid: str,
    summary: str,
    start: str,
    *,
    sequence: int = 0,
    attendees: tuple[str, ...] = (),
    tz: str = "",
    extra: str = "",
    status: str = "",
) -> str:
    """One VEVENT; ``start`` as 20261210T100000 (local to ``tz``) or ...Z (UTC)."""
    when = f"DTSTART;TZID={tz}:{start}" if tz else f"DTSTART:{start}"
    hour = int(start[9:11]) + 1
    end = f"{start[:9]}{hour:02d}{start[11:]}"
    until = f"DTEND;TZID={tz}:{end}" if tz else f"DTEND:{end}"
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Ichigo tests//mail//EN",
        "VERSION:2.0",
        *([f"METHOD:{method}"] if method else []),
        *([WINDOWS_ZONE] if tz == "Tokyo Standard Time" else []),
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"SEQUENCE:{sequence}",
        "DTSTAMP:20261201T080000Z",
        when,
        until,
        f"SUMMARY:{summary}",
        ORGANIZER,
        *attendees,
        *([f"STATUS:{status}"] if status else []),
        *([extra] if extra else []),
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    return "\r\n".join(lines)


def _message(
    subject: str, sent: datetime, sender: str = "Mio Tanaka <mio@example.org>"
) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "Ada Lovelace <ada@example.org>"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(sent)
    msg["Message-ID"] = f"<{abs(hash((subject, sent))):x}@example.org>"
    return msg


SENT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
HANAKO = (
    'ATTENDEE;CN="Hanako Sato";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:'
    "mailto:hanako.sato@kyoto-tea.example.jp"
)
ROOM = (
    "ATTENDEE;CUTYPE=ROOM;CN=Conf Room 4B;ROLE=NON-PARTICIPANT;PARTSTAT=ACCEPTED:"
    "mailto:conf-room-4b@example.org"
)
KOFI = "ATTENDEE;CN=Kofi Mensah;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:kofi@example.com"


def outlook_invite() -> bytes:
    """Exchange: the calendar part quoted-printable (every '=' becomes '=3D'), a Windows
    zone name, a room booked as an attendee."""
    msg = _message("Partnership kick-off", SENT)
    msg.set_content("Let us meet about the partnership.\n")
    text = calendar(
        "REQUEST", "040000008200E00074C5B7101A82E00800000000F0A1B2C3", "Partnership kick-off",
        "20261210T100000", tz="Tokyo Standard Time", attendees=(HANAKO, ROOM, KOFI),
        extra="DESCRIPTION:Agenda: a=1\\, b=2 — see https://example.org/agenda?id=3&x=4",
    )  # fmt: skip
    msg.add_alternative(
        text, subtype="calendar", params={"method": "REQUEST"}, cte="quoted-printable"
    )
    return bytes(msg)


def google_invite(
    uid: str = "g1@google.example",
    sequence: int = 0,
    start: str = "20261211T150000Z",
    sent: datetime = SENT,
    summary: str = "Coffee with Kofi",
) -> bytes:
    """Google: multipart/alternative with a base64 text/calendar, plus invite.ics."""
    msg = _message(f"Invitation: {summary}", sent, "Kofi Mensah <kofi@example.com>")
    msg.set_content(f"You are invited to {summary}.\n")
    msg.add_alternative(f"<p>You are invited to <b>{summary}</b>.</p>", subtype="html")
    text = calendar("REQUEST", uid, summary, start, sequence=sequence, attendees=(KOFI,))
    msg.add_alternative(text, subtype="calendar", params={"method": "REQUEST"}, cte="base64")
    msg.make_mixed()
    msg.add_attachment(
        text.encode(), maintype="application", subtype="ics", filename="invite.ics",
        params={"method": "REQUEST"},
    )  # fmt: skip
    return bytes(msg)


def apple_forward() -> bytes:
    """Apple Mail's forward: the original message attached as message/rfc822."""
    from email import message_from_bytes, policy

    inner = message_from_bytes(google_invite("fwd@google.example", summary="Tea tasting"),
                               policy=policy.default)  # fmt: skip
    msg = _message("Fwd: Invitation: Tea tasting", SENT + timedelta(hours=1),
                   "Ada Lovelace <ada@example.org>")  # fmt: skip
    msg.set_content("Begin forwarded message:\n")
    msg.add_attachment(inner)
    return bytes(msg)


def cancellation(
    uid: str = "g1@google.example", sent: datetime = SENT + timedelta(days=1)
) -> bytes:
    msg = _message("Cancelled: Coffee with Kofi", sent, "Kofi Mensah <kofi@example.com>")
    msg.set_content("This event has been cancelled.\n")
    text = calendar("CANCEL", uid, "Coffee with Kofi", "20261211T150000Z", sequence=1,
                    attendees=(KOFI,), status="CANCELLED")  # fmt: skip
    msg.add_alternative(text, subtype="calendar", params={"method": "CANCEL"})
    return bytes(msg)


def declined_reply(uid: str = "040000008200E00074C5B7101A82E00800000000F0A1B2C3") -> bytes:
    msg = _message("Declined: Partnership kick-off", SENT + timedelta(hours=3),
                   "Kofi Mensah <kofi@example.com>")  # fmt: skip
    msg.set_content("Kofi Mensah has declined this invitation.\n")
    declined = KOFI.replace("PARTSTAT=ACCEPTED", "PARTSTAT=DECLINED")
    text = calendar("REPLY", uid, "Partnership kick-off", "20261210T100000",
                    tz="Tokyo Standard Time", attendees=(declined,))  # fmt: skip
    msg.add_alternative(text, subtype="calendar", params={"method": "REPLY"})
    return bytes(msg)


def plain_note(n: int = 0, sent: datetime = SENT) -> bytes:
    msg = _message(f"Notes from our call {n}", sent)
    msg.set_content(f"Thanks for the call. Here are the notes, number {n}.\n" * 5)
    return bytes(msg)


def japanese_invite() -> bytes:
    """A Japanese mailer: ISO-2022-JP subject, Shift_JIS body and calendar."""
    msg = EmailMessage()
    msg["From"] = "佐藤花子 <hanako.sato@kyoto-tea.example.jp>"
    msg["To"] = "ada@example.org"
    msg["Subject"] = "お茶会のご案内"
    msg["Date"] = format_datetime(SENT)
    msg.set_content("お茶会にご招待します。\n", charset="iso-2022-jp")
    hanako = "ATTENDEE;CN=佐藤花子:mailto:hanako.sato@kyoto-tea.example.jp"
    text = calendar("REQUEST", "tea@kyoto-tea.example.jp", "お茶会", "20261212T050000Z",
                    attendees=(hanako,))  # fmt: skip
    msg.add_alternative(text, subtype="calendar", charset="shift_jis", params={"method": "REQUEST"})
    return bytes(msg)
