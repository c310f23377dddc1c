"""Backups of a PostgreSQL database with the server's own tools.

`pg_dump --format=custom` writes one compressed file holding the schema, the data
and the grants, consistent as of one moment while others keep saving;
`pg_restore` loads it into an empty database. The tools come with the server or
with the `postgresql-client` package; when they are missing the person is told
the exact command to run where they are installed. The password never goes on a
command line (other users of the machine could read it): it travels in the
child's PGPASSWORD.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import URL, make_url

from db.backup import BackupError, refuse_existing
from db.files import private_file

DUMP = "pg_dump"
RESTORE = "pg_restore"
CLIENT_PACKAGE = "postgresql-client"


def libpq_uri(url: str) -> str:
    """The database of a SQLAlchemy URL as a libpq URI without its password."""
    parsed = make_url(url)
    bare = URL.create(
        "postgresql",
        username=parsed.username,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query=parsed.query,
    )
    return bare.render_as_string(hide_password=False)


def dump_command(url: str, target: Path) -> list[str]:
    return [DUMP, "--format=custom", f"--file={target}", f"--dbname={libpq_uri(url)}"]


def restore_command(url: str, backup: Path) -> list[str]:
    # --no-owner: the tables belong to whoever restores (the agency's owner role),
    # whatever role owned them on the server the backup came from.
    return [
        RESTORE,
        "--exit-on-error",
        "--single-transaction",
        "--no-owner",
        f"--dbname={libpq_uri(url)}",
        str(backup),
    ]


def backup_postgres(url: str, target: Path) -> Path:
    """pg_dump the database of `url` into `target` (a new file, 0600); returns it."""
    refuse_existing(target)
    _require(dump_command(url, target), "back up")
    partial = target.with_name(target.name + ".partial")
    private_file(partial)
    try:
        _run(dump_command(url, partial), url, "back up")
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)
    return target


def restore_postgres(url: str, backup: Path) -> None:
    """Load the pg_dump file `backup` into the empty database of `url`."""
    _require(restore_command(url, backup), "restore")
    _run([RESTORE, "--list", str(backup)], url, "read the backup", unusable=backup)
    tables = _tables(url)
    if tables:
        raise BackupError(
            f"{make_url(url).database} already holds {len(tables)} tables; restore loads "
            "into an empty database (create one with createdb); nothing was changed"
        )
    _run(restore_command(url, backup), url, "restore")
    _gather_statistics(url)


def _gather_statistics(url: str) -> None:
    """ANALYZE the restored tables: pg_restore loads rows but no planner statistics, and
    until autovacuum comes round a report's joins are planned as for empty tables (a
    20,000-client monthly report ran for over ten minutes instead of seconds)."""
    engine = create_engine(url, hide_parameters=True, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    finally:
        engine.dispose()


def _tables(url: str) -> list[str]:
    engine = create_engine(url, hide_parameters=True)
    try:
        with engine.connect() as conn:
            return list(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def _require(command: list[str], what: str) -> None:
    """BackupError naming the whole command when its program is not installed."""
    if shutil.which(command[0]) is None:
        raise BackupError(
            f"{command[0]} is not installed here (package {CLIENT_PACKAGE}); to {what}, "
            f"run where it is: {' '.join(command)}"
        )


def _run(command: list[str], url: str, what: str, unusable: Path | None = None) -> None:
    env = dict(os.environ)
    if (password := make_url(url).password) is not None:
        env["PGPASSWORD"] = str(password)
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        why = lines[-1] if lines else f"exit status {done.returncode}"
        if unusable is not None:
            raise BackupError(f"{unusable} is not a usable backup ({why}); nothing was changed")
        raise BackupError(f"{command[0]} could not {what}: {why}; nothing was changed")
