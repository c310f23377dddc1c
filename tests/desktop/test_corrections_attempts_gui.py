"""A saved contact attempt corrected from the client page's timeline: read back, edited
in its form pre-filled, voided with a reason and restored; front desk past the grace
period is told no, and nothing changes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from db.models import FollowUpAttempt
from desktop.client_page import ClientPageView
from desktop.record_view import RecordView
from desktop.small_forms import AttemptCorrectionView
from forms import records
from tests.conftest import TODAY
from tests.desktop.harness import Desk, FakeDialogs, add_client
from tests.desktop.test_corrections_gui import INTAKE, OPIOID

TRIED = {"attempted_on": "2026-11-02", "method": "phone", "outcome": "no_answer"}


def attempt_page(desk: Desk, code: str, entered_by: str = "admin") -> tuple[ClientPageView, int]:
    """A client whose newest timeline row (row 0) is a contact attempt."""
    actor = desk.actors[entered_by]
    values = {"given_name": "Aoife", "family_name": "Lewis", "birth_date": "1990-01-01"}
    client_id = add_client(desk.database, actor, client_code=code, consent_contact="yes", **values)
    records.add_assessment(desk.database, actor, client_id, INTAKE, OPIOID, TODAY)
    attempt_id = records.add_followup_attempt(
        desk.database, actor, client_id, dt.date(2026, 10, 1), 3, TRIED, TODAY
    )
    assert desk.window.clients.open_client(client_id)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    assert page.timeline_keys[0][:2] == ("followup_attempt", attempt_id)
    return page, attempt_id


def stored(desk: Desk, attempt_id: int) -> FollowUpAttempt:
    with desk.database.reading() as s:
        found = s.get(FollowUpAttempt, attempt_id)
        assert found is not None
        s.expunge(found)
        return found


def test_an_attempt_reads_back_and_is_corrected_in_its_form(qtbot: Any, desk: Desk) -> None:
    desk.sign_in_as("manager")
    page, attempt_id = attempt_page(desk, "A-1")
    page.timeline_table.cellActivated.emit(0, 0)
    view = desk.window.clients.top
    assert isinstance(view, RecordView)
    assert "Outcome: No answer" in view.body.toPlainText()
    assert view.edit_button.isVisible() and view.edit_button.isEnabled()
    view.edit_button.click()
    form = desk.window.clients.top
    assert isinstance(form, AttemptCorrectionView)
    assert form.title == (
        "Correct the contact attempt — 3-month follow-up of the intake of 2026-10-01 — "
        "Lewis, Aoife — A-1"
    )
    outcome = form.editors["outcome"].widget
    assert outcome.currentData() == "no_answer"
    outcome.setCurrentIndex(outcome.findData("left_message"))
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    assert page.timeline_table.item(0, 2).text().startswith("Phone: Left message")
    fixed = stored(desk, attempt_id)
    assert (fixed.outcome, fixed.version) == ("left_message", 2)
    page.timeline_table.cellActivated.emit(0, 0)
    history = desk.window.clients.top.body.toPlainText()
    assert "corrected; Outcome: No answer → Left message" in history


def test_an_attempt_is_voided_struck_through_and_restored(
    desk: Desk, fake_dialogs: FakeDialogs
) -> None:
    desk.sign_in_as("manager")
    page, attempt_id = attempt_page(desk, "A-2")
    page.timeline_table.cellActivated.emit(0, 0)
    fake_dialogs.answers = [0, "another Lewis"]  # Entered for the wrong client
    desk.window.clients.top.void_button.click()
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    assert desk.window.confirmation.text() == "Record voided."
    cell = page.timeline_table.item(0, 2)
    assert cell.text().startswith("VOIDED (Entered for the wrong client: another Lewis)")
    assert cell.font().strikeOut()
    assert stored(desk, attempt_id).void_reason == "wrong_client"
    page.timeline_table.cellActivated.emit(0, 0)
    view = desk.window.clients.top
    assert view.restore_button.isVisible() and not view.edit_button.isEnabled()
    view.restore_button.click()
    page = desk.window.clients.top
    assert desk.window.confirmation.text() == "Record restored."
    assert not page.timeline_table.item(0, 2).font().strikeOut()
    assert stored(desk, attempt_id).voided_at is None


def test_front_desk_past_the_grace_period_is_told_no(desk: Desk, fake_dialogs: FakeDialogs) -> None:
    desk.sign_in_as("desk")
    page, attempt_id = attempt_page(desk, "A-3", entered_by="desk")
    with desk.database.writing() as s:
        s.execute(
            text("UPDATE followup_attempts SET created_at = :t WHERE id = :id"),
            {"t": dt.datetime(2026, 11, 2, 9, 0), "id": attempt_id},
        )
    page.timeline_table.cellActivated.emit(0, 0)
    view = desk.window.clients.top
    fake_dialogs.answers = [2, ""]  # Duplicate
    view.void_button.click()
    kind, title, message = fake_dialogs.shown[-1]
    assert (kind, title) == ("warn", "Not allowed")
    assert "this contact attempt was entered on 2026-11-02" in message
    assert desk.window.clients.top is view
    assert (stored(desk, attempt_id).voided_at, stored(desk, attempt_id).version) == (None, 1)


def test_the_read_back_buttons_have_alt_letters_of_their_own(qtbot: Any, desk: Desk) -> None:
    """Alt+E opened the File menu (Fil&e) instead of the record's Edit; each button's
    letter must be free in the menu bar, and pressing it opens the correction."""
    desk.sign_in_as("manager")
    page, _attempt_id = attempt_page(desk, "A-4")
    page.timeline_table.cellActivated.emit(0, 0)
    view = desk.window.clients.top
    assert isinstance(view, RecordView)
    menus = {alt_letter(a.text()) for a in desk.window.menuBar().actions()}
    buttons = [view.edit_button, view.void_button, view.restore_button]
    assert not menus & {alt_letter(b.text()) for b in buttons}
    window = desk.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view.take_focus()
    letter = getattr(Qt.Key, f"Key_{alt_letter(view.edit_button.text()).upper()}")
    qtbot.keyClick(QApplication.focusWidget(), letter, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(window.clients.top, AttemptCorrectionView))


def alt_letter(caption: str) -> str:
    return caption[caption.index("&") + 1].lower()


def test_a_change_in_the_history_reads_in_the_forms_words(qapp: Any) -> None:
    from desktop.record_view import FIELDS, change_line
    from forms.record_detail import Change

    change = Change(
        dt.datetime(2026, 11, 3, 9, 5, tzinfo=dt.UTC),
        "manager",
        "corrected",
        "misheard",
        (
            ("substances", [{"substance_class": "opioid", "criteria": "craving"}], []),
            ("outcome", "no_answer", "left_message"),
            ("client_id", 4, 4),
            ("attempted_on", "2026-11-02", "2026-11-01"),
        ),
    )
    fields = FIELDS["followup_attempt"]
    assert change_line(change, fields) == (
        "  2026-11-03 09:05 UTC, manager: corrected (misheard); Date: 2026-11-02 → 2026-11-01; "
        "Outcome: No answer → Left message; Substances: Opioid [Craving] → —"
    )


def test_a_record_entered_before_who_was_kept_says_so_plainly(qapp: Any) -> None:
    """Rows from before entered_by existed (or from an import) read as a sentence."""
    from desktop.record_view import record_text
    from forms.record_detail import RecordDetail

    values = {"attempted_on": dt.date(2026, 4, 10), "method": "phone", "outcome": "reached"}
    void = {"voided_at": None, "voided_by": None, "void_reason": None, "void_note": None}
    entered = dt.datetime(2026, 4, 10, 16, 0, tzinfo=dt.UTC)
    detail = RecordDetail("followup_attempt", 1, 1, 1, values, [], None, entered, void)
    lines = record_text(detail).splitlines()
    assert "Entered on 2026-04-10 16:00 UTC; who entered it was not recorded" in lines
