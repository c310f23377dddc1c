"""Window shortcuts work from wherever the focus is, on every screen (issue 16)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from desktop.client_page import ClientPageView
from desktop.small_forms import EncounterFormView
from tests.desktop.harness import Desk, add_client

CTRL = Qt.KeyboardModifier.ControlModifier
CODES = iter(range(1, 1000))


def focused(window: QWidget) -> QWidget:
    widget = QApplication.focusWidget() or window.focusWidget()
    assert widget is not None
    return widget


def _client(desk: Desk, code: str) -> int:
    return add_client(
        desk.database,
        desk.actors["admin"],
        given_name="Short",
        family_name="Cut",
        birth_date="1990-01-01",
        client_code=code,
    )


def _on_screen(qtbot: Any, desk: Desk, screen: str) -> None:
    """Put the focus where a worker leaves it on that screen."""
    window = desk.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    if screen == "search":
        window.find_client()
    elif screen == "client page":
        assert window.clients.open_client(_client(desk, f"SC-{next(CODES)}"))
        window.clients.top.take_focus()
    elif screen == "worklist":
        qtbot.keyClick(focused(window), Qt.Key.Key_2, CTRL)
    elif screen == "reports":
        qtbot.keyClick(focused(window), Qt.Key.Key_3, CTRL)


@pytest.mark.parametrize("screen", ["search", "client page", "worklist", "reports"])
def test_ctrl_e_opens_the_quick_encounter_from_every_screen(
    qtbot: Any, desk: Desk, screen: str
) -> None:
    desk.sign_in_as("desk")
    _on_screen(qtbot, desk, screen)
    qtbot.keyClick(focused(desk.window), Qt.Key.Key_E, CTRL)
    assert isinstance(desk.window.clients.top, EncounterFormView)
    assert desk.window.current_section() == "clients"
    desk.close_forms()


@pytest.mark.parametrize("screen", ["search", "client page", "worklist", "reports"])
def test_ctrl_f_goes_to_the_search_box_from_every_screen(
    qtbot: Any, desk: Desk, screen: str
) -> None:
    desk.sign_in_as("desk")
    _on_screen(qtbot, desk, screen)
    qtbot.keyClick(focused(desk.window), Qt.Key.Key_F, CTRL)
    assert focused(desk.window) is desk.window.clients.search.search_box
    desk.close_forms()


class LinuxLineEdit(QLineEdit):
    """A line edit as the Linux key bindings make it: it claims Ctrl+E (end of line)
    before any window shortcut, which the offscreen platform of the tests does not do."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_E and event.modifiers() == CTRL:
                event.accept()
                return True
        return super().event(event)


def test_ctrl_e_wins_over_a_field_that_claims_it(qtbot: Any, desk: Desk) -> None:
    desk.sign_in_as("desk")
    _on_screen(qtbot, desk, "search")
    field = LinuxLineEdit(desk.window.clients.search)
    field.show()
    field.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    qtbot.keyClick(field, Qt.Key.Key_E, CTRL)
    field.deleteLater()
    assert isinstance(desk.window.clients.top, EncounterFormView)
    desk.close_forms()


def test_alt_f_on_a_client_page_opens_the_follow_up(qtbot: Any, desk: Desk) -> None:
    desk.sign_in_as("desk")
    _on_screen(qtbot, desk, "client page")
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    page.buttons["follow_up"].setEnabled(True)  # whatever the episode, Alt+F must reach it
    pressed: list[str] = []
    page.new_assessment.connect(pressed.append)
    qtbot.keyClick(focused(desk.window), Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert desk.window.menuBar().activeAction() is None  # the File menu did not open
    qtbot.waitUntil(lambda: pressed == ["follow_up"])  # a mnemonic clicks after a short flash
    desk.close_forms()
