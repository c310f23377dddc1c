"""The worker always sees where the keyboard's focus is: Tab walked round each main screen
stops only where the stop is drawn differently with the focus than without it, and a
table or list Tab lands on shows its current row."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget

from desktop.client_page import ClientPageView
from desktop.signin_view import SIGN_IN
from tests.desktop.focus_walk import tab_stops_unseen
from tests.desktop.harness import Desk
from tests.desktop.own_desk import the_programs_look
from tests.desktop.test_client_page_keys import _client


@pytest.fixture(autouse=True, scope="module")
def _the_programs_look(qapp: Any) -> Iterator[None]:
    with the_programs_look(qapp):  # as desktop.app.make_application sets it
        yield


class Walk:
    def __init__(self, qtbot: Any, desk: Desk) -> None:
        self.qtbot, self.desk = qtbot, desk
        self.unseen: list[str] = []
        self.stops: list[QWidget] = []

    def screen(self, name: str, screen: QWidget, first: QWidget) -> None:
        stops, unseen = tab_stops_unseen(self.qtbot, screen, first, self.desk.window.nav, name)
        assert len(stops) > 1, name  # the walk went somewhere
        self.stops += stops
        self.unseen += unseen


def _signed_out(qtbot: Any, desk: Desk) -> None:
    window = desk.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    desk.close_forms()
    if desk.ctx.actor is not None:
        assert window.sign_out()
    window.signin.show_mode(SIGN_IN)


def test_every_tab_stop_of_the_main_screens_is_drawn_focused(qtbot: Any, desk: Desk) -> None:
    walk = Walk(qtbot, desk)
    _signed_out(qtbot, desk)
    signin = desk.window.signin
    walk.screen("sign-in", signin, signin.findChild(QLineEdit, "username"))
    desk.sign_in_as("desk")
    _front_desk_screens(walk, desk, _client(desk, "FOCUS-1"))
    desk.sign_in_as("admin")
    window = desk.window
    window.go("reports")
    walk.screen("reports", window.reports, window.reports.month)
    window.go("settings")
    walk.screen("settings", window.settings_view, window.settings_view.agency_name)
    assert walk.unseen == [], "\n".join(walk.unseen)
    views = [w for w in walk.stops if isinstance(w, QAbstractItemView)]
    assert {v.objectName() for v in views} >= {"worklist_table", "timeline_table"}


def _front_desk_screens(walk: Walk, desk: Desk, client_id: int) -> None:
    window, clients = desk.window, desk.window.clients
    window.go("clients")
    walk.screen("search", clients.search, clients.search.search_box)
    assert clients.open_client(client_id)
    page = clients.top
    assert isinstance(page, ClientPageView)
    walk.screen("client page", page, page.buttons["follow_up"])
    for name, open_form in (
        ("intake", lambda p: clients.new_assessment(p, "intake")),
        ("follow-up", lambda p: clients.new_assessment(p, "follow_up")),
        ("quick encounter", lambda _p: clients.new_encounter(None)),
    ):
        assert clients.open_client(client_id)
        form = open_form(clients.top)
        walk.screen(name, form, QApplication.focusWidget() or form)
        desk.close_forms()
    window.go("worklist")
    walk.screen("worklist", window.worklist, window.worklist.table)
