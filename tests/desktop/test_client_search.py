"""The Clients screen: search as you type, the paged list, opening and merging clients."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import insert

from db import audit
from db.clients import search_columns
from db.models import Client
from desktop.client_page import ClientPageView
from desktop.client_search_view import ClientSearchView
from tests.desktop.harness import Desk, FakeDialogs, add_client

PAGED = 450


@pytest.fixture(scope="module")
def people(desk: Desk) -> dict[str, int]:
    admin = desk.actors["admin"]
    ids = {
        "john": add_client(
            desk.database,
            admin,
            given_name="John",
            family_name="Smith",
            birth_date="1985-03-12",
            client_code="C-000001",
        ),
        "jon": add_client(
            desk.database,
            admin,
            given_name="Jon",
            family_name="Smith",
            birth_date="1985-03-12",
            client_code="C-000002",
        ),
        "zoe": add_client(
            desk.database,
            admin,
            given_name="Zoë",
            family_name="Nguyễn",
            preferred_name="Zee",
            birth_date="1979-11-30",
            client_code="C-000003",
        ),
    }
    rows = [
        {
            "client_code": f"P-{i:05d}",
            "given_name": "Page",
            "family_name": f"Pager{i:05d}",
            "birth_date": __import__("datetime").date(1970, 1, 1),
            "version": 1,
            **search_columns({"given_name": "Page", "family_name": f"Pager{i:05d}"}),
        }
        for i in range(PAGED)
    ]
    with desk.database.writing() as session:
        session.execute(insert(Client), rows)
    desk.ctx.rebuild_index()
    return ids


@pytest.fixture
def view(desk: Desk, people: dict[str, int]) -> ClientSearchView:
    desk.sign_in_as("desk")
    desk.window.find_client()
    return desk.window.clients.search


def type_search(qtbot: Any, view: ClientSearchView, text: str) -> None:
    view.search_box.clear()
    qtbot.keyClicks(view.search_box, text)


def shown_codes(view: ClientSearchView) -> list[str]:
    return [r.client_code for r in view.model.rows]


def test_a_misspelt_name_finds_the_client(qtbot: Any, view: ClientSearchView) -> None:
    type_search(qtbot, view, "Nugyen")
    assert shown_codes(view) == ["C-000003"]
    assert view.count_label.text() == "Clients found: 1"
    type_search(qtbot, view, "smtih")
    assert shown_codes(view)[:2] == ["C-000001", "C-000002"]


def test_preferred_name_code_and_birth_date_find_clients(
    qtbot: Any, view: ClientSearchView
) -> None:
    type_search(qtbot, view, "zee")
    assert shown_codes(view) == ["C-000003"]
    type_search(qtbot, view, "c-000002")
    assert shown_codes(view) == ["C-000002"]
    type_search(qtbot, view, "1985-03-12")
    assert sorted(shown_codes(view)) == ["C-000001", "C-000002"]


def test_the_code_number_alone_and_a_us_birth_date_find_clients_as_typed(
    qtbot: Any, view: ClientSearchView
) -> None:
    # What a worker reads off a card or a form: the number without the agency's prefix
    # or its zeros, a birth date written month first.
    type_search(qtbot, view, "3")
    assert shown_codes(view)[0] == "C-000003"
    type_search(qtbot, view, "000002")
    assert shown_codes(view) == ["C-000002"]
    type_search(qtbot, view, "11/30/1979")
    assert shown_codes(view) == ["C-000003"]
    type_search(qtbot, view, "3/12/1985")
    assert sorted(shown_codes(view)) == ["C-000001", "C-000002"]


def test_no_match_shows_what_to_try_next(qtbot: Any, view: ClientSearchView) -> None:
    type_search(qtbot, view, "Qwxyzzy")
    assert view.pages.currentWidget() is view.empty
    assert "No client matches “Qwxyzzy”" in view.empty.text()
    assert "Ctrl+N" in view.empty.text()


def test_the_full_list_arrives_a_page_at_a_time(qtbot: Any, view: ClientSearchView) -> None:
    view.search_box.clear()
    total = view.model.total
    assert total == PAGED + 3
    assert view.model.rowCount() == 200
    assert view.count_label.text() == f"All clients, in name order: {total}"
    for _ in range(5):
        view.table.scrollToBottom()
        qtbot.wait(10)
    assert view.model.rowCount() == total
    names = [r.family_name for r in view.model.rows]
    assert names == sorted(names, key=lambda n: n.casefold().replace("ễ", "e"))


def test_enter_opens_the_client_and_escape_goes_back(
    qtbot: Any, desk: Desk, view: ClientSearchView
) -> None:
    type_search(qtbot, view, "nguyen")
    qtbot.keyClick(view.search_box, Qt.Key.Key_Return)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    assert page.heading.text() == "Nguyễn, Zoë (called Zee) — C-000003"
    qtbot.keyClick(page.status_table, Qt.Key.Key_Escape)
    assert desk.window.clients.top is view
    with desk.database.reading() as session:
        assert [e.action for e in audit.entries(session, "client", limit=1)] == ["view"]


def test_enter_on_a_name_with_two_matches_asks_which(
    qtbot: Any, desk: Desk, view: ClientSearchView
) -> None:
    type_search(qtbot, view, "smith 1985-03-12")
    assert len(shown_codes(view)) == 2
    qtbot.keyClick(view.search_box, Qt.Key.Key_Return)
    assert desk.window.clients.top is view  # nobody opened behind the worker's back
    assert view.table.hasFocus()
    assert "2 clients match" in view.count_label.text()
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    assert page.heading.text().endswith(shown_codes(view)[1])
    desk.close_forms()


def test_front_desk_cannot_merge_and_a_manager_can(
    qtbot: Any,
    desk: Desk,
    view: ClientSearchView,
    people: dict[str, int],
    fake_dialogs: FakeDialogs,
) -> None:
    assert not view.merge_button.isVisible()
    desk.sign_in_as("manager")
    view = desk.window.clients.search
    assert view.merge_button.isVisible()
    type_search(qtbot, view, "smith")
    view.table.selectAll()
    fake_dialogs.answers = [0, False]  # keep the first, then Go back at the confirmation
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    kind, _, consequence = fake_dialogs.shown[-1]
    assert kind == "ask" and consequence.startswith("Moves everything recorded for ")
    assert consequence.endswith(" disappears from every list.")
    with desk.database.reading() as session:
        assert session.get(Client, people["jon"]).merged_into_id is None
    fake_dialogs.answers = [0, True]
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    assert shown_codes(view) == ["C-000001"]
    with desk.database.reading() as session:
        merged = session.get(Client, people["jon"])
        assert merged is not None and merged.merged_into_id == people["john"]
        assert audit.entries(session, "client", limit=1)[0].action == "merge"
    assert desk.window.confirmation.text().startswith("Clients merged")


def test_escape_in_the_search_box_clears_it(qtbot: Any, view: ClientSearchView) -> None:
    type_search(qtbot, view, "smith")
    qtbot.keyClick(view.search_box, Qt.Key.Key_Escape)
    assert view.search_box.text() == ""
    assert not view.model.searching


def test_a_search_that_hits_the_limit_says_so_rather_than_a_false_count(
    qtbot: Any, view: ClientSearchView
) -> None:
    type_search(qtbot, view, "pager")
    assert view.model.rowCount() == 200
    assert view.count_label.text() == "The best 200 matches; type more to narrow them down"
    type_search(qtbot, view, "pager0001")
    assert 10 <= view.model.rowCount() < 200
    assert view.count_label.text() == f"Clients found: {view.model.rowCount()}"
