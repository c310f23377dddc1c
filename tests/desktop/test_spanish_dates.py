"""Dates on the screens a person reads in Spanish: the worklist, a record read back, the
Reports screen's months; the stored dates stay ISO and the date fields still take
YYYY-MM-DD."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from db.models import Assessment
from desktop.record_view import record_text
from forms import records
from forms.record_detail import load_record
from tests.conftest import TODAY
from tests.desktop.harness import Desk, add_client

OPIOID = [{"substance_class": "opioid", "primary": "yes", "criteria": "craving;cut_down"}]


@pytest.fixture(scope="module")
def desk(spanish: None, desk: Desk) -> Desk:
    return desk


@pytest.fixture(scope="module")
def intake_id(desk: Desk) -> int:
    admin = desk.actors["admin"]
    values = {"given_name": "Rosa", "family_name": "Díaz", "birth_date": "1980-02-03"}
    client_id = add_client(desk.database, admin, **values)
    intake = {  # typed as staff type it: YYYY-MM-DD
        "assessed_on": "2026-08-27",
        "kind": "intake",
        "contact_status": "completed",
        "psych_health": 10,
        "physical_health": 10,
        "quality_of_life": 10,
    }
    return records.add_assessment(desk.database, admin, client_id, intake, OPIOID, TODAY)


def test_the_worklist_shows_due_and_closing_dates_in_spanish(desk: Desk, intake_id: int) -> None:
    desk.sign_in_as("admin")
    desk.window.go("worklist")
    view = desk.window.worklist
    model = view.model
    row = next(r for r, i in enumerate(model.items) if i.client.given_name == "Rosa")
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    closes = model.data(model.index(row, headers.index("Cierra")))
    assert closes == "27/1/2027"
    view.table.selectRow(row)  # the due day is in the side panel beside the list
    assert "27/11/2026" in view.point_label.text()  # 3 months after 27 August


def test_a_record_read_back_shows_its_dates_in_spanish(desk: Desk, intake_id: int) -> None:
    detail = load_record(desk.database, desk.actors["admin"], "assessment", intake_id)
    assert detail is not None
    text = record_text(detail)
    assert "27/8/2026" in text and "2026-08-27" not in text
    with desk.database.reading() as session:
        assert session.get(Assessment, intake_id).assessed_on == dt.date(2026, 8, 27)


def test_the_reports_screen_names_its_months_in_spanish(desk: Desk) -> None:
    desk.sign_in_as("admin")
    desk.window.go("reports")
    months = desk.window.reports.month
    assert months.itemText(0) == "noviembre 2026"  # TODAY is 2026-11-27
    assert months.itemData(1) == dt.date(2026, 10, 1)
