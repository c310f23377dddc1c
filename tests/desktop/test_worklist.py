"""Due follow-ups: what is listed, contact attempts, and a follow-up taking a point off."""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QStyle
from sqlalchemy import select

from db.models import AuditEntry, FollowUpAttempt
from desktop.assessment_form import AssessmentFormView
from desktop.client_page import ClientPageView
from desktop.worklist_model import ATTEMPTS_COLUMN, NAME_COLUMN, PHONE_COLUMN
from desktop.worklist_view import WorklistView
from forms import records
from reports.datasets.followups_due import intake_range
from tests.conftest import TODAY
from tests.desktop.harness import Desk, FakeDialogs, add_client

OPIOID = [{"substance_class": "opioid", "primary": "yes", "criteria": "craving;cut_down"}]


def intake(desk: Desk, client_id: int, day: dt.date) -> None:
    records.add_assessment(
        desk.database,
        desk.actors["admin"],
        client_id,
        {
            "assessed_on": day,
            "kind": "intake",
            "contact_status": "completed",
            "psych_health": 10,
            "physical_health": 10,
            "quality_of_life": 10,
        },
        OPIOID,
        TODAY,
    )


@pytest.fixture(scope="module")
def clients(desk: Desk) -> dict[str, int]:
    admin = desk.actors["admin"]
    ids = {
        name: add_client(
            desk.database,
            admin,
            given_name=name,
            family_name="Due",
            birth_date="1980-01-01",
            client_code=f"W-{name}",
            phone="555-0101",
            consent_contact="no" if name == "Ana" else "yes",
        )
        for name in ("Ana", "Ben", "Cy", "Dot", "Eve")
    }
    intake(desk, ids["Ana"], dt.date(2026, 8, 27))  # 3 months: window open
    intake(desk, ids["Ben"], dt.date(2026, 6, 1))  # 3 months just missed, 6 open
    intake(desk, ids["Cy"], dt.date(2026, 11, 1))  # nothing due for a month
    intake(desk, ids["Dot"], dt.date(2024, 1, 10))  # all long past
    intake(desk, ids["Eve"], dt.date(2026, 8, 27))  # died: nobody to follow up
    records.add_event(
        desk.database,
        desk.actors["admin"],
        ids["Eve"],
        {"occurred_on": "2026-10-01", "event": "death"},
        TODAY,
    )
    return ids


@pytest.fixture
def view(desk: Desk, clients: dict[str, int]) -> WorklistView:
    desk.sign_in_as("desk")
    desk.window.go("worklist")
    assert desk.window.worklist.isVisible()
    return desk.window.worklist


def listed(view: WorklistView) -> list[tuple[str, int, str]]:
    return sorted((i.client.given_name, i.point.months, i.state) for i in view.model.items)


def test_points_open_closing_soon_or_just_missed_are_listed(view: WorklistView) -> None:
    assert listed(view) == [("Ana", 3, "open"), ("Ben", 3, "missed"), ("Ben", 6, "open")]
    assert "Follow-ups due: 2" in view.summary.text()
    assert "missed in the last 30 days: 1" in view.summary.text()


def test_the_list_filters_by_state_and_point(view: WorklistView) -> None:
    bar = view.filters
    bar.state_filter.setCurrentIndex(bar.state_filter.findData("missed"))
    assert listed(view) == [("Ben", 3, "missed")]
    bar.state_filter.setCurrentIndex(bar.state_filter.findData("due"))
    assert listed(view) == [("Ana", 3, "open"), ("Ben", 6, "open")]
    bar.point_filter.setCurrentIndex(bar.point_filter.findData(6))
    assert listed(view) == [("Ben", 6, "open")]
    bar.state_filter.setCurrentIndex(0)
    bar.point_filter.setCurrentIndex(0)
    assert len(listed(view)) == 3
    assert "Follow-ups due: 2" in view.summary.text()  # the counts are the whole list's


def test_the_list_filters_by_the_days_left_before_the_window_closes(view: WorklistView) -> None:
    days = view.filters.days_filter
    # Ana's 3-month window closes on 2027-01-27, 61 days after today (2026-11-27), Ben's
    # 6-month one on 2027-02-01: neither closes within 30 days (the boundaries are in
    # tests/reports/datasets/test_followups_due.py).
    days.setCurrentIndex(days.findData(30))
    assert days.currentText() == "Closing within 30 days"
    assert listed(view) == []
    assert "Follow-ups due: 2" in view.summary.text()  # the counts are the whole list's
    days.setCurrentIndex(0)
    assert len(listed(view)) == 3
    for combo in (view.filters.point_filter, days):  # each choice reads in full
        widest = max(
            combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())
        )
        assert combo.width() > widest, combo.objectName()


