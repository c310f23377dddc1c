"""The funder profiles on the Reports screen: listed from the job registry, each a button
that writes its file (reports/outputs/funder_profiles.py)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from desktop.reports_view import ReportsView
from tests.desktop.harness import Desk, FakeDialogs


def _view(desk: Desk, role: str) -> ReportsView:
    desk.sign_in_as(role)
    desk.window.go("reports")
    return desk.window.reports


def test_every_profile_is_a_button_for_a_manager_and_none_for_the_front_desk(
    desk: Desk,
) -> None:
    view = _view(desk, "manager")
    titles = {k: b.text() for k, b in view.job_buttons.items()}
    assert titles["outcomes"] == "Outcomes workbook (TOP / NOMs)…"
    assert titles["monthly_csv"] == "Monthly measures (CSV)…"
    assert titles["funder"] == "Funder workbook…"
    assert list(_view(desk, "desk").job_buttons) == ["template"]


def test_the_monthly_csv_button_writes_the_chosen_months_measures(
    qtbot: Any, desk: Desk, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    view = _view(desk, "manager")
    month = view.month.currentText()
    fake_dialogs.paths = [tmp_path / "measures.csv"]
    fake_dialogs.answers = [None]  # do not open it
    qtbot.mouseClick(view.job_buttons["monthly_csv"], Qt.MouseButton.LeftButton)
    assert fake_dialogs.shown[0][2].endswith(f"monthly_csv-{month}.csv")
    with open(tmp_path / "measures.csv", newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["Period", "Key", "Measure"]
    served = [r for r in rows if r[1] == "caseload" and r[3].startswith("Clients served")]
    assert served[0][0].startswith(f"{month}-01 to ") and served[0][5:] == ["0", "count", "no"]
    assert view.result.text() == f"Written to {tmp_path / 'measures.csv'}"


def test_the_outcomes_button_writes_the_workbook_for_the_period(
    qtbot: Any, desk: Desk, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    view = _view(desk, "manager")
    view.period_from.setDate(view.period_from.date().fromString("2026-01-01", "yyyy-MM-dd"))
    view.period_to.setDate(view.period_to.date().fromString("2026-06-30", "yyyy-MM-dd"))
    fake_dialogs.paths = [tmp_path / "outcomes.xlsx"]
    fake_dialogs.answers = [None]
    qtbot.mouseClick(view.job_buttons["outcomes"], Qt.MouseButton.LeftButton)
    assert fake_dialogs.shown[0][2].endswith("outcomes-2026-01-01-to-2026-06-30.xlsx")
    book = load_workbook(tmp_path / "outcomes.xlsx", read_only=True)
    assert book.sheetnames[:3] == ["Outcome change", "Clients by goal", "Improved by goal"]
