"""Schema migrations with Alembic, run against a keyed vault connection.

Opening an up-to-date vault (every start of the app) only reads ``alembic_version``
and compares it with :data:`HEAD`; Alembic itself, a fifth of a second to import, is
loaded only when a vault is older than this Ichigo or written by a newer one. Nor is
SQLAlchemy loaded by importing this module: the command line's quick read path
(``store/reader.py``) compares a vault with :data:`HEAD` without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ichigoapp.errors import VaultTooNew
from ichigoapp.i18n import _

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions; a new revision must update it
# (tests/store/test_migrations.py compares it with what Alembic finds).
HEAD = "0013"


def _config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The newest revision shipped (:data:`HEAD`)."""
    return HEAD


def scripted_head() -> str:
    """The newest revision as Alembic finds it among the migration scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "no migrations shipped"
    return head


def current_revision(engine: Engine) -> str | None:
    """The vault's schema revision; None for a vault without any (a new, empty file)."""
    from sqlalchemy.exc import OperationalError

    with engine.connect() as conn:
        try:
            row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        except OperationalError as exc:
            if "no such table" in str(exc):
                return None
            raise
    return None if row is None else str(row[0])


def check_not_newer(vault: Path, revision: str | None) -> None:
    if revision is None or revision == HEAD:
        return
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(_config())
    known = {rev.revision for rev in scripts.walk_revisions()}
    if revision not in known:
        raise VaultTooNew(
            _(
                "the vault {path} was written by a newer version of Ichigo "
                "(schema {revision}); update Ichigo to open it"
            ).format(path=vault, revision=revision)
        )


def upgrade(engine: Engine) -> None:
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_config(conn), "head")
