"""The client page with the keyboard alone (issue 16): the worker sees which button the
page has focused, and Tab walks the page as it reads, never stopping where nothing shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from desktop.client_page import ClientPageView
from forms import records
from tests.desktop.harness import TODAY, Desk, add_client


def _client(desk: Desk, code: str) -> int:
    admin = desk.actors["admin"]
    client_id = add_client(
        desk.database,
        admin,
        given_name="Keyboard",
        family_name="Only",
        birth_date="1985-03-03",
        client_code=code,
    )
    intake = {
        "assessed_on": "2026-09-01",
        "kind": "intake",
        "contact_status": "completed",
        "psych_health": 8,
        "physical_health": 9,
        "quality_of_life": 7,
    }
    opioid = {"substance_class": "opioid", "primary": "yes", "criteria": "craving"}
    records.add_assessment(desk.database, admin, client_id, intake, [opioid], TODAY)
    return client_id


def _open_from_the_search_box(qtbot: Any, desk: Desk, code: str) -> ClientPageView:
    """As the worker does: Ctrl+F, the code, Enter."""
    window = desk.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    # As after a mouse click: Qt draws a focus frame only once the keyboard moved the focus.
    window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, False)
    window.find_client()
    box = window.clients.search.search_box
    qtbot.keyClicks(box, code)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    page = window.clients.top
    assert isinstance(page, ClientPageView)
    return page


def test_the_button_the_page_focuses_is_drawn_focused(qtbot: Any, desk: Desk) -> None:
    desk.sign_in_as("desk")
    _client(desk, "KEY-1")
    page = _open_from_the_search_box(qtbot, desk, "KEY-1")
    follow_up = page.buttons["follow_up"]
    assert QApplication.focusWidget() is follow_up
    focused = follow_up.grab().toImage()
    page.buttons["event"].setFocus(Qt.FocusReason.OtherFocusReason)
    # Space presses the focused button: the worker must see which one it is.
    assert follow_up.grab().toImage() != focused
    desk.close_forms()


def _body(page: ClientPageView) -> QWidget:
    """The scrolling part of the page, below the name (the timeline is in it)."""
    [scroll] = [a for a in page.findChildren(QScrollArea) if a.isAncestorOf(page.timeline_table)]
    body = scroll.widget()
    assert body is not None
    return body


def test_tab_walks_the_page_top_to_bottom_and_never_stops_on_nothing(
    qtbot: Any, desk: Desk
) -> None:
    desk.sign_in_as("desk")
    _client(desk, "KEY-2")
    page = _open_from_the_search_box(qtbot, desk, "KEY-2")
    start = QApplication.focusWidget()
    assert start is page.buttons["follow_up"]
    stops: list[QWidget] = []
    for _ in range(40):
        widget = QApplication.focusWidget()
        assert widget is not None
        stops.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is start:
            break
    # A stop where nothing is drawn focused: the page's own scroll area.
    assert [w for w in stops if isinstance(w, QScrollArea)] == []
    # The stops within the page's body come in the order they read: row by row, top down.
    body = _body(page)
    inside = [w for w in stops if body.isAncestorOf(w)]
    spots = [(w.mapTo(body, QPoint(0, 0)).y(), w.mapTo(body, QPoint(0, 0)).x()) for w in inside]
    first = spots.index(min(spots))  # Tab goes round: read the round from the top left
    spots, inside = spots[first:] + spots[:first], inside[first:] + inside[:first]
    names = [w.objectName() for w in inside]
    assert spots == sorted(spots), names
    assert names[:3] == ["action_intake", "action_follow_up", "action_discharge"]
    assert names.index("followup_table") < names.index("timeline_table")
    desk.close_forms()
