"""The main window at the front desk: its title, the confirmation of every save, and a
size that fits the screen and is remembered (issue 16)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from desktop.small_forms import EncounterFormView
from forms.accounts import SignedIn
from tests.desktop.harness import Desk


def test_the_title_names_the_program_once(qtbot: Any, desk: Desk) -> None:
    # Qt appends the application's display name unless the title already ends with it.
    QApplication.setApplicationDisplayName("Recovery Desk")
    title = desk.window.windowTitle()
    assert title.endswith("Recovery Desk")
    assert title.count("Recovery Desk") == 1


def test_a_save_is_confirmed_where_it_can_be_read(qtbot: Any, desk: Desk) -> None:
    desk.sign_in_as("desk")
    window = desk.window
    window.find_client()
    window.quick_encounter()
    form = window.clients.top
    assert isinstance(form, EncounterFormView)
    form.editors["area"].widget.setText("97214")
    form.editors["naloxone_kits"].widget.setText("1")
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    shown = window.confirmation
    assert shown.isVisible()
    assert shown.text().startswith("Encounter saved.")
    assert shown.width() >= shown.fontMetrics().horizontalAdvance(shown.text())
    assert shown.accessibleName() == shown.text()  # what a screen reader reads out
    assert window.db_label.isVisible()


def test_an_unlock_is_confirmed_too(qtbot: Any, desk: Desk) -> None:
    desk.sign_in_as("desk")
    window = desk.window
    window.say("something older")
    window.lock()
    window.unlocked(SignedIn(desk.actors["desk"], "Dee Desk"))
    assert window.confirmation.text() == "Welcome back."
    assert window.confirmation.isVisible()


def _window(desk: Desk, place: Path) -> Any:
    from desktop.main_window import MainWindow

    return MainWindow(desk.ctx, idle_ms=60 * 60 * 1000, place_file=place)


def test_the_window_fits_the_screen_it_opens_on(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    window = _window(desk, tmp_path / "window.ini")
    qtbot.addWidget(window)
    window.show()
    available = window.screen().availableGeometry()
    assert available.contains(window.frameGeometry())


def test_size_and_place_are_remembered(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    place = tmp_path / "window.ini"
    first = _window(desk, place)
    qtbot.addWidget(first)
    first.show()
    first.setGeometry(QRect(40, 50, 700, 600))
    first.remember_place()
    second = _window(desk, place)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (700, 600)
    assert (second.x(), second.y()) == (first.x(), first.y())
