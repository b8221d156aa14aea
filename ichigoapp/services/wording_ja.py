"""Drafts in Japanese: their own composition, not a translation of the English one.

The English drafts (``wording.py``) rewrite the user's note from the third person to
the second ("her time" -> "your time"). Japanese needs none of that: the user's own
words go in as written, inside the frame a Japanese business e-mail has (the name with
様, お世話になっております, the thanks, 今後ともよろしくお願いいたします). As in English,
nothing is added that the user did not write but the frame, and the user edits the
draft before it goes anywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

_STOPS = ("。", "！", "？", "!", "?", ".", "…")

# What the meeting was, as the thanks says it: 「先日は<…>、ありがとうございました。」
_TIME_GIVEN = "お時間をいただき"
_THANKS_FOR = {
    "meeting": _TIME_GIVEN,
    "call": "お電話でお時間をいただき",
    "video call": "オンラインでお時間をいただき",
    "coffee": "コーヒーをご一緒させていただき",
    "meal": "お食事をご一緒させていただき",
    "event": "お会いでき",
}


def addressee(family_names: Sequence[str]) -> str:
    """ "佐藤様", "佐藤様、田中様"; "皆様" for more than three people."""
    if len(family_names) > 3:
        return "皆様"
    return "、".join(f"{name}様" for name in family_names)


def when(day: date, today: date) -> str:
    """本日, 昨日, else 先日: how a letter refers to a recent meeting."""
    if day == today:
        return "本日"
    if day == today - timedelta(days=1):
        return "昨日"
    return "先日"


def _opening(my_name: str) -> str:
    return (
        f"いつもお世話になっております。{my_name}です。"
        if my_name
        else "いつもお世話になっております。"
    )


def _ended(text: str) -> str:
    return text if text.endswith(_STOPS) else text + "。"


def thanks_body(
    family_names: Sequence[str], gratitude: str, kind: str, day_said: str, my_name: str
) -> str:
    """A thank-you: the user's gratitude line as written, framed politely."""
    line = " ".join(gratitude.split())
    # A note is usually a phrase ("紹介してくださったこと"); a full sentence stands alone.
    thanks = line if line.endswith(_STOPS) else f"{line}、心より感謝しております。"
    paragraphs = [
        addressee(family_names),
        "\n".join(
            (
                _opening(my_name),
                f"{day_said}は{_THANKS_FOR.get(kind, _TIME_GIVEN)}、ありがとうございました。",
                thanks,
            )
        ),
        "今後ともどうぞよろしくお願いいたします。",
    ]
    if my_name:
        paragraphs.append(my_name)
    return "\n\n".join(paragraphs)


def thanks_subject(title: str) -> str:
    return f"お礼（{title}）" if title else "お礼"


def followup_body(family_name: str, promise: str, day_said: str | None, my_name: str) -> str:
    """A follow-up on the user's promise, named as the user wrote it."""
    text = " ".join(promise.split()).rstrip("。.")
    lead = f"{day_said}お約束した" if day_said else "お約束していた"
    paragraphs = [
        addressee([family_name]),
        "\n".join((_opening(my_name), _ended(f"{lead}「{text}」の件でご連絡いたしました"))),
        "ご確認のほど、よろしくお願いいたします。",
    ]
    if my_name:
        paragraphs.append(my_name)
    return "\n\n".join(paragraphs)


def followup_subject(what: str) -> str:
    return f"お約束の件（{what}）" if what else "お約束の件"
