"""docs/SECURITY.md names a test for every guarantee: each named test must exist (and
then, being part of this suite, pass)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NAMED = re.compile(r"`(tests/[\w/]+\.py)(?:::(\w+))?`")


def _tests_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
    }


def test_every_test_the_security_page_names_exists() -> None:
    page = (REPO / "docs" / "SECURITY.md").read_text(encoding="utf-8")
    named = NAMED.findall(page)
    assert len(named) >= 40  # the page is the list; a rewrite that drops it fails here
    missing = []
    for file, test in named:
        path = REPO / file
        if not path.is_file():
            missing.append(file)
        elif test and test not in _tests_in(path):
            missing.append(f"{file}::{test}")
    assert missing == []