def test_the_call_list_is_a_csv_with_the_phone_only_with_consent(
    qtbot: Any, desk: Desk, view: WorklistView, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    bar = view.filters
    bar.state_filter.setCurrentIndex(bar.state_filter.findData("due"))
    fake_dialogs.paths = [tmp_path / "calls.csv"]
    qtbot.mouseClick(bar.call_list_button, Qt.MouseButton.LeftButton)
    with open(tmp_path / "calls.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    bar.state_filter.setCurrentIndex(0)
    assert rows == [
        ["Code", "Name", "Phone", "Follow-up point (months)", "Window closes", "Contact attempts"],
        ["W-Ana", "Due, Ana", "no consent to contact", "3", "2027-01-27", "0"],
        ["W-Ben", "Due, Ben", "555-0101", "6", "2027-02-01", "0"],
    ]
    assert desk.window.confirmation.text() == "Call list saved: 2 follow-ups in calls.csv"
    with desk.database.reading() as session:
        row = session.scalars(select(AuditEntry).where(AuditEntry.entity == "call_list")).one()
    assert (row.action, row.username, row.entity_id) == ("export", "desk", "calls.csv")


def test_alt_p_saves_the_printable_call_list_of_the_follow_ups_shown(
    qtbot: Any, desk: Desk, view: WorklistView, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    bar = view.filters
    bar.state_filter.setCurrentIndex(bar.state_filter.findData("due"))
    fake_dialogs.paths = [tmp_path / "calls.pdf"]
    desk.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.window)
    view.take_focus()
    qtbot.keyClick(view.table, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: (tmp_path / "calls.pdf").exists())  # a mnemonic clicks after a flash
    bar.state_filter.setCurrentIndex(0)
    kind, title, suggested = fake_dialogs.shown[-1]
    assert (kind, title, Path(suggested).name) == (
        "save_path",
        "Save the call list",
        "call-list-2026-11-27.pdf",
    )
    printed = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "calls.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = [" ".join(line.split()) for line in printed.splitlines() if line.strip()]
    assert "W-Ana Due, Ana no consent to contact 3 2027-01-27 0" in lines
    assert "W-Ben Due, Ben 555-0101 6 2027-02-01 0" in lines
    assert "2 follow-ups. shown: due." in lines
    assert desk.window.confirmation.text() == "Call list saved: 2 follow-ups in calls.pdf"


def test_method_and_outcome_are_drop_downs_wide_enough_to_read(view: WorklistView) -> None:
    note = view.form.editors["note"].widget
    for key, choice in (("method", "In person"), ("outcome", "Wrong number")):
        combo = view.form.editors[key].widget
        assert isinstance(combo, QComboBox)
        # Not an empty box: it asks for a choice, and has no blank one to pick by mistake.
        assert combo.currentIndex() == -1 and combo.placeholderText() == "Choose…"
        assert "" not in [combo.itemText(i) for i in range(combo.count())]
        assert choice in [combo.itemText(i) for i in range(combo.count())]
        # As wide as the panel's other fields, so every choice reads in full.
        assert combo.width() >= note.width() > combo.fontMetrics().horizontalAdvance(choice)


def test_ctrl_2_puts_the_focus_on_the_list_and_enter_opens_the_client(
    qtbot: Any, desk: Desk, view: WorklistView, clients: dict[str, int]
) -> None:
    window = desk.window
    window.find_client()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is view.table
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    chosen = view.selected()
    assert chosen is not None
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    page = window.clients.top
    assert isinstance(page, ClientPageView) and page.client_id == chosen.client.client_id
    desk.close_forms()
    window.go("worklist")


def unreadable_cells(view: WorklistView) -> list[str]:
    """The cells of the rows on screen whose text does not fit its column (the room a
    cell's text has is the column less the style's margin on each side)."""
    table = view.table
    metrics = table.fontMetrics()
    frame = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table)
    margin = 2 * (frame + 1)
    first = max(table.rowAt(0), 0)
    last = table.rowAt(table.viewport().height() - 1)
    last = view.model.rowCount() - 1 if last < 0 else last
    cut = []
    for row in range(first, last + 1):
        for column in range(view.model.columnCount()):
            text = str(view.model.data(view.model.index(row, column)))
            if table.columnWidth(column) < metrics.horizontalAdvance(text) + margin:
                cut.append(f"row {row} column {column}: {text!r}")
    return cut


def test_every_column_fits_at_the_default_size(qtbot: Any, desk: Desk, view: WorklistView) -> None:
    desk.window.resize(1200, 800)
    qtbot.waitUntil(lambda: desk.window.width() == 1200)
    table = view.table
    used = sum(table.columnWidth(c) for c in range(view.model.columnCount()))
    assert used <= table.viewport().width()
    metrics = table.fontMetrics()
    for column in range(view.model.columnCount()):
        for row in range(view.model.rowCount()):
            shown = str(view.model.data(view.model.index(row, column)))
            assert table.columnWidth(column) >= metrics.horizontalAdvance(shown), shown


def test_a_phone_number_shows_only_with_consent_to_contact(view: WorklistView) -> None:
    phones = {i.client.given_name: view.model.columns[PHONE_COLUMN][1](i) for i in view.model.items}
    assert phones == {"Ana": "no consent", "Ben": "555-0101"}
    ana = next(r for r, i in enumerate(view.model.items) if i.client.given_name == "Ana")
    tip = view.model.data(view.model.index(ana, PHONE_COLUMN), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("No consent to contact: do not phone")


def test_the_list_sorts_inside_its_model(view: WorklistView) -> None:
    view.table.sortByColumn(NAME_COLUMN, Qt.SortOrder.DescendingOrder)
    assert [i.client.given_name for i in view.model.items] == ["Ben", "Ben", "Ana"]
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [i.state for i in view.model.items] == ["open", "open", "missed"]


def type_attempt(qtbot: Any, method: str | Qt.Key, note: str) -> None:
    for keys in (method, Qt.Key.Key_Tab, "N", Qt.Key.Key_Tab, note):  # combos: first letter
        if isinstance(keys, str):
            qtbot.keyClicks(QApplication.focusWidget(), keys)
        else:
            qtbot.keyClick(QApplication.focusWidget(), keys)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_a_contact_attempt_is_logged_with_the_keyboard_and_respects_consent_to_contact(
    qtbot: Any, desk: Desk, view: WorklistView
) -> None:
    row = next(r for r, i in enumerate(view.model.items) if i.client.given_name == "Ana")
    view.table.selectRow(row)
    desk.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.window)
    view.form.editors["method"].widget.setFocus()
    type_attempt(qtbot, "P", "rang twice")  # Ana did not consent to be contacted
    assert "Consents to be contacted is no" in view.form.summary.text()
    assert view.form.summary.isVisible() and view.form.editors["method"].error.isVisible()
    with desk.database.reading() as session:
        assert session.scalar(select(FollowUpAttempt)) is None
    view.form.editors["method"].widget.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # Phone, Text, In person
    view.form.editors["note"].widget.clear()
    type_attempt(qtbot, Qt.Key.Key_Down, "came in for kits")
    item = view.selected()
    assert item is not None and item.client.given_name == "Ana"
    assert len(item.attempts) == 1
    assert desk.window.confirmation.text() == "Contact attempt saved for Due, Ana."
    assert view.attempts.item(0).text() == "2026-11-27  In person: No answer — came in for kits"
    cell = view.model.index(view.table.currentIndex().row(), ATTEMPTS_COLUMN)
    assert view.model.data(cell) == "1, 2026-11-27"
    assert view.model.data(cell, Qt.ItemDataRole.ToolTipRole) == "No answer"
    desk.window.resize(1200, 800)  # an attempt's cell leaves the names room to read
    qtbot.waitUntil(lambda: desk.window.width() == 1200)
    assert unreadable_cells(view) == []  # every row on screen, not only the chosen one
    with desk.database.reading() as session:
        attempt = session.scalar(select(FollowUpAttempt))
        assert attempt is not None and attempt.point_months == 3 and attempt.method == "in_person"
        assert attempt.intake_on == dt.date(2026, 8, 27) and attempt.outcome == "no_answer"


def test_a_follow_up_interview_takes_the_point_off_the_list(
    qtbot: Any, desk: Desk, view: WorklistView
) -> None:
    row = next(r for r, i in enumerate(view.model.items) if i.client.given_name == "Ana")
    view.table.selectRow(row)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView) and desk.window.current_section() == "clients"
    form = desk.window.clients.new_assessment(page, "follow_up")
    assert isinstance(form, AssessmentFormView)
    for key, value in (
        ("psych_health", "12"),
        ("physical_health", "11"),
        ("quality_of_life", "13"),
    ):
        form.editors[key].set_value(value)
    form.substances.rows[0]["substance_class"].set_value("opioid")
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert desk.window.clients.top is page, form.summary.text()
    assert page.followup_table.item(0, 4).text() == "done (2026-11-27)"
    desk.window.go("worklist")
    assert listed(view) == [("Ben", 3, "missed"), ("Ben", 6, "open")]


def test_the_intake_range_covers_every_point_that_can_be_due() -> None:
    first, last = intake_range(TODAY, (3, 6, 12))
    assert first == dt.date(2025, 8, 28) and last == dt.date(2026, 9, 27)
