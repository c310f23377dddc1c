"""Erasing a client from the client page: only administrators see the action; it asks for
the legal ground and the code typed again; a wrong code erases nothing, and a manager who
got there anyway is refused by the service below the screen."""

from __future__ import annotations

import json

from sqlalchemy import select

from db.models import AuditEntry, Client
from desktop.client_page import ClientPageView
from desktop.client_search_view import ClientSearchView
from tests.desktop.harness import Desk, FakeDialogs, add_client


def open_page(desk: Desk, code: str) -> tuple[ClientPageView, int]:
    values = {"given_name": "Aoife", "family_name": "Lewis", "birth_date": "1990-01-01"}
    client_id = add_client(desk.database, desk.actors["admin"], client_code=code, **values)
    assert desk.window.clients.open_client(client_id)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    return page, client_id


def client_exists(desk: Desk, client_id: int) -> bool:
    with desk.database.reading() as s:
        return s.get(Client, client_id) is not None


def test_an_administrator_erases_a_client_typing_the_code_again(
    desk: Desk, fake_dialogs: FakeDialogs
) -> None:
    desk.sign_in_as("admin")
    page, client_id = open_page(desk, "E-1")
    assert page.erase_button.isVisible()
    fake_dialogs.answers = ["court order 12/2026", "E-1"]
    page.erase_button.click()
    asked = fake_dialogs.shown[0][2]
    assert "deletes client E-1 and everything recorded about them" in asked
    assert isinstance(desk.window.clients.top, ClientSearchView)
    assert desk.window.confirmation.text() == "Client E-1 erased."
    assert not client_exists(desk, client_id)
    with desk.database.reading() as s:
        row = s.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "delete", AuditEntry.entity_id == str(client_id)
            )
        ).one()
    assert json.loads(row.after)["client_code"] == "E-1"
    assert "Aoife" not in row.after and "Lewis" not in row.after


def test_a_code_typed_differently_erases_nothing(desk: Desk, fake_dialogs: FakeDialogs) -> None:
    desk.sign_in_as("admin")
    page, client_id = open_page(desk, "E-2")
    fake_dialogs.answers = ["court order", "E-3"]
    page.erase_button.click()
    kind, title, text = fake_dialogs.shown[-1]
    assert (kind, title, text) == (
        "warn",
        "Not erased",
        "The code typed again (E-3) is not E-2; nothing was erased",
    )
    assert desk.window.clients.top is page
    assert client_exists(desk, client_id)


def test_a_manager_sees_no_erase_and_is_refused_below_the_screen(
    desk: Desk, fake_dialogs: FakeDialogs
) -> None:
    desk.sign_in_as("manager")
    page, client_id = open_page(desk, "E-4")
    assert not page.erase_button.isVisible()
    fake_dialogs.answers = ["court order", "E-4"]
    assert desk.window.clients.erase_client(page) is False
    kind, title, text = fake_dialogs.shown[-1]
    assert (kind, title) == ("warn", "Not allowed")
    assert "may not erase a client" in text
    assert client_exists(desk, client_id)
