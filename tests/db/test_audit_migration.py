"""Migration 0005_audit_chain: rows written before it are numbered and chained, nothing is
lost going down and up again, and a SQLite file gets its own identity."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from db import migrate
from db.health import check_database
from db.startup import open_database
from tests.db.test_audit_chain import assert_chained, trail

OLD_ROWS = [  # seq with the gaps a PostgreSQL sequence leaves after rolled-back saves
    (1, "2026-01-05 09:00:00.000000", "ann", "sign_in", "user", "1", None, None),
    (2, "2026-01-05 09:01:00.500000", "ann", "create", "client", "7", None, '{"name": "Zoë"}'),
    (5, "2026-01-05 09:02:00.000000", "ann", "view", "client", "7", None, None),
    (9, "2026-01-06 10:00:00.000001", "bob", "update", "client", "7", '{"a": 1}', '{"a": 2}'),
]


def downgrade(database, revision: str) -> None:
    config = migrate.alembic_config()
    with database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def test_rows_from_before_the_chain_are_numbered_and_chained_in_their_order(any_database) -> None:
    downgrade(any_database, "0003")
    with any_database.engine.begin() as conn:
        for row in OLD_ROWS:
            conn.execute(
                text(
                    "INSERT INTO audit_log (seq, at_utc, username, action, entity, entity_id,"
                    ' "before", "after") VALUES (:s, :at, :u, :a, :e, :i, :b, :f)'
                ),
                dict(zip(("s", "at", "u", "a", "e", "i", "b", "f"), row, strict=True)),
            )
    migrate.upgrade(any_database.engine)
    rows = trail(any_database)
    assert_chained(rows)
    assert [(r.username, r.action, r.after) for r in rows] == [
        (u, a, f) for _s, _at, u, a, _e, _i, _b, f in OLD_ROWS
    ]
    report = check_database(any_database.url)
    assert report.ok, report.lines
    assert any("audit trail: 4 rows chained" in line for line in report.lines)


def test_going_down_keeps_every_audit_row_and_refuses_to_drop_new_kinds(any_database, admin):
    from db import audit

    with any_database.writing() as session:
        audit.record(session, admin, "create", "client", 1)
    kept = [(r.action, r.username) for r in trail(any_database)]  # the account's rows too
    assert kept[-1] == ("create", admin.username)
    downgrade(any_database, "0003")
    with any_database.reading() as session:
        found = session.execute(text("SELECT action, username FROM audit_log ORDER BY seq"))
        assert [tuple(row) for row in found] == kept
    migrate.upgrade(any_database.engine)
    with any_database.writing() as session:
        audit.record(session, admin, "sign_out", "user", 1)
    with pytest.raises(RuntimeError, match="1 rows with actions revision 0003 cannot store"):
        downgrade(any_database, "0003")
    assert len(trail(any_database)) == len(kept) + 1


def test_each_sqlite_file_gets_its_own_identity(tmp_path: Path) -> None:
    identities = []
    for name in ("a.sqlite3", "b.sqlite3"):
        open_database(str(tmp_path / name)).dispose()
        conn = sqlite3.connect(tmp_path / name)
        identities.append(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.close()
    assert 0 not in identities and identities[0] != identities[1]
