"""The organiser's words of an invitation, without the joining instructions around them."""

from __future__ import annotations

from ichigoapp.importers.agenda import agenda_text

TEAMS = """Agenda:
1. Q3 numbers
2. Hiring plan, see https://docs.google.com/document/d/1AbC/edit

________________________________________________________________________________
Microsoft Teams meeting
Join on your computer, mobile app or room device
Click here to join the meeting<https://teams.microsoft.com/l/meetup-join/19%3ameeting_N2Rk>
Meeting ID: 123 456 789 012
Passcode: aB3cD4
Download Teams<https://www.microsoft.com/en-us/microsoft-teams/download-app> | Join on the web<https://www.microsoft.com/microsoft-teams/join-a-meeting>
Or call in (audio only)
+1 323-849-4874,,123456789#   United States, Los Angeles
Phone Conference ID: 123 456 789#
Find a local number<https://dialin.teams.microsoft.com/x> | Reset PIN<https://mysettings.lync.com/pstnconferencing>
Learn More<https://aka.ms/JoinTeamsMeeting> | Meeting options<https://teams.microsoft.com/meetingOptions/?o=1>
________________________________________________________________________________
"""

ZOOM = """Let's go through the 2026-27 roadmap.

Ingrid Solberg is inviting you to a scheduled Zoom meeting.

Join Zoom Meeting
https://us02web.zoom.us/j/85912345678?pwd=QWErty

Meeting ID: 859 1234 5678
Passcode: 314159
One tap mobile
+16465588656,,85912345678#,,,,*314159# US (New York)
+13017158592,,85912345678#,,,,*314159# US (Washington DC)

Dial by your location
        +1 646 558 8656 US (New York)
Find your local number: https://us02web.zoom.us/u/kdX
"""

MEET = """Bring the prototype.
-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-
Join with Google Meet: https://meet.google.com/abc-defg-hij
Or dial: (US) +1 617-675-4444 PIN: 123 456 789 1234#
More phone numbers: https://tel.meet/abc-defg-hij?pin=1234
Learn more about Meet at: https://support.google.com/a/users/answer/9282720
Please do not edit this section.
-::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-
"""


def test_teams_boilerplate_goes_and_the_agenda_stays_with_links_as_hosts() -> None:
    assert agenda_text(TEAMS) == "1. Q3 numbers\n2. Hiring plan, see docs.google.com"


def test_zoom_joining_lines_go_but_a_line_starting_with_a_year_stays() -> None:
    assert agenda_text(ZOOM) == "Let's go through the 2026-27 roadmap."


def test_a_google_meet_block_goes_whole() -> None:
    assert agenda_text(MEET) == "Bring the prototype."


def test_only_joining_instructions_leave_nothing_and_markup_stays_text() -> None:
    assert agenda_text("Join Zoom Meeting\nhttps://zoom.us/j/1\nMeeting ID: 1") == ""
    assert agenda_text("Budget <b>bold</b>\r\n\r\n\r\n  next   steps ") == (
        "Budget <b>bold</b>\n\nnext steps"
    )


def test_any_text_is_read_without_error_and_never_grows() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    @given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
    def check(text: str) -> None:
        out = agenda_text(text)
        assert len(out) <= len(text)

    check()
