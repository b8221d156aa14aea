"""Commands added by later features (calendar import, prep cards, contacts interop)."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the subcommands implemented outside ``cli.py``."""
    from ichigoapp import cli_contacts, cli_import, cli_passwd, cli_prep

    cli_import.register(command)
    cli_prep.register(command)
    cli_contacts.register(command)
    cli_passwd.register(command)
