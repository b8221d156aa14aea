"""DESIGN section 1: Qt stays in the upper layers; widgets only in ui/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "ichigoapp"
NO_QT = ("model", "store", "importers", "services")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _modules(subdir: str | None = None) -> list[Path]:
    root = PACKAGE / subdir if subdir else PACKAGE
    return sorted(root.rglob("*.py"))


@pytest.mark.parametrize("layer", NO_QT)
def test_lower_layers_never_import_qt(layer: str) -> None:
    offenders = [
        (str(path.relative_to(PACKAGE)), name)
        for path in _modules(layer)
        for name in _imports(path)
        if name.startswith(("PySide6", "shiboken6", "ichigoapp.ui", "ichigoapp.printing"))
    ]
    assert offenders == []


def test_only_ui_imports_qtwidgets() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in _modules()
        if path.relative_to(PACKAGE).parts[0] != "ui"
        and path.name != "app.py"
        and any(n.startswith("PySide6.QtWidgets") for n in _imports(path))
    ]
    assert offenders == []


def test_model_does_no_io() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in _modules("model")
        for name in _imports(path)
        if name.split(".")[0] in {"os", "pathlib", "sqlcipher3", "keyring", "ichigoapp"}
        and not name.startswith("ichigoapp.model")
    ]
    assert offenders == []


def test_the_layering_test_sees_the_package() -> None:
    # Guards against the checks above passing vacuously on an empty tree.
    assert len(_modules("store")) >= 5 and len(_modules("model")) >= 5
