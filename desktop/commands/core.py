"""demo, check, user add, user unlock, backup, restore.

`demo` on an empty database and `check` need no sign-in; `user add` makes the
first administrator of an empty database without one. Everything else signs in
(desktop/commands/signin.py) and is held to that person's role.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from desktop.commands import signin
from desktop.commands.args import existing_file, iso_date, positive_int
from forms.practice import DEMO_PASSWORD, add_demo_accounts
from forms.vocabulary import Permission


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
        "Reads only: nothing is written to the file or beside it, unless --rebuild-status "
        "asks for every client's stored status to be compared with the rules and stored again.",
    )
    check.add_argument(
        "--rebuild-status",
        action="store_true",
        help="also walk every client's history with the recovery rules, count the clients "
        "whose stored status differs, and store it again for every client (this writes)",
    )
    check.set_defaults(handler=run_check)

    _register_user(subparsers, common)
    backup = subparsers.add_parser(
        "backup",
        parents=[common, signin.options()],
        help="copy the database to a backup file",
        description="A consistent copy of the SQLite file; of a PostgreSQL database, a "
        "pg_dump file in its custom format (pg_dump must be installed: package "
        "postgresql-client; without it the exact command to run is printed). Signs in as "
        "a manager or administrator (--user).",
    )
    backup.add_argument(
        "--out",
        type=Path,
        help="backup file (default: the backups folder; required for a PostgreSQL database)",
    )
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser(
        "restore",
        parents=[common, signin.options()],
        help="replace the database with a backup",
        description="Replace the database with a backup; the current file is copied first. "
        "Signs in as an administrator (--user) of the current database or, when it is "
        "missing or damaged, of the backup. On PostgreSQL, load a pg_dump backup into an "
        "empty database (made with createdb) with pg_restore, all or nothing; the server's "
        "rights of the --db URL's user decide, not a program account.",
    )
    restore.add_argument("backup", type=existing_file, help="the backup file to restore")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.set_defaults(handler=run_restore)


def _register_user(subparsers: Any, common: argparse.ArgumentParser) -> None:
    user = subparsers.add_parser("user", parents=[common], help="manage staff accounts")
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = user_sub.add_parser(
        "add",
        parents=[common, signin.options()],
        help="add an account (the first is admin)",
        description="Add a staff account. In an empty database this makes the first "
        "administrator, without a sign-in; after that an administrator signs in (--user). "
        "Passwords are read from the terminal or from standard input, one a line: first "
        "the administrator's, then the new account's (for an encrypted file, after the "
        "passphrase's line). A password needs at least 15 "
        "characters (the agency's setting) and may not be a common one.",
    )
    add.add_argument("username")
    add.add_argument("--name", required=True, help="the person's full name")
    add.add_argument("--role", choices=("front_desk", "manager", "admin"), default="admin")
    add.set_defaults(handler=run_user_add)
    unlock = user_sub.add_parser(
        "unlock",
        parents=[common, signin.options()],
        help="let a user name locked by failed sign-ins sign in again",
        description="Lift the lock that too many failed sign-ins put on a user name. "
        "Signs in as an administrator (--user).",
    )
    unlock.add_argument("username")
    unlock.set_defaults(handler=run_user_unlock)


def run_demo(args: argparse.Namespace) -> int:
    from desktop.passphrase import for_command
    from forms.database_file import build_demo, holds_data, open_database

    database = open_database(args.db, passphrase=for_command)
    if holds_data(database):
        raise ValueError("this database already holds data; choose an empty file with --db")
    today = args.today or dt.date.today()
    summary = build_demo(database, args.clients, args.seed, today, _print_progress)
    print(file=sys.stderr)
    add_demo_accounts(database, today)
    print(
        f"Built a demo agency: {summary.clients:,} clients, {summary.assessments:,} assessments, "
        f"{summary.events:,} events, {summary.encounters:,} encounters.\n"
        f"Sign in as admin, manager or frontdesk with password {DEMO_PASSWORD}."
    )
    return 0


def _print_progress(done: int, total: int) -> None:
    print(f"\r{done:,} of {total:,} clients", end="", file=sys.stderr, flush=True)


def run_check(args: argparse.Namespace) -> int:
    from desktop.passphrase import for_command
    from forms.database_file import check_database, file_key, resolve_database_url, sqlite_path

    url = resolve_database_url(args.db)
    path = sqlite_path(url)
    key = file_key(path, for_command) if path is not None else None
    report = check_database(url, key)
    for line in report.lines:
        print(line)
    if not report.ok:
        return 1
    return _rebuild_status(args.db, key) if args.rebuild_status else 0


def _rebuild_status(db: str | None, key: Any) -> int:
    """Compare every client's stored status with a fresh walk, then store it again.
    Prints counts only: no name or code leaves the database."""
    from forms.database_file import open_database
    from reports.datasets.status_store import check_and_store_again

    database = open_database(db, key=key)
    try:
        differing = check_and_store_again(database)
    finally:
        database.dispose()
    if differing:
        print(
            f"PROBLEM stored status of {differing:,} clients differed from the rules; "
            "stored again for every client"
        )
        return 1
    print("ok      stored status of every client equals the rules; stored again")
    return 0


def run_user_add(args: argparse.Namespace) -> int:
    from desktop.passphrase import for_command
    from forms.database_file import open_database

    database = open_database(args.db, passphrase=for_command)
    try:
        _add_user(args, database)
    finally:
        database.dispose()  # a server's pooled connection is closed, not left to the collector
    print(f"Added {args.role.replace('_', ' ')} account {args.username}.")
    return 0


def _add_user(args: argparse.Namespace, database: Any) -> None:
    from forms import accounts
    from forms.database_file import daily_backup

    raw = {"username": args.username, "display_name": args.name, "role": args.role}
    today = dt.date.today()
    if accounts.needs_first_admin(database):
        if args.role != "admin":
            raise ValueError("the first account must have the role admin")
        password = signin.read_password(f"New password for {args.username}: ", twice=True)
        accounts.add_first_admin(database, raw, password, None, today)
    else:
        actor = signin.sign_in(args, database)
        password = signin.read_password(f"New password for {args.username}: ", twice=True)
        daily_backup(database)
        accounts.add_account(database, actor, raw, password, None, today)


def run_user_unlock(args: argparse.Namespace) -> int:
    from desktop.passphrase import for_command
    from forms import accounts
    from forms.database_file import open_database

    database = open_database(args.db, passphrase=for_command)
    actor = signin.sign_in(args, database)
    if accounts.unlock_account(database, actor, args.username):
        print(f"Unlocked {args.username}: it can sign in again.")
    else:
        print(f"{args.username} was not locked.")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from desktop.passphrase import for_command
    from forms.database_file import (
        backup_sqlite,
        default_backup_path,
        file_key,
        refuse_existing,
        resolve_database_url,
        sqlite_path,
    )

    url = resolve_database_url(args.db)
    path = sqlite_path(url)
    if path is None:
        return _backup_server(args, url)
    if not path.exists():
        raise ValueError(f"there is no database at {path}")
    target = args.out or default_backup_path(path, dt.datetime.now())
    refuse_existing(target)  # bad input is refused before anything is asked or written
    key = file_key(path, for_command)
    _sign_in_to(args, args.db, Permission.BACKUP, key)
    backup_sqlite(path, target, key)
    print(f"Backed up to {target}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from desktop.passphrase import for_command
    from forms.database_file import (
        configured_folder,
        file_key,
        folder_for,
        open_database,
        quick_check,
        resolve_database_url,
        restore_backup,
        sqlite_path,
    )
    from forms.vocabulary import BackupError

    url = resolve_database_url(args.db)
    path = sqlite_path(url)
    if path is None:
        return _restore_server(args, url)
    key = file_key(path, for_command) if path.exists() else None
    # Before anything is copied or asked: a file that is no backup changes nothing.
    backup_key = file_key(args.backup, for_command, key) if key is not None else None
    if backup_key is None:
        backup_key = file_key(args.backup, for_command)
    if (problem := quick_check(args.backup, backup_key)) is not None:
        raise BackupError(f"{args.backup} is not a usable backup: it {problem}")
    if not args.yes and not sys.stdin.isatty():  # said before a password is read for nothing
        raise ValueError("restore asks for confirmation; add --yes to run it unattended")
    _sign_in_for_restore(args, path, key, backup_key)
    if not args.yes and not _confirm(f"Replace {path} with {args.backup}? [y/N] "):
        print("Nothing was changed.")
        return 1
    folder = folder_for(path)
    if path.exists() and path.stat().st_size > 0:
        current = open_database(str(path), key=key)
        try:
            folder = configured_folder(current) or folder
        finally:
            current.dispose()
    kept = restore_backup(path, args.backup, key, folder)
    if kept is not None:
        print(f"The current database was first copied to {kept}")
    print(f"Restored {path} from {args.backup}")
    return 0


def _backup_server(args: argparse.Namespace, url: str) -> int:
    from forms.database_file import backup_postgres, refuse_existing

    if args.out is None:
        raise ValueError("--out: a backup of a PostgreSQL database needs a file name")
    refuse_existing(args.out)
    _sign_in_to(args, url, Permission.BACKUP, None)
    backup_postgres(url, args.out)
    print(f"Backed up to {args.out}")
    return 0


def _restore_server(args: argparse.Namespace, url: str) -> int:
    """pg_restore into an empty database: nothing there to protect or sign in to."""
    from forms.database_file import restore_postgres

    if not args.yes and not sys.stdin.isatty():
        raise ValueError("restore asks for confirmation; add --yes to run it unattended")
    if not args.yes and not _confirm(f"Load {args.backup} into the empty database? [y/N] "):
        print("Nothing was changed.")
        return 1
    restore_postgres(url, args.backup)
    print(f"Restored {args.backup} into the database of --db")
    return 0


def _sign_in_to(args: argparse.Namespace, db: str, permission: Permission, key: Any) -> None:
    """Sign in to the database `db` and require `permission` of the person's role."""
    from forms.database_file import open_database

    database = open_database(db, key=key)
    try:
        signin.sign_in(args, database).require(permission)
    finally:
        database.dispose()


def _sign_in_for_restore(args: argparse.Namespace, path: Path, key: Any, backup_key: Any) -> None:
    """An administrator of the database being replaced; of the backup when that database
    is missing or damaged (restoring is how a damaged one is mended). The backup itself
    is never opened for that: a private copy is, since opening may migrate a file."""
    import shutil
    import tempfile

    from forms.vocabulary import DatabaseUnusableError

    if path.exists() and path.stat().st_size > 0:
        try:
            _sign_in_to(args, str(path), Permission.RESTORE, key)
            return
        except DatabaseUnusableError:
            print(
                f"{path} cannot be opened; signing in with the backup's accounts", file=sys.stderr
            )
    with tempfile.TemporaryDirectory(prefix="recovery-desk-restore-") as folder:
        copy = Path(folder) / "accounts.sqlite3"
        shutil.copyfile(args.backup, copy)
        _sign_in_to(args, str(copy), Permission.RESTORE, backup_key)


def _confirm(question: str) -> bool:
    return input(question).strip().lower() in ("y", "yes")
