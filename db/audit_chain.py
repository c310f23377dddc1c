"""The audit trail's hash chain: appending rows to it, and verifying it.

Each row's `row_hash` is the SHA-256 of a canonical encoding of its content and
of `prev_hash`, the hash of the row before (64 zeros for row 1): the UTF-8 JSON
array, without spaces, of

    ["recovery-desk-audit-1", seq, at_utc as "YYYY-MM-DDTHH:MM:SS.ffffffZ",
     user_id, username, action, entity, entity_id, before, after, prev_hash]

Changing, removing, inserting or renumbering a row breaks the chain at that row;
the chain head (one row of `audit_chain`) catches rows removed at the end.
Appends take the head row's lock (SELECT ... FOR UPDATE on PostgreSQL; SQLite
writes are serialised by BEGIN IMMEDIATE anyway), so workstations writing at
the same time chain one after the other.

A chain proves the rows are as written only against someone who cannot also
recompute every later hash; docs/security.md says what closes that gap.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, DateTime, select
from sqlalchemy.exc import DBAPIError

from db.models import AuditChainHead, AuditEntry

FORMAT = "recovery-desk-audit-1"
GENESIS = "0" * 64
_HEX64 = re.compile(r"[0-9a-f]{64}")
CONTENT = ("user_id", "username", "action", "entity", "entity_id", "before", "after")


def utc_text(at: dt.datetime) -> str:
    """The one spelling of a timestamp in the hash: UTC to the microsecond (SQLite hands
    the stored value back without its zone; it was written in UTC)."""
    at = at.replace(tzinfo=dt.UTC) if at.tzinfo is None else at.astimezone(dt.UTC)
    return at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def row_hash(seq: int, row: Mapping[Any, Any], prev_hash: str) -> str:
    content = [FORMAT, seq, utc_text(row["at_utc"]), *(row[k] for k in CONTENT), prev_hash]
    encoded = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


# Straight to the driver's cursor: building, compiling and dispatching statements for every
# save cost more than the save's own inserts (make bench, "save intake"). "?" is "%s" for
# psycopg.
_HEAD = "SELECT last_seq, last_hash FROM audit_chain WHERE id = 1"
_INSERT = (
    "INSERT INTO audit_log (seq, at_utc, user_id, username, action, entity, entity_id,"
    ' "before", "after", prev_hash, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
)
_MOVE_HEAD = "UPDATE audit_chain SET last_seq = ?, last_hash = ? WHERE id = 1"
_STAMP = DateTime(timezone=True)


def append(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Number, chain and insert `rows` after the last audit row, in the caller's transaction
    (already begun: the driver's cursor below runs inside it). On PostgreSQL the head row
    stays locked until the transaction ends: the next append waits, then reads the head
    this one leaves."""
    dialect = conn.dialect
    locked = dialect.name == "postgresql"
    stamp = _STAMP.bind_processor(dialect) or (lambda value: value)
    cursor = conn.connection.cursor()
    statement = _HEAD
    try:
        cursor.execute(_HEAD + " FOR UPDATE" if locked else _HEAD)
        head = cursor.fetchone()
        if head is None:  # 0005_audit_chain writes it; only a hand-edited file lacks it
            raise RuntimeError("the audit trail's chain head (table audit_chain) is missing")
        last_seq, last_hash = head
        chained = []
        for row in rows:
            last_seq += 1
            digest = row_hash(last_seq, row, last_hash)
            content = [row[k] for k in CONTENT]
            chained.append((last_seq, stamp(row["at_utc"]), *content, last_hash, digest))
            last_hash = digest
        statement = _INSERT
        cursor.executemany(_driver(dialect, _INSERT), chained)
        statement = _MOVE_HEAD
        cursor.execute(_driver(dialect, _MOVE_HEAD), (last_seq, last_hash))
    except dialect.loaded_dbapi.Error as exc:
        # As SQLAlchemy reports a driver's error elsewhere (the values never in the text).
        raise DBAPIError.instance(
            statement, None, exc, dialect.loaded_dbapi.Error, hide_parameters=True
        ) from exc
    finally:
        cursor.close()


def _driver(dialect: Any, sql: str) -> str:
    return sql if dialect.paramstyle == "qmark" else sql.replace("?", "%s")


