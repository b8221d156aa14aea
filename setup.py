"""Build hook: ship the top-level ``resources/`` inside the package.

All metadata lives in pyproject.toml; this file only extends ``build_py`` so that a
wheel (and anything installed from it) carries templates, stylesheets and icons as
``ichigoapp/_resources``, where ``ichigoapp.paths.resources_dir()`` looks first. The
copy is made in the build directory only, never in the source tree, and is skipped
for editable installs so that a checkout keeps using ``resources/`` directly (edits to
a template show up without reinstalling).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildPyWithResources(build_py):  # type: ignore[misc]  # setuptools is untyped here
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        source = HERE / "resources"
        if not source.is_dir():
            # An sdist without resources/ would give a wheel that cannot print a card.
            raise SystemExit(f"resources/ not found next to setup.py ({HERE})")
        target = Path(self.build_lib) / "ichigoapp" / "_resources"
        if target.exists():
            shutil.rmtree(target)  # no stale files from an earlier build
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.py[co]"))


setup(cmdclass={"build_py": BuildPyWithResources})
