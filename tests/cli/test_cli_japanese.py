"""Under a Japanese locale the command line and the printed card speak Japanese."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.cli_helpers import cli_env, run_cli
from tests.pdf import pdf_text

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
import translations


@pytest.mark.parametrize("how", [{"ICHIGO_LANG": "ja"}, {"LANG": "ja_JP.UTF-8", "LC_ALL": ""}])
def test_help_and_errors_are_japanese(tmp_path: Path, how: dict[str, str]) -> None:
    env = {**cli_env(tmp_path), **how}
    shown = run_cli("prep", "--help", env=env)
    assert shown.code == 0
    assert shown.out.startswith("使い方: ichigo prep")
    assert "オプション:" in shown.out and "このヘルプを表示して終了する" in shown.out
    assert "準備カードを印刷する" in shown.out
    assert "usage" not in shown.out and "show this help" not in shown.out

    # argparse's own error and one of ours, each one Japanese line on stderr.
    missing = run_cli("prep", "--date", "2026-12-05", env=env)
    assert missing.code == 2
    assert missing.err == "ichigo: 次の引数が必要です: --pdf（`ichigo prep --help` を参照）\n"
    both = run_cli("prep", "--date", "2026-12-05", "--encounter", "1", "--pdf", "x.pdf", env=env)
    assert both.code == 2
    assert "どれか1つだけを指定してください" in both.err


def test_english_stays_english(tmp_path: Path) -> None:
    env = {**cli_env(tmp_path), "LANG": "en_GB.UTF-8"}
    shown = run_cli("prep", "--help", env=env)
    assert shown.out.startswith("usage: ichigo prep")
    assert "print prep cards for a day" in shown.out


def test_prep_card_labels_and_dates_are_japanese(tmp_path: Path) -> None:
    env = {**cli_env(tmp_path), "ICHIGO_LANG": "ja", "TZ": "Asia/Tokyo"}
    vault = ["--vault", str(tmp_path / "v.vault")]
    assert run_cli(*vault, "init", "--passphrase", env=env).code == 0
    made = run_cli(
        *vault, "contacts", "add", "--name", "佐藤花子", "--interest", "生け花", "--json", env=env
    )
    hanako = str(made.json()["id"])
    meeting = run_cli(
        *vault,
        "encounters",
        "add",
        "--title",
        "打ち合わせ",
        "--start",
        "2026-12-05T14:00+09:00",
        "--end",
        "2026-12-05T15:30+09:00",
        "--with",
        hanako,
        "--json",
        env=env,
    )
    out = tmp_path / "card.pdf"
    printed = run_cli(
        *vault, "prep", "--encounter", str(meeting.json()["id"]), "--pdf", str(out), env=env
    )
    assert printed.code == 0, printed.err
    assert printed.out == f"準備カード1枚を {out} に書き出しました\n"

    text = re.sub(r"\s+", "", pdf_text(out))
    assert "2026年12月5日土曜日" in text
    assert "14:00–15:30" in text and "1時間30分" in text
    assert "今回の目的（一期一会の心で）" in text
    assert "佐藤花子" in text and "初対面" in text
    assert "生け花について聞いてみましょう。" in text
    for english in ("My intention", "first meeting", "Ask about", "December", "Sat"):
        assert english not in text


def test_every_message_has_a_japanese_translation() -> None:
    from babel.messages.pofile import read_po

    with translations.po_file("ja").open("rb") as handle:
        catalog = read_po(handle, locale="ja")
    template = translations.extract_catalog()
    ids = {m.id for m in template if m.id}  # type: ignore[attr-defined]
    missing = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
    missing += [m.id for m in catalog if isinstance(m.string, tuple) and not all(m.string)]
    assert missing == []
    # The catalogue holds every message the code has now (make translations was run).
    assert ids <= {m.id for m in catalog if m.id}


def test_compiled_catalogues_match_their_sources() -> None:
    assert translations.stale_files() == []


def test_argparse_words_are_the_running_pythons() -> None:
    import argparse

    from ichigoapp.cli.argparse_words import ARGPARSE_MESSAGES

    source = Path(argparse.__file__).read_text(encoding="utf-8")
    for message in ARGPARSE_MESSAGES:
        assert repr(message)[1:-1] in source or message in source, message


def test_the_pseudo_locale_marks_every_message_and_keeps_the_contract(tmp_path: Path) -> None:
    env = {**cli_env(tmp_path), "ICHIGO_LANG": "pseudo"}
    shown = run_cli("prep", "--help", env=env)
    assert shown.code == 0
    assert "print prep cards" not in shown.out and "show this help" not in shown.out
    assert "⟦þŕîñţ þŕéþ çàŕđš" in shown.out
    # Option names and choices are the contract: never marked.
    assert "--pdf OUT.pdf" in shown.out and "{a6,a5,a4,letter,index}" in shown.out
