"""An import marks the database as held for as long as it runs, and a crashed import
never leaves the mark behind (the operating system or the server drops it)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time

from sqlalchemy import func, select, text

import db.engine
from db.engine import Database
from db.failures import BusyWithImportError
from db.import_guard import import_running
from db.models import Client
from forms import records
from tests.conftest import TODAY

PERSON = {"given_name": "Iris", "family_name": "Later", "birth_date": "1975-04-04"}


def _url(database: Database) -> str:
    return database.engine.url.render_as_string(hide_password=False)


def test_an_import_holds_the_mark_only_while_it_runs(any_database) -> None:
    other_desk = Database(_url(any_database))
    try:
        assert not import_running(other_desk.engine)
        with any_database.importing():
            assert import_running(other_desk.engine)
        assert not import_running(other_desk.engine)
    finally:
        other_desk.dispose()


def _save_in_another_thread(database: Database, front_desk) -> list[BaseException]:
    failed: list[BaseException] = []

    def save() -> None:
        try:
            records.create_client(database, front_desk, PERSON, TODAY)
        except BaseException as exc:
            failed.append(exc)

    desk = threading.Thread(target=save)
    desk.start()
    desk.join()
    return failed


def test_a_sqlite_save_during_an_import_goes_through_until_the_import_writes(
    database, front_desk, monkeypatch
) -> None:
    monkeypatch.setattr(db.engine, "IMPORT_WAIT_MS", 50)
    with database.importing():
        # Reading and checking its workbook, the import holds no write lock.
        assert _save_in_another_thread(database, front_desk) == []
        with database.writing() as session:
            session.execute(text("SELECT 1"))  # the import's final transaction has begun
            failed = _save_in_another_thread(database, front_desk)
        assert len(failed) == 1 and isinstance(failed[0], BusyWithImportError)
    assert records.create_client(database, front_desk, PERSON, TODAY) > 0
    assert _clients_named(database, "Later") == 2


def _clients_named(database: Database, family: str) -> int:
    with database.reading() as session:
        query = select(func.count()).select_from(Client).where(Client.family_name == family)
        return int(session.scalar(query) or 0)


def test_a_killed_import_leaves_no_mark(any_database) -> None:
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import time
                from db.engine import Database
                database = Database({_url(any_database)!r})
                with database.importing():
                    print("holding", flush=True)
                    time.sleep(60)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "holding"
        assert import_running(any_database.engine)
    finally:
        child.kill()  # SIGKILL: no finally block of the child runs
        child.wait()
        child.stdout.close()
    # PostgreSQL ends the dead client's session (and its lock) once it sees the socket close.
    for _ in range(50):
        if not import_running(any_database.engine):
            break
        time.sleep(0.1)
    assert not import_running(any_database.engine)
