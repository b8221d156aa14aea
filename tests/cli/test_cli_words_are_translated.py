"""Every word the command line shows a person goes through the catalogue.

A scan of ``ichigoapp/cli``: the text given to ``emit`` (what a person reads), the
message of every error raised, what is written to stderr, argparse help and command
descriptions must not be a bare string with words in it; they are ``_()``/``ngettext()``
calls (or values built from them). JSON data, command names and option names are the
stable contract and are not looked at.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

CLI = Path(__file__).resolve().parents[2] / "ichigoapp" / "cli"
ERRORS = {"BadInput", "CliUsageError", "NotFound", "KeyUnavailable", "IchigoError", "Conflict"}
WORDS = re.compile(r"[A-Za-z]{2,}")


def _literal_words(node: ast.AST) -> list[str]:
    """English words written literally in ``node``, outside any _()/ngettext() call."""
    found: list[str] = []

    def visit(n: ast.AST) -> None:
        if (
            isinstance(n, ast.Call)
            and isinstance(n.func, ast.Name)
            and n.func.id in {"_", "ngettext", "pgettext", "N_"}
        ):
            return  # translated
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute):
            if n.func.attr == "join":  # ", ".join(...): only the separator is literal
                for arg in n.args:
                    visit(arg)
                return
            if n.func.attr == "format":
                visit(n.func.value)
                for arg in n.args:
                    visit(arg)
                for kw in n.keywords:
                    visit(kw.value)
                return
        if isinstance(n, ast.Subscript):
            visit(n.value)  # row["title"]: the key is data, not words
            return
        if isinstance(n, ast.Compare):
            return  # mode == "keychain": a value compared, not shown
        if isinstance(n, ast.Constant) and isinstance(n.value, str):
            text = re.sub(r"\{[^}]*\}|`[^`]*`|ichigo|UID|--?[a-z-]+", "", n.value)
            if WORDS.search(text):
                found.append(n.value)
            return
        for child in ast.iter_child_nodes(n):
            visit(child)

    visit(node)
    return found


def _shown_texts(tree: ast.AST) -> list[tuple[int, ast.AST]]:
    shown: list[tuple[int, ast.AST]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else ""
        attr = node.func.attr if isinstance(node.func, ast.Attribute) else ""
        if name == "emit" and len(node.args) >= 3:
            shown.append((node.lineno, node.args[2]))
        elif (name in ERRORS and node.args) or (
            attr == "write" and ast.unparse(node.func).startswith("sys.stderr")
        ):
            shown.append((node.lineno, node.args[0]))
        elif attr in ("add", "group", "add_parser", "add_subparsers") or name == "Parser":
            shown.extend((node.lineno, a) for a in node.args[2 if attr == "add" else 1 :])
        elif attr == "getpass" and node.args:
            shown.append((node.lineno, node.args[0]))
        for kw in node.keywords:
            if kw.arg in ("help", "description"):
                shown.append((node.lineno, kw.value))
    return shown


def test_cli_text_a_person_reads_is_translated() -> None:
    untranslated = []
    for path in sorted(CLI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # Functions that build shown text (``def text()``, ``_summary``...) are seen
        # through their return values.
        returns = [
            (node.lineno, node.value)
            for fn in ast.walk(tree)
            if isinstance(fn, ast.FunctionDef) and fn.name.endswith(("text", "_summary", "_line"))
            for node in ast.walk(fn)
            if isinstance(node, ast.Return) and node.value is not None
        ]
        for line, node in [*_shown_texts(tree), *returns]:
            untranslated += [f"{path.name}:{line}: {w!r}" for w in _literal_words(node)]
    assert untranslated == []


def test_the_scan_sees_an_untranslated_message() -> None:
    source = 'raise BadInput(f"cannot read {path}")\nemit(args, data, _("Done."))\n'
    shown = _shown_texts(ast.parse(source))
    assert [_literal_words(node) for _, node in shown] == [["cannot read "], []]