@dataclass(frozen=True)
class ChainVerdict:
    rows: int  # rows found as they were written, from row 1
    last_seq: int
    last_hash: str  # of the last row; empty when the trail is broken
    broken_at: int | None = None  # the first row found wrong
    what: str = ""  # what is wrong with it, in a sentence that starts with "row N"

    @property
    def ok(self) -> bool:
        return self.broken_at is None


_COLUMNS = (AuditEntry.seq, AuditEntry.at_utc, *(getattr(AuditEntry, k) for k in CONTENT))


def verify(conn: Connection) -> ChainVerdict:
    """Walk the whole trail in order and stop at the first row that breaks the chain."""
    head = conn.execute(select(AuditChainHead.last_seq, AuditChainHead.last_hash)).one_or_none()
    head_seq, head_hash = head if head is not None else (0, GENESIS)
    rows = conn.execution_options(stream_results=True, yield_per=2000).execute(
        select(*_COLUMNS, AuditEntry.prev_hash, AuditEntry.row_hash).order_by(AuditEntry.seq)
    )
    walk = _Walk(conn, head_seq)
    for row in rows.mappings():
        if (problem := walk.step(row)) is not None:
            rows.close()
            return _broken(*problem)
    if (problem := walk.end(head_seq, head_hash)) is not None:
        return _broken(*problem)
    return ChainVerdict(walk.count, walk.seq, walk.hash)


def _broken(seq: int, what: str) -> ChainVerdict:
    """The rows before the first broken one are as written: they chain from row 1."""
    return ChainVerdict(seq - 1, seq - 1, "", seq, what)


class _Walk:
    """The state of a walk along the chain: the last good row's number and hash."""

    def __init__(self, conn: Connection, head_seq: int) -> None:
        self.conn, self.head_seq = conn, head_seq
        self.count, self.seq, self.hash = 0, 0, GENESIS

    def step(self, row: Mapping[Any, Any]) -> tuple[int, str] | None:
        seq = row["seq"]
        if seq > self.head_seq:
            return seq, f"row {seq} was inserted after the last row the program wrote"
        if not all(_HEX64.fullmatch(row[k] or "") for k in ("prev_hash", "row_hash")):
            return seq, f"row {seq} was inserted: it carries no hash the program wrote"
        if seq != self.seq + 1:
            return self.seq + 1, _missing(self.seq + 1, seq - 1, f"before row {seq}")
        if row_hash(seq, row, row["prev_hash"]) != row["row_hash"]:
            return seq, self._changed(row)
        if row["prev_hash"] != self.hash:
            return self._unlinked(row)
        self.count, self.seq, self.hash = self.count + 1, seq, row["row_hash"]
        return None

    def end(self, head_seq: int, head_hash: str) -> tuple[int, str] | None:
        if head_seq > self.seq:
            return self.seq + 1, _missing(self.seq + 1, head_seq, "at the end")
        if head_hash != self.hash:
            return self.seq, f"row {self.seq} was edited: it is not the last row the program wrote"
        return None

    def _changed(self, row: Mapping[Any, Any]) -> str:
        seq = row["seq"]
        written = self._seq_after(row["prev_hash"])
        if written is not None and row_hash(written, row, row["prev_hash"]) == row["row_hash"]:
            return f"row {seq} was reordered: it was written as row {written}"
        return f"row {seq} was edited: its content no longer matches its hash"

    def _unlinked(self, row: Mapping[Any, Any]) -> tuple[int, str]:
        seq = row["seq"]
        written = self._seq_after(row["prev_hash"])
        if written is not None:
            return seq, f"row {seq} was reordered: it was written after row {written - 1}"
        # The row is as written but follows another row: the one before it is a forgery.
        return self.seq, (
            f"row {self.seq} was inserted in place of the row written there: row {seq} "
            "is chained to a different one"
        )

    def _seq_after(self, prev_hash: str) -> int | None:
        """The number a row chained to `prev_hash` was written with, if that row exists."""
        if prev_hash == GENESIS:
            return 1
        found = self.conn.execute(
            select(AuditEntry.seq).where(AuditEntry.row_hash == prev_hash).limit(1)
        ).scalar()
        return None if found is None else found + 1


def _missing(first: int, last: int, where: str) -> str:
    rows = f"row {first} was" if first == last else f"rows {first} to {last} were"
    return f"{rows} deleted {where}"
