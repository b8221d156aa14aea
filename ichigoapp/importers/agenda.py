"""An invitation's description as an agenda worth printing.

Invitations from Teams, Zoom, Google Meet and Webex carry pages of joining
instructions (links, meeting IDs, passcodes, dial-in numbers) around the few lines the
organiser wrote. :func:`agenda_text` keeps the organiser's lines: the joining blocks
and lines go, links become their host ("docs.google.com"), and whitespace collapses.
The text stays text: it is escaped where it is shown, never interpreted.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# A line that only delimits a block: Outlook/Teams underscores, Google's "-::~:~::~…".
_DELIMITER = re.compile(r"^\s*(?:[_\-=*~]{8,}|-?(?::+~)+:*-?)\s*$")
_JOIN_HOSTS = re.compile(
    r"teams\.microsoft\.com|teams\.live\.com|aka\.ms/JoinTeamsMeeting|zoom\.us|zoomgov\.com|"
    r"meet\.google\.com|webex\.com|gotomeeting\.com|gotomeet\.me|whereby\.com|"
    r"chime\.aws|bluejeans\.com",
    re.IGNORECASE,
)
# Lines of joining instructions in the usual wordings (English, as the services write).
_BOILERPLATE = re.compile(
    r"^\s*(?:"
    r"microsoft teams(?: meeting| need help\?)?|join (?:on|from) your computer.*|"
    r"click here to join.*|join the meeting now|join (?:zoom )?meeting|"
    r"join with google meet|join by (?:phone|video system|sip)|join (?:a )?webex.*|"
    r"(?:meeting|webinar) (?:id|number|password|passcode|options)\b.*|"
    r"(?:passcode|password|pin|access code|phone conference id|conference id)\s*[:#].*|"
    r"download teams.*|join on the web.*|learn more.*|help\s*\|.*|"
    r"one tap mobile|dial by your location|dial-?in.*|find your local number.*|"
    r"more phone numbers.*|or dial.*|call in.*|join with a video conferencing device.*|"
    r"(?:tel:)?\+\d[\d\s().,#*-]{6,}.*|"  # a dial-in number (never a line that starts "2026-27")
    r"for organi[sz]ers:.*|reset dial-?in pin.*|"
    r"this meeting will be recorded.*|please do not edit this section.*|"
    r"invitation from google calendar.*|you are receiving this.*|"
    r"forwarding this invitation.*|learn more about meet.*|view all guest info.*|"
    r"reply for .*|invitation from .*calendar.*|to stop receiving.*|"
    r".* is inviting you to a scheduled zoom meeting\.?"
    r")\s*$",
    re.IGNORECASE,
)
_ANGLE_LINK = re.compile(r"<(https?://[^>\s]+)>")
_URL = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)
_HEADING = re.compile(r"^\s*agenda\s*:?\s*$", re.IGNORECASE)
_MAILTO = re.compile(r"<mailto:[^>]*>", re.IGNORECASE)


def _host(match: re.Match[str]) -> str:
    host = urlsplit(match.group(0)).hostname or ""
    return host.removeprefix("www.")


def _blocks(lines: list[str]) -> list[list[str]]:
    """The text split at delimiter lines."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if _DELIMITER.match(line):
            blocks.append([])
        else:
            blocks[-1].append(line)
    return blocks


def agenda_text(description: str) -> str:
    """The organiser's own lines of ``description``, one per line, links as hosts; ""
    when nothing but joining instructions is left."""
    text = description.replace("\r\n", "\n").replace("\r", "\n")
    kept: list[str] = []
    blocks = _blocks(text.split("\n"))
    for block in blocks:
        delimited = len(blocks) > 1
        if delimited and _JOIN_HOSTS.search("\n".join(block)) and _mostly_boilerplate(block):
            continue  # a joining block between delimiter lines: dropped whole
        for line in block:
            if _BOILERPLATE.match(line) or _only_join_link(line):
                continue
            line = _MAILTO.sub("", line)
            line = _ANGLE_LINK.sub(lambda m: f" ({_host(m)})" if _host(m) else "", line)
            line = _URL.sub(_host, line)
            line = " ".join(line.split())
            if line:
                kept.append(line)
            elif kept and kept[-1]:
                kept.append("")
    while kept and not kept[-1]:
        kept.pop()
    if kept and _HEADING.match(kept[0]):
        kept = kept[1:]  # "Agenda:" says what the card's own heading says
    return "\n".join(kept).strip("\n")


def _only_join_link(line: str) -> bool:
    stripped = _ANGLE_LINK.sub(r"\1", line).strip().strip("<>")
    return bool(_URL.fullmatch(stripped)) and bool(_JOIN_HOSTS.search(stripped))


def _mostly_boilerplate(block: list[str]) -> bool:
    lines = [line for line in block if line.strip()]
    if not lines:
        return True
    noise = sum(1 for line in lines if _BOILERPLATE.match(line) or _JOIN_HOSTS.search(line))
    return noise * 2 >= len(lines)
