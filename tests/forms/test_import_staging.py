"""An import checks its whole workbook without holding SQLite's write lock, lets the front
desk's saves through meanwhile, and is still loaded whole or not at all: also when its
process is killed while it loads or while it writes its rows into the database."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.engine import Database
from db.import_stage import stage_path
from db.models import (
    Assessment,
    AuditEntry,
    Client,
    Episode,
    StatusAfterAssessment,
    SubstanceRecord,
)
from forms import records
from forms.importer import import_workbook
from tests.accounts import PASSWORD
from tests.conftest import TODAY
from tests.forms.exchange_books import client, intake, substance, write_book

CODES = ("STG-1", "STG-2", "STG-3")
DESK_PERSON = {"given_name": "Desk", "family_name": "Meanwhile", "birth_date": "1979-05-05"}
DESK_INTAKE = {"assessed_on": "2026-11-02", "kind": "intake", "contact_status": "refused"}


def _book(folder: Path, *, broken: bool = False) -> Path:
    clients = [client(code, family_name=f"Staged{n}") for n, code in enumerate(CODES)]
    intakes = [intake(code, on=f"2024-0{n + 1}-10") for n, code in enumerate(CODES)]
    substances = [
        substance(code, on=f"2024-0{n + 1}-10", substance_class=cls)
        for n, (code, cls) in enumerate(zip(CODES, ("alcohol", "opioid", "cannabis"), strict=True))
    ]
    if broken:  # one bad reference on the last sheet read: the whole file is refused
        intakes.append(intake("NOBODY"))
    return write_book(
        folder / "staged.xlsx",
        {"Clients": clients, "Assessments": intakes, "Substances": substances},
    )


def _imported_codes(database: Database) -> list[str]:
    with database.reading() as session:
        return sorted(
            session.scalars(select(Client.client_code).where(Client.client_code.like("STG-%")))
        )


def test_a_desk_saves_while_the_import_checks_and_every_imported_row_keeps_its_client(
    any_database: Database, admin, front_desk, tmp_path: Path
) -> None:
    saved: list[int] = []

    def desk_saves_once(done: int, total: int) -> None:
        if saved:
            return

        # Another workstation's save, in another thread, while the import reads its rows.
        def save() -> None:
            new_id = records.create_client(any_database, front_desk, DESK_PERSON, TODAY)
            records.add_assessment(any_database, front_desk, new_id, DESK_INTAKE, [], TODAY)
            saved.append(new_id)

        desk = threading.Thread(target=save)
        desk.start()
        desk.join(30)
        assert saved, "the desk's save did not go through during the import"

    result = import_workbook(any_database, admin, _book(tmp_path), TODAY, progress=desk_saves_once)

    assert result.ok, result.problems
    with any_database.reading() as session:
        owner = {cid: code for cid, code in session.execute(select(Client.id, Client.client_code))}
        visits = session.execute(
            select(
                Assessment.id, Assessment.client_id, Assessment.assessed_on, Assessment.episode_id
            )
        ).all()
        substance_of = {
            aid: cls
            for aid, cls in session.execute(
                select(SubstanceRecord.assessment_id, SubstanceRecord.substance_class)
            )
        }
        episode_owner = {
            eid: cid for eid, cid in session.execute(select(Episode.id, Episode.client_id))
        }
        status_owners = set(session.scalars(select(StatusAfterAssessment.client_id)))
    by_code = {owner[cid]: (aid, day, episode) for aid, cid, day, episode in visits}
    # Each imported intake is its own client's, on its own date, with its own substance.
    expected = {
        "STG-1": ("2024-01-10", "alcohol"),
        "STG-2": ("2024-02-10", "opioid"),
        "STG-3": ("2024-03-10", "cannabis"),
    }
    for code, (day, substance_class) in expected.items():
        aid, on, episode = by_code[code]
        assert on.isoformat() == day
        assert substance_of[aid] == substance_class
        assert owner[episode_owner[episode]] == code
    assert {owner[cid] for cid in status_owners} >= set(CODES)
    # The desk's client and intake are there, untouched by the import.
    assert saved[0] in owner and saved[0] in {cid for _, cid, _, _ in visits}
    assert _imported_codes(any_database) == sorted(CODES)


def test_checking_the_workbook_holds_no_write_lock(database: Database, admin, tmp_path) -> None:
    path = Path(database.engine.url.database or "")
    took_lock: list[bool] = []

    def try_the_lock(done: int, total: int) -> None:
        probe = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            took_lock.append(True)
        except sqlite3.OperationalError:
            took_lock.append(False)
        finally:
            probe.close()

    result = import_workbook(database, admin, _book(tmp_path), TODAY, progress=try_the_lock)

    assert result.ok
    assert took_lock and all(took_lock), took_lock
    # Nothing of the copy is left beside the database (its -wal, -shm, write turn...).
    assert list(path.parent.glob(f"{stage_path(path).name}*")) == []


def test_a_bad_file_writes_nothing_and_leaves_no_copy(
    any_database: Database, admin, tmp_path
) -> None:
    with any_database.reading() as session:
        audit_rows = session.scalar(select(func.count()).select_from(AuditEntry))

    result = import_workbook(any_database, admin, _book(tmp_path, broken=True), TODAY)

    assert not result.ok
    assert [(p.sheet, p.column) for p in result.problems] == [("Assessments", "client_code")]
    assert _imported_codes(any_database) == []
    with any_database.reading() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == audit_rows
    if any_database.is_sqlite:
        assert not stage_path(Path(any_database.engine.url.database or "")).exists()


# The child imports the workbook and stops at WHERE to be killed there: "loading" (between
# two chunks of rows) or "writing" (in the final transaction, a table's rows written).
CHILD = """
import datetime as dt, sys, time
from pathlib import Path
import db.import_stage
from db.engine import Database
from forms import accounts
from forms.importer import import_workbook
url, book, where, password, update = sys.argv[1:6]
database = Database(url)
actor = accounts.sign_in(database, "test-admin", password).actor
def hold(*_):
    print("held", flush=True)
    time.sleep(120)
