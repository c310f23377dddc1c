"""Shared fixtures. Qt runs offscreen; every test gets its own database."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import reports  # noqa: F401  (hands the stored status its rebuild, as the program does)
from db.access import Actor
from db.engine import Database
from db.startup import open_database
from tests.accounts import quick_hashing, signed_in

# The drills (tests/drills: 200 kill -9s, a full disk) take minutes: `make drills` runs them.
collect_ignore = [] if os.environ.get("RECOVERY_DESK_DRILLS") == "1" else ["drills"]

PG_URL = os.environ.get("RECOVERY_DESK_TEST_PG_URL")
REQUIRE_PG = os.environ.get("RECOVERY_DESK_REQUIRE_PG") == "1"
TODAY = dt.date(2026, 11, 27)


def pytest_configure(config: pytest.Config) -> None:
    if REQUIRE_PG and not PG_URL:
        raise pytest.UsageError("RECOVERY_DESK_REQUIRE_PG=1 but RECOVERY_DESK_TEST_PG_URL is unset")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if PG_URL:
        return
    skip = pytest.mark.skip(reason="set RECOVERY_DESK_TEST_PG_URL to run the PostgreSQL tests")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture(scope="session", autouse=True)
def _quick_password_hashing() -> Iterator[None]:
    from db import users

    program_hasher = users.HASHER
    quick_hashing()
    yield
    users.HASHER = program_hasher


def _test_database(request: pytest.FixtureRequest) -> Database:
    """The database the test itself works on: `any_database` or `database`."""
    name = "any_database" if "any_database" in request.fixturenames else "database"
    return request.getfixturevalue(name)  # type: ignore[no-any-return]


@pytest.fixture
def admin(request: pytest.FixtureRequest) -> Actor:
    """An administrator signed in with a real account of the test's database."""
    return signed_in(_test_database(request), "admin")


@pytest.fixture
def front_desk(request: pytest.FixtureRequest) -> Actor:
    """A front-desk worker signed in with a real account of the test's database."""
    return signed_in(_test_database(request), "front_desk")


@pytest.fixture
def damaged_inside(tmp_path: Path) -> Path:
    """A SQLite file whose header and schema read fine but whose data pages are broken."""
    from sqlalchemy import text

    path = tmp_path / "deep.sqlite3"
    db = open_database(str(path))
    with db.writing() as session:
        for i in range(400):
            session.execute(
                text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
                {"k": f"key{i}", "v": "x" * 200},
            )
    db.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    with open(path, "r+b") as f:
        f.seek(page_size * (pages - 3) + 8)
        f.write(b"\xff" * 64)
    return path


@pytest.fixture
def database(tmp_path) -> Iterator[Database]:
    """A migrated SQLite database in the test's own folder."""
    db = open_database(str(tmp_path / "test.sqlite3"))
    yield db
    db.dispose()


@contextlib.contextmanager
def new_server_database(prefix: str = "rd_test") -> Iterator[str]:
    """A new, empty database on the test server, dropped afterwards: its URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    assert PG_URL is not None
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin_engine = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin_engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()


def _postgres_database() -> Iterator[Database]:
    with new_server_database() as url:
        db = open_database(url)
        try:
            yield db
        finally:
            db.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_database(request, tmp_path) -> Iterator[Database]:
    """The same test on SQLite and, where a server is configured, on PostgreSQL."""
    if request.param == "sqlite":
        db = open_database(str(tmp_path / "test.sqlite3"))
        yield db
        db.dispose()
    else:
        yield from _postgres_database()
