"""The client page's Notes tab: write a note with the keyboard (Alt+N, type, Ctrl+Enter),
see it listed newest first and read back in full, correct and void it, and be told why
when the note is empty or not the person's to correct."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QScrollArea
from sqlalchemy import select

from db.models import ClientNote
from desktop.client_notes import ClientNotesPanel
from desktop.client_page import ClientPageView
from forms import notes
from tests.conftest import TODAY
from tests.desktop.harness import Desk, FakeDialogs, add_client
from tests.desktop.test_client_consents import focused, rows

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def open_page(qtbot: Any, desk: Desk, code: str, who: str = "desk") -> ClientPageView:
    desk.sign_in_as(who)
    client_id = add_client(
        desk.database,
        desk.actors["admin"],
        given_name="Nora",
        family_name="Noted",
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


def panel_of(page: ClientPageView) -> ClientNotesPanel:
    panel = page.findChild(ClientNotesPanel, "notes_panel")
    assert panel is not None
    return panel


def stored(desk: Desk, client_id: int) -> list[tuple[Any, ...]]:
    with desk.database.reading() as s:
        query = select(ClientNote).where(ClientNote.client_id == client_id).order_by(ClientNote.id)
        return [(n.text, n.entered_by, n.void_reason) for n in s.scalars(query)]


def write(qtbot: Any, desk: Desk, text: str) -> None:
    window = desk.window
    qtbot.keyClick(focused(window), Qt.Key.Key_N, ALT)
    for n, line in enumerate(text.split("\n")):
        if n:
            qtbot.keyClick(focused(window), Qt.Key.Key_Return)
        qtbot.keyClicks(focused(window), line)
    qtbot.keyClick(focused(window), Qt.Key.Key_Return, CTRL)


def test_a_note_is_written_with_the_keyboard_and_read_back(qtbot: Any, desk: Desk) -> None:
    page = open_page(qtbot, desk, "N-1")
    panel = panel_of(page)
    assert page.tabs.tabText(page.tabs.indexOf(panel)) == "Notes (0)"
    write(qtbot, desk, "Older note")
    qtbot.keyClick(focused(desk.window), Qt.Key.Key_N, ALT)
    assert page.tabs.currentWidget() is panel
    assert focused(desk.window).objectName() == "note_text"
    write(qtbot, desk, "Asked about housing\nCall back Tuesday")
    assert stored(desk, page.client_id) == [
        ("Older note", "desk", None),
        ("Asked about housing\nCall back Tuesday", "desk", None),
    ]
    today = TODAY.isoformat()
    assert rows(panel, "table") == [  # type: ignore[arg-type]
        [today, "Asked about housing…", "desk"],
        [today, "Older note", "desk"],
    ]
    assert panel.readback.toPlainText() == (
        f"{today}, written by desk\n\nAsked about housing\nCall back Tuesday"
    )
    assert panel.editor.toPlainText() == ""
    assert page.tabs.tabText(page.tabs.indexOf(panel)) == "Notes (2)"
    assert desk.window.confirmation.text() == "Note added."


def test_an_empty_or_future_note_is_refused_on_screen_and_nothing_written(
    qtbot: Any, desk: Desk
) -> None:
    page = open_page(qtbot, desk, "N-2")
    panel = panel_of(page)
    write(qtbot, desk, "   ")
    assert panel.problem.text() == "Note is required"
    assert panel.editor.toPlainText() == "   "  # kept to fix, not lost
    panel.editor.clear()
    panel.noted_on.setText("2099-01-01")
    write(qtbot, desk, "From the future")
    assert panel.problem.text().startswith("Note date ")
    assert panel.editor.toPlainText() == "From the future"
    assert stored(desk, page.client_id) == []


def test_a_note_is_corrected_and_voided_keeping_what_it_said(
    qtbot: Any, desk: Desk, fake_dialogs: FakeDialogs
) -> None:
    page = open_page(qtbot, desk, "N-3")
    panel = panel_of(page)
    write(qtbot, desk, "Calld, no answr")
    panel.table.setCurrentCell(0, 0)
    qtbot.mouseClick(panel.correct_button, Qt.MouseButton.LeftButton)
    assert panel.editor.toPlainText() == "Calld, no answr"
    panel.editor.selectAll()
    qtbot.keyClicks(panel.editor, "Called, no answer")
    qtbot.keyClick(panel.editor, Qt.Key.Key_Return, CTRL)
    assert stored(desk, page.client_id) == [("Called, no answer", "desk", None)]
    assert panel.readback.toPlainText().endswith("Earlier text:\n— Calld, no answr")
    fake_dialogs.answers = [1, "typed the wrong day"]  # "Wrong date"
    qtbot.mouseClick(panel.void_button, Qt.MouseButton.LeftButton)
    assert stored(desk, page.client_id) == [("Called, no answer", "desk", "wrong_date")]
    assert rows(panel, "table") == [["No notes yet: Alt+N writes one.", "", ""]]  # type: ignore[arg-type]


def test_front_desk_is_told_they_may_not_correct_someone_elses_note(qtbot: Any, desk: Desk) -> None:
    page = open_page(qtbot, desk, "N-4")
    raw = {"noted_on": TODAY.isoformat(), "note_text": "The manager's note"}
    notes.add_note(desk.database, desk.actors["manager"], TODAY, page.client_id, raw)
    panel = panel_of(page)
    panel.refresh()
    qtbot.keyClick(focused(desk.window), Qt.Key.Key_N, ALT)
    panel.table.setCurrentCell(0, 0)
    qtbot.mouseClick(panel.correct_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.editor, " changed")
    qtbot.keyClick(panel.editor, Qt.Key.Key_Return, CTRL)
    assert "entered by someone else" in panel.problem.text()
    assert stored(desk, page.client_id) == [("The manager's note", "manager", None)]


def test_alt_n_brings_the_note_box_into_view_on_a_page_that_scrolls(qtbot: Any, desk: Desk) -> None:
    desk.window.resize(1200, 600)  # a short screen: the tabs sit below the fold
    page = open_page(qtbot, desk, "N-9")
    panel = panel_of(page)
    qtbot.keyClick(focused(desk.window), Qt.Key.Key_N, ALT)
    viewport = page.findChild(QScrollArea).viewport()

    def box_in_view() -> bool:
        top_left = panel.editor.mapTo(viewport, QPoint(0, 0))
        return top_left.y() >= 0 and top_left.y() + 20 <= viewport.height()

    try:
        qtbot.waitUntil(box_in_view)
    finally:
        desk.window.resize(1200, 800)
