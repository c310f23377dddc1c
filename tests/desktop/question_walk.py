"""The questions, prompts and file choosers the screens' walk (test_mnemonics.py) does not
meet on its way: each is opened as a person opens it (the button, the shortcut, the save),
shown for real (tests/desktop/live_dialogs.py) and answered with the keyboard, mostly by
going back, so the walk changes nothing a later stop needs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPushButton

from desktop import app
from desktop.client_notes import ClientNotesPanel
from desktop.client_page import ClientPageView
from desktop.first_run_wizard import BACKUPS, FirstRunWizard
from desktop.record_view import RecordView
from forms import closing, notes
from reports.outputs.closed_reports import closing_reports
from tests.conftest import TODAY
from tests.desktop.harness import Desk
from tests.desktop.live_dialogs import LiveDialogs, Looking

CLOSED_MONTH = dt.date(2026, 9, 1)
KINDS = [
    *("text", "text"),  # erase: the legal ground, the code typed again
    *("choose", "text"),  # void a note: why, a note
    *("choose", "text"),  # void a record
    "ask",  # a death
    *("ask", "ask"),  # quit, sign out from the locked screen
    *("text", "inform"),  # reopen a month: why, then that it is open
    *("open_path", "ask"),  # restore: the backup, then the question
    *("save_path", "choose"),  # a monthly report, then "Done. Open it now?"
    *("save_path", "save_path"),  # the call list, as a sheet and to print
    *("pick", "save_path"),  # a progress summary: its language, then the file
    "passphrase",  # an encrypted database at start
    "folder_path",  # the first-run setup's backups folder
]


def walked_questions(desk: Desk, client_id: int, folder: Path, looks: Looking) -> list[str]:
    """Every stop below, signed in as an administrator, on `client_id` (who has an intake);
    what the looks and the keyboard checks found, plus the names of the windows seen."""
    live = LiveDialogs(looks)
    for stop in (
        _erase,
        _void_note,
        _void_record,
        _death,
        _leave_locked,
        _reopen_month,
        _restore,
        _report_done,
        _call_list,
        _progress_summary,
        _passphrase,
        _backups_folder,
    ):
        desk.close_forms()
        desk.window.activateWindow()  # a closed question hands the keyboard back
        QApplication.processEvents()
        stop(desk, client_id, folder, live)
    desk.close_forms()
    kinds = [seen.split()[0] for seen in live.seen]
    assert kinds == KINDS, live.seen  # each stop opened what it was meant to open
    return live.found


def _page(desk: Desk, client_id: int) -> ClientPageView:
    desk.window.go("clients")
    assert desk.window.clients.open_client(client_id)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    return page


def _erase(desk: Desk, client_id: int, _folder: Path, live: LiveDialogs) -> None:
    """The legal ground typed, then Escape at the code typed again: nothing erased."""
    page = _page(desk, client_id)
    with live.answering("Asked by the client", None):
        page.erase_button.click()
    assert desk.window.clients.top is page


def _void_note(desk: Desk, client_id: int, _folder: Path, live: LiveDialogs) -> None:
    """The reason chosen by its Alt+letter, then Escape at the note: the note stays."""
    admin = desk.actors["admin"]
    notes.add_note(
        desk.database,
        admin,
        TODAY,
        client_id,
        {"noted_on": TODAY.isoformat(), "note_text": "Called back on Monday"},
    )
    panel = _page(desk, client_id).findChild(ClientNotesPanel)
    assert panel is not None
    panel.refresh(panel.listed[0].id)
    with live.answering(0, None):
        panel.void_button.click()
    assert panel.listed, "the note was voided"


def _void_record(desk: Desk, client_id: int, _folder: Path, live: LiveDialogs) -> None:
    """A record's void: its reason, then Escape at the optional note."""
    page = _page(desk, client_id)
    page.timeline_table.cellActivated.emit(0, 0)
    record = desk.window.clients.top
    assert isinstance(record, RecordView)
    with live.answering(0, None):
        record.void_button.click()


