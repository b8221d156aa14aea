"""Notifications reach the desktop's own service over a real session D-Bus, with their
buttons, and come back as actions; texts are shown literally and never logged."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from ichigoapp.ui.notifications import DesktopNotifications, Notice
from tests.desktop_bus import RecordingNotifications, needs_dbus

pytestmark = needs_dbus

COFFEE = Notice(
    key="before:7:2026-05-04T09:30:00+00:00",
    title="Coffee with Ingrid at 09:30",
    body="Ingrid Solberg (met 3 times), Lena Fischer (new)",
    actions=(("open-card", "Open prep card"), ("print", "Print")),
)


def test_a_notice_reaches_the_desktop_with_its_buttons(
    notifications: DesktopNotifications,
    notification_server: RecordingNotifications,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)

    assert notifications.show(COFFEE)

    (shown,) = notification_server.shown
    assert (shown.app_name, shown.summary, shown.body) == ("Ichigo", COFFEE.title, COFFEE.body)
    # A click on the notice itself opens the card, like its first button.
    assert shown.actions == [
        "default",
        "Open prep card",
        "open-card",
        "Open prep card",
        "print",
        "Print",
    ]
    assert shown.hints["desktop-entry"][1] == "io.github.ichigo.Ichigo"
    assert "Ingrid" not in caplog.text and "Coffee" not in caplog.text


def test_pressing_a_button_comes_back_as_the_notices_action(
    notifications: DesktopNotifications, notification_server: RecordingNotifications, qtbot: Any
) -> None:
    notifications.show(COFFEE)
    (shown,) = notification_server.shown

    with qtbot.waitSignal(notifications.action_invoked, timeout=5000) as pressed:
        notification_server.press(shown.id, "print")
    assert pressed.args == [COFFEE.key, "print"]

    with qtbot.waitSignal(notifications.action_invoked, timeout=5000) as clicked:
        notification_server.press(shown.id, "default")
    assert clicked.args == [COFFEE.key, "open-card"]


def test_another_applications_buttons_are_not_ours(
    notifications: DesktopNotifications, notification_server: RecordingNotifications, qtbot: Any
) -> None:
    notifications.show(COFFEE)
    with qtbot.assertNotEmitted(notifications.action_invoked, wait=500):
        notification_server.press(99, "print")


def test_a_server_that_reads_markup_gets_the_text_escaped(session_bus: str, qapp: Any) -> None:
    server = RecordingNotifications(session_bus, capabilities=["body", "body-markup"])
    shown = DesktopNotifications()
    try:
        assert shown.start()
        shown.show(Notice("k", "Kickoff <b>now</b>", "Tom & <i>Jerry</i>", (("a", "A"),)))
    finally:
        shown.stop()
        server.stop()
    (notice,) = server.shown
    assert notice.body == "Tom &amp; &lt;i&gt;Jerry&lt;/i&gt;"  # shown as written
    assert notice.summary == "Kickoff <b>now</b>"  # the summary is plain text by the spec
    assert notice.actions == []  # no "actions" capability: no buttons offered


def test_without_a_notification_service_nothing_is_shown(session_bus: str, qapp: Any) -> None:
    shown = DesktopNotifications()
    assert not shown.start()  # a bus, but nobody owns org.freedesktop.Notifications
    assert not shown.show(COFFEE)  # and no tray to fall back on


def test_without_a_session_bus_at_all(monkeypatch: pytest.MonkeyPatch, qapp: Any) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("DISPLAY", "")
    shown = DesktopNotifications()
    assert not shown.start()
    assert not shown.on_desktop
