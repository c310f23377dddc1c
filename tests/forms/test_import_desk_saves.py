"""While an import is under way, the front desk's everyday saves go through: a new client
with the code left blank (the agency's next code, which the workbook also carries), an
intake for a client stored before, and a correction of a stored intake. On SQLite for a
new-records import (staged, db/import_stage.py); on PostgreSQL also with --update, whose
audited changes are many. A SQLite --update import is staged too, and refuses itself when
a desk changes a client it changes (tests/forms/test_import_update_staging.py).

A save that meets the running import itself - a code the import has loaded, typed by
hand; on a server, a record the --update import is changing - waits at most
IMPORT_WAIT_MS and is told the database is busy with an import, and once the import
has committed the usual message for that clash."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import select

import db.audit
import db.engine
from db.engine import Database
from db.models import Assessment, Client
from forms import records
from forms.corrections import edit_assessment
from forms.failures import failure_line
from forms.importer import import_workbook
from forms.validation import ValidationFailed
from tests.accounts import signed_in
from tests.conftest import TODAY
from tests.forms.exchange_books import client, intake, substance, write_book

# The agency's first automatic code: the workbook brings it too.
FIRST_AUTOMATIC = "C-000001"
IMPORTED = (FIRST_AUTOMATIC, "C-000002", "IMP-3")
STORED = ("KEEP-1", "KEEP-2")


def _store_before(database: Database) -> tuple[int, int]:
    """Two stored clients, the first with an intake: (its intake's id, the second's id)."""
    desk = signed_in(database, "front_desk")
    ids = [
        records.create_client(
            database,
            desk,
            {
                "client_code": code,
                "given_name": "Stored",
                "family_name": code,
                "birth_date": "1975-03-03",
                "phone": "555-0100",
            },
            TODAY,
        )
        for code in STORED
    ]
    visit = {"assessed_on": "2026-10-01", "kind": "intake", "contact_status": "refused"}
    return records.add_assessment(database, desk, ids[0], visit, [], TODAY), ids[1]


def _book(folder: Path, update: bool) -> Path:
    rows = [client(code, family_name=f"Imported{n}") for n, code in enumerate(IMPORTED)]
    if update:  # changes to the stored clients: each one audited inside the import
        rows += [
            client(
                code,
                given_name="Stored",
                family_name=code,
                birth_date="1975-03-03",
                phone="555-0199",
            )
            for code in STORED
        ]
    visits = [intake(code, on="2025-02-0" + str(n + 1)) for n, code in enumerate(IMPORTED)]
    uses = [substance(code, on="2025-02-0" + str(n + 1)) for n, code in enumerate(IMPORTED)]
    return write_book(
        folder / "big.xlsx", {"Clients": rows, "Assessments": visits, "Substances": uses}
    )


class Desk:
    """The three saves, made from another thread while the import, its rows all loaded,
    is stopped before its end."""

    def __init__(self, database: Database, stored_intake: int, second_client: int) -> None:
        self.database = database
        self.actor = signed_in(database, "manager")
        self.stored_intake = stored_intake
        self.second_client = second_client
        self.outcome: list[str] = []

    def save_all(self) -> None:
        try:
            person = {"given_name": "Walk", "family_name": "In", "birth_date": "1990-09-09"}
            new_id = records.create_client(self.database, self.actor, person, TODAY)
            self.outcome.append(f"new client {new_id}")
            visit = {"assessed_on": "2026-11-20", "kind": "intake", "contact_status": "refused"}
            records.add_assessment(self.database, self.actor, self.second_client, visit, [], TODAY)
            self.outcome.append("intake")
            corrected = {"assessed_on": "2026-10-02", "kind": "intake", "contact_status": "refused"}
            edit_assessment(
                self.database,
                self.actor,
                TODAY,
                self.stored_intake,
                1,
                corrected,
                [],
                note="wrong day",
            )
            self.outcome.append("correction")
        except Exception as exc:  # what the person at the desk would be shown
            self.outcome.append(f"failed: {type(exc).__name__}")

    def during(self, done: int, total: int) -> None:
        # Once the whole file is read: every row loaded, every change audited, not committed.
        if self.outcome or done < total:
            return
        thread = threading.Thread(target=self.save_all)
        thread.start()
        thread.join(60)
        # A save that waits for the import's end never ends here: the import waits for it.
        assert not thread.is_alive(), f"a desk's save waited for the import: {self.outcome}"


@pytest.mark.parametrize("update", [False, True], ids=["new", "update"])
def test_the_desk_saves_while_an_import_runs(
    any_database: Database, admin, tmp_path: Path, monkeypatch, update: bool
) -> None:
    if update and any_database.is_sqlite:
        pytest.skip("these saves change clients the --update changes: SQLite refuses it whole")
    # A large --update chains its audit rows every CHAIN_EVERY rows; two make it happen here.
    monkeypatch.setattr(db.audit, "CHAIN_EVERY", 2)
    stored_intake, second = _store_before(any_database)
    desk = Desk(any_database, stored_intake, second)

    result = import_workbook(
        any_database, admin, _book(tmp_path, update), TODAY, update=update, progress=desk.during
    )

    assert desk.outcome[:3] == [desk.outcome[0], "intake", "correction"], desk.outcome
    assert result.ok, result.problems
    with any_database.reading() as session:
        codes = {
            name: code
            for name, code in session.execute(select(Client.family_name, Client.client_code))
        }
        corrected = session.scalar(
            select(Assessment.assessed_on).where(Assessment.id == stored_intake)
        )
        second_visits = session.scalars(
            select(Assessment.assessed_on).where(Assessment.client_id == second)
        ).all()
    # Every imported client has the code its row gave; the walk-in got another one.
    assert [codes[f"Imported{n}"] for n in range(3)] == list(IMPORTED)
    assert codes["In"].startswith("C-") and codes["In"] not in IMPORTED
    assert str(corrected) == "2026-10-02"
    assert [str(day) for day in second_visits] == ["2026-11-20"]


def test_a_code_a_desk_types_while_the_file_is_checked_refuses_the_file_by_name(
    database: Database, admin, tmp_path: Path
) -> None:
    desk = signed_in(database, "front_desk")
    typed: list[int] = []

    def desk_types_a_code_of_the_file(done: int, total: int) -> None:
        if not typed:  # another workstation, while the import checks its copy
            person = {
                "client_code": "IMP-3",
                "given_name": "Typed",
                "family_name": "ByHand",
                "birth_date": "1988-08-08",
            }
            typed.append(records.create_client(database, desk, person, TODAY))

    result = import_workbook(
        database, admin, _book(tmp_path, False), TODAY, progress=desk_types_a_code_of_the_file
    )

    assert not result.ok
    assert [(p.sheet, p.row, p.column) for p in result.problems] == [("Clients", 4, "client_code")]
    assert result.problems[0].message.startswith("IMP-3 was registered in the database while")
    with database.reading() as session:
        stored = session.execute(select(Client.client_code, Client.family_name)).all()
    # The desk's client is kept; nothing of the file was written.
    assert [tuple(row) for row in stored] == [("IMP-3", "ByHand")]


class Typist:
    """A desk's save made from another thread once the import has loaded every row."""

    def __init__(self, save) -> None:
        self.save = save
        self.outcome: list[str] = []

    def during(self, done: int, total: int) -> None:
        if self.outcome or done < total:
            return
        thread = threading.Thread(target=self.attempt)
        thread.start()
        thread.join(60)
        assert not thread.is_alive(), "the desk's save waited for the import's end"

    def attempt(self) -> None:
        try:
            self.save()
            self.outcome.append("saved")
        except ValidationFailed as exc:
            self.outcome.append(f"{sorted(exc.errors)}: {exc}")
        except Exception as exc:  # the one line the desk is shown
            self.outcome.append(failure_line("Saving the client", exc))