def _death(desk: Desk, client_id: int, _folder: Path, live: LiveDialogs) -> None:
    """A death recorded with Ctrl+S asks first; Escape goes back to the form."""
    page = _page(desk, client_id)
    form = desk.window.clients.new_event(page)
    combo = form.editors["event"].widget
    combo.setCurrentIndex(combo.findData("death"))
    with live.answering(False):
        QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert desk.window.clients.top is form


def _leave_locked(desk: Desk, client_id: int, _folder: Path, live: LiveDialogs) -> None:
    """Quitting, then signing out, from the locked screen with a form unsaved: Escape stays
    locked, the Alt+letter of "Sign out and discard" signs out."""
    window = desk.window
    form = window.clients.edit_client(_page(desk, client_id))
    QTest.keyClicks(form.findChild(QLineEdit, "preferred_name"), "Mi")
    window.lock()
    with live.answering(False, True):
        window.close()
        assert window.locked and window.isVisible()
        window.signin.other_button.click()
    assert window.ctx.actor is None, "not signed out"
    desk.sign_in_as("admin")


def _reopen_month(desk: Desk, _client_id: int, _folder: Path, live: LiveDialogs) -> None:
    """A closed month's reopening asks why (typed, then Enter); then says it is open."""
    admin = desk.actors["admin"]
    closing.close_month(desk.database, admin, TODAY, "2026-09", closing_reports)
    desk.window.go("reports")
    reports = desk.window.reports
    _choose_month(reports.month, CLOSED_MONTH)
    with live.answering("Closed before the last intakes were entered"):
        reports.month_closing.reopen_button.click()
    assert not reports.month_closing.reopen_button.isEnabled(), "not reopened"


def _choose_month(months: QComboBox, first: dt.date) -> None:
    found = [i for i in range(months.count()) if months.itemData(i) == first]
    months.setCurrentIndex(found[0])


def _restore(desk: Desk, _client_id: int, folder: Path, live: LiveDialogs) -> None:
    """A backup chosen in the file chooser, then Escape at the question: nothing restored."""
    backup = folder / "older.sqlite3"
    backup.write_bytes(b"")
    desk.window.go("settings")
    with live.answering(backup, False):
        desk.window.settings_view.restore_button.click()


def _report_done(desk: Desk, _client_id: int, folder: Path, live: LiveDialogs) -> None:
    """A monthly report saved where the chooser says; Escape at "Done. Open it now?"."""
    desk.window.go("reports")
    reports = desk.window.reports
    _choose_month(reports.month, dt.date(2026, 10, 1))
    with live.answering(folder / "october.pdf", None):
        assert reports.start_job("monthly_pdf")
    assert (folder / "october.pdf").exists()


def _call_list(desk: Desk, _client_id: int, _folder: Path, live: LiveDialogs) -> None:
    desk.window.go("worklist")
    with live.answering(None, None):
        desk.window.worklist.filters.call_list_button.click()
        desk.window.worklist.filters.print_button.click()


def _progress_summary(desk: Desk, client_id: int, _folder: Path, live: LiveDialogs) -> None:
    """The summary's language picked with the arrow keys, then Escape at the file."""
    page = _page(desk, client_id)
    with live.answering(1, None):
        page.progress_summary.emit()


def _passphrase(_desk: Desk, _client_id: int, folder: Path, live: LiveDialogs) -> None:
    """The passphrase an encrypted file asks for at start, after a wrong one: Escape."""
    with live.answering(None), pytest.raises(app._PassphraseCancelled):
        app._ask_passphrase(folder / "agency.sqlite3", wrong=True)


def _backups_folder(desk: Desk, _client_id: int, folder: Path, live: LiveDialogs) -> None:
    """The first-run setup's Browse for the backups folder: Escape keeps what is typed."""
    from db.startup import open_database

    database = open_database(str(folder / "new-agency.sqlite3"))
    wizard = FirstRunWizard(database, lambda: TODAY)
    wizard.show()
    try:
        wizard.setStartId(BACKUPS)
        wizard.restart()
        wizard.backup_folder.setText(str(folder))
        browse = wizard.currentPage().findChild(QPushButton, "browse_backups")
        with live.answering(None):
            browse.click()
        assert wizard.backup_folder.text() == str(folder)
    finally:
        wizard.close()
        wizard.deleteLater()
        database.dispose()
