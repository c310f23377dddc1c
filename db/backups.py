"""Automatic backups: at the first start of each day, before every import and restore,
kept by a retention rule (the newest of each of the last 7 days, 4 weeks and 12
months by default, and every backup of today). Backups the person names or asks
for by hand (label "backup", or another folder) are never deleted here.

The folder is a setting so it can sit on a second disk; by default it is the
`backups` folder beside the database.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from db import settings as agency_settings
from db.backup import backup_sqlite, restore_sqlite
from db.cipher import Passphrase
from db.engine import Database
from db.files import private_folder
from db.location import sqlite_path

log = logging.getLogger(__name__)

MANUAL = "backup"
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<label>[a-z0-9.-]+?)-(?P<stamp>\d{8}-\d{6})(-\d+)?\.sqlite3$")


@dataclass(frozen=True)
class Retention:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


@dataclass(frozen=True)
class Backup:
    path: Path
    label: str
    taken: dt.datetime


def folder_for(database_path: Path, setting: str = "") -> Path:
    """The backups folder: the setting when given, else `backups` beside the database."""
    return Path(setting).expanduser() if setting else database_path.parent / "backups"


def listed(folder: Path, stem: str) -> list[Backup]:
    """The backups of the database named `stem` in `folder`, newest first."""
    found = []
    for path in folder.glob(f"{stem}-*.sqlite3") if folder.is_dir() else []:
        match = _NAME.match(path.name)
        if match and match["stem"] == stem:
            taken = dt.datetime.strptime(match["stamp"], _STAMP)
            found.append(Backup(path, match["label"], taken))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def take(path: Path, key: Passphrase | None, folder: Path, label: str, now: dt.datetime) -> Path:
    """A new backup of `path` in `folder` (0700), named by label and time."""
    private_folder(folder, ours=True)
    target = folder / f"{path.stem}-{label}-{now.strftime(_STAMP)}.sqlite3"
    count = 1
    while target.exists():  # two in the same second (an import right after the start)
        count += 1
        target = folder / f"{path.stem}-{label}-{now.strftime(_STAMP)}-{count}.sqlite3"
    return backup_sqlite(path, target, key)


def prune(folder: Path, stem: str, retention: Retention, now: dt.datetime) -> list[Path]:
    """Delete the automatic backups the retention rule does not keep; returns them."""
    automatic = [b for b in listed(folder, stem) if b.label != MANUAL]
    keep = {b.path for b in automatic if b.taken.date() == now.date()}
    periods: tuple[tuple[Callable[[dt.datetime], object], int], ...] = (
        (lambda t: t.date(), retention.daily),
        (lambda t: t.isocalendar()[:2], retention.weekly),
        (lambda t: (t.year, t.month), retention.monthly),
    )
    for period, count in periods:
        seen: list[object] = []
        for backup in automatic:  # newest first: the first of each period is its newest
            key = period(backup.taken)
            if key not in seen and len(seen) < count:
                seen.append(key)
                keep.add(backup.path)
    removed = [b.path for b in automatic if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def configured_folder(database: Database) -> Path | None:
    """The backups folder the settings name for this database; None for PostgreSQL."""
    plan = _plan(database)
    return None if plan is None else plan[1]


def _plan(database: Database) -> tuple[Path, Path, Retention] | None:
    """The database file, its backups folder and retention; None for PostgreSQL."""
    path = sqlite_path(database.url)
    if path is None or not path.exists():
        return None
    with database.reading() as session:
        chosen = agency_settings.load(session)
    retention = Retention(chosen.keep_daily, chosen.keep_weekly, chosen.keep_monthly)
    return path, folder_for(path, chosen.backup_folder), retention


def automatic_backup(database: Database, label: str, now: dt.datetime | None = None) -> Path | None:
    """Back the database up now (before an import, a restore ...) and apply the retention."""
    plan = _plan(database)
    if plan is None:
        return None
    path, folder, retention = plan
    now = now or dt.datetime.now()
    taken = take(path, database.key, folder, label, now)
    prune(folder, path.stem, retention, now)
    log.info("backed up %s to %s (%s)", path.name, taken, label)
    return taken


def daily_backup(database: Database, now: dt.datetime | None = None) -> Path | None:
    """The first backup of the day, unless one was already taken today."""
    plan = _plan(database)
    if plan is None:
        return None
    path, folder, _ = plan
    now = now or dt.datetime.now()
    if any(b.taken.date() == now.date() for b in listed(folder, path.stem)):
        return None
    return automatic_backup(database, "daily", now)


def restore(
    database_path: Path,
    backup: Path,
    key: Passphrase | None,
    folder: Path,
    now: dt.datetime | None = None,
) -> Path | None:
    """Replace the database with `backup`, the current file first kept as a backup
    (returned). The GUI and the command line both restore through here; every
    connection to the database must be closed first."""
    now = now or dt.datetime.now()
    kept = None
    if database_path.exists() and database_path.stat().st_size > 0:
        kept = take(database_path, key, folder, "before-restore", now)
    restore_sqlite(backup, database_path, key)
    log.info("restored %s from %s", database_path.name, backup)
    return kept
