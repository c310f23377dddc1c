"""The audit trail is hash-chained: every row numbered, every row's SHA-256 covering its
content and the hash of the row before, and `check` naming the first row that was
edited, deleted, inserted or moved behind the program's back."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db.access import Actor
from db.engine import Database
from db.models import AuditEntry
from db.startup import open_database
from desktop.cli import main
from forms import records
from tests.accounts import signed_in
from tests.conftest import TODAY

GENESIS = "0" * 64
PERSON = {"given_name": "Ada", "family_name": "Byrne", "birth_date": "1980-02-03"}


def documented_hash(row: Any) -> str:
    """SHA-256 of the canonical encoding docs/security.md gives, written out here
    independently of the program's own code. `row`: an AuditEntry, or a mapping of the
    columns as sqlite3 reads them."""
    get = (lambda k: row[k]) if hasattr(row, "keys") else (lambda k: getattr(row, k))
    at = get("at_utc")
    if isinstance(at, str):  # as sqlite3 returns it
        at = dt.datetime.fromisoformat(at)
    at = at.replace(tzinfo=dt.UTC) if at.tzinfo is None else at.astimezone(dt.UTC)
    content = [
        "recovery-desk-audit-1",
        get("seq"),
        at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        get("user_id"),
        get("username"),
        get("action"),
        get("entity"),
        get("entity_id"),
        get("before"),
        get("after"),
        get("prev_hash"),
    ]
    encoded = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def trail(database: Database) -> list[AuditEntry]:
    with database.reading() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))


def rows_now(database: Database) -> int:
    """How many rows the trail holds: the mark a test counts its own rows from (signing
    in the test's administrator wrote rows of its own: the account and its sign-ins)."""
    return len(trail(database))


def assert_chained(rows: list[AuditEntry]) -> None:
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
    previous = GENESIS
    for row in rows:
        assert row.prev_hash == previous, row.seq
        assert row.row_hash == documented_hash(row), row.seq
        previous = row.row_hash


def some_work(database: Database, actor: Actor, clients: int = 3) -> None:
    for i in range(clients):
        cid = records.create_client(database, actor, {**PERSON, "client_code": f"K-{i}"}, TODAY)
        records.update_client(
            database, actor, cid, 1, {**PERSON, "client_code": f"K-{i}", "phone": "555"}, TODAY
        )


def test_every_row_is_numbered_and_chained_as_documented(any_database, admin) -> None:
    mark = rows_now(any_database)
    some_work(any_database, admin)
    rows = trail(any_database)
    assert [(r.action, r.entity) for r in rows[mark:]] == [
        ("create", "client"),
        ("update", "client"),
    ] * 3
    assert_chained(rows)


def test_a_failed_save_leaves_no_gap_in_the_numbers(any_database, admin) -> None:
    records.create_client(any_database, admin, {**PERSON, "client_code": "K-1"}, TODAY)
    with pytest.raises(records.ValidationFailed):
        records.create_client(any_database, admin, {**PERSON, "client_code": "K-1"}, TODAY)
    records.create_client(any_database, admin, {**PERSON, "client_code": "K-2"}, TODAY)
    assert_chained(trail(any_database))


def _save_many(url: str, actor: Actor, prefix: str, count: int, errors: list[BaseException]):
    def work() -> None:
        database = open_database(url)
        try:
            for i in range(count):
                code = f"{prefix}-{i}"
                records.create_client(database, actor, {**PERSON, "client_code": code}, TODAY)
        except BaseException as exc:  # reported by the test, not lost in the thread
            errors.append(exc)
        finally:
            database.dispose()

    return work


def test_workstations_saving_at_once_keep_one_unbroken_chain(any_database, admin) -> None:
    """Each thread is a workstation with its own engine and connections."""
    errors: list[BaseException] = []
    mark = rows_now(any_database)
    threads = [
        threading.Thread(target=_save_many(any_database.url, admin, f"W{n}", 15, errors))
        for n in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    rows = trail(any_database)
    assert len(rows) == mark + 60
    assert_chained(rows)


# -- tampering with sqlite3, then `recovery-desk check` -----------------------------------


def run_check(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, list[str]]:
    code = main(["check", "--db", str(path)])
    out, _ = capsys.readouterr()
    return code, [line for line in out.splitlines() if line.startswith("PROBLEM")]


# Each takes the number of rows written before `some_work` (the administrator's own) and
# tampers with the rows of that work: its 3rd row is row mark + 3.
def _edit(conn: sqlite3.Connection, mark: int) -> None:
    conn.execute("UPDATE audit_log SET username = 'someone else' WHERE seq = ?", (mark + 3,))


def _edit_values(conn: sqlite3.Connection, mark: int) -> None:
    conn.execute(
        "UPDATE audit_log SET after = replace(after, '555', '556') WHERE seq = ?", (mark + 4,)
    )


def _delete(conn: sqlite3.Connection, mark: int) -> None:
    conn.execute("DELETE FROM audit_log WHERE seq = ?", (mark + 3,))


def _delete_last(conn: sqlite3.Connection, mark: int) -> None:
    conn.execute("DELETE FROM audit_log WHERE seq = ?", (mark + 6,))


def _insert(conn: sqlite3.Connection, mark: int) -> None:
    conn.execute(
        "INSERT INTO audit_log (at_utc, username, action, entity, entity_id, prev_hash, row_hash)"
        " VALUES ('2026-11-27 10:00:00.000000', 'ghost', 'view', 'client', '1', ?, ?)",
        ("1" * 64, "2" * 64),
    )


def _replace(conn: sqlite3.Connection, mark: int) -> None:
    """Row 3 swapped for a forgery whose own hash is right: only its link gives it away."""
    conn.row_factory = sqlite3.Row
    row = dict(conn.execute("SELECT * FROM audit_log WHERE seq = ?", (mark + 3,)).fetchone())
    row["username"] = "forger"
    conn.execute("DELETE FROM audit_log WHERE seq = ?", (mark + 3,))
    row["row_hash"] = documented_hash(row)
    conn.execute(
        f"INSERT INTO audit_log ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
        list(row.values()),
    )


def _reorder(conn: sqlite3.Connection, mark: int) -> None:
    conn.execute("UPDATE audit_log SET seq = -1 WHERE seq = ?", (mark + 2,))
    conn.execute("UPDATE audit_log SET seq = ? WHERE seq = ?", (mark + 2, mark + 5))
    conn.execute("UPDATE audit_log SET seq = ? WHERE seq = -1", (mark + 5,))


TAMPERING: dict[str, tuple[Callable[[sqlite3.Connection, int], None], int, str]] = {
    # what is done: (how, the first broken row named, counted from the mark, what check
    # calls it)
    "edit a name": (_edit, 3, "edited"),
    "edit a value": (_edit_values, 4, "edited"),
    "delete a row": (_delete, 3, "deleted"),
    "delete the last row": (_delete_last, 6, "deleted"),
    "insert a row": (_insert, 7, "inserted"),
    "replace a row": (_replace, 3, "inserted"),
    "reorder rows": (_reorder, 2, "reordered"),
}


@pytest.mark.parametrize("tampering", list(TAMPERING))
def test_tampering_with_sqlite3_makes_check_fail_at_the_first_broken_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, tampering: str
) -> None:
    path = tmp_path / "agency.sqlite3"
    database = open_database(str(path))
    admin = signed_in(database, "admin")
    mark = rows_now(database)
    some_work(database, admin)
    database.dispose()
    code, problems = run_check(capsys, path)
    assert (code, problems) == (0, [])
    how, row, word = TAMPERING[tampering]
    conn = sqlite3.connect(path, isolation_level=None)
    how(conn, mark)
    conn.close()
    code, problems = run_check(capsys, path)
    assert code == 1
    assert len(problems) == 1, problems
    assert "audit trail" in problems[0] and f"row {mark + row} " in problems[0]
    assert word in problems[0]


def test_check_reports_an_intact_trail_with_its_last_hash(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "agency.sqlite3"
    database = open_database(str(path))
    admin = signed_in(database, "admin")
    total = rows_now(database) + 6
    some_work(database, admin)
    last = trail(database)[-1]
    database.dispose()
    assert main(["check", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert (
        f"audit trail: {total} rows chained, the last row {total} with hash {last.row_hash}" in out
    )


def test_every_action_the_trail_names_can_be_stored(any_database, admin) -> None:
    """Including those other parts of the program record (sign_in_failed is the longest)."""
    from db import audit, codes

    actions = ["sign_in", "sign_in_failed", "sign_out", "lock", "unlock", "search", "view"]
    assert set(actions) <= set(codes.AUDIT_ACTIONS)
    mark = rows_now(any_database)
    with any_database.writing() as session:
        for action in codes.AUDIT_ACTIONS:
            audit.record(session, admin, action, "user", 1)
    rows = trail(any_database)
    assert [r.action for r in rows[mark:]] == list(codes.AUDIT_ACTIONS)
    assert_chained(rows)


def test_a_transaction_of_thousands_of_rows_chains_them_all_or_none(any_database, admin):
    from db import audit

    before = [r.seq for r in trail(any_database)]
    with pytest.raises(RuntimeError), any_database.writing() as session:
        for i in range(audit.CHAIN_EVERY + 500):  # some chained before the failure
            audit.record(session, admin, "update", "client", i)
        raise RuntimeError("the import found a problem at the end")
    assert [r.seq for r in trail(any_database)] == before
    with any_database.writing() as session:
        for i in range(2 * audit.CHAIN_EVERY + 500):
            audit.record(session, admin, "update", "client", i)
    rows = trail(any_database)
    mark = len(before)
    assert [r.entity_id for r in rows[mark:]] == [
        str(i) for i in range(2 * audit.CHAIN_EVERY + 500)
    ]
    assert_chained(rows)
