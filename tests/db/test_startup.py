"""Opening databases: new, current, damaged, foreign, and upgrading with a backup first."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from db import migrate
from db.health import check_database
from db.models import Base, Client
from db.startup import DatabaseUnusableError, open_database
from forms import accounts
from forms.accounts import SignInRefused


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_file_is_created_at_the_head_revision(tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "sub" / "new.sqlite3"))
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert {"clients", "assessments", "audit_log"} <= set(inspect(db.engine).get_table_names())
    db.dispose()


def test_sqlite_connections_are_durable_and_enforce_foreign_keys(database) -> None:
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_writes_take_the_lock_at_begin(database, tmp_path: Path) -> None:
    other = sqlite3.connect(tmp_path / "test.sqlite3", timeout=0)
    with database.writing() as session:
        session.execute(text("SELECT 1"))
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")
    other.rollback()
    other.close()


@pytest.mark.parametrize(
    "content",
    [b"this is a spreadsheet, not a database" * 50, b"SQLite format 3\x00" + b"\xff" * 4000],
)
def test_a_damaged_file_is_refused_and_left_byte_identical(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(content)
    before = digest(path)
    with pytest.raises(DatabaseUnusableError, match="untouched"):
        open_database(str(path))
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["damaged.sqlite3"]


def test_a_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseUnusableError, match="not a Recovery Desk database"):
        open_database(str(path))
    assert digest(path) == before


def test_an_old_database_is_backed_up_then_upgraded(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.sqlite3"
    db = open_database(str(path))
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('agency_name', '\"Old\"')"))
    db.dispose()
    # Pretend the program now knows a newer head than the file.
    monkeypatch.setattr(migrate, "head_revision", lambda: "9002")
    known = migrate.known_revisions() | {"9002"}
    monkeypatch.setattr(migrate, "known_revisions", lambda: known)
    upgraded: list[str] = []
    monkeypatch.setattr(migrate, "upgrade", lambda engine, target="head": upgraded.append(target))
    open_database(str(path)).dispose()
    assert upgraded == ["head"]
    backups = list((tmp_path / "backups").glob("old-before-9002-*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT value FROM settings").fetchone() == ('"Old"',)
    conn.close()


def test_a_database_from_a_newer_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    open_database(str(path)).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    with pytest.raises(DatabaseUnusableError, match="newer version"):
        open_database(str(path))


def test_upgrade_from_empty_to_head_then_check_reports_ok(any_database) -> None:
    report = check_database(any_database.url)
    assert report.ok, report.lines
    assert any("schema version" in line for line in report.lines)


def test_the_migrated_schema_matches_the_models(any_database) -> None:
    engine = any_database.engine
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        columns = inspect(conn).get_columns("clients")
    if not any_database.is_sqlite:
        # Autogenerate leaves collations out, and prefix search depends on them (0003).
        # (SQLAlchemy does not read SQLite's back; tests/db/test_clients.py sees them used.)
        reflected = {c["name"]: getattr(c["type"], "collation", None) for c in columns}
        modelled = {
            c.name: getattr(c.type.dialect_impl(engine.dialect), "collation", None)
            for c in Client.__table__.columns
        }
        assert reflected == modelled
        assert reflected["family_search"] == "C"


def test_the_search_collation_migration_goes_down_and_back_up(any_database) -> None:
    def collation() -> str | None:
        columns = inspect(any_database.engine).get_columns("clients")
        return next(c["type"].collation for c in columns if c["name"] == "given_search")

    config = migrate.alembic_config()
    with any_database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0002")
    assert migrate.current_revision(any_database.engine) == "0002"
    assert collation() is None
    migrate.upgrade(any_database.engine)
    assert migrate.current_revision(any_database.engine) == migrate.head_revision()
    assert collation() == (None if any_database.is_sqlite else "C")


def test_a_background_check_lets_the_window_open_but_nothing_is_written(
    damaged_inside: Path,
) -> None:
    before = digest(damaged_inside)
    db = open_database(str(damaged_inside), background_check=True)
    assert db.file_check is not None
    assert db.file_check.result(timeout=30) is not None
    with pytest.raises(DatabaseUnusableError, match="untouched"), db.writing() as session:
        session.execute(text("INSERT INTO settings (key, value) VALUES ('new', '1')"))
    db.dispose()
    assert digest(damaged_inside) == before


def test_the_same_damage_is_refused_at_once_without_the_background_check(
    damaged_inside: Path,
) -> None:
    before = digest(damaged_inside)
    with pytest.raises(DatabaseUnusableError, match="damaged"):
        open_database(str(damaged_inside))
    assert digest(damaged_inside) == before


def test_a_healthy_file_checked_in_the_background_takes_writes(tmp_path: Path) -> None:
    path = tmp_path / "fine.sqlite3"
    open_database(str(path)).dispose()
    db = open_database(str(path), background_check=True)
    with db.writing() as session:
        session.execute(text("INSERT INTO settings (key, value) VALUES ('k', '1')"))
    assert db.file_check is not None and db.file_check.result() is None
    db.dispose()


def test_a_database_at_the_first_revision_is_backed_up_and_upgraded_for_real(
    tmp_path: Path,
) -> None:
    from db.engine import Database

    path = tmp_path / "v1.sqlite3"
    old = Database(f"sqlite:///{path}")
    migrate.upgrade(old.engine, "0001")
    with old.engine.begin() as conn:
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('agency_name', '\"Kept\"')"))
    old.dispose()
    db = open_database(str(path))
    assert migrate.current_revision(db.engine) == migrate.head_revision() != "0001"
    names = {ix["name"] for ix in inspect(db.engine).get_indexes("assessments")}
    assert "ix_assessments_day_status" in names and "ix_assessments_assessed_on" not in names
    with db.reading() as session:
        assert session.execute(text("SELECT value FROM settings")).scalar() == '"Kept"'
    db.dispose()
    (backup,) = (tmp_path / "backups").glob("v1-before-*.sqlite3")
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    conn.close()


def test_the_sign_in_lockout_migration_goes_down_and_back_up(any_database) -> None:
    def tables() -> set[str]:
        return set(inspect(any_database.engine).get_table_names())

    config = migrate.alembic_config()
    with any_database.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0006_consents")  # the revision 0007 upgrades from
    assert migrate.current_revision(any_database.engine) == "0006_consents"
    assert {"sign_in_failures", "sign_in_locks"}.isdisjoint(tables())
    migrate.upgrade(any_database.engine)
    assert migrate.current_revision(any_database.engine) == migrate.head_revision()
    assert {"sign_in_failures", "sign_in_locks"} <= tables()
    # The tables work again: a refused sign-in is counted there and audited as
    # sign_in_failed (that action code came with 0005_audit_chain).
    with pytest.raises(SignInRefused):
        accounts.sign_in(any_database, "someone", "not a password of anyone")
    with any_database.reading() as session:
        failures = session.execute(text("SELECT username FROM sign_in_failures")).scalars()
        assert list(failures) == ["someone"]
        refused = session.execute(
            text("SELECT username FROM audit_log WHERE action = 'sign_in_failed'")
        ).scalars()
        assert list(refused) == ["someone"]


def test_the_corrections_migration_goes_down_and_back_up(any_database) -> None:
    def columns(table: str) -> set[str]:
        return {c["name"] for c in inspect(any_database.engine).get_columns(table)}

    migrate.downgrade(any_database.engine, "0007_sign_in_lockout")  # 0008 upgrades from it
    assert "voided_at" not in columns("events")
    assert "version" not in columns("encounters")
    assert "corrections" not in inspect(any_database.engine).get_table_names()
    migrate.upgrade(any_database.engine)
    assert {"voided_at", "void_reason", "version", "entered_by_id"} <= columns("events")
    with any_database.engine.connect() as conn:
        compare = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(compare, Base.metadata) == []


def test_an_agency_database_keeps_every_record_through_the_migrations(any_database) -> None:
    """SQLite rebuilds a table to alter it; dropping the old copy must not take the rows
    that refer to it (substance records, stored status) with it."""
    from db.demo import build_demo

    build_demo(any_database, 30, 5, today=dt.date(2026, 11, 27))

    def count(table: str) -> int:
        with any_database.engine.connect() as conn:
            return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())

    kept = {t: count(t) for t in ("clients", "assessments", "substance_records", "events")}
    assert kept["substance_records"] > 0
    migrate.downgrade(any_database.engine, "0007_sign_in_lockout")
    assert {t: count(t) for t in kept} == kept
    migrate.upgrade(any_database.engine)
    assert {t: count(t) for t in kept} == kept


def _revisions_before_head() -> list[str]:
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    return [s.revision for s in scripts.walk_revisions() if s.revision != migrate.head_revision()]


@pytest.mark.parametrize("revision", _revisions_before_head())
def test_an_agency_database_at_any_earlier_revision_reaches_the_head_with_its_records(
    any_database, revision: str
) -> None:
    """An agency's file (or server) may be at any revision the program ever had: brought
    down to `revision` with an agency in it, the upgrade keeps every client and record
    the older schema holds and ends at the models' schema."""
    from db.demo import build_demo

    build_demo(any_database, 20, 3, today=dt.date(2026, 11, 27))
    tables = ("clients", "assessments", "substance_records", "events", "encounters")

    def counts() -> dict[str, int]:
        with any_database.engine.connect() as conn:
            return {
                t: int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()) for t in tables
            }

    kept = counts()
    assert min(kept.values()) > 0
    migrate.downgrade(any_database.engine, revision)
    assert migrate.current_revision(any_database.engine) == revision
    assert counts() == kept
    migrate.upgrade(any_database.engine)
    assert migrate.current_revision(any_database.engine) == migrate.head_revision()
    assert counts() == kept
    with any_database.engine.connect() as conn:
        compare = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(compare, Base.metadata) == []
