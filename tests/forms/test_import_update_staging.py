"""`import --update` into a SQLite file is staged like a plain import: the desks' saves go
through while it checks its workbook, its changes to stored clients are merged in one
short transaction, and a desk's change to a client it also changes is never overwritten:
the import is refused whole instead."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from db import audit_chain
from db.engine import Database
from db.import_stage import stage_path
from db.models import Assessment, AuditEntry, Client, Episode, StatusAfterAssessment
from db.models import SubstanceRecord as Substance
from forms import records
from forms.corrections import void_record
from forms.importer import import_workbook
from tests.accounts import signed_in
from tests.conftest import TODAY
from tests.forms.exchange_books import client, intake, substance, write_book
from tests.forms.test_import_staging import kill_import_at

DESK_PERSON = {"given_name": "Desk", "family_name": "Meanwhile", "birth_date": "1979-05-05"}
DESK_INTAKE = {"assessed_on": "2026-11-02", "kind": "intake", "contact_status": "refused"}
FOLLOW_UP = {"assessed_on": "2026-11-02", "kind": "follow_up", "contact_status": "refused"}


def _first_book(folder: Path) -> Path:
    """U-1 and U-2, each with an intake for alcohol."""
    return write_book(
        folder / "first.xlsx",
        {
            "Clients": [client("U-1"), client("U-2", given_name="Bea")],
            "Assessments": [intake("U-1"), intake("U-2")],
            "Substances": [substance("U-1"), substance("U-2")],
        },
    )


def _update_book(folder: Path) -> Path:
    """U-1 renamed, its intake corrected (opioid, not alcohol) and a follow-up added; U-2 as
    stored; U-3 new."""
    return write_book(
        folder / "update.xlsx",
        {
            "Clients": [
                client("U-1", family_name="Changed"),
                client("U-2", given_name="Bea"),
                client("U-3", family_name="Third"),
            ],
            "Assessments": [
                intake("U-1", quality_of_life=14),
                intake("U-1", on="2024-07-10", kind="follow_up", last_use_on="2024-07-01"),
                intake("U-2"),
                intake("U-3"),
            ],
            "Substances": [
                substance("U-1", substance_class="opioid"),
                substance("U-1", on="2024-07-10", substance_class="opioid"),
                substance("U-2"),
                substance("U-3"),
            ],
        },
    )


def _id_of(database: Database, code: str) -> int:
    with database.reading() as session:
        found = session.scalar(select(Client.id).where(Client.client_code == code))
    assert found is not None
    return found


def _version_of(database: Database, client_id: int) -> int:
    with database.reading() as session:
        return int(session.scalar(select(Client.version).where(Client.id == client_id)) or 0)


def _once_during_import(action: Callable[[], None]) -> Callable[[int, int], None]:
    """A progress callback that runs `action` once, as another workstation, in a thread."""
    done: list[bool] = []

    def progress(_done: int, _total: int) -> None:
        if done:
            return
        desk = threading.Thread(target=lambda: (action(), done.append(True)))
        desk.start()
        desk.join(30)
        assert done, "the desk's save did not go through during the import"

    return progress


def _seeded(database: Database, admin, tmp_path: Path) -> None:
    assert import_workbook(database, admin, _first_book(tmp_path), TODAY).ok


def test_an_update_merges_its_changes_beside_the_desks_saves(
    database: Database, admin, front_desk, tmp_path: Path
) -> None:
    _seeded(database, admin, tmp_path)
    u2 = _id_of(database, "U-2")
    desk_client: list[int] = []

    def desk_saves() -> None:
        # A new client and intake (the import's ids must move past them) and a change to U-2,
        # whose file rows equal what is stored: the import does not write U-2.
        new_id = records.create_client(database, front_desk, DESK_PERSON, TODAY)
        records.add_assessment(database, front_desk, new_id, DESK_INTAKE, [], TODAY)
        person = {**client("U-2", given_name="Bea"), "phone": "555-0102"}
        person.pop("consent_share")
        records.update_client(database, front_desk, u2, _version_of(database, u2), person, TODAY)
        desk_client.append(new_id)

    result = import_workbook(
        database,
        admin,
        _update_book(tmp_path),
        TODAY,
        update=True,
        progress=_once_during_import(desk_saves),
    )

    assert result.ok, result.problems
    u1 = _id_of(database, "U-1")
    with database.reading() as session:
        names = {
            code: family
            for code, family in session.execute(select(Client.client_code, Client.family_name))
        }
        phone = session.scalar(select(Client.phone).where(Client.id == u2))
        visits = session.execute(
            select(
                Assessment.id,
                Assessment.assessed_on,
                Assessment.quality_of_life,
                Assessment.episode_id,
            )
            .where(Assessment.client_id == u1)
            .order_by(Assessment.assessed_on)
        ).all()
        classes = {
            aid: sorted(
                session.scalars(
                    select(Substance.substance_class).where(Substance.assessment_id == aid)
                )
            )
            for aid, *_ in visits
        }
        episode_owners = {e: c for e, c in session.execute(select(Episode.id, Episode.client_id))}
        u1_statuses = set(
            session.scalars(
                select(StatusAfterAssessment.substance_class).where(
                    StatusAfterAssessment.client_id == u1
                )
            )
        )
        desk_visit = session.execute(
            select(Assessment.episode_id).where(Assessment.client_id == desk_client[0])
        ).scalar_one()
        added_audit = session.execute(
            select(AuditEntry.entity_id, AuditEntry.after).where(
                AuditEntry.action == "create", AuditEntry.entity == "assessment"
            )
        ).all()
        verdict = audit_chain.verify(session.connection())
    assert names["U-1"] == "Changed" and names["U-3"] == "Third" and names["U-2"] == "Ruiz"
    assert phone == "555-0102"  # the desk's change to U-2 is kept
    assert [(v.assessed_on, v.quality_of_life) for v in visits] == [
        (dt.date(2024, 1, 10), 14),
        (dt.date(2024, 7, 10), 7),
    ]
    assert [classes[v.id] for v in visits] == [["opioid"], ["opioid"]]
    assert all(episode_owners[v.episode_id] == u1 for v in visits)
    assert u1_statuses == {"opioid"}
    assert episode_owners[desk_visit] == desk_client[0]
    # The added follow-up's audit row names it by the id it has in the database.
    follow_up_audit = [json.loads(after) for eid, after in added_audit if eid == str(visits[1].id)]
    assert [a["assessed_on"] for a in follow_up_audit] == ["2024-07-10"]
    assert verdict.ok, verdict.what


def _desk_renames(database: Database, actor, client_id: int) -> None:
    person = client("U-1", given_name="Desk")
    person.pop("consent_share")
    records.update_client(
        database, actor, client_id, _version_of(database, client_id), person, TODAY
    )


def _desk_adds_follow_up(database: Database, actor, client_id: int) -> None:
    records.add_assessment(database, actor, client_id, FOLLOW_UP, [], TODAY)


def _manager_voids_the_intake(database: Database, _desk, client_id: int) -> None:
    with database.reading() as session:
        visit = session.execute(
            select(Assessment.id, Assessment.version).where(Assessment.client_id == client_id)
        ).one()
    manager = signed_in(database, "manager")
    void_record(database, manager, TODAY, "assessment", visit.id, visit.version, "duplicate")


@pytest.mark.parametrize(
    "desk_change", [_desk_renames, _desk_adds_follow_up, _manager_voids_the_intake]
)
def test_a_client_changed_at_a_desk_meanwhile_refuses_the_whole_update(
    database: Database, admin, front_desk, tmp_path: Path, desk_change
) -> None:
    _seeded(database, admin, tmp_path)
    u1 = _id_of(database, "U-1")
    with database.reading() as session:
        audit_rows_before = len(session.scalars(select(AuditEntry.seq)).all())

    result = import_workbook(
        database,
        admin,
        _update_book(tmp_path),
        TODAY,
        update=True,
        progress=_once_during_import(lambda: desk_change(database, front_desk, u1)),
    )

    assert not result.ok
    assert [(p.sheet, p.row, p.column) for p in result.problems] == [("Clients", 2, "client_code")]
    assert result.problems[0].message == (
        "U-1 was changed at a desk while this import ran; nothing was imported, run it again"
    )
    with database.reading() as session:
        codes = set(session.scalars(select(Client.client_code)))
        family = session.scalar(select(Client.family_name).where(Client.id == u1))
        quality = session.scalars(
            select(Assessment.quality_of_life).where(
                Assessment.client_id == u1, Assessment.assessed_on == dt.date(2024, 1, 10)
            )
        ).all()
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)).all()
    assert "U-3" not in codes and family == "Ruiz" and quality == [7]
    # Only the desk's own audit row was added: the import wrote none.
    assert "import" not in actions[audit_rows_before:]
    assert not stage_path(Path(database.engine.url.database or "")).exists()


def test_checking_an_update_holds_no_write_lock(database: Database, admin, tmp_path) -> None:
    _seeded(database, admin, tmp_path)
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

    result = import_workbook(
        database, admin, _update_book(tmp_path), TODAY, update=True, progress=try_the_lock
    )

    assert result.ok, result.problems
    assert took_lock and all(took_lock), took_lock


@pytest.mark.parametrize("where", ["loading", "writing"])
def test_an_update_killed_midway_changes_nothing_and_the_next_one_loads(
    database: Database, admin, tmp_path: Path, where: str
) -> None:
    _seeded(database, admin, tmp_path)
    book = _update_book(tmp_path)

    # "writing": killed inside the merge's transaction, the stored rows it replaces deleted.
    kill_import_at(database, book, where, update=True)

    def stored() -> tuple[set[str], list[str], list[int | None]]:
        with database.reading() as session:
            return (
                set(session.scalars(select(Client.family_name))),
                sorted(session.scalars(select(Substance.substance_class))),
                sorted(session.scalars(select(Assessment.episode_id)), key=str),
            )

    families, classes, episodes = stored()
    assert families == {"Ruiz"} and classes == ["alcohol", "alcohol"]
    assert None not in episodes
    with sqlite3.connect(Path(database.engine.url.database or "")) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    result = import_workbook(database, admin, book, TODAY, update=True)
    assert result.ok, result.problems
    families, classes, _ = stored()
    assert families == {"Ruiz", "Changed", "Third"}
    assert classes == ["alcohol", "alcohol", "opioid", "opioid"]
