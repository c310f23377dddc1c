"""Registering and editing a client: duplicates first, messages on the field, conflicts."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from db.models import Client
from desktop.client_form import ClientFormView
from desktop.client_page import ClientPageView
from forms import records
from tests.conftest import TODAY
from tests.desktop.harness import Desk, FakeDialogs, add_client


def client_count(desk: Desk) -> int:
    with desk.database.reading() as session:
        return session.scalar(select(func.count()).select_from(Client)) or 0


@pytest.fixture
def form(desk: Desk) -> ClientFormView:
    desk.sign_in_as("desk")
    desk.window.new_client()
    form = desk.window.clients.top
    assert isinstance(form, ClientFormView)
    return form


def fill(qtbot: Any, form: ClientFormView, **values: str) -> None:
    for key, text in values.items():
        widget = form.editors[key].widget
        widget.setFocus()
        qtbot.keyClicks(widget, text)


def test_a_likely_duplicate_is_shown_before_saving(
    qtbot: Any, desk: Desk, form: ClientFormView
) -> None:
    existing = add_client(
        desk.database,
        desk.actors["admin"],
        given_name="Maria",
        family_name="Garcia",
        birth_date="1990-07-01",
        client_code="G-1",
    )
    before = client_count(desk)
    fill(qtbot, form, given_name="Marie", family_name="Garcia", birth_date="1990-07-01")
    qtbot.keyClick(form.editors["birth_date"].widget, Qt.Key.Key_Tab)
    assert form.duplicates.isVisible()
    assert form.duplicates.table.item(0, 0).text() == "G-1"
    assert form.duplicates.table.item(0, 3).text() == "Same birth date, similar name"
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert client_count(desk) == before
    assert "may already be registered" in form.summary.text()
    qtbot.keyClick(form.duplicates.table, Qt.Key.Key_Return)  # the list has the focus
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView) and page.client_id == existing
    assert client_count(desk) == before


def test_saving_again_registers_someone_who_only_looks_alike(
    qtbot: Any, desk: Desk, form: ClientFormView
) -> None:
    add_client(
        desk.database,
        desk.actors["admin"],
        given_name="Ahmed",
        family_name="Haddad",
        birth_date="1975-05-05",
        client_code="H-1",
    )
    fill(qtbot, form, given_name="Ahmed", family_name="Haddad", birth_date="1975-05-06")
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.duplicates.table.item(0, 3).text() == "Same name, birth date nearly the same"
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    assert page.page.values["client_code"] == "C-000001"
    assert page.page.values["birth_date"].isoformat() == "1975-05-06"
    assert page.focusWidget() is page.buttons["intake"]  # Space opens the intake


def test_a_bad_date_shows_the_message_on_that_field_and_saves_nothing(
    qtbot: Any, desk: Desk, form: ClientFormView
) -> None:
    before = client_count(desk)
    fill(qtbot, form, given_name="Ana", family_name="Lopez", birth_date="31/02/1990")
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    error = form.editors["birth_date"].error
    assert error.isVisible()
    assert (
        error.text() == "Birth date is not a date; write it as YYYY-MM-DD, for example 2024-03-31"
    )
    assert not form.editors["given_name"].error.isVisible()
    assert "Nothing was saved" in form.summary.text()
    assert form.editors["birth_date"].widget.hasFocus()
    assert client_count(desk) == before
    assert desk.window.clients.top is form


def test_escape_with_typed_data_asks_before_discarding(
    qtbot: Any, desk: Desk, form: ClientFormView, fake_dialogs: FakeDialogs
) -> None:
    fill(qtbot, form, given_name="Keep me")
    fake_dialogs.answers = [False]
    qtbot.keyClick(form.editors["given_name"].widget, Qt.Key.Key_Escape)
    assert desk.window.clients.top is form
    fake_dialogs.answers = [True]
    qtbot.keyClick(form.editors["given_name"].widget, Qt.Key.Key_Escape)
    assert desk.window.clients.top is desk.window.clients.search


def test_a_change_saved_elsewhere_is_shown_and_never_overwritten(
    qtbot: Any, desk: Desk, fake_dialogs: FakeDialogs
) -> None:
    desk.sign_in_as("desk")
    client_id = add_client(
        desk.database,
        desk.actors["admin"],
        given_name="Wei",
        family_name="Chen",
        birth_date="1988-08-08",
        client_code="W-1",
        phone="555-0100",
    )
    assert desk.window.clients.open_client(client_id)
    page = desk.window.clients.top
    qtbot.mouseClick(page.buttons["edit"], Qt.MouseButton.LeftButton)
    form = desk.window.clients.top
    assert isinstance(form, ClientFormView)
    with desk.database.reading() as session:
        stored = session.get(Client, client_id)
        assert stored is not None
        version = stored.version
    other = {
        "client_code": "W-1",
        "given_name": "Wei",
        "family_name": "Chen",
        "birth_date": "1988-08-08",
        "phone": "555-0199",
    }
    records.update_client(desk.database, desk.actors["admin"], client_id, version, other, TODAY)
    phone = form.editors["phone"].widget
    phone.clear()
    qtbot.keyClicks(phone, "555-0142")
    qtbot.keyClick(phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert fake_dialogs.shown[-1][0] == "warn"
    assert "changed on another workstation" in fake_dialogs.shown[-1][2]
    with desk.database.reading() as session:
        stored = session.get(Client, client_id)
        assert stored is not None and stored.phone == "555-0199"
    assert desk.window.clients.top is form
    form.discard()
    desk.window.clients.back_to_root()
