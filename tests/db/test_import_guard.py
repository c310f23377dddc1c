"""An import marks the database as held for as long as it runs, and a crashed import
never leaves the mark behind (the operating system or the server drops it)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time

from db.engine import Database
from db.failures import BusyWithImportError
from db.import_guard import import_running
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


def test_a_sqlite_save_during_an_import_is_refused_at_once_and_written_after(
    database, front_desk
) -> None:
    with database.importing():
        # Another thread saves: the import's own thread writes freely.
        failed: list[BaseException] = []

        def save() -> None:
            try:
                records.create_client(database, front_desk, PERSON, TODAY)
            except BaseException as exc:
                failed.append(exc)

        desk = threading.Thread(target=save)
        desk.start()
        desk.join()
        assert len(failed) == 1 and isinstance(failed[0], BusyWithImportError)
    assert records.create_client(database, front_desk, PERSON, TODAY) > 0


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
