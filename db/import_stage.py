"""An import staged in a copy of a SQLite database, then merged in one short transaction.

SQLite has one write lock. An import that validated and loaded its rows inside
one write transaction held it for as long as it read the workbook (27.6 s for
250,000 rows), and every save made meanwhile failed. So a SQLite import runs
its whole work - every row validated, every reference looked up, the rows
loaded, episodes and stored statuses built - in a private copy of the database
(`<file>-import-stage`, taken with the backup API, which only reads), and the
live database is written once, when the copy holds a complete, valid import:
the copy is committed and attached to a connection of the live database
(`merging`), and `merge` copies the rows the import added with one INSERT ...
SELECT a table, inside one write transaction: no row passes through Python.

Saves made on the live database while the copy was being loaded took ids the
copy also handed out; `merge` moves the import's rows past the highest id now
stored in each table, and every reference between them with them, in the SQL.
An import with --update also changed stored clients in the copy: the same
transaction puts those clients' rows in place (db/import_changes.py), unless a
desk wrote to one of them meanwhile. A killed or refused import leaves the live
database untouched; its copy is removed by the next import (`discard`).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Connection, Table, func, select
from sqlalchemy.orm import Session

from db import audit, import_changes
from db.cipher import Passphrase, connect
from db.engine import _IMMEDIATE, Database
from db.files import private_file
from db.models import Base

log = logging.getLogger(__name__)

# The tables an import adds rows to, parents before children; each row's own id is moved.
MOVED = (
    "clients",
    "episodes",
    "assessments",
    "substance_records",
    "events",
    "encounters",
    "consents",
    "corrections",
)
# Tables keyed by their client: their rows are the import's new clients' rows.
BY_CLIENT = ("status_after_assessment",)
_SIDECARS = ("", "-wal", "-shm", "-journal", ".partial")


def stage_path(database_file: Path) -> Path:
    return database_file.with_name(f"{database_file.name}-import-stage")


def discard(stage: Path) -> None:
    """Remove a staging copy and its sidecar files (a crashed import's too)."""
    for suffix in _SIDECARS:
        stage.with_name(stage.name + suffix).unlink(missing_ok=True)


def copy_for_staging(source: Path, key: Passphrase | None) -> Path:
    """A private copy of the database at `source` to stage an import in (keyed like it).

    The backup API reads the live file in one read transaction: writers go on."""
    stage = stage_path(source)
    discard(stage)
    partial = stage.with_name(stage.name + ".partial")
    private_file(partial)
    src = connect(source, key, read_only=True)
    try:
        dst = connect(partial, key, like=source)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = WAL")
        finally:
            dst.close()
    finally:
        src.close()
    partial.rename(stage)
    return stage


@dataclass(frozen=True)
class Highest:
    """The highest id of each moved table, before an import or in the live database."""

    ids: Mapping[str, int]
    audit_seq: int = 0  # the copy's last audit row: a desk's writes since come after it

    @classmethod
    def read(cls, session: Session) -> Highest:
        ids = {name: _highest(session, name) for name in MOVED}
        return cls(ids, import_changes.highest_audit_seq(session))


def _highest(session: Session, name: str) -> int:
    return int(session.scalar(select(func.coalesce(func.max(_table(name).c.id), 0))) or 0)


@contextlib.contextmanager
def merging(database: Database, copy: Database) -> Iterator[Session]:
    """One write transaction of `database` with the committed staging copy `copy` (from
    `staged`) attached as `stage`, keyed like the database, so `merge` copies rows inside
    SQLite.

    SQLite attaches a file only outside a transaction: the copy is attached to a
    connection of its own before the write lock is taken, and detached after its end."""
    stage = Path(copy.engine.url.database or "")
    copy.dispose()  # its connections are done with; SQLite reads the file through ATTACH
    with database.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        if database.key is None:
            raw.execute("ATTACH DATABASE ? AS stage", (str(stage),))
        else:  # the copy has the database's salt, so the same raw key opens it
            raw.execute(
                "ATTACH DATABASE ? AS stage KEY ?", (str(stage), database.key.key_text(stage))
            )
        try:
            writer = conn.execution_options(**{_IMMEDIATE: True})  # BEGIN IMMEDIATE
            with Session(bind=writer, expire_on_commit=False) as session, session.begin():
                yield session
        finally:
            _detach(conn)


def _detach(conn: Connection) -> None:
    raw = conn.connection.dbapi_connection
    try:
        assert raw is not None
        raw.execute("DETACH DATABASE stage")
    except Exception:
        # A pooled connection must not keep the copy attached: it is thrown away instead.
        log.warning("could not detach the import's copy; dropping the connection")
        conn.invalidate()


def merge(
    live: Session,
    before: Highest,
    *,
    changes: bool = False,
    audit_rows: list[dict[str, Any]] | None = None,
) -> dict[str, int]:
    """Insert into `live` the rows the attached copy (`merging`) holds past `before`, ids
    moved past the live database's highest. Rows counted by table. The rows go from file
    to file inside SQLite, none through Python. The caller owns the transaction.

    `changes` (an import with --update, db/import_changes.py): the rows of the clients
    stored before that the import wrote are also replaced by the copy's, unless a desk
    wrote to one of them meanwhile (ChangedAtDeskError, nothing written). `audit_rows`, the
    copy's held audit rows (db.audit.take_held_rows), are chained onto the database's trail
    at the commit, the ids of the assessments they name moved with them."""
    taken = _codes_taken(live, before)
    if taken:
        raise CodesTakenError(taken)
    if changes:
        import_changes.refuse_desk_changes(live, before.audit_seq)
        import_changes.delete_dropped(live, before.ids)
    now = Highest.read(live)
    shift = {name: now.ids[name] - before.ids[name] for name in MOVED}
    counts = {}
    for name in (*MOVED, *BY_CLIENT):
        counts[name] = _copy_table(live, _table(name), before, shift)
    if changes:

        def moved(table: Table, column: Column[Any], prefix: str) -> tuple[str, list[int]]:
            return _moved_sql(table, column, before, shift, prefix)

        import_changes.update_changed(live, before.ids, moved)
        import_changes.replace_statuses(live, moved)
    if audit_rows:
        rows = import_changes.moved_audit_rows(
            audit_rows, before.ids["assessments"], shift["assessments"]
        )
        audit.add_rows(live, rows)
    log.info("import merged: %s", counts)
    return counts


class CodesTakenError(Exception):
    """Client codes of the import that a desk registered while the copy was loaded."""

    def __init__(self, taken: list[tuple[int, str]]) -> None:
        super().__init__(f"{len(taken)} client codes were taken during the import")
        self.taken = taken  # (the client's id in the copy, its code)


def _codes_taken(live: Session, before: Highest) -> list[tuple[int, str]]:
    rows = live.connection().exec_driver_sql(
        'SELECT s."id", s."client_code" FROM stage."clients" AS s '
        'JOIN main."clients" AS m ON m."client_code" = s."client_code" '
        'WHERE s."id" > ? ORDER BY s."id"',
        (before.ids["clients"],),
    )
    return [(int(cid), str(code)) for cid, code in rows]


def _copy_table(live: Session, table: Table, before: Highest, shift: Mapping[str, int]) -> int:
    """The table's new rows copied by one INSERT ... SELECT from the attached copy: the
    row's id moved by its table's shift, each reference moved only when it points at a
    row of the import (past the highest id before it), any other one kept."""
    keyed_by = "id" if table.name in MOVED else "client_id"
    owner = table.name if table.name in MOVED else "clients"
    names = [column.name for column in table.columns]
    values: list[str] = []
    parameters: list[int] = []
    for column in table.columns:
        sql, added = _moved_sql(table, column, before, shift)
        values.append(sql)
        parameters.extend(added)
    listed = ", ".join(f'"{name}"' for name in names)
    copied = live.connection().exec_driver_sql(
        f'INSERT INTO main."{table.name}" ({listed}) SELECT {", ".join(values)} '
        f'FROM stage."{table.name}" WHERE "{keyed_by}" > ? ORDER BY "{keyed_by}"',
        (*parameters, before.ids[owner]),
    )
    return int(copied.rowcount)


def _moved_sql(
    table: Table, column: Column[Any], before: Highest, shift: Mapping[str, int], prefix: str = ""
) -> tuple[str, list[int]]:
    """The column's value as the SELECT gives it, and the parameters that expression takes
    (`prefix`: the copy's table alias, where the statement names two tables)."""
    name = f'{prefix}"{column.name}"'
    target = _moved_table(table, column)
    if target is None or not shift[target]:
        return name, []
    if target == table.name and column.name == "id":  # every copied row is the import's
        return f"{name} + ?", [shift[target]]
    return (
        f"CASE WHEN {name} > ? THEN {name} + ? ELSE {name} END",
        [before.ids[target], shift[target]],
    )


def _moved_table(table: Table, column: Column[Any]) -> str | None:
    if column.primary_key and column.name == "id" and table.name in MOVED:
        return table.name
    for key in column.foreign_keys:
        if key.column.table.name in MOVED:
            return key.column.table.name
    return None


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


@contextlib.contextmanager
def staging(source: Path, key: Passphrase | None) -> Iterator[Path]:
    """A staging copy of `source` for the block, removed after it whatever happens."""
    stage = copy_for_staging(source, key)
    try:
        yield stage
    finally:
        discard(stage)


@contextlib.contextmanager
def staged(database: Database) -> Iterator[tuple[Database, Highest]]:
    """A Database on a staging copy of `database` (a SQLite file) and its highest ids
    before the import; the copy is removed after the block, whatever happens."""
    source = Path(database.engine.url.database or "")
    with staging(source, database.key) as stage:
        copy = Database(f"sqlite:///{stage}", key=database.key)
        try:
            with copy.reading() as session:
                before = Highest.read(session)
            yield copy, before
        finally:
            copy.dispose()


def can_stage(database: Database) -> bool:
    """Whether imports into `database` are staged: a SQLite file (a server has no one
    write lock to hold, and an in-memory database no file to copy)."""
    name = database.engine.url.database
    return database.is_sqlite and bool(name) and name != ":memory:"
