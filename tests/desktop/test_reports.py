"""The Reports screen: jobs by role, an export to the end, a cancelled one, an import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from db.access import PermissionDenied
from desktop.reports_view import ReportsView
from forms import consents
from reports.outputs.exchange_export import export_workbook
from reports.outputs.exchange_template import write_template
from tests.conftest import TODAY
from tests.desktop.harness import Desk, FakeDialogs, add_client


@pytest.fixture(scope="module")
def agency(desk: Desk) -> None:
    admin = desk.actors["admin"]
    shared = add_client(
        desk.database,
        admin,
        given_name="Shared",
        family_name="Consent",
        birth_date="1970-01-01",
        client_code="R-1",
    )
    consents.record_consent(
        desk.database,
        admin,
        shared,
        {"scope": "named_recipient", "recipient": "County Health Dept", "signed_on": "2026-02-01"},
        TODAY,
    )
    add_client(
        desk.database,
        admin,
        given_name="Private",
        family_name="Person",
        birth_date="1971-01-01",
        client_code="R-2",
    )


@pytest.fixture
def view(desk: Desk, agency: None) -> ReportsView:
    desk.sign_in_as("manager")
    desk.window.go("reports")
    return desk.window.reports


def test_a_front_desk_user_sees_no_identified_export(
    desk: Desk, agency: None, tmp_path: Path
) -> None:
    desk.sign_in_as("desk")
    desk.window.go("reports")
    view = desk.window.reports
    assert list(view.job_buttons) == ["template"]
    assert not view.choices.isVisible()
    assert "made by managers" in view.findChild(type(view.result), "reports_note").text()
    with pytest.raises(PermissionDenied):
        export_workbook(desk.database, desk.actors["desk"], tmp_path / "x.xlsx", TODAY)
    assert list(tmp_path.iterdir()) == []


def test_a_manager_sees_the_reports_exports_and_import(view: ReportsView) -> None:
    assert list(view.job_buttons) == [
        "monthly_pdf",
        "funder",
        "funder_rows",
        "outcomes",
        "monthly_csv",
        "full_export",
        "import",
        "template",
    ]
    assert view.choices.isVisible()


def test_an_export_runs_to_the_end_and_offers_to_open_it(
    qtbot: Any, view: ReportsView, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    target = tmp_path / "export.xlsx"
    fake_dialogs.paths = [target]
    fake_dialogs.answers = [1]  # open the folder
    view.purpose.setCurrentIndex(0)  # a recipient named in clients' consents
    view.recipient.setText("County Health Dept")
    qtbot.mouseClick(view.job_buttons["full_export"], Qt.MouseButton.LeftButton)
    assert fake_dialogs.shown[0][2].endswith(f"recovery-desk-export-{TODAY.isoformat()}.xlsx")
    assert view.result.text() == (
        f"Written to {target}: 1 clients disclosed to County Health Dept. "
        "1 left out: 1 without any consent recorded."
    )
    assert fake_dialogs.opened == [tmp_path]
    book = load_workbook(target, read_only=True)
    codes = [row[0] for row in book["Clients"].iter_rows(min_row=2, values_only=True)]
    assert codes == ["R-1"]
    assert all(button.isEnabled() for button in view.job_buttons.values())


def test_an_identified_export_to_nobody_is_refused_before_choosing_a_file(
    view: ReportsView, fake_dialogs: FakeDialogs
) -> None:
    view.purpose.setCurrentIndex(0)
    view.recipient.clear()
    assert not view.start_job("full_export")
    assert fake_dialogs.shown == [
        (
            "warn",
            "Full export (identified workbook)",
            "Recipient is required: name who receives the workbook",
        )
    ]


def test_a_cancelled_export_leaves_no_file_behind(
    view: ReportsView, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    view.purpose.setCurrentIndex(view.purpose.findData("treatment"))
    fake_dialogs.paths = [tmp_path / "cancelled.xlsx"]
    fake_dialogs.press_cancel = True
    assert view.start_job("full_export")
    assert view.result.text() == "Cancelled. No file was written."
    assert list(tmp_path.iterdir()) == []
    assert not view.runner.running


def test_choosing_no_file_starts_nothing(view: ReportsView, fake_dialogs: FakeDialogs) -> None:
    view.result.clear()
    assert not view.start_job("monthly_pdf")
    assert [kind for kind, _, _ in fake_dialogs.shown] == ["save_path"]
    assert not view.runner.running and view.result.text() == ""


def test_the_monthly_report_is_written_for_the_chosen_month(
    view: ReportsView, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    from pypdf import PdfReader

    view.month.setCurrentIndex(view.month.findText("2026-10"))
    fake_dialogs.paths = [tmp_path / "october.pdf"]
    fake_dialogs.answers = [None]
    assert view.start_job("monthly_pdf")
    assert fake_dialogs.shown[0][2].endswith("monthly-report-2026-10.pdf")
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "october.pdf").pages)
    assert "October 2026" in text


def test_an_import_with_bad_rows_lists_them_and_loads_nothing(
    view: ReportsView, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    source = tmp_path / "filled.xlsx"
    write_template(source)
    book = load_workbook(source)
    book["Clients"].append(["I-1", "Ivy", "Import", None, "1990-02-31"])
    book.save(source)
    fake_dialogs.paths = [source]
    assert view.start_job("import")
    assert view.problems.isVisible()
    assert view.problems.item(0, 0).text() == "Clients"
    assert view.problems.item(0, 2).text() == "birth_date"
    assert "Nothing was imported" in view.result.text()


def test_the_funder_workbook_covers_the_chosen_period(
    view: ReportsView, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    view.period_from.setDate(view.period_from.date().fromString("2026-01-01", "yyyy-MM-dd"))
    view.period_to.setDate(view.period_to.date().fromString("2026-06-30", "yyyy-MM-dd"))
    fake_dialogs.paths = [tmp_path / "funder.xlsx"]
    fake_dialogs.answers = [None]
    assert view.start_job("funder")
    assert fake_dialogs.shown[0][2].endswith("funder-2026-01-01-to-2026-06-30.xlsx")
    book = load_workbook(tmp_path / "funder.xlsx", read_only=True)
    assert "Clients" not in book.sheetnames and "Summary" in book.sheetnames


def test_a_period_ending_before_it_starts_is_refused_before_asking_for_a_file(
    view: ReportsView, fake_dialogs: FakeDialogs
) -> None:
    view.period_from.setDate(view.period_from.date().fromString("2026-06-30", "yyyy-MM-dd"))
    view.period_to.setDate(view.period_to.date().fromString("2026-01-01", "yyyy-MM-dd"))
    assert not view.start_job("funder")
    assert [kind for kind, _, _ in fake_dialogs.shown] == ["warn"]


def test_a_good_import_loads_the_rows_and_a_cancelled_one_loads_nothing(
    view: ReportsView, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    from sqlalchemy import select

    from db.models import Client

    source = tmp_path / "good.xlsx"
    write_template(source)
    book = load_workbook(source)
    book["Clients"].append(["I-2", "Ivo", "Imported", None, "1990-02-28"])
    book.save(source)
    big = tmp_path / "big.xlsx"  # more than one chunk: the import looks at Cancel between them
    write_template(big)
    book = load_workbook(big)
    for n in range(2500):
        book["Clients"].append([f"B-{n}", "Bulk", f"Person{n}", None, "1980-01-01"])
    book.save(big)
    fake_dialogs.paths = [big]
    fake_dialogs.press_cancel = True
    assert view.start_job("import")
    assert view.result.text() == "Cancelled. Nothing was imported."
    fake_dialogs.press_cancel = False
    fake_dialogs.paths = [source]
    assert view.start_job("import")
    assert view.result.text() == "Imported: 1 Clients."
    with view.ctx.database.reading() as session:
        codes = session.scalars(
            select(Client.client_code).where(Client.client_code.in_(["I-2", "B-0", "B-2499"]))
        )
        assert list(codes) == ["I-2"]


def test_a_period_starting_after_today_is_refused_as_the_command_line_refuses_it(
    view: ReportsView, fake_dialogs: FakeDialogs
) -> None:
    view.period_from.setDate(view.period_from.date().fromString("2026-12-01", "yyyy-MM-dd"))
    view.period_to.setDate(view.period_to.date().fromString("2026-12-31", "yyyy-MM-dd"))
    assert not view.start_job("funder_rows")
    assert fake_dialogs.shown == [
        (
            "warn",
            "Funder workbook with de-identified rows",
            "Period from 2026-12-01 is in the future",
        )
    ]
