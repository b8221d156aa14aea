"""The wheel carries everything the app needs at run time, and works on its own.

Builds the sdist and, from it, the wheel (as ``python -m build`` does for a release),
checks what is inside, then installs the wheel into a throw-away venv and runs
``ichigo --version`` and ``ichigo init`` there, away from this checkout. Packages come
through pip as configured on the machine (its index, proxy and cache).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT = 300

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("build") is None,
    reason="the `build` package is not installed (pip install -e '.[test]')",
)


def _run(args: list[str], *, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT
    )
    assert result.returncode == 0, f"{args[:4]} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("dist")
    # sdist first, then the wheel from the unpacked sdist: a file missing from the
    # sdist (MANIFEST.in) would be missing from the wheel too, and fail below.
    _run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], cwd=ROOT)
    yield out


def _wheel(dist: Path) -> Path:
    (wheel,) = dist.glob("ichigo-*.whl")
    return wheel


def test_the_wheel_carries_resources_and_migrations(dist: Path) -> None:
    names = set(zipfile.ZipFile(_wheel(dist)).namelist())
    resources = {
        f"ichigoapp/_resources/{p.relative_to(ROOT / 'resources').as_posix()}"
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert "ichigoapp/_resources/prep_card.html.j2" in resources
    assert "ichigoapp/_resources/icons/ichigo.svg" in resources
    # The compiled translations the app and the CLI load (make translations).
    assert "ichigoapp/_resources/translations/ja/LC_MESSAGES/ichigo.mo" in resources
    assert "ichigoapp/_resources/translations/ichigo_ja.qm" in resources
    assert resources <= names, sorted(resources - names)
    migrations = ROOT / "ichigoapp" / "store" / "migrations"
    scripts = {
        f"ichigoapp/store/migrations/{p.relative_to(migrations).as_posix()}"
        for p in migrations.rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert "ichigoapp/store/migrations/env.py" in scripts
    assert scripts <= names, sorted(scripts - names)
    assert "ichigoapp/py.typed" in names
    # Only the app: no tests, no packaging sources, no caches.
    assert not [n for n in names if n.startswith(("tests/", "packaging/", "resources/"))]
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(_wheel(dist)).read(entry_points).decode()
    assert "ichigo = ichigoapp.cli:main" in text


def test_the_sdist_can_rebuild_the_wheel(dist: Path) -> None:
    (sdist,) = dist.glob("ichigo-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for needed in (
        "setup.py",
        "resources/prep_card.html.j2",
        "resources/icons/ichigo.svg",
        "packaging/io.github.ichigo.Ichigo.desktop",
        "packaging/io.github.ichigo.Ichigo.metainfo.xml",
        "ichigoapp/store/migrations/script.py.mako",
    ):
        assert needed in names, needed


def test_the_installed_wheel_runs_on_its_own(
    dist: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    where = tmp_path_factory.mktemp("wheel-venv")
    venv = where / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=where)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    _run([str(python), "-m", "pip", "install", "--quiet", str(_wheel(dist))], cwd=where)

    # Nothing from this checkout or the test environment may leak in.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("ICHIGO_", "PYTHON", "VIRTUAL_ENV"))
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(where / "home"),
        XDG_DATA_HOME=str(where / "data"),
        XDG_CONFIG_HOME=str(where / "config"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        ICHIGO_PASSPHRASE="a passphrase for this test only",
    )
    ichigo = str(bindir / "ichigo")
    assert _run([ichigo, "--version"], cwd=where, env=env).strip() == "ichigo 0.1.0"

    vault = where / "new.vault"
    out = _run(
        [ichigo, "--vault", str(vault), "init", "--passphrase", "--json"], cwd=where, env=env
    )
    assert '"key_mode": "passphrase"' in out
    assert vault.is_file()
    assert (
        _run(
            [ichigo, "--vault", str(vault), "contacts", "list", "--json"], cwd=where, env=env
        ).strip()
        == "[]"
    )

    # The installed copy is used (resources from the wheel, not this checkout).
    probe = "from ichigoapp import paths; print(paths.resources_dir())"
    resources = Path(_run([str(python), "-c", probe], cwd=where, env=env).strip())
    assert resources.name == "_resources"
    assert venv in resources.parents
    assert (resources / "prep_card.html.j2").is_file()

    # It speaks Japanese from the catalogue it carries.
    japanese = _run([ichigo, "--help"], cwd=where, env={**env, "ICHIGO_LANG": "ja"})
    assert japanese.startswith("使い方: ichigo")
