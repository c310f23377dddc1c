"""`substances_on` gives the substance records of exactly the assessments asked for, by
(client, day): not another day of the same client, not a voided assessment, in the
order a history lists them, however the pairs fall into statements. On SQLite (pairs
bound one per slot) and PostgreSQL (pairs sent as two arrays)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import insert

from db import report_queries
from db.engine import Database
from db.models import Assessment, Client, SubstanceRecord

D = dt.date.fromisoformat
VOIDED = {"voided_at": dt.datetime(2026, 7, 1, tzinfo=dt.UTC), "void_reason": "wrong_date"}

# (assessment id, client, day, voided, its records: (class, primary, days of use))
ASSESSMENTS: list[tuple[int, int, str, bool, list[tuple[str, bool, int | None]]]] = [
    (10, 1, "2026-01-05", False, [("opioid", True, 20), ("alcohol", False, 4)]),
    (11, 1, "2026-04-05", False, [("opioid", True, 6)]),
    (12, 1, "2026-07-05", False, [("opioid", True, 0), ("stimulant", False, None)]),
    (20, 2, "2026-02-01", True, [("alcohol", True, 28)]),  # entered on the wrong day
    (21, 2, "2026-02-03", False, [("alcohol", True, 25)]),
    (30, 3, "2026-03-01", False, [("cannabis", True, 12)]),
]


def _agency(session: Any) -> None:
    name = {"given_name": "A", "family_name": "B", "given_search": "a", "family_search": "b"}
    session.execute(
        insert(Client),
        [
            {"id": i, "client_code": f"S-{i}", "birth_date": D("1980-01-01"), **name}
            for i in (1, 2, 3)
        ],
    )
    for assessment_id, client_id, day, voided, records in ASSESSMENTS:
        row = {"id": assessment_id, "client_id": client_id, "assessed_on": D(day)}
        row.update(kind="follow_up", contact_status="completed", **(VOIDED if voided else {}))
        session.execute(insert(Assessment), [row])
        session.execute(
            insert(SubstanceRecord),
            [
                {
                    "assessment_id": assessment_id,
                    "substance_class": c,
                    "primary": primary,
                    "use_days_28": days,
                    "criteria": "",
                }
                for c, primary, days in records
            ],
        )


@pytest.mark.parametrize("per_statement", [512, 2])
def test_only_the_assessments_asked_for(
    any_database: Database, monkeypatch: pytest.MonkeyPatch, per_statement: int
) -> None:
    monkeypatch.setattr(report_queries, "_DAYS_CHUNK", per_statement)
    monkeypatch.setattr(report_queries, "_DAYS_CHUNK_SERVER", per_statement)
    with any_database.writing() as session:
        _agency(session)
    asked = [
        (1, D("2026-01-05")),
        (1, D("2026-07-05")),
        (2, D("2026-02-01")),  # voided: nothing
        (2, D("2026-02-03")),
        (3, D("2026-03-02")),  # no assessment that day
        (1, D("2026-01-05")),  # asked twice
    ]
    with any_database.reading() as session:
        found = report_queries.substances_on(session, asked)
    assert found == {
        (1, D("2026-01-05")): [("opioid", True, 20), ("alcohol", False, 4)],
        (1, D("2026-07-05")): [("opioid", True, 0), ("stimulant", False, None)],
        (2, D("2026-02-03")): [("alcohol", True, 25)],
    }
