"""demo, check, user add, backup, restore."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from pathlib import Path
from typing import Any

from desktop.commands.args import existing_file, iso_date, positive_int

DEMO_ACCOUNTS = (
    ("admin", "Demo Administrator", "admin"),
    ("manager", "Demo Manager", "manager"),
    ("frontdesk", "Demo Front Desk", "front_desk"),
)
DEMO_PASSWORD = "recovery-demo"


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    demo = subparsers.add_parser(
        "demo",
        parents=[common],
        help="build a synthetic demo agency",
        description="Fill an empty database with a synthetic agency (no real person's data). "
        f"Creates the accounts admin, manager and frontdesk, password {DEMO_PASSWORD}.",
    )
    demo.add_argument("--clients", type=positive_int, default=1000, help="how many clients")
    demo.add_argument("--seed", type=int, default=1, help="the same seed builds the same agency")
    demo.add_argument(
        "--today", type=iso_date, default=None, help="the date the demo ends on (default: today)"
    )
    demo.set_defaults(handler=run_demo)

    check = subparsers.add_parser(
        "check",
        parents=[common],
        help="check the database's integrity, schema version and audit trail",
        description="Check the file's pages, foreign keys and schema version, and the audit "
        "trail's hash chain (the first row edited, deleted, inserted or reordered is named). "
        "Reads only: nothing is written to the file or beside it.",
    )
    check.set_defaults(handler=run_check)

    user = subparsers.add_parser("user", parents=[common], help="manage staff accounts")
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = user_sub.add_parser(
        "add",
        parents=[common],
        help="add an account (the first is admin)",
        description="Add a staff account. The password is read from the "
        "terminal, or from one line of standard input.",
    )
    add.add_argument("username")
    add.add_argument("--name", required=True, help="the person's full name")
    add.add_argument("--role", choices=("front_desk", "manager", "admin"), default="admin")
    add.set_defaults(handler=run_user_add)

    backup = subparsers.add_parser(
        "backup", parents=[common], help="copy the database to a backup file"
    )
    backup.add_argument("--out", type=Path, help="backup file (default: the backups folder)")
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser(
        "restore", parents=[common], help="replace the database with a backup"
    )
    restore.add_argument("backup", type=existing_file, help="the backup file to restore")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.set_defaults(handler=run_restore)


def run_demo(args: argparse.Namespace) -> int:
    from db import clients, users
    from db.demo import build_demo
    from db.startup import open_database
    from desktop.passphrase import for_command

    database = open_database(args.db, passphrase=for_command)
    with database.reading() as session:
        if clients.count(session) or users.count(session):
            raise ValueError("this database already holds data; choose an empty file with --db")
    today = args.today or dt.date.today()
    summary = build_demo(database, args.clients, args.seed, today=today, progress=_print_progress)
    print(file=sys.stderr)
    with database.writing() as session:
        for username, name, role in DEMO_ACCOUNTS:
            actor = None if username == "admin" else users.verify(session, "admin", DEMO_PASSWORD)
            users.add(session, actor, username, name, role, DEMO_PASSWORD)
    print(
        f"Built a demo agency: {summary.clients:,} clients, {summary.assessments:,} assessments, "
        f"{summary.events:,} events, {summary.encounters:,} encounters.\n"
        f"Sign in as admin, manager or frontdesk with password {DEMO_PASSWORD}."
    )
    return 0


def _print_progress(done: int, total: int) -> None:
    print(f"\r{done:,} of {total:,} clients", end="", file=sys.stderr, flush=True)


def run_check(args: argparse.Namespace) -> int:
    from db.health import check_database
    from db.location import resolve_database_url, sqlite_path
    from db.startup import file_key
    from desktop.passphrase import for_command

    url = resolve_database_url(args.db)
    path = sqlite_path(url)
    key = file_key(path, for_command) if path is not None else None
    report = check_database(url, key)
    for line in report.lines:
        print(line)
    return 0 if report.ok else 1


def run_user_add(args: argparse.Namespace) -> int:
    from db import backups, users
    from db.access import COMMAND_LINE
    from db.startup import open_database
    from desktop.passphrase import for_command

    password = _read_password()
    database = open_database(args.db, passphrase=for_command)
    backups.daily_backup(database)
    with database.writing() as session:
        first = users.count(session) == 0
        if first and args.role != "admin":
            raise ValueError("the first account must have the role admin")
        users.add(
            session, None if first else COMMAND_LINE, args.username, args.name, args.role, password
        )
    print(f"Added {args.role.replace('_', ' ')} account {args.username}.")
    return 0


def _read_password() -> str:
    from forms.definitions import PASSWORD_MIN_LENGTH

    if sys.stdin.isatty():
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            raise ValueError("the two passwords differ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < PASSWORD_MIN_LENGTH:
        raise ValueError(f"password: use at least {PASSWORD_MIN_LENGTH} characters")
    return password


def run_backup(args: argparse.Namespace) -> int:
    from db.backup import backup_sqlite, default_backup_path
    from db.location import resolve_database_url, sqlite_path
    from db.startup import file_key
    from desktop.passphrase import for_command

    path = sqlite_path(resolve_database_url(args.db))
    if path is None:
        raise ValueError("backup copies a SQLite file; back up a PostgreSQL server with pg_dump")
    if not path.exists():
        raise ValueError(f"there is no database at {path}")
    target = args.out or default_backup_path(path, dt.datetime.now())
    backup_sqlite(path, target, file_key(path, for_command))
    print(f"Backed up to {target}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from db import backups
    from db.backup import BackupError, quick_check
    from db.location import resolve_database_url, sqlite_path
    from db.startup import file_key, open_database
    from desktop.passphrase import for_command

    path = sqlite_path(resolve_database_url(args.db))
    if path is None:
        raise ValueError("restore replaces a SQLite file; restore PostgreSQL with pg_restore")
    key = file_key(path, for_command) if path.exists() else None
    # Before anything is copied or asked: a file that is no backup changes nothing.
    backup_key = file_key(args.backup, for_command, key) if key is not None else None
    if backup_key is None:
        backup_key = file_key(args.backup, for_command)
    if (problem := quick_check(args.backup, backup_key)) is not None:
        raise BackupError(f"{args.backup} is not a usable backup: it {problem}")
    if not args.yes and not _confirm(f"Replace {path} with {args.backup}? [y/N] "):
        print("Nothing was changed.")
        return 1
    folder = backups.folder_for(path)
    if path.exists() and path.stat().st_size > 0:
        current = open_database(str(path), key=key)
        try:
            folder = backups.configured_folder(current) or folder
        finally:
            current.dispose()
    kept = backups.restore(path, args.backup, key, folder)
    if kept is not None:
        print(f"The current database was first copied to {kept}")
    print(f"Restored {path} from {args.backup}")
    return 0


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        raise ValueError("restore asks for confirmation; add --yes to run it unattended")
    return input(question).strip().lower() in ("y", "yes")
