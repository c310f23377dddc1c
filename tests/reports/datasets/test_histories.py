"""Histories read from the database in chunks: whole, ordered, and in few statements."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import event, insert

from db.engine import Database
from db.models import Assessment, Client, Event, SubstanceRecord
from reports.datasets.histories import load_histories
from reports.rules.harm import READS
from reports.rules.recovery import primary_status

D = dt.date.fromisoformat


def _client(i: int, merged_into: int | None = None) -> dict[str, Any]:
    return {
        "id": i,
        "client_code": f"C-{i}",
        "given_name": "A",
        "family_name": "B",
        "given_search": "a",
        "family_search": "b",
        "birth_date": D("1980-01-01"),
        "postal_code": f"P{i}",
        "merged_into_id": merged_into,
    }


def _assessment(
    i: int, client_id: int, on: str, kind: str = "follow_up", **extra: Any
) -> dict[str, Any]:
    base: dict[str, Any] = {f"barc10_{n}": None for n in range(1, 11)}
    base.update(
        {
            "id": i,
            "client_id": client_id,
            "assessed_on": D(on),
            "kind": kind,
            "contact_status": "completed",
            "quality_of_life": 10,
            "offending_days_28": 0,
        }
    )
    return {**base, **extra}


def _fill(database: Database) -> None:
    barc = {f"barc10_{n}": 5 for n in range(1, 11)}
    with database.writing() as s:
        s.execute(insert(Client), [_client(1), _client(2), _client(3, merged_into=1)])
        s.execute(
            insert(Assessment),
            [
                _assessment(11, 1, "2024-04-15", barc10_1=3),  # incomplete BARC block
                _assessment(10, 1, "2024-01-15", "intake", prior_recovery_attempts=1),
                _assessment(12, 1, "2024-05-01", contact_status="refused", quality_of_life=None),
                _assessment(
                    20,
                    2,
                    "2023-02-01",
                    "intake",
                    medication="methadone",
                    medication_as_prescribed=True,
                    **barc,
                ),
            ],
        )
        s.execute(
            insert(SubstanceRecord),
            [
                {
                    "assessment_id": 10,
                    "substance_class": "opioid",
                    "primary": True,
                    "criteria": "larger_longer;cut_down;time_spent;craving;role_failure;withdrawal",
                    "criteria_last_met_on": None,
                    "use_days_28": 20,
                },
                {
                    "assessment_id": 10,
                    "substance_class": "alcohol",
                    "primary": False,
                    "criteria": "craving;not_a_code",
                    "criteria_last_met_on": None,
                    "use_days_28": 2,
                },
                {
                    "assessment_id": 11,
                    "substance_class": "opioid",
                    "primary": True,
                    "criteria": "",
                    "criteria_last_met_on": None,
                    "use_days_28": 0,
                },
                {
                    "assessment_id": 20,
                    "substance_class": "opioid",
                    "primary": True,
                    "criteria": "tolerance;withdrawal",
                    "criteria_last_met_on": D("2023-01-20"),
                    "use_days_28": 3,
                },
            ],
        )
        s.execute(
            insert(Event),
            [
                {"client_id": 1, "occurred_on": D("2024-03-01"), "event": "arrest", "count": 1},
                {"client_id": 1, "occurred_on": D("2024-02-01"), "event": "dui", "count": 2},
                {"client_id": 2, "occurred_on": D("2025-01-01"), "event": "death", "count": 1},
            ],
        )


def test_histories_come_whole_and_ordered(any_database: Database) -> None:
    _fill(any_database)
    with any_database.reading() as s:
        histories = list(load_histories(s, chunk_size=1))
    assert [h.client_code for h in histories] == ["C-1", "C-2"]  # the merged client is left out
    first, second = histories
    assert [a.assessed_on for a in first.assessments] == [
        D("2024-01-15"),
        D("2024-04-15"),
        D("2024-05-01"),
    ]
    intake = first.assessments[0]
    assert intake.kind == "intake" and intake.prior_recovery_attempts == 1
    by_class = {s.substance_class: s for s in intake.substances}
    assert by_class["opioid"].primary is True
    assert len(by_class["opioid"].criteria) == 6
    assert by_class["alcohol"].criteria == {"craving"}  # unknown text never counts
    assert first.assessments[1].barc10 is None
    assert second.assessments[0].barc10 == (5,) * 10
    assert second.assessments[0].medication_as_prescribed is True
    assert [(e.event, e.count) for e in first.events] == [("dui", 2), ("arrest", 1)]
    assert first.postal_code == "P1"


def test_loaded_history_classifies_like_worked_case_1(any_database: Database) -> None:
    _fill(any_database)
    with any_database.reading() as s:
        first, second = load_histories(s)
    status = primary_status(first, D("2024-05-01"))
    assert (status.dsm_status, status.remission_type, status.severity) == (
        "early_remission",
        "full",
        "severe",
    )
    assert primary_status(second, D("2023-02-01")).dsm_status == "no_diagnosis"  # on methadone
    assert primary_status(second, D("2025-01-01")).dsm_status == "deceased"


def test_until_and_a_subset_of_clients(any_database: Database) -> None:
    _fill(any_database)
    with any_database.reading() as s:
        (only,) = load_histories(s, [1], until=D("2024-02-15"))
    assert [a.assessed_on for a in only.assessments] == [D("2024-01-15")]
    assert [e.event for e in only.events] == ["dui"]


def test_a_subset_with_a_gap_reads_only_the_clients_asked_for(any_database: Database) -> None:
    """Ids in a row are read as a range, others as a list: neither may bring in a client
    between them that was not asked for."""
    with any_database.writing() as s:
        s.execute(insert(Client), [_client(i) for i in range(1, 6)])
        s.execute(
            insert(Assessment), [_assessment(i, i, "2024-01-10", "intake") for i in range(1, 6)]
        )
    with any_database.reading() as s:
        gap = [h.client_code for h in load_histories(s, [4, 2])]
        row = [h.client_code for h in load_histories(s, [3, 2, 4, 3])]
        one = [(h.client_code, len(h.assessments)) for h in load_histories(s, [5])]
    assert gap == ["C-2", "C-4"]
    assert row == ["C-2", "C-3", "C-4"]
    assert one == [("C-5", 1)]


def test_a_few_statements_per_chunk_never_one_per_client(any_database: Database) -> None:
    with any_database.writing() as s:
        s.execute(insert(Client), [_client(i) for i in range(1, 41)])
        s.execute(
            insert(Assessment), [_assessment(i, i, "2024-01-10", "intake") for i in range(1, 41)]
        )
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(any_database.engine, "before_cursor_execute", count)
    try:
        with any_database.reading() as s:
            loaded = list(load_histories(s, chunk_size=25))
    finally:
        event.remove(any_database.engine, "before_cursor_execute", count)
    assert len(loaded) == 40
    selects = [sql for sql in statements if sql.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 1 + 2 * 4  # the ids, then four statements per chunk of 25


def test_only_what_the_harm_rules_read(any_database: Database) -> None:
    _fill(any_database)
    with any_database.reading() as s:
        first, second = load_histories(s, reads=READS)
    intake = first.assessments[0]
    assert (intake.kind, intake.offending_days_28) == ("intake", 0)  # read
    assert intake.substances == () and intake.prior_recovery_attempts is None  # not read
    assert intake.quality_of_life is None  # stored as 10, not asked for
    assert second.assessments[0].barc10 is None
    assert [e.event for e in first.events] == ["dui", "arrest"]  # events always come
