"""The client page's consents and disclosures: record a consent and revoke it with the keyboard,
and see the list of disclosures a client may ask for."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from db.models import Consent
from desktop.client_page import ClientPageView
from desktop.consent_forms import ConsentFormView, RevokeConsentFormView
from forms import consents
from forms.consents import Recipient
from reports.outputs.exchange_export import export_workbook
from tests.conftest import TODAY
from tests.desktop.harness import Desk, add_client


def focused(window: QWidget) -> QWidget:
    widget = QApplication.focusWidget() or window.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: Any, window: QWidget, *keys: Qt.Key | str) -> None:
    for key in keys:
        if isinstance(key, str):
            qtbot.keyClicks(focused(window), key)
        else:
            qtbot.keyClick(focused(window), key)


def rows(page: ClientPageView, table_name: str) -> list[list[str]]:
    table = getattr(page, table_name)
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def open_page(qtbot: Any, desk: Desk, code: str) -> ClientPageView:
    desk.sign_in_as("desk")
    client_id = add_client(
        desk.database,
        desk.actors["admin"],
        given_name="Con",
        family_name="Sent",
        birth_date="1980-01-01",
        client_code=code,
    )
    window = desk.window
    assert window.clients.open_client(client_id)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = window.clients.top
    assert isinstance(page, ClientPageView)
    return page


def stored(desk: Desk, client_id: int) -> list[tuple[Any, ...]]:
    with desk.database.reading() as s:
        return [
            (c.scope, c.recipient, c.signed_on, c.expires_on, c.revoked_on, c.recorded_by)
            for c in s.scalars(select(Consent).where(Consent.client_id == client_id))
        ]


def test_front_desk_records_a_consent_with_the_keyboard(qtbot: Any, desk: Desk) -> None:
    page = open_page(qtbot, desk, "K-1")
    window = desk.window
    assert rows(page, "consent_table") == [
        ["No consent recorded: Alt+O records one.", "", "", "", "", ""]
    ]
    assert page.tabs.tabText(1) == "Consents (0)"
    assert "No consent to disclose in force" in page.identity.text()
    qtbot.keyClick(focused(window), Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(window.clients.top, ConsentFormView))  # animated click
    form = window.clients.top
    assert isinstance(form, ConsentFormView)
    assert focused(window) is form.editors["scope"].widget
    tab = Qt.Key.Key_Tab
    # Scope: Down twice from empty = named recipient; then recipient, signed, expiry.
    press(qtbot, window, Qt.Key.Key_Down, Qt.Key.Key_Down, tab, "County Health Dept", tab)
    press(qtbot, window, "2026-11-01", tab, "2027-10-31")
    qtbot.keyClick(focused(window), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.clients.top is page, form.summary.text()
    assert "Consent recorded" in window.confirmation.text()
    assert stored(desk, page.client_id) == [
        (
            "named_recipient",
            "County Health Dept",
            dt.date(2026, 11, 1),
            dt.date(2027, 10, 31),
            None,
            "desk",
        )
    ]
    assert rows(page, "consent_table") == [
        ["A named recipient", "County Health Dept", "2026-11-01", "2027-10-31", "", "yes"]
    ]
    assert page.tabs.tabText(1) == "Consents (1)"
    assert "Consent in force: County Health Dept" in page.identity.text()


def test_a_consent_form_with_a_mistake_says_which_field_and_saves_nothing(
    qtbot: Any, desk: Desk
) -> None:
    page = open_page(qtbot, desk, "K-2")
    desk.window.clients.record_consent(page)
    form = desk.window.clients.top
    assert isinstance(form, ConsentFormView)
    form.editors["scope"].set_value("named_recipient")
    form.editors["signed_on"].set_value("2026-11-01")
    form.editors["expires_on"].set_value("2026-10-01")
    form.save()
    assert desk.window.clients.top is form
    assert form.editors["recipient"].error.text() == (
        "Recipient is required for a consent to a named recipient"
    )
    assert "must be after the date signed" in form.editors["expires_on"].error.text()
    assert stored(desk, page.client_id) == []
    form.discard()
    desk.close_forms()


def test_front_desk_revokes_a_consent_from_the_page(qtbot: Any, desk: Desk) -> None:
    page = open_page(qtbot, desk, "K-3")
    consents.record_consent(
        desk.database,
        desk.actors["admin"],
        page.client_id,
        {"scope": "treatment_payment_operations", "signed_on": "2026-01-05"},
        TODAY,
    )
    window = desk.window
    desk.ctx.notify("consent", page.client_id)
    assert rows(page, "consent_table")[0][-1] == "yes"
    assert not page.revoke_button.isEnabled()  # nothing chosen yet
    page.tabs.setCurrentIndex(1)
    page.consent_table.setFocus()
    page.consent_table.selectRow(0)
    assert page.revoke_button.isEnabled()
    qtbot.keyClick(focused(window), Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(window.clients.top, RevokeConsentFormView))
    form = window.clients.top
    assert isinstance(form, RevokeConsentFormView)
    assert "Treatment, payment and health-care operations" in form.about.text()
    assert form.editors["revoked_on"].widget.text() == "2026-11-27"  # today, offered
    qtbot.keyClick(focused(window), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.clients.top is page
    assert "Consent revoked" in window.confirmation.text()
    ((*_, revoked, _by),) = stored(desk, page.client_id)
    assert revoked == TODAY
    assert rows(page, "consent_table")[0][4:] == ["2026-11-27", "no"]
    page.consent_table.selectRow(0)
    assert not page.revoke_button.isEnabled()  # a revoked consent is revoked once


def test_the_page_lists_the_client_s_disclosures(qtbot: Any, desk: Desk, tmp_path: Any) -> None:
    page = open_page(qtbot, desk, "K-4")
    consents.record_consent(
        desk.database,
        desk.actors["admin"],
        page.client_id,
        {"scope": "research", "signed_on": "2026-03-01"},
        TODAY,
    )
    export_workbook(
        desk.database,
        desk.actors["manager"],
        tmp_path / "study.xlsx",
        TODAY,
        recipient=Recipient("research", "University study"),
        today=TODAY,
    )
    desk.ctx.notify("consent", page.client_id)
    listed = rows(page, "disclosure_table")
    assert [row[:4] for row in listed if row[1] == "University study"] == [
        ["2026-11-27", "University study", "Research", "manager"]
    ]
    assert "study.xlsx" in listed[0][4]
    assert page.tabs.tabText(2).startswith("Disclosures (")
