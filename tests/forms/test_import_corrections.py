"""`import --update` changes stored assessments through the correction path, and refuses a
row that would change a voided record."""

from __future__ import annotations

import json

from sqlalchemy import select

from db.models import Assessment, AuditEntry, Correction, Episode
from forms import corrections, records
from forms.importer import import_workbook
from tests.forms.exchange_books import client, intake, substance, write_book


def lines(result) -> list[str]:
    return [str(p) for p in result.problems]


def stored_client(db, admin, today) -> tuple[int, int]:
    cid = records.create_client(db, admin, client("C-1"), today)
    aid = records.add_assessment(db, admin, cid, intake("C-1"), [substance("C-1")], today)
    return cid, aid


def test_an_import_change_is_audited_and_rebuilt_like_a_correction(
    any_database, admin, today, tmp_path
):
    cid, aid = stored_client(any_database, admin, today)
    book = write_book(
        tmp_path / "u.xlsx",
        {
            "Clients": [client("C-1")],
            "Assessments": [intake("C-1", kind="intake", quality_of_life=14)],
            "Substances": [substance("C-1", criteria="craving")],
        },
    )
    result = import_workbook(any_database, admin, book, today, update=True)
    assert result.ok, lines(result)
    with any_database.reading() as s:
        row = s.scalars(select(AuditEntry).where(AuditEntry.entity == "assessment")).all()[-1]
        marks = s.scalars(select(Correction.entity_id)).all()
        version = s.get(Assessment, aid).version
        episodes = s.scalars(select(Episode.opened_on).where(Episode.client_id == cid)).all()
    after = json.loads(row.after)
    assert (row.action, after["correction"], after["reason"]) == (
        "update",
        "edit",
        "import --update",
    )
    assert (json.loads(row.before)["quality_of_life"], after["quality_of_life"]) == (7, 14)
    assert after["substances"][0]["criteria"] == "craving"
    assert (marks, version, [d.isoformat() for d in episodes]) == ([aid], 2, ["2024-01-10"])


def test_a_row_that_would_change_a_voided_assessment_is_refused(
    any_database, admin, today, tmp_path
):
    _cid, aid = stored_client(any_database, admin, today)
    corrections.void_record(any_database, admin, today, "assessment", aid, 1, "wrong_client")
    same = write_book(
        tmp_path / "same.xlsx",
        {"Assessments": [intake("C-1")], "Substances": [substance("C-1")]},
    )
    left = import_workbook(any_database, admin, same, today, update=True)
    assert left.ok and left.unchanged == {"Assessments": 1}
    changed = write_book(
        tmp_path / "changed.xlsx",
        {"Assessments": [intake("C-1", quality_of_life=3)], "Substances": [substance("C-1")]},
    )
    refused = import_workbook(any_database, admin, changed, today, update=True)
    assert len(lines(refused)) == 1
    assert lines(refused)[0].startswith(
        "Assessments!2 assessed_on: the assessment of 2024-01-10 was voided (wrong client) on "
    )
    assert lines(refused)[0].endswith("; restore it in the program before changing it")
    with any_database.reading() as s:
        stored = s.scalars(select(Assessment)).all()
    assert [(a.quality_of_life, a.void_reason) for a in stored] == [(7, "wrong_client")]
