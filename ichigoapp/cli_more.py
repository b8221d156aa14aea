"""Commands added by later features (calendar import, prep cards, contacts interop)."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the subcommands implemented outside ``cli.py``."""
