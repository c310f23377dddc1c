"""The worklist at the window's default size (1200×800) after a contact attempt has been
logged (the side panel then lists it): every column of every visible row reads in full,
long names and the phone cell of a client who did not consent included, without
scrolling sideways."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from tests.desktop.harness import Desk, add_client
from tests.desktop.test_worklist import intake, type_attempt, unreadable_cells

# Long names as they come at a front desk: two family names, two given names, a
# preferred name.
PEOPLE = (
    ("Rodríguez-Fernández", "María José", "Pepa", "no"),
    ("Montgomery-Whitfield", "Christopher", "", "yes"),
    ("Nguyễn Thị", "Thanh Hương", "", "no"),
    ("Okonkwo-Adeyemi", "Oluwaseun", "Seun", "yes"),
)


@pytest.fixture(scope="module")
def listed_clients(desk: Desk) -> list[int]:
    ids = []
    for n, (family, given, preferred, consent) in enumerate(PEOPLE):
        client_id = add_client(
            desk.database,
            desk.actors["admin"],
            given_name=given,
            family_name=family,
            preferred_name=preferred or None,
            birth_date="1980-01-01",
            client_code=f"LONG-{n:04d}",
            phone="(503) 555-0101",
            consent_contact=consent,
        )
        intake(desk, client_id, dt.date(2026, 8, 27) - dt.timedelta(days=n))
        ids.append(client_id)
    return ids


def test_every_visible_row_reads_in_full_after_an_attempt_at_the_default_size(
    qtbot: Any, desk: Desk, listed_clients: list[int]
) -> None:
    desk.sign_in_as("desk")
    desk.window.go("worklist")
    view = desk.window.worklist
    assert view.model.rowCount() == len(PEOPLE)
    desk.window.resize(1200, 800)
    qtbot.waitUntil(lambda: desk.window.width() == 1200)
    desk.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.window)
    row = next(r for r, i in enumerate(view.model.items) if i.client.consent_contact)
    view.table.selectRow(row)
    view.form.editors["method"].widget.setFocus()
    type_attempt(qtbot, "P", "rang twice")  # phone: this client consented
    assert view.attempts.count() == 1
    qtbot.wait(50)  # the layout settles after the side panel grew
    table = view.table
    used = sum(table.columnWidth(c) for c in range(view.model.columnCount()))
    assert used <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    assert unreadable_cells(view) == []
