"""What `ichigo` leaves on disk is for its owner only, and its memory never dumps core.

The commands run as a user runs them, in a shell whose umask (022) would make every new
file readable by all: the vault and the files beside it, its backups, exports and
printed cards must still come out owner-only (0600) (docs/SECURITY.md).
"""

from __future__ import annotations

import os
import resource
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.cli_helpers import REPO, Result, cli_env

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes and rlimits")

PASSPHRASE = "quiet harbour lantern 47"


def _as_a_user(*args: str, env: dict[str, str]) -> Result:
    """`ichigo ARGS` with the umask most shells have, so nothing is private by accident."""
    done = subprocess.run(
        [sys.executable, "-m", "ichigoapp", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=lambda: os.umask(0o022),
    )
    return Result(done.returncode, done.stdout, done.stderr)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_everything_ichigo_writes_is_owner_only(tmp_path: Path) -> None:
    env = cli_env(tmp_path / "home", PASSPHRASE) | {"ICHIGO_NEW_PASSPHRASE": PASSPHRASE + "!"}
    folder = tmp_path / "data"  # made by `ichigo init`
    vault = folder / "v.ichigo"
    out = tmp_path / "out"
    out.mkdir()
    v = ["--vault", str(vault)]

    def ichigo(*args: str, environment: dict[str, str] = env) -> Result:
        done = _as_a_user(*v, *args, env=environment)
        assert done.code == 0, done.err
        return done

    ichigo("init")
    person = ichigo("--json", "contacts", "add", "--name", "Hanako", "--note", "tea, no sugar")
    contact_id = person.json()["id"]
    ichigo("encounters", "add", "--title", "Coffee", "--start", "2026-05-04T09:00",
           "--with", str(contact_id))  # fmt: skip
    ichigo("export", "--format", "json", str(out / "all.json"))
    ichigo("export", "--format", "vcard", str(out / "people.vcf"))
    stale = out / "again.json"  # a file the user made readable by all, then overwrote
    stale.write_text("old")
    stale.chmod(0o644)
    ichigo("export", "--format", "json", "--force", str(stale))
    ichigo("prep", "--date", "2026-05-04", "--pdf", str(out / "day.pdf"))
    ichigo("backup", str(out / "saved.vault"))
    ichigo("passwd")  # automatic backups before and after the key change
    ichigo("check", environment=env | {"ICHIGO_PASSPHRASE": PASSPHRASE + "!"})

    written = sorted(p for root in (folder, out) for p in root.rglob("*") if p.is_file())
    names = {p.name for p in written}
    assert {"v.ichigo", "v.ichigo.meta.json", "v.ichigo.lock", "v.ichigo.checked.json"} <= names
    assert {"all.json", "people.vcf", "again.json", "day.pdf", "saved.vault"} <= names
    backups = [p for p in written if p.parent.name == "v.ichigo.backups"]
    assert any("before-passwd" in p.name for p in backups)
    assert any("after-passwd" in p.name for p in backups)
    assert any(p.name.endswith(".vault.meta.json") for p in backups)
    assert {p: oct(_mode(p)) for p in written if _mode(p) != 0o600} == {}
    # The folders Ichigo made for the vault and its backups are private too.
    assert _mode(folder) == 0o700 and _mode(folder / "v.ichigo.backups") == 0o700


def test_the_vault_s_write_ahead_log_is_owner_only_while_open(tmp_path: Path) -> None:
    """A reader that holds the vault open shows the WAL and SHM files SQLite makes."""
    env = cli_env(tmp_path / "home", PASSPHRASE)
    vault = tmp_path / "v.ichigo"
    assert _as_a_user("--vault", str(vault), "init", env=env).code == 0
    script = (
        "import os, sys; os.umask(0o022)\n"
        "from pathlib import Path\n"
        "from ichigoapp.store import open_vault\n"
        "from ichigoapp.services import contacts\n"
        "with open_vault(Path(sys.argv[1]), passphrase=sys.argv[2]) as v:\n"
        "    with v.transaction() as s:\n"
        "        contacts.add_contact(s, contacts.ContactInput(name='Hanako'))\n"
        "    names = ['-wal', '-shm']\n"
        "    print(' '.join(oct(os.stat(sys.argv[1] + n).st_mode & 0o777) for n in names))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(vault), PASSPHRASE],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert done.stdout.split() == ["0o600", "0o600"]


# ---------------------------------------------------------------------- core dumps


def _core_limits(pid: int) -> list[str]:
    [line] = [
        line
        for line in Path(f"/proc/{pid}/limits").read_text().splitlines()
        if line.startswith("Max core file size")
    ]
    return line.split()[4:6]  # soft, hard


def _allow_core_dumps() -> None:
    """As a shell after `ulimit -c unlimited` (as far as the hard limit lets it) starts a
    command: the child begins with core dumps allowed."""
    os.umask(0o022)
    _soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))


def _need_core_dumps_to_start_allowed() -> None:
    # tests/conftest.py keeps the test process's own limit as the system set it.
    if resource.getrlimit(resource.RLIMIT_CORE)[1] == 0:
        pytest.skip("this system forbids core dumps already: nothing left to show")


@pytest.mark.skipif(not Path("/proc/self/limits").exists(), reason="needs /proc")
def test_a_running_ichigo_cannot_dump_core(tmp_path: Path, vault_file: Path) -> None:
    """Read the limits of a live `ichigo` process, started with core dumps allowed."""
    _need_core_dumps_to_start_allowed()
    env = cli_env(tmp_path / "home", "test passphrase")
    fifo = tmp_path / "waiting.json"
    os.mkfifo(fifo)
    proc = subprocess.Popen(
        [sys.executable, "-m", "ichigoapp", "--vault", str(vault_file), "import-json", str(fifo)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_allow_core_dumps,
    )
    opened, proceed = threading.Event(), threading.Event()

    def feed() -> None:
        # Opening a FIFO for writing returns once the reader has opened it: from then on
        # `ichigo import-json` is running its own code, waiting for the file's content.
        with fifo.open("w") as handle:
            opened.set()
            proceed.wait(timeout=120)
            handle.write("{}")

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        assert opened.wait(timeout=120), proc.stderr.read() if proc.stderr else ""
        limits = _core_limits(proc.pid)
        assert proc.poll() is None  # alive when its limits were read
    finally:
        proceed.set()
        proc.communicate(timeout=120)
        writer.join(timeout=10)
    assert limits == ["0", "0"]


def test_a_process_holding_a_vault_key_cannot_dump_core(tmp_path: Path) -> None:
    """The app's own start (not through the command line): the first key turns them off."""
    _need_core_dumps_to_start_allowed()
    script = (
        "import resource\n"
        "before = resource.getrlimit(resource.RLIMIT_CORE)\n"
        "from ichigoapp.store.keys import Secret\n"
        "middle = resource.getrlimit(resource.RLIMIT_CORE)\n"
        "Secret.passphrase('a passphrase')\n"
        "print(before != (0, 0), middle != (0, 0), resource.getrlimit(resource.RLIMIT_CORE))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env=cli_env(tmp_path / "home", None),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        preexec_fn=_allow_core_dumps,
    )
    assert done.stdout.strip().split(maxsplit=2) == ["True", "True", "(0, 0)"]