BUSY = "Saving the client failed: the database is busy with an import; try again in a moment"
TYPED = {
    "client_code": "IMP-3",
    "given_name": "Typed",
    "family_name": "ByHand",
    "birth_date": "1988-08-08",
}


def test_a_code_typed_at_a_desk_that_the_running_import_loaded(
    any_database: Database, admin, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(db.engine, "IMPORT_WAIT_MS", 300)  # the desk's wait, kept short here
    desk = signed_in(any_database, "front_desk")
    typist = Typist(lambda: records.create_client(any_database, desk, TYPED, TODAY))

    result = import_workbook(
        any_database, admin, _book(tmp_path, False), TODAY, progress=typist.during
    )

    if any_database.is_sqlite:  # staged: the desk's client is saved, the file refused by name
        assert typist.outcome == ["saved"]
        assert [(p.sheet, p.row, p.column) for p in result.problems] == [
            ("Clients", 4, "client_code")
        ]
        return
    # On a server the import's uncommitted row holds the code: the desk is told at once...
    assert typist.outcome == [BUSY]
    assert result.ok, result.problems
    # ...and once the import has committed, the usual message naming the field.
    typist.outcome.clear()
    typist.attempt()
    already = "Client code IMP-3 is already used by another client"
    assert typist.outcome == [f"['client_code']: {already}"]


def test_a_desk_save_of_a_client_the_running_update_changes(
    any_database: Database, admin, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(db.engine, "IMPORT_WAIT_MS", 300)
    _store_before(any_database)
    desk = signed_in(any_database, "front_desk")
    with any_database.reading() as session:
        stored = session.execute(
            select(Client.id, Client.version).where(Client.client_code == STORED[0])
        ).one()
    person = {"client_code": STORED[0], "given_name": "Desk", "family_name": STORED[0]}
    person["birth_date"] = "1975-03-03"
    typist = Typist(
        lambda: records.update_client(any_database, desk, stored.id, stored.version, person, TODAY)
    )

    result = import_workbook(
        any_database, admin, _book(tmp_path, True), TODAY, update=True, progress=typist.during
    )

    with any_database.reading() as session:
        given = session.scalar(select(Client.given_name).where(Client.id == stored.id))
    if any_database.is_sqlite:  # staged: the desk's change is saved, the import refused whole
        assert typist.outcome == ["saved"] and given == "Desk"
        assert [(p.sheet, p.row) for p in result.problems] == [("Clients", 5)]
        assert "was changed at a desk while this import ran" in result.problems[0].message
        return
    # The import holds the client's row: the desk is told at once, not frozen until its end.
    assert typist.outcome == [BUSY]
    assert result.ok, result.problems
    assert given == "Stored"
    # Afterwards the desk's form is out of date: the usual conflict, nothing overwritten.
    typist.outcome.clear()
    typist.attempt()
    assert typist.outcome[0].startswith("Saving the client failed: This client was changed")
