"""Closing and reopening a month from the Reports screen: a manager closes the chosen
month, an administrator reopens it with a reason, front desk sees neither."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.reports_view import ReportsView
from forms import closing, records
from tests.conftest import TODAY
from tests.desktop.harness import Desk, FakeDialogs, add_client
from tests.forms.test_closing import intake


@pytest.fixture(scope="module")
def agency(desk: Desk) -> None:
    admin = desk.actors["admin"]
    cid = add_client(
        desk.database, admin, given_name="Sept", family_name="Intake", birth_date="1980-01-01"
    )
    answers, substances = intake("2026-09-10")
    records.add_assessment(desk.database, admin, cid, answers, substances, TODAY)


def reports_as(desk: Desk, who: str, month: str) -> ReportsView:
    desk.sign_in_as(who)
    desk.window.go("reports")
    view = desk.window.reports
    view.month.setCurrentIndex(view.month.findText(month))
    return view


def test_a_manager_closes_the_chosen_month_and_may_not_reopen_it(
    qtbot: Any, desk: Desk, agency: None, fake_dialogs: FakeDialogs
) -> None:
    view = reports_as(desk, "manager", "2026-11")  # not over on 2026-11-27
    box = view.month_closing
    assert box.state.text() == "2026-11 is open: its report follows every correction."
    assert not box.close_button.isEnabled() and box.reopen_button.isHidden()
    view.month.setCurrentIndex(view.month.findText("2026-09"))
    fake_dialogs.answers = [True]  # yes, close it
    qtbot.mouseClick(box.close_button, Qt.MouseButton.LeftButton)
    asked = fake_dialogs.shown[0]
    assert (asked[0], asked[1]) == ("ask", "Close 2026-09")
    assert "Only an administrator can reopen it." in asked[2]
    assert box.state.text().startswith("2026-09 is closed (")
    assert box.state.text().endswith(", by manager): its report prints as it did then.")
    assert fake_dialogs.shown[-1] == ("inform", "Closing the month", box.state.text())
    assert not box.close_button.isEnabled()
    closed = closing.month_closing(desk.database, desk.actors["admin"], "2026-09")
    assert closed is not None and closed.closed_by == "manager"


def test_an_administrator_reopens_it_with_a_reason(
    qtbot: Any, desk: Desk, agency: None, fake_dialogs: FakeDialogs
) -> None:
    view = reports_as(desk, "admin", "2026-09")
    box = view.month_closing
    assert closing.month_closing(desk.database, desk.actors["admin"], "2026-09") is not None
    assert box.reopen_button.isEnabled() and not box.reopen_button.isHidden()
    fake_dialogs.answers = [" "]  # no reason given
    qtbot.mouseClick(box.reopen_button, Qt.MouseButton.LeftButton)
    assert fake_dialogs.shown[-1] == (
        "warn",
        "Reopen 2026-09",
        "Reason: say why 2026-09 is reopened",
    )
    assert closing.month_closing(desk.database, desk.actors["admin"], "2026-09") is not None
    fake_dialogs.answers = ["the intake date was misread"]
    qtbot.mouseClick(box.reopen_button, Qt.MouseButton.LeftButton)
    assert closing.month_closing(desk.database, desk.actors["admin"], "2026-09") is None
    assert box.state.text() == "2026-09 is open: its report follows every correction."
    assert box.close_button.isEnabled() and not box.reopen_button.isEnabled()


def test_front_desk_sees_no_month_closing(desk: Desk, agency: None) -> None:
    desk.sign_in_as("desk")
    desk.window.go("reports")
    assert desk.window.reports.month_closing.isHidden()
