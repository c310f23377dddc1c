"""The quick encounter: Ctrl+E, a few keys, Ctrl+S — anonymous or for a client."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from db.models import Encounter
from desktop.client_page import ClientPageView
from desktop.small_forms import EncounterFormView
from forms import records
from forms.record_detail import load_record
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


def test_an_anonymous_encounter_without_the_mouse(qtbot: Any, desk: Desk) -> None:
    desk.sign_in_as("desk")
    window = desk.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.clients.search.focus_search()
    qtbot.keyClick(focused(window), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    form = window.clients.top
    assert isinstance(form, EncounterFormView)
    assert focused(window).objectName() == "client"
    tab = Qt.Key.Key_Tab
    press(qtbot, window, tab, tab, "97214", tab, "2", tab, tab, "10", tab, "4")
    qtbot.keyClick(focused(window), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.clients.top is window.clients.search
    assert "Encounter saved" in window.confirmation.text()
    with desk.database.reading() as session:
        saved = session.scalars(select(Encounter)).all()
    assert [
        (e.client_id, e.area, e.naloxone_kits, e.syringes_out, e.syringes_returned) for e in saved
    ] == [(None, "97214", 2, 10, 4)]


def test_an_encounter_from_a_client_page_is_theirs_and_keeps_the_area(
    qtbot: Any, desk: Desk
) -> None:
    desk.sign_in_as("desk")
    client_id = add_client(
        desk.database,
        desk.actors["admin"],
        given_name="Enc",
        family_name="Ounter",
        birth_date="1990-01-01",
        client_code="E-1",
    )
    assert desk.window.clients.open_client(client_id)
    desk.window.quick_encounter()
    form = desk.window.clients.top
    assert isinstance(form, EncounterFormView)
    assert form.client.client_id == client_id
    assert form.editors["area"].widget.text() == "97214"
    assert form.first_focus() is form.editors["naloxone_kits"].widget
    form.editors["test_strips"].widget.setText("3")
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    assert page.timeline_table.item(0, 1).text() == "Encounter"
    assert page.timeline_table.item(0, 2).text() == "Test strips: 3 — 97214"


def test_nothing_given_is_refused_on_the_first_tally(qtbot: Any, desk: Desk) -> None:
    desk.sign_in_as("desk")
    desk.window.quick_encounter()
    form = desk.window.clients.top
    assert isinstance(form, EncounterFormView)
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.editors["naloxone_kits"].error.text() == (
        "Record at least one thing given, done or reported"
    )
    assert desk.window.clients.top is form


def test_a_client_typed_but_not_chosen_is_not_saved_as_anonymous(qtbot: Any, desk: Desk) -> None:
    desk.sign_in_as("desk")
    desk.window.quick_encounter()
    form = desk.window.clients.top
    assert isinstance(form, EncounterFormView)
    qtbot.keyClicks(form.client, "Nobody By This Name")
    form.editors["referrals_other"].widget.setText("1")
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.client_error.isVisible()
    assert desk.window.clients.top is form


def test_a_client_is_picked_from_the_suggestions_with_the_keyboard(qtbot: Any, desk: Desk) -> None:
    desk.sign_in_as("desk")
    client_id = add_client(
        desk.database,
        desk.actors["admin"],
        given_name="Pick",
        family_name="Fromlist",
        birth_date="1991-01-01",
        client_code="E-2",
    )
    desk.window.quick_encounter()
    form = desk.window.clients.top
    assert isinstance(form, EncounterFormView)
    desk.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.window)
    form.client.setFocus()
    qtbot.keyClicks(form.client, "fromlsit")  # registered after the index: caught up
    popup = form.client.completer().popup()
    assert popup.isVisible() and popup.model().rowCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.client.client_id == client_id
    assert form.client.text() == "Fromlist, Pick (E-2, 1991-01-01)"
    form.discard()


def test_referrals_are_typed_along_one_row_and_the_total_follows(qtbot: Any, desk: Desk) -> None:
    desk.sign_in_as("desk")
    window = desk.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.quick_encounter()
    form = window.clients.top
    assert isinstance(form, EncounterFormView)
    assert form.referrals.total_label.text() == "Total: 0"
    form.editors["hcv_tests"].widget.setFocus()
    tab = Qt.Key.Key_Tab
    # From the last tally into the row: treatment, mental health, medical, housing.
    press(qtbot, window, tab, "2", tab, tab, tab, "1")
    assert focused(window).objectName() == "referrals_housing"
    assert form.referrals.total_label.text() == "Total: 3"
    qtbot.keyClick(focused(window), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "Encounter saved" in window.confirmation.text()
    with desk.database.reading() as session:
        saved = session.scalars(select(Encounter).order_by(Encounter.id.desc())).first()
    assert saved is not None
    assert (saved.referrals, saved.referrals_treatment, saved.referrals_housing) == (3, 2, 1)


def test_a_correction_keeps_the_total_of_referrals_saved_without_a_type(
    qtbot: Any, desk: Desk
) -> None:
    desk.sign_in_as("admin")
    today = desk.window.ctx.today()
    raw = {"occurred_on": today, "referrals": "4"}
    encounter_id = records.add_encounter(desk.database, desk.actors["admin"], None, raw, today)
    record = load_record(desk.database, desk.actors["admin"], "encounter", encounter_id)
    assert record is not None
    form = EncounterFormView(desk.window.ctx, record=record)
    qtbot.addWidget(form)
    assert form.referrals.total_label.text() == "Total: 4 (type not recorded)"
    form.editors["naloxone_kits"].widget.setText("1")
    form.save()
    with desk.database.reading() as session:
        saved = session.get(Encounter, encounter_id)
    assert saved is not None
    assert (saved.naloxone_kits, saved.referrals, saved.referrals_other) == (1, 4, 0)
