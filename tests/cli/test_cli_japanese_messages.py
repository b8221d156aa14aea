"""Under ICHIGO_LANG=ja the errors and reports built below the CLI (importers, store,
services) read Japanese too: a bad calendar file, a wrong restore, `ichigo security`
and the reason a pair of contacts looks like a duplicate."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from ichigoapp import i18n
from ichigoapp.errors import ImportFailed
from ichigoapp.i18n import Choice
from ichigoapp.importers.ics import parse_ics
from ichigoapp.services.contacts import ContactInput, add_contact
from ichigoapp.services.duplicates import find_duplicates
from ichigoapp.store.backup import backup_dir_for
from tests.cli_helpers import cli_env, run_cli


@pytest.fixture
def ja(tmp_path: Path) -> dict[str, str]:
    return {**cli_env(tmp_path), "ICHIGO_LANG": "ja"}


def test_a_file_that_is_no_calendar_is_refused_in_japanese(
    tmp_path: Path, ja: dict[str, str]
) -> None:
    vault = ["--vault", str(tmp_path / "v.vault")]
    assert run_cli(*vault, "init", "--passphrase", env=ja).code == 0
    bad = tmp_path / "bad.ics"
    bad.write_text("hello, this is not a calendar\n")

    imported = run_cli(*vault, "import", str(bad), env=ja)

    assert imported.code != 0
    assert "bad.ics はカレンダー、メール、メールボックスのいずれでもありません" in imported.err
    assert "is not a calendar" not in imported.out + imported.err


def test_a_wrong_restore_says_what_is_wrong_in_japanese(tmp_path: Path, ja: dict[str, str]) -> None:
    existing = tmp_path / "v.vault"
    assert run_cli("--vault", str(existing), "init", "--passphrase", env=ja).code == 0
    missing = tmp_path / "nope.vault"

    no_backup = run_cli("--vault", str(tmp_path / "new.vault"), "restore", str(missing), env=ja)
    assert no_backup.code != 0
    assert no_backup.err == f"ichigo: {missing} にバックアップがありません\n"

    onto_itself = run_cli("--vault", str(existing), "restore", str(existing), env=ja)
    assert onto_itself.code != 0
    assert onto_itself.err == (
        f"ichigo: {existing} はすでにあります。新しいファイルに復元してください\n"
    )


def test_the_security_report_reads_japanese(tmp_path: Path, ja: dict[str, str]) -> None:
    path = tmp_path / "v.vault"
    vault = ["--vault", str(path)]
    assert run_cli(*vault, "init", "--passphrase", env=ja).code == 0
    assert run_cli(*vault, "backup", str(backup_dir_for(path) / "b.vault"), env=ja).code == 0
    path.chmod(0o644)  # a weakness to report

    shown = run_cli(*vault, "security", env=ja)

    assert shown.code == 0, shown.err
    assert f"保管庫: {path}" in shown.out
    assert "現在の鍵" in shown.out  # the automatic backup's key, in words
    assert (
        f"{path} はこのコンピューターの他のアカウントから読めます（モード 0644）。"
        f"`chmod 600 '{path}'` で本人だけが読めるようにしてください"
    ) in shown.out
    for english in ("the current key", "can be read by other accounts", "Weaknesses"):
        assert english not in shown.out
    # The JSON contract keeps its keys; only what a person reads is translated.
    report = run_cli(*vault, "security", "--json", env=ja).json()
    assert {w["code"] for w in report["weaknesses"]} >= {"readable_by_others"}


@pytest.fixture
def japanese() -> Iterator[None]:
    i18n.activate(Choice("ja", "ja_JP"))
    yield
    i18n.activate(Choice("en", "en_US"))


def test_a_duplicate_reason_follows_the_language(session: Session, japanese: None) -> None:
    for _n in range(2):
        add_contact(session, ContactInput(name="佐藤花子", company="Acme"))
    assert [s.reason for s in find_duplicates(session)] == ["同じ名前"]
    # Switching language (the app's setting) rewords the remembered suggestions.
    i18n.activate(Choice("en", "en_GB"))
    assert [s.reason for s in find_duplicates(session)] == ["same name"]


def test_calendar_parse_errors_are_japanese(japanese: None) -> None:
    from datetime import date

    window = {"window_start": date(2026, 1, 1), "window_end": date(2027, 1, 1)}
    with pytest.raises(ImportFailed, match=r"^カレンダーのファイルが空です。$"):
        parse_ics(b"  \n", **window)
    with pytest.raises(ImportFailed, match=r"^iCalendar（\.ics）のファイルではありません。"):
        parse_ics(b"hello\n", **window)


# The layers below the CLI build many messages a person reads (errors the CLI and the
# app show as they are). Every error they raise with words in it goes through the
# catalogue, except these, which are not for people or not ours to word yet.
_BELOW_CLI = ("services", "store", "importers", "sync")
_USER_ERRORS = {
    "BadInput",
    "CardError",
    "ImportFailed",
    "ImportCancelled",
    "KeyUnavailable",
    "KeychainUnavailable",
    "MassChanges",
    "NotFound",
    "SyncFailed",
    "VaultCorrupt",
    "VaultError",
    "VaultExists",
    "VaultMissing",
    "VaultTooNew",
    "WrongKey",
}
_NOT_SCANNED: set[str] = set()


class _DataNotWords(ast.NodeTransformer):
    """Literals that are data, not words: the keys of ``_("...") % {"name": ...}`` and
    the key of ``data.get("version")``."""

    def visit_Dict(self, node: ast.Dict) -> ast.AST:
        node.keys = [ast.Constant(0) if k is not None else None for k in node.keys]
        self.generic_visit(node)
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        if isinstance(node.func, ast.Attribute) and node.func.attr == "get":
            node.args = [ast.Constant(0) for _arg in node.args]
        self.generic_visit(node)
        return node


def test_errors_below_the_cli_go_through_the_catalogue() -> None:
    from tests.cli.test_cli_words_are_translated import _literal_words

    package = Path(__file__).resolve().parents[2] / "ichigoapp"
    untranslated = []
    for area in _BELOW_CLI:
        for path in sorted((package / area).rglob("*.py")):
            relative = path.relative_to(package).as_posix()
            if relative in _NOT_SCANNED:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                    continue
                func = node.exc.func
                name = func.id if isinstance(func, ast.Name) else ""
                if name in _USER_ERRORS and node.exc.args:
                    words = _literal_words(_DataNotWords().visit(node.exc.args[0]))
                    untranslated += [f"{relative}:{node.lineno}: {w!r}" for w in words]
    assert untranslated == []


def test_a_skipped_card_says_where_and_why_in_japanese(japanese: None) -> None:
    from ichigoapp.importers.contacts import detect_and_parse

    parsed = detect_and_parse(b"BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:hi\r\nEND:VCARD\r\n", "a.vcf")

    assert [(s.where, s.reason) for s in parsed.skipped] == [
        ("1 枚目のカード", "名前、メールアドレス、電話番号、会社のいずれもありません")
    ]


def test_notes_from_the_import_workers_speak_japanese_too(japanese: None) -> None:
    """Big calendars are parsed in spawned processes, which start in English unless
    told; the notes they write about broken events must read like the rest."""
    from datetime import date

    from tests.importers.bigcal import make_calendar

    broken = "BEGIN:VEVENT\r\nUID:broken-{n}@example\r\nSUMMARY:No start {n}\r\nEND:VEVENT\r\n"
    data = make_calendar(3000, seed=11).decode()
    head, tail = data.split("BEGIN:VEVENT", 1)
    body, end = ("BEGIN:VEVENT" + tail).rsplit("END:VCALENDAR", 1)
    # One broken event at each end: this process parses from the front, the pool's
    # processes from the back.
    data = head + broken.format(n=1) + body + broken.format(n=2) + "END:VCALENDAR" + end
    result = parse_ics(
        data.encode(), window_start=date(2020, 1, 1), window_end=date(2030, 1, 1), workers=2
    )
    notes = sorted(p.message for p in result.problems)
    assert notes == [
        f"予定「No start {n}」（UID broken-{n}@example）: 開始時刻（DTSTART）がありません"
        for n in (1, 2)
    ]


def test_a_weak_passphrase_is_explained_in_japanese(japanese: None) -> None:
    """zxcvbn words its advice in English; the catalogue holds each of its sentences."""
    from ichigoapp.errors import WeakPassphrase
    from ichigoapp.store.strength import check_new_passphrase

    with pytest.raises(WeakPassphrase) as info:
        check_new_passphrase("password1", allow_weak=False, how_to_confirm="--allow-weak")
    assert str(info.value) == (
        "このパスフレーズは非常に弱い（4段階中0）です。1秒未満で推測される可能性があります。"
        "非常によく使われるパスワードです。単語をもう一つか二つ加えてください。"
        "あまり使われない単語ほど安全です。何も変更していません。より強いパスフレーズを"
        "選ぶか、それでも使う場合は--allow-weak。"
    )


def test_the_catalogue_knows_every_sentence_zxcvbn_can_say() -> None:
    import zxcvbn.feedback

    from ichigoapp.store.zxcvbn_words import ZXCVBN_MESSAGES

    source = ast.parse(Path(zxcvbn.feedback.__file__).read_text(encoding="utf-8"))
    said = {
        node.args[0].value
        for node in ast.walk(source)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_"
    }
    assert said == set(ZXCVBN_MESSAGES)
