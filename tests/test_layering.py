"""DESIGN section 1 and docs/ARCHITECTURE.md: the layers, and no import circle.

Every rule here reads the package's source with ``ast``: imports inside functions count
(they run too, only later); imports under ``if TYPE_CHECKING:`` do not (they never run).
Each rule is checked against a tree the test writes itself first, so that a rule that
could never fail would be noticed.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "ichigoapp"
NO_QT = ("model", "store", "importers", "sync", "services", "textfold")
# What each lower layer may import of Ichigo besides itself (DESIGN section 1:
# ui, cli -> services, printing -> sync, importers, store -> model). ``textfold`` is
# pure text functions under the model, importable without it (services/names.py in
# the Today read that runs before SQLAlchemy is imported).
MAY_IMPORT = {
    "textfold": {"textfold"},
    "model": {"model", "textfold"},
    "store": {"store", "model", "textfold", "errors", "paths", "i18n"},
    "importers": {"importers", "errors", "i18n"},
    "sync": {"sync", "importers", "store", "model", "errors", "paths", "i18n"},
    "services": {
        "services",
        "sync",
        "importers",
        "store",
        "model",
        "textfold",
        "errors",
        "paths",
        "i18n",
    },
    "printing": {"printing", "services", "paths", "errors", "i18n"},
}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, dotted
    target: str  # what it imports, dotted (a module where one exists)
    line: int
    runtime: bool  # False under ``if TYPE_CHECKING:``


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk(node: ast.AST, runtime: bool = True) -> Iterator[tuple[ast.AST, bool]]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            for inner in child.body:
                yield inner, False
                yield from _walk(inner, False)
            for inner in child.orelse:
                yield inner, runtime
                yield from _walk(inner, runtime)
            continue
        yield child, runtime
        yield from _walk(child, runtime)


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, root: Path, known: set[str]) -> list[Import]:
    """Every import in ``path``; ``from pkg import mod`` names the module ``pkg.mod``."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[Import] = []
    for node, runtime in _walk(ast.parse(path.read_text(encoding="utf-8"))):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Import):
            found += [Import(name, alias.name, line, runtime) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.append(Import(name, full if full in known else base, line, runtime))
    return found


def graph(root: Path) -> dict[str, list[Import]]:
    paths = sorted(root.rglob("*.py"))
    known = {module_name(p, root) for p in paths}
    return {module_name(p, root): imports_of(p, root, known) for p in paths}


def circles(edges: dict[str, list[Import]]) -> list[list[str]]:
    """The import circles (strongly connected components of two or more modules)."""
    targets = {
        m: sorted({i.target for i in imps if i.target in edges}) for m, imps in edges.items()
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(start: str) -> None:
        # Tarjan's algorithm, iteratively: the package is deeper than Python's recursion.
        work = [(start, iter(targets[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(targets[child])))
            elif child in on_stack:
                low[node] = min(low[node], index[child])

    for module in sorted(targets):
        if module not in index:
            visit(module)
    return sorted(found)


def runtime_edges(edges: dict[str, list[Import]]) -> dict[str, list[Import]]:
    return {m: [i for i in imps if i.runtime] for m, imps in edges.items()}


def layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _starts(name: str, prefixes: Iterable[str]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


# --- the rules, each a function of the import graph -------------------------------------


def rule_no_circles(edges: dict[str, list[Import]]) -> list[str]:
    return [" -> ".join(c) for c in circles(runtime_edges(edges))]


def rule_lower_layers_never_import_qt(edges: dict[str, list[Import]]) -> list[str]:
    banned = ("PySide6", "shiboken6", "ichigoapp.ui", "ichigoapp.printing", "ichigoapp.cli")
    return [
        f"{i.module}:{i.line} imports {i.target}"
        for m, imps in edges.items()
        if layer_of(m) in NO_QT
        for i in imps
        if _starts(i.target, banned)
    ]


def rule_only_ui_uses_widgets(edges: dict[str, list[Import]]) -> list[str]:
    widgets = ("PySide6.QtWidgets", "PySide6.QtPrintSupport")
    return [
        f"{i.module}:{i.line} imports {i.target}"
        for m, imps in edges.items()
        if layer_of(m) != "ui" and m != "ichigoapp.app"
        for i in imps
        if _starts(i.target, widgets)
    ]


def rule_printing_uses_qtcore_and_qtgui_only(edges: dict[str, list[Import]]) -> list[str]:
    return [
        f"{i.module}:{i.line} imports {i.target}"
        for m, imps in edges.items()
        if layer_of(m) == "printing"
        for i in imps
        if _starts(i.target, ("PySide6", "shiboken6"))
        and not _starts(i.target, ("PySide6.QtCore", "PySide6.QtGui"))
    ]


def rule_front_ends_reach_data_through_services(edges: dict[str, list[Import]]) -> list[str]:
    banned = {
        "ui": ("sqlalchemy", "sqlcipher3", "ichigoapp.model", "ichigoapp.cli"),
        "cli": ("sqlalchemy", "sqlcipher3", "ichigoapp.model"),
    }
    return [
        f"{i.module}:{i.line} imports {i.target}"
        for m, imps in edges.items()
        if layer_of(m) in banned
        for i in imps
        if i.runtime and _starts(i.target, banned[layer_of(m)])
    ]


def rule_layers_import_downwards(edges: dict[str, list[Import]]) -> list[str]:
    return [
        f"{i.module}:{i.line} imports {i.target}"
        for m, imps in edges.items()
        if layer_of(m) in MAY_IMPORT
        for i in imps
        if i.runtime
        and _starts(i.target, ("ichigoapp",))
        and i.target != "ichigoapp"
        and layer_of(i.target) not in MAY_IMPORT[layer_of(m)]
    ]


def rule_cli_opens_the_app_not_its_widgets(edges: dict[str, list[Import]]) -> list[str]:
    return [
        f"{i.module}:{i.line} imports {i.target}"
        for m, imps in edges.items()
        if layer_of(m) == "cli"
        for i in imps
        if _starts(i.target, ("ichigoapp.ui", "PySide6.QtWidgets"))
    ]


def rule_importers_never_touch_the_database(edges: dict[str, list[Import]]) -> list[str]:
    banned = ("sqlalchemy", "sqlcipher3", "sqlite3", "alembic", "ichigoapp.store")
    return [
        f"{i.module}:{i.line} imports {i.target}"
        for m, imps in edges.items()
        if layer_of(m) == "importers"
        for i in imps
        if _starts(i.target, banned)
    ]


def rule_model_does_no_io(edges: dict[str, list[Import]]) -> list[str]:
    banned = ("os", "pathlib", "io", "sqlcipher3", "keyring", "socket", "subprocess")
    return [
        f"{i.module}:{i.line} imports {i.target}"
        for m, imps in edges.items()
        if layer_of(m) == "model"
        for i in imps
        if _starts(i.target, banned)
    ]


RULES = {
    "no import circle": rule_no_circles,
    "model, store, importers, sync, services never import Qt": rule_lower_layers_never_import_qt,
    "only ui/ and app.py use QtWidgets or QtPrintSupport": rule_only_ui_uses_widgets,
    "printing/ uses QtCore and QtGui only": rule_printing_uses_qtcore_and_qtgui_only,
    "ui/ and cli/ reach data through services": rule_front_ends_reach_data_through_services,
    "layers import downwards": rule_layers_import_downwards,
    "cli/ opens the app, never its widgets": rule_cli_opens_the_app_not_its_widgets,
    "importers never touch the database": rule_importers_never_touch_the_database,
    "model/ does no I/O": rule_model_does_no_io,
}


@pytest.fixture(scope="module")
def package_graph() -> dict[str, list[Import]]:
    return graph(PACKAGE)


@pytest.mark.parametrize("rule", RULES)
def test_the_package_keeps_the_rule(rule: str, package_graph: dict[str, list[Import]]) -> None:
    assert RULES[rule](package_graph) == []


def test_the_layering_test_sees_the_package(package_graph: dict[str, list[Import]]) -> None:
    # Guards against the rules passing vacuously on an empty or misread tree.
    layers = {layer_of(m) for m in package_graph}
    assert {"model", "store", "importers", "services", "printing", "ui", "cli"} <= layers
    assert sum(len(imps) for imps in package_graph.values()) > 500


# --- each rule catches what it forbids ---------------------------------------------------

BROKEN = {
    "no import circle": {
        "services/a.py": "def f():\n    from ichigoapp.services import b\n",
        "services/b.py": "from ichigoapp.services.a import f\n",
    },
    "model, store, importers, sync, services never import Qt": {
        "services/a.py": "from PySide6.QtCore import QObject\n",
    },
    "only ui/ and app.py use QtWidgets or QtPrintSupport": {
        "printing/a.py": "from PySide6.QtPrintSupport import QPrinter\n",
    },
    "printing/ uses QtCore and QtGui only": {
        "printing/a.py": "import PySide6.QtNetwork\n",
    },
    "ui/ and cli/ reach data through services": {
        "ui/pages/a.py": "def f(session):\n    from ichigoapp.model import Contact\n",
        "cli/a.py": "from sqlalchemy import select\n",
    },
    "layers import downwards": {
        "store/a.py": "from ichigoapp.services.common import iso\n",
    },
    "cli/ opens the app, never its widgets": {
        "cli/a.py": "def f():\n    from ichigoapp.ui.main_window import MainWindow\n",
    },
    "importers never touch the database": {
        "importers/a.py": "from sqlalchemy.orm import Session\n",
    },
    "model/ does no I/O": {
        "model/a.py": "from pathlib import Path\n",
    },
}
ALLOWED = {
    "services/a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
    "    from ichigoapp.services.b import f\n",
    "services/b.py": "from ichigoapp.services.a import TYPE_CHECKING\n",
    "ui/pages/a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
    "    from sqlalchemy.orm import Session\n",
    "printing/a.py": "from PySide6.QtGui import QPainter\n",
}


def _tree(root: Path, files: dict[str, str]) -> Path:
    package = root / "ichigoapp"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        for folder in [path.parent, *path.parent.parents]:
            if folder == root:
                break
            (folder / "__init__.py").touch()
        path.write_text(text, encoding="utf-8")
    return package


@pytest.mark.parametrize("rule", RULES)
def test_each_rule_catches_what_it_forbids(rule: str, tmp_path: Path) -> None:
    broken = graph(_tree(tmp_path / "broken", BROKEN[rule]))
    assert RULES[rule](broken), f"{rule!r} did not notice {BROKEN[rule]}"
    allowed = graph(_tree(tmp_path / "allowed", ALLOWED))
    assert RULES[rule](allowed) == []
