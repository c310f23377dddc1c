"""Closing a month (forms/closing.py): a closed month's report prints the same after
corrections, later reports list the corrections as revisions, an administrator may
reopen it with a reason, and who may do what.

The agency: three clients whose intakes are in September 2026, one encounter there.
Worked by hand: September has 3 new intakes; moving the third intake to 2026-10-02
leaves September with 2 and October with 1.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from db.access import PermissionDenied
from db.dates import Period
from db.models import AuditEntry, ClosedMonth
from forms import closing, corrections, records
from forms.validation import ValidationFailed
from reports.outputs.closed_reports import closing_reports
from reports.outputs.monthly_data import build_report_data
from reports.outputs.monthly_pdf import monthly_report
from tests.accounts import signed_in

NEW_INTAKES = "New intakes (a first episode)"
FIRST_PRINT = dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC)
LATER_PRINT = dt.datetime(2026, 11, 27, 16, 5, tzinfo=dt.UTC)
GENERATED = re.compile(r"Generated \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC")
INTAKE_DAYS = ("2026-09-05", "2026-09-12", "2026-09-20")


def intake(on: str) -> tuple[dict[str, object], list[dict[str, object]]]:
    answers = {
        "assessed_on": on,
        "kind": "intake",
        "contact_status": "completed",
        "psych_health": 8,
        "physical_health": 9,
        "quality_of_life": 7,
        "last_use_on": on,
    }
    return answers, [
        {"substance_class": "opioid", "primary": "yes", "criteria": "craving;larger_longer"}
    ]


def september_agency(db, actor, today) -> list[int]:
    """The three clients' intake ids, in date order."""
    ids = []
    for n, day in enumerate(INTAKE_DAYS, start=1):
        person = {"client_code": f"S-{n}", "given_name": "Sam", "family_name": f"Ward{n}"}
        cid = records.create_client(db, actor, {**person, "birth_date": "1980-01-01"}, today)
        answers, substances = intake(day)
        ids.append(records.add_assessment(db, actor, cid, answers, substances, today))
    records.add_encounter(db, actor, None, {"occurred_on": "2026-09-14", "naloxone_kits": 2}, today)
    return ids


def new_intakes(db, actor, year: int, month: int, target: Path) -> int:
    """New intakes as the internal (exact) monthly report prints them."""
    data = monthly_report(db, actor, year, month, target, internal=True, generated_at=LATER_PRINT)
    value = data.table("caseload").row(NEW_INTAKES).values[0]
    assert isinstance(value, int)
    return value


def pdf_text(path: Path) -> str:
    printed = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    return " ".join(printed.stdout.split())


def move_third_intake(db, actor, today, ids: list[int]) -> None:
    answers, substances = intake("2026-10-02")
    corrections.edit_assessment(db, actor, today, ids[2], 1, answers, substances, "wrong month")


def test_a_closed_month_prints_the_same_after_a_correction_and_later_months_list_it(
    any_database, today, tmp_path
):
    manager = signed_in(any_database, "manager")
    ids = september_agency(any_database, manager, today)
    first = tmp_path / "september-first.pdf"
    monthly_report(any_database, manager, 2026, 9, first, generated_at=FIRST_PRINT)
    closing.close_month(any_database, manager, today, "2026-09", closing_reports)
    assert new_intakes(any_database, manager, 2026, 9, tmp_path / "internal.pdf") == 3

    move_third_intake(any_database, manager, today, ids)

    again = tmp_path / "september-again.pdf"
    monthly_report(any_database, manager, 2026, 9, again, generated_at=FIRST_PRINT)
    assert again.read_bytes() == first.read_bytes()
    later = tmp_path / "september-later.pdf"
    monthly_report(any_database, manager, 2026, 9, later, generated_at=LATER_PRINT)
    assert "Generated 2026-11-27 16:05 UTC" in pdf_text(later)
    assert GENERATED.sub("", pdf_text(later)) == GENERATED.sub("", pdf_text(first))
    assert new_intakes(any_database, manager, 2026, 9, tmp_path / "internal.pdf") == 3

    # October counts the moved intake, and says September's report stands.
    october = tmp_path / "october.pdf"
    assert new_intakes(any_database, manager, 2026, 10, october) == 1
    assert (
        "Revision: 1 record of September 2026 was corrected after the month was closed;"
        " its closed report stands as printed." in pdf_text(october)
    )
    data = build_report_data(any_database, manager, Period.month(2026, 10))
    assert data.closed_revisions == (("2026-09", 1),)
    assert data.revisions == ()


