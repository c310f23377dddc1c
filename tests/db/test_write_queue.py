"""Writers of one SQLite file take turns (db/write_queue.py): a writer holds its turn
from its BEGIN to its commit or rollback, hands it on after a failed save too, and a
killed writer's turn is dropped by the system. (The waits themselves are measured by
tests/drills/save_stall.py, never asserted.)"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from db import write_queue
from db.engine import Database
from forms import records
from forms.validation import ValidationFailed
from tests.conftest import TODAY

PERSON = {"given_name": "Tomas", "family_name": "Turn", "birth_date": "1975-04-04"}


def _turn(database: Database) -> Path:
    return write_queue.turn_path(str(database.engine.url.database))


def _free_for_another_desk(turn: Path) -> bool:
    """Whether a writer in another thread gets the turn without waiting (given back)."""
    got: list[bool] = []

    def other() -> None:
        got.append(write_queue.take(turn, 0))
        write_queue.release(turn)

    desk = threading.Thread(target=other)
    desk.start()
    desk.join()
    return got[0]


def test_a_writer_holds_its_turn_until_its_transaction_ends(database: Database) -> None:
    turn = _turn(database)
    with database.writing() as session:
        session.execute(text("SELECT 1"))
        assert not _free_for_another_desk(turn)
    assert _free_for_another_desk(turn)


def test_a_refused_save_gives_its_turn_back(database: Database, front_desk) -> None:
    with pytest.raises(ValidationFailed):
        records.create_client(database, front_desk, {**PERSON, "birth_date": "not a date"}, TODAY)
    assert _free_for_another_desk(_turn(database))
    assert records.create_client(database, front_desk, PERSON, TODAY) > 0


def test_a_killed_writers_turn_is_dropped(database: Database, front_desk) -> None:
    url = database.engine.url.render_as_string(hide_password=False)
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import time
                from sqlalchemy import text
                from db.engine import Database
                database = Database({url!r})
                with database.writing() as session:
                    session.execute(text("SELECT 1"))
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
        assert not _free_for_another_desk(_turn(database))
    finally:
        child.kill()
        child.wait()
        assert child.stdout is not None
        child.stdout.close()
    for _ in range(50):
        if _free_for_another_desk(_turn(database)):
            break
        time.sleep(0.1)
    assert _free_for_another_desk(_turn(database))
    assert records.create_client(database, front_desk, PERSON, TODAY) > 0


def test_a_turn_file_taken_away_between_two_saves_is_made_again_private(
    database: Database, front_desk
) -> None:
    """The turn file lives in the temporary folder, which a cleaner may empty while the
    program runs: the next save makes it again, readable by its owner alone."""
    assert records.create_client(database, front_desk, PERSON, TODAY) > 0
    turn = _turn(database)
    turn.unlink()
    assert records.create_client(database, front_desk, {**PERSON, "given_name": "Tess"}, TODAY)
    assert turn.exists()
    if sys.platform != "win32":
        assert turn.stat().st_mode & 0o777 == 0o600
    assert _free_for_another_desk(turn)


def test_a_link_planted_as_the_turn_file_is_never_followed(
    database: Database, front_desk, tmp_path: Path
) -> None:
    """Another user who got to the temporary folder first could leave a link there, to the
    database itself even: opening and closing it after each save would drop SQLite's
    locks. The save goes through without a turn, and the link's target is not touched."""
    assert records.create_client(database, front_desk, PERSON, TODAY) > 0
    turn = _turn(database)
    target = tmp_path / "someone_elses.txt"
    target.write_text("not yours")
    target.chmod(0o644)
    turn.unlink()
    turn.symlink_to(target)
    try:
        assert not write_queue.take(turn, 0)
        assert records.create_client(database, front_desk, {**PERSON, "given_name": "Lia"}, TODAY)
        assert target.read_text() == "not yours"
        assert target.stat().st_mode & 0o777 == 0o644
    finally:
        turn.unlink()


@pytest.mark.skipif(sys.platform == "win32", reason="folder owners are POSIX's")
def test_a_turn_folder_another_user_made_is_not_used(
    database: Database, front_desk, monkeypatch: pytest.MonkeyPatch, caplog
) -> None:
    turn = _turn(database)
    write_queue._private.discard(turn)
    someone_else = os.getuid() + 1
    monkeypatch.setattr(write_queue.os, "getuid", lambda: someone_else)
    assert not write_queue.take(turn, 0)
    monkeypatch.undo()
    assert "not this user's own private folder" in caplog.text
    assert records.create_client(database, front_desk, PERSON, TODAY) > 0
    assert write_queue.take(turn, 0)  # its own folder again: the turn is taken
    write_queue.release(turn)
