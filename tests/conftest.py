"""Shared fixtures: a real SQLCipher vault per test and an in-memory keychain.

Nothing here fakes our own code: vaults are real encrypted files under ``tmp_path``.
Only the OS keychain is replaced, because tests must not touch the developer's one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# English whatever the machine's language (the app, the CLI processes tests start, the
# cards); a test of another language sets ICHIGO_LANG itself (tests/ui/i18n/).
os.environ["ICHIGO_LANG"] = "en"

import keyring
import pytest
from sqlalchemy.orm import Session

from ichigoapp.store import KeyMode, Vault, create_vault, hardening, open_vault
from tests.keyrings import LockedKeyring, MemoryKeyring

# The test process keeps its core-dump limit. In any Ichigo process the first Secret
# turns core dumps off for good (store/hardening.py); here that would leave every child a
# test starts unable to show that Ichigo itself turns them off (only root with
# CAP_SYS_RESOURCE may raise the limit again). The `ichigo` processes tests start do it.
hardening._done.set()


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[MemoryKeyring]:
    """Every test gets an empty working keychain and a private data directory."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    monkeypatch.setenv("ICHIGO_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("ICHIGO_PASSPHRASE", raising=False)
    monkeypatch.delenv("ICHIGO_VAULT", raising=False)
    monkeypatch.delenv("ICHIGO_DEMO", raising=False)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def failing_keyring() -> Iterator[None]:
    """No keychain backend at all (keyring's own fail backend)."""
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def locked_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(LockedKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "test.vault"


@pytest.fixture
def vault(vault_path: Path) -> Iterator[Vault]:
    """A fresh keychain-mode vault, open for writing."""
    v = create_vault(vault_path, mode=KeyMode.KEYCHAIN)
    yield v
    v.close()


@pytest.fixture
def session(vault: Vault) -> Iterator[Session]:
    """A session on the fresh vault; tests commit explicitly when they mean to."""
    with vault.session() as s:
        yield s


@pytest.fixture
def reopen(vault_path: Path, vault: Vault):  # type: ignore[no-untyped-def]
    """Close the vault and open it again from disk, to check what really persisted."""

    def _reopen() -> Vault:
        vault.close()
        return open_vault(vault_path)

    return _reopen


@pytest.fixture(autouse=True)
def secrets_stay_out_of_logs(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """Across the whole suite: no key or passphrase that opened a vault reaches a log.

    Every secret passes through ``make_engine``; the ones used in this test are noted
    there (short test passphrases like "pw" are skipped: they occur in ordinary words).
    """
    import logging

    from ichigoapp.store import engine as engine_module
    from ichigoapp.store import vault as vault_module

    caplog.set_level(logging.DEBUG, logger="ichigoapp")
    seen: list[Any] = []
    real_make_engine = engine_module.make_engine

    def noting_make_engine(path: Path, secret: Any, **options: Any) -> Any:
        # A copy: the vault wipes its own key when it closes, before the check below.
        if len(secret.bound()) >= 8:
            seen.append(secret.copy())
        return real_make_engine(path, secret, **options)

    monkeypatch.setattr(engine_module, "make_engine", noting_make_engine)
    for module_name in ("vault", "rekey", "restore", "recovery"):
        module = getattr(__import__(f"ichigoapp.store.{module_name}").store, module_name)
        if hasattr(module, "make_engine"):
            monkeypatch.setattr(module, "make_engine", noting_make_engine)
    assert vault_module.make_engine is noting_make_engine
    yield
    # In teardown caplog.text holds only this phase; look at every phase's records.
    logged = "\n".join(
        f"{record.getMessage()} {record.exc_text or ''}"
        for phase in ("setup", "call", "teardown")
        for record in caplog.get_records(phase)
    )
    leaked = [s for s in seen if s.appears_in(logged)]
    assert not leaked, "a vault secret was written to the log"


# ------------------------------------------------------------------ servers on loopback


@pytest.fixture
def feed_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """An ICS feed server on 127.0.0.1 (tests/servers.py)."""
    from tests.servers import start_feed_server, stop_feed_server

    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    running = start_feed_server()
    yield running.feed
    stop_feed_server(running)


@pytest.fixture
def radicale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A real Radicale CalDAV server on 127.0.0.1 with htpasswd authentication."""
    from tests.servers import start_radicale

    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    server = start_radicale(tmp_path / "radicale")
    yield server
    server.stop()


@pytest.fixture
def session_bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A private session D-Bus (dbus-daemon, tests/desktop_bus.py) for this test."""
    from tests.desktop_bus import private_session_bus

    with private_session_bus(tmp_path, monkeypatch) as address:
        yield address


@pytest.fixture
def notification_server(session_bus: str) -> Iterator[Any]:
    """org.freedesktop.Notifications on the private bus, recording every notice."""
    from tests.desktop_bus import RecordingNotifications

    server = RecordingNotifications(session_bus)
    yield server
    server.stop()


@pytest.fixture
def notifications(notification_server: Any, qapp: Any) -> Iterator[Any]:
    """The app's DesktopNotifications, connected to ``notification_server``."""
    from ichigoapp.ui.notifications import DesktopNotifications

    shown = DesktopNotifications()
    assert shown.start()
    yield shown
    shown.stop()