def test_reopening_lets_the_month_follow_its_corrections_again(any_database, today, tmp_path):
    manager = signed_in(any_database, "manager")
    admin = signed_in(any_database, "admin")
    ids = september_agency(any_database, manager, today)
    closing.close_month(any_database, manager, today, "2026-09", closing_reports)
    move_third_intake(any_database, manager, today, ids)
    assert new_intakes(any_database, admin, 2026, 9, tmp_path / "closed.pdf") == 3

    undone = closing.reopen_month(any_database, admin, today, "2026-09", "  intake dates misread ")
    assert undone.closed_by == "test-manager"
    assert new_intakes(any_database, admin, 2026, 9, tmp_path / "reopened.pdf") == 2
    assert closing.month_closing(any_database, admin, "2026-09") is None
    with any_database.reading() as s:
        rows = s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "closed_month").order_by(AuditEntry.seq)
        ).all()
    assert [(r.action, r.entity_id, r.username) for r in rows] == [
        ("create", "2026-09", "test-manager"),
        ("delete", "2026-09", "test-admin"),
    ]
    assert '"reason": "intake dates misread"' in (rows[1].after or "")
    assert '"closed_by": "test-manager"' in (rows[1].before or "")


def test_front_desk_may_neither_close_nor_reopen_and_a_manager_may_not_reopen(any_database, today):
    desk = signed_in(any_database, "front_desk")
    manager = signed_in(any_database, "manager")
    september_agency(any_database, manager, today)
    with pytest.raises(PermissionDenied, match="front desk may not close a month"):
        closing.close_month(any_database, desk, today, "2026-09", closing_reports)
    closing.close_month(any_database, manager, today, "2026-09", closing_reports)
    with pytest.raises(PermissionDenied, match="front desk may not reopen a closed month"):
        closing.reopen_month(any_database, desk, today, "2026-09", "mistake")
    with pytest.raises(PermissionDenied, match="manager may not reopen a closed month"):
        closing.reopen_month(any_database, manager, today, "2026-09", "mistake")
    with any_database.reading() as s:
        assert s.scalars(select(ClosedMonth.month)).all() == ["2026-09"]


def test_reopening_needs_a_reason_and_a_closed_month(any_database, admin, today):
    september_agency(any_database, admin, today)
    closing.close_month(any_database, admin, today, "2026-09", closing_reports)
    with pytest.raises(ValidationFailed, match="Reason: say why 2026-09 is reopened") as refused:
        closing.reopen_month(any_database, admin, today, "2026-09", "   ")
    assert set(refused.value.errors) == {"reason"}
    with pytest.raises(ValidationFailed, match="2026-08 is not closed"):
        closing.reopen_month(any_database, admin, today, "2026-08", "mistake")
    assert closing.month_closing(any_database, admin, "2026-09") is not None
    with any_database.reading() as s:
        reopened = s.scalars(select(AuditEntry).where(AuditEntry.action == "delete")).all()
    assert reopened == []


@pytest.mark.parametrize(
    ("month", "message"),
    [
        ("2026-11", "Month: 2026-11 has not ended; a month closes once it is over"),
        ("2026-13", "Month: write it as YYYY-MM, e.g. 2026-09, not 2026-13"),
        ("Sept", "Month: write it as YYYY-MM, e.g. 2026-09, not Sept"),
    ],
)
def test_a_month_that_cannot_close_is_named_and_nothing_is_kept(
    database, admin, today, month, message
):
    with pytest.raises(ValidationFailed, match=re.escape(message)):
        closing.close_month(database, admin, today, month, closing_reports)
    with database.reading() as s:
        assert s.scalars(select(ClosedMonth.month)).all() == []


