"""The monthly figures after corrections equal the figures worked out by hand for the
history as it should have been entered (DOMAIN.md §8 for what each line counts)."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from db.dates import Period
from db.models import Client, StatusAfterAssessment
from db.report_queries import Caseload
from forms import corrections, records
from reports.datasets.monthly_dataset import monthly_dataset
from reports.datasets.status_store import clients_differing
from reports.outputs.exchange_export import export_workbook

SEPTEMBER = Period(dt.date(2026, 9, 1), dt.date(2026, 9, 30))
OCTOBER = Period(dt.date(2026, 10, 1), dt.date(2026, 10, 31))


def _person(code: str) -> dict[str, object]:
    return {
        "client_code": code,
        "given_name": "Ro",
        "family_name": code,
        "birth_date": "1980-05-06",
    }


def _visit(on: str, kind: str) -> dict[str, object]:
    return {
        "assessed_on": on,
        "kind": kind,
        "contact_status": "completed",
        "psych_health": 8,
        "physical_health": 9,
        "quality_of_life": 7,
        "last_use_on": on,
    }


ALCOHOL = [{"substance_class": "alcohol", "primary": "yes", "criteria": "craving"}]


def _figures(db, period: Period) -> tuple[Caseload, int]:
    with db.reading() as s:
        data = monthly_dataset(s, period, (3, 6, 12), pool_below=None)
    return data.caseload, data.deceased


def _enter_with_mistakes(db, actor, today) -> dict[str, int]:
    """Four clients, each with one mistake of a different kind; the ids to correct."""
    a, b, c, d = (records.create_client(db, actor, _person(x), today) for x in "ABCD")
    wrong = {}
    # A: an intake typed with the wrong month (it happened on 5 September).
    wrong["a_intake"] = records.add_assessment(
        db, actor, a, _visit("2026-10-05", "intake"), ALCOHOL, today
    )
    # B: a follow-up saved as a discharge.
    records.add_assessment(db, actor, b, _visit("2026-07-02", "intake"), ALCOHOL, today)
    wrong["b_visit"] = records.add_assessment(
        db, actor, b, _visit("2026-10-10", "discharge"), ALCOHOL, today
    )
    # C: one encounter saved twice.
    records.add_assessment(db, actor, c, _visit("2026-08-03", "intake"), ALCOHOL, today)
    met = {"occurred_on": "2026-10-03", "area": "T2N", "naloxone_kits": 1}
    records.add_encounter(db, actor, c, met, today)
    wrong["c_twice"] = records.add_encounter(db, actor, c, met, today)
    # D: a death recorded on the wrong client.
    records.add_assessment(db, actor, d, _visit("2026-08-01", "intake"), ALCOHOL, today)
    death = {"occurred_on": "2026-10-20", "event": "death"}
    wrong["d_death"] = records.add_event(db, actor, d, death, today)
    return wrong


def _correct(db, actor, today, wrong: dict[str, int]) -> None:
    corrections.edit_assessment(
        db, actor, today, wrong["a_intake"], 1, _visit("2026-09-05", "intake"), ALCOHOL, "month"
    )
    corrections.edit_assessment(
        db, actor, today, wrong["b_visit"], 1, _visit("2026-10-10", "follow_up"), ALCOHOL, "kind"
    )
    corrections.void_record(db, actor, today, "encounter", wrong["c_twice"], 1, "duplicate")
    corrections.void_record(db, actor, today, "event", wrong["d_death"], 1, "wrong_client")


def test_october_and_september_after_corrections_are_the_hand_worked_figures(
    any_database, admin, today
) -> None:
    wrong = _enter_with_mistakes(any_database, admin, today)
    # As mistyped: served A (Oct intake), B, C; D's death is an event only; A opens an
    # episode in October; B's discharge; two encounters; D counted as dead.
    assert _figures(any_database, OCTOBER) == (Caseload(3, 1, 1, 0, 1, 2, 0), 1)
    _correct(any_database, admin, today, wrong)
    # As it happened: in October B is seen at a follow-up and C at one encounter; A's
    # intake is September's; nobody was discharged or died.
    assert _figures(any_database, OCTOBER) == (Caseload(2, 0, 0, 0, 0, 1, 0), 0)
    assert _figures(any_database, SEPTEMBER) == (Caseload(1, 0, 1, 0, 0, 0, 0), 0)


def test_a_voided_record_restored_counts_again(any_database, admin, today) -> None:
    wrong = _enter_with_mistakes(any_database, admin, today)
    _correct(any_database, admin, today, wrong)
    corrections.restore_record(any_database, admin, today, "event", wrong["d_death"], 2, "was D")
    caseload, deceased = _figures(any_database, OCTOBER)
    assert (caseload.events_only, deceased) == (1, 1)


def _sheet(path, name: str) -> list[tuple[object, ...]]:
    book = load_workbook(path, read_only=True)
    try:
        return [tuple(r[:3]) for r in book[name].iter_rows(min_row=2, values_only=True)]
    finally:
        book.close()


def test_the_exchange_export_holds_the_corrected_history(any_database, admin, today, tmp_path):
    _correct(any_database, admin, today, _enter_with_mistakes(any_database, admin, today))
    target = tmp_path / "all.xlsx"
    export_workbook(any_database, admin, target, OCTOBER.end, all_clients=True, today=today)
    assert sorted(_sheet(target, "Assessments")) == [
        ("A", dt.datetime(2026, 9, 5), "intake"),
        ("B", dt.datetime(2026, 7, 2), "intake"),
        ("B", dt.datetime(2026, 10, 10), "follow_up"),
        ("C", dt.datetime(2026, 8, 3), "intake"),
        ("D", dt.datetime(2026, 8, 1), "intake"),
    ]
    assert _sheet(target, "Events") == []
    assert _sheet(target, "Encounters") == [(dt.datetime(2026, 10, 3), "C", "T2N")]


def test_corrections_leave_the_stored_status_as_a_fresh_walk_gives_it(
    any_database, admin, today
) -> None:
    wrong = _enter_with_mistakes(any_database, admin, today)
    corrections.void_record(
        any_database, admin, today, "assessment", wrong["b_visit"], 1, "duplicate"
    )
    _correct_a = _visit("2026-09-05", "intake")
    corrections.edit_assessment(
        any_database, admin, today, wrong["a_intake"], 1, _correct_a, ALCOHOL, "month"
    )
    with any_database.reading() as s:
        a_id = next(c.id for c in s.query(Client).filter_by(client_code="A"))
        b_id = next(c.id for c in s.query(Client).filter_by(client_code="B"))
        # A's stored status holds from the date typed in the correction; B's voided
        # discharge holds no status of its own: only the intake is left.
        assert [
            r.assessed_on for r in s.query(StatusAfterAssessment).filter_by(client_id=a_id)
        ] == [dt.date(2026, 9, 5)]
        assert [
            r.assessed_on for r in s.query(StatusAfterAssessment).filter_by(client_id=b_id)
        ] == [dt.date(2026, 7, 2)]
        assert clients_differing(s) == []
