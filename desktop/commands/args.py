"""Argument types shared by the subcommands; each rejects bad text with a one-line reason."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from reports.outputs.periods import InputError, parse_date, parse_month


def iso_date(text: str) -> dt.date:
    """YYYY-MM-DD, read as every job reads a date (reports.outputs.periods)."""
    try:
        return parse_date(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def month(text: str) -> dt.date:
    """YYYY-MM as the first day of that month."""
    try:
        return parse_month(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} must be at least 1")
    return value


def output_file(suffix: str) -> Callable[[str], Path]:
    """A path to write ending in `suffix`, in a folder that exists."""

    def parse(text: str) -> Path:
        path = Path(text).expanduser()
        if path.suffix.lower() != suffix:
            raise argparse.ArgumentTypeError(f"'{text}' must end in {suffix}")
        if not path.parent.exists():
            raise argparse.ArgumentTypeError(f"the folder {path.parent} does not exist")
        if path.is_dir():
            raise argparse.ArgumentTypeError(f"'{text}' is a folder")
        return path

    return parse


def existing_file(text: str) -> Path:
    path = Path(text).expanduser()
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"'{text}' is not a file")
    return path