def test_a_month_closes_once(database, admin, today):
    closing.close_month(database, admin, today, "2026-09", closing_reports)
    with pytest.raises(ValidationFailed, match="Month: 2026-09 is already closed"):
        closing.close_month(database, admin, today, "2026-09", closing_reports)
    assert [c.month for c in closing.closed_months(database, admin)] == ["2026-09"]


def test_the_funder_workbook_lists_a_closed_months_corrections(database, today, tmp_path):
    from openpyxl import load_workbook

    from reports.outputs.funder import funder_workbook

    manager = signed_in(database, "manager")
    ids = september_agency(database, manager, today)
    closing.close_month(database, manager, today, "2026-09", closing_reports)
    target = tmp_path / "before.xlsx"
    funder_workbook(database, manager, dt.date(2026, 10, 1), dt.date(2026, 10, 31), target)
    assert "Revisions" not in _column_a(load_workbook(target)["Summary"])
    move_third_intake(database, manager, today, ids)
    target = tmp_path / "after.xlsx"
    funder_workbook(database, manager, dt.date(2026, 10, 1), dt.date(2026, 10, 31), target)
    summary = _column_a(load_workbook(target)["Summary"])
    at = summary.index("Revisions")
    assert summary[at + 1] == (
        "Revision: 1 record of September 2026 was corrected after the month was closed;"
        " its closed report stands as printed."
    )


def _column_a(sheet) -> list[object]:
    return [row[0] for row in sheet.iter_rows(values_only=True) if row]


def test_the_kept_report_reads_back_as_it_was_made(database, today):
    from reports.outputs.closed_reports import from_json, to_json
    from tests.reports.hand_agency import REPORT_MONTH, REPORT_YEAR, build

    admin = signed_in(database, "admin")
    build(database, admin, today)
    period = Period.month(REPORT_YEAR, REPORT_MONTH)
    for internal in (False, True):
        made = build_report_data(database, admin, period, internal=internal, summary=True)
        kept = from_json(to_json(made), made.generated_at)
        assert kept == made  # every printed table, value and kind; the ledger is not kept
        served = made.table("caseload").row(
            "Clients served (completed assessment or identified encounter)"
        )
        assert kept.table("caseload").row(served.label).values == served.values


def test_no_closing_or_reopening_without_its_audit_row(database, admin, today, monkeypatch):
    def broken(*_args, **_kwargs):
        raise OSError("the audit trail cannot be written")

    monkeypatch.setattr(closing.audit, "record", broken)
    with pytest.raises(OSError):
        closing.close_month(database, admin, today, "2026-09", closing_reports)
    assert closing.month_closing(database, admin, "2026-09") is None
    monkeypatch.undo()
    closing.close_month(database, admin, today, "2026-09", closing_reports)
    monkeypatch.setattr(closing.audit, "record", broken)
    with pytest.raises(OSError):
        closing.reopen_month(database, admin, today, "2026-09", "mistake")
    assert closing.month_closing(database, admin, "2026-09") is not None


def test_the_migration_goes_down_and_up(any_database, today):
    from sqlalchemy import inspect

    from db import migrate

    admin = signed_in(any_database, "admin")
    closing.close_month(any_database, admin, today, "2026-09", closing_reports)
    migrate.downgrade(any_database.engine, "0012_client_code_counter")
    assert "closed_months" not in inspect(any_database.engine).get_table_names()
    migrate.upgrade(any_database.engine)
    assert migrate.current_revision(any_database.engine) == migrate.head_revision()
    assert closing.closed_months(any_database, admin) == []
    closing.close_month(any_database, admin, today, "2026-09", closing_reports)
    assert [c.month for c in closing.closed_months(any_database, admin)] == ["2026-09"]