if where == "writing":
    copy_table = db.import_stage._copy_table
    def copy_then_hold(*args):
        copied = copy_table(*args)
        hold()
        return copied
    db.import_stage._copy_table = copy_then_hold
import_workbook(database, actor, Path(book), dt.date(2026, 11, 27), update=update == "update",
                progress=hold if where == "loading" else None)
"""


def kill_import_at(database: Database, book: Path, where: str, *, update: bool = False) -> None:
    """Run an import of `book` in a child process and kill it at `where` (see CHILD)."""
    url = database.engine.url.render_as_string(hide_password=False)
    mode = "update" if update else "add"
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(CHILD), url, str(book), where, PASSWORD, mode],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
    finally:
        child.kill()  # SIGKILL: nothing of the child's own clean-up runs
        child.wait()
        assert child.stdout is not None
        child.stdout.close()


@pytest.mark.parametrize("where", ["loading", "writing"])
def test_an_import_killed_midway_leaves_nothing_and_the_next_one_loads(
    any_database: Database, admin, tmp_path: Path, where: str
) -> None:
    if where == "writing" and not any_database.is_sqlite:
        pytest.skip("a server import writes in one transaction while it loads")
    book = _book(tmp_path)

    kill_import_at(any_database, book, where)

    assert _imported_codes(any_database) == []
    with any_database.reading() as session:
        assert session.scalar(select(func.count()).select_from(Assessment)) == 0
    if any_database.is_sqlite:
        file = Path(any_database.engine.url.database or "")
        with sqlite3.connect(file) as check:
            assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The next import loads the same file whole (and clears the dead one's copy).
    result = import_workbook(any_database, admin, book, TODAY)
    assert result.ok, result.problems
    assert _imported_codes(any_database) == sorted(CODES)
    if any_database.is_sqlite:
        assert not stage_path(file).exists()


def test_an_encrypted_database_takes_a_staged_import_and_stays_unreadable(
    tmp_path: Path,
) -> None:
    from db.cipher import Passphrase
    from db.encryption import encrypt_file
    from db.startup import open_database
    from tests.accounts import signed_in

    path = tmp_path / "agency.sqlite3"
    open_database(str(path)).dispose()
    encrypt_file(path, Passphrase("an encrypted agency's passphrase"))
    database = open_database(str(path), passphrase=lambda _: "an encrypted agency's passphrase")
    try:
        admin, desk = signed_in(database, "admin"), signed_in(database, "front_desk")
        saved: list[int] = []

        def desk_saves_once(done: int, total: int) -> None:
            # A save while the import loads its copy: the merge must move the import's ids.
            if not saved:
                saved.append(records.create_client(database, desk, DESK_PERSON, TODAY))

        result = import_workbook(database, admin, _book(tmp_path), TODAY, progress=desk_saves_once)

        assert result.ok, result.problems
        assert _imported_codes(database) == sorted(CODES)
        with database.reading() as session:
            owners = session.execute(
                select(Client.client_code, Client.family_name).order_by(Client.id)
            ).all()
            intake_owners = sorted(
                session.scalars(
                    select(Client.client_code).join(Assessment, Assessment.client_id == Client.id)
                )
            )
        # The desk's client came first and kept its id; each intake is its own client's.
        assert owners[0].family_name == "Meanwhile"
        assert [o.family_name for o in owners[1:]] == ["Staged0", "Staged1", "Staged2"]
        assert intake_owners == sorted(CODES)
    finally:
        database.dispose()
    # Neither the database nor anything left beside it shows an imported name.
    for file in path.parent.glob(f"{path.name}*"):
        assert b"Staged1" not in file.read_bytes(), file.name
