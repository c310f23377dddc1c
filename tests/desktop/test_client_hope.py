"""The client page speaks of hope: where the client stands in plain words first, the
clinical terms one click away, the milestones with their dates, the client's own
progress since intake beside their goal, the current episode first with earlier ones
folded, and a discharge said plainly. Dates here are worked by hand (TODAY = 2026-11-27)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

from desktop.client_page import ClientPageView
from desktop.progress_chart import STYLES
from forms import records
from forms.accounts import SignedIn
from tests.conftest import TODAY
from tests.desktop.harness import Desk, FakeDialogs, add_client

SIX = "larger_longer;cut_down;time_spent;role_failure;social_problems;activities_given_up"


BARC_31 = (3, 3, 3, 3, 3, 3, 3, 3, 3, 4)  # 9 x 3 + 4
BARC_40 = (4,) * 10


def _interview(
    on: str, kind: str, qol: int, barc: tuple[int, ...] = (), **more: Any
) -> dict[str, Any]:
    values: dict[str, Any] = {
        "assessed_on": on,
        "kind": kind,
        "contact_status": "completed",
        "psych_health": 10,
        "physical_health": 12,
        "quality_of_life": qol,
        "offending_days_28": 0,
        "goal": "reduction",
        **more,
    }
    values.update({f"barc10_{i}": item for i, item in enumerate(barc, start=1)})
    return values


def _opioid(criteria: str = "") -> list[dict[str, Any]]:
    return [{"substance_class": "opioid", "primary": "yes", "criteria": criteria}]


def _page(desk: Desk, given: str, interviews: list[tuple[dict[str, Any], str]]) -> ClientPageView:
    desk.sign_in_as("desk")
    admin = desk.actors["admin"]
    client_id = add_client(
        desk.database, admin, given_name=given, family_name="Hope", birth_date="1980-04-04"
    )
    for values, criteria in interviews:
        substances = _opioid(criteria) if values.get("contact_status") == "completed" else []
        records.add_assessment(desk.database, admin, client_id, values, substances, TODAY)
    assert desk.window.clients.open_client(client_id)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    return page


def _shown_text(page: ClientPageView) -> str:
    """Every line of the status box a person sees (the folded clinical details apart)."""
    box = page.status_box
    labels = (box.plain_status, box.next_step, box.ahead, box.reached)
    return "\n".join(label.text() for label in labels if label.isVisibleTo(page))


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _in_remission(desk: Desk) -> ClientPageView:
    return _page(
        desk,
        "Rosa",
        [
            (_interview("2026-01-10", "intake", 8, BARC_31), SIX),
            (_interview("2026-07-10", "follow_up", 13, BARC_40), ""),
        ],
    )


def test_the_plain_sentence_comes_first_and_the_clinical_terms_one_click_away(
    qtbot: Any, desk: Desk
) -> None:
    page = _in_remission(desk)
    # B = 2026-01-10 (the intake, criteria last met that day); 2026-07-10 is 6 months on.
    assert page.status_box.plain_status.text() == (
        "In early remission from opioids since 2026-01-10: no criteria but craving for 6 months"
    )
    assert page.status_box.plain_status.isVisible()
    assert not page.status_table.isVisible()
    qtbot.mouseClick(page.status_box.clinical_toggle, Qt.MouseButton.LeftButton)
    assert page.status_table.isVisible()
    assert page.status_table.item(0, 1).text() == "severe, in early remission, full"
    qtbot.mouseClick(page.status_box.clinical_toggle, Qt.MouseButton.LeftButton)
    assert not page.status_table.isVisible()


def test_the_status_lines_stay_together_when_the_chart_beside_is_taller(
    qtbot: Any, desk: Desk
) -> None:
    """At the default window size the chart beside the status is taller than its few
    lines; they read as one block at the top, not spread over the box with gaps."""
    page = _page(desk, "Lee", [(_interview("2026-06-01", "intake", 8, BARC_31), SIX)])
    desk.window.resize(1200, 800)
    qtbot.waitUntil(lambda: desk.window.width() == 1200)
    qtbot.wait(50)  # the page's layout follows the window's new size
    box = page.status_box
    for label in (box.plain_status, box.next_step, box.ahead):
        # Taller than its text needs, a label draws its lines in the middle of the room.
        needed = label.heightForWidth(label.width())
        assert label.height() <= needed + 1, f"{label.objectName()}: {label.height()} px"


def test_the_milestones_and_the_next_interview_have_their_dates(desk: Desk) -> None:
    page = _in_remission(desk)
    ahead = page.status_box.ahead.text().splitlines()
    # Sustained at B + 12 months = 2027-01-10, and full recovery (reached at the
    # interview of 2026-07-10, early) turns sustained the same day.
    assert ahead == [
        "Next milestones",
        "• Sustained remission from opioids on 2027-01-10: 12 months with no criteria but craving",
        "• Full recovery becomes sustained on 2027-01-10",
    ]
    reached = page.status_box.reached.text().splitlines()
    assert "• Early remission from opioids, on 2026-04-10" in reached
    assert "• Full recovery, confirmed at the interview of 2026-07-10" in reached
    # 2026-07-10 + 183 days: 21 (to 31 Jul) + 31 (Aug) + 30 (Sep) + 31 (Oct) + 30 (Nov)
    # + 31 (Dec) = 174 on 31 Dec, + 9 = 2027-01-09.
    assert page.status_box.next_step.text() == (
        "Next interview by 2027-01-09, to keep the status up to date"
    )


def test_progress_is_charted_beside_the_goal_and_named_as_progress(desk: Desk) -> None:
    page = _in_remission(desk)
    box = page.progress_box
    assert box.title() == "Progress since the intake of 2026-01-10"
    assert box.goal.text() == "Client's goal: Reduction"
    assert box.changes.text().splitlines() == [
        "Psychological health steady at 10 since intake",
        "Physical health steady at 12 since intake",
        "Quality of life up from 8 at intake to 13",
        "Recovery capital (BARC-10) up from 31 at intake to 40",
    ]
    image = box.chart.grab().toImage()
    colours = {
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 1)
        for y in range(0, image.height(), 2)
    }
    # The lines are drawn: the quality-of-life and BARC-10 colours are on the chart.
    assert STYLES["quality_of_life"][0].name() in colours
    assert STYLES["barc10"][0].name() in colours


def test_the_current_episode_comes_first_and_earlier_ones_are_folded(
    qtbot: Any, desk: Desk
) -> None:
    page = _page(
        desk,
        "Ines",
        [
            (_interview("2025-01-10", "intake", 6), SIX),
            (_interview("2025-03-01", "discharge", 7, discharge_reason="left"), ""),
            (_interview("2026-09-01", "intake", 9), SIX),
        ],
    )
    box = page.points_box
    assert page.points_box.episode_state.text() == (
        "In the current episode since the intake of 2026-09-01"
    )
    intakes = {box.followup_table.item(r, 0).text() for r in range(box.followup_table.rowCount())}
    assert intakes == {"2026-09-01"}
    assert box.earlier_toggle.isVisible() and box.earlier_toggle.text() == "Earlier episodes (1)"
    assert not box.earlier_table.isVisible()
    qtbot.mouseClick(box.earlier_toggle, Qt.MouseButton.LeftButton)
    assert box.earlier_table.isVisible()
    assert box.earlier_table.item(0, 0).text() == "2025-01-10"
    # The chart starts at the current episode's intake.
    assert page.progress_box.title() == "Progress since the intake of 2026-09-01"


def test_a_discharge_is_said_plainly_with_the_next_step(desk: Desk) -> None:
    page = _page(
        desk,
        "Tomas",
        [
            (_interview("2026-01-05", "intake", 6), SIX),
            (_interview("2026-05-01", "discharge", 7, discharge_reason="completed"), ""),
        ],
    )
    assert page.points_box.episode_state.text() == (
        "Discharged on 2026-05-01: Completed the programme. A new intake opens a new episode."
    )
    # 2026-05-01 to 2026-11-27 is 210 days, over 183: the status is not known. "Not
    # assessed since" is said once, by the status; the step says what may come.
    box = page.status_box
    assert box.plain_status.text() == (
        "Not assessed since 2026-05-01: the status for opioids is not known"
    )
    assert box.next_step.text() == (
        "No interview is planned after the discharge of 2026-05-01, so no milestone ahead is"
        " listed. Full recovery stays the hope: if the client returns, a re-entry intake"
        " starts the path again"
    )
    assert _shown_text(page).count("Not assessed since") == 1
    assert not page.points_box.earlier_toggle.isVisible()


def test_after_a_discharge_no_milestone_is_promised_to_an_interview_that_will_not_come(
    desk: Desk,
) -> None:
    page = _page(
        desk,
        "Iris",
        [
            (_interview("2026-06-01", "intake", 8, BARC_31), SIX),
            (_interview("2026-08-01", "discharge", 9, discharge_reason="left"), ""),
        ],
    )
    box = page.status_box
    # B = 2026-06-01; known until 2026-08-01 + 183 days = 2027-01-31. Early remission
    # at B + 3 months = 2026-09-01 has passed by 2026-11-27: an open episode would list
    # it "to confirm at the next interview", but no interview is planned now.
    assert box.plain_status.text() == (
        "Working towards remission from opioids: criteria were last present on 2026-06-01"
    )
    assert not box.ahead.isVisible()
    assert "to confirm at the next interview" not in _shown_text(page)
    assert box.next_step.isVisible()
    assert box.next_step.text() == (
        "No interview is planned after the discharge of 2026-08-01, so no milestone ahead is"
        " listed. Full recovery stays the hope: if the client returns, a re-entry intake"
        " starts the path again"
    )


def test_a_new_client_is_asked_for_the_intake_once(desk: Desk) -> None:
    page = _page(desk, "Nell", [])
    box = page.status_box
    assert box.plain_status.text() == "No completed interview yet: the intake is the next step"
    assert not box.next_step.isVisible()
    assert _shown_text(page).count("No completed interview yet") == 1
    # Nothing to unfold in clinical terms (the empty table said it a third time).
    assert not box.clinical_toggle.isVisibleTo(page)
    assert page.points_box.episode_state.text() == "No episode yet: an intake opens one."
    assert page.progress_box.changes.text() == ""


def test_the_progress_summary_is_saved_from_the_page(
    qtbot: Any, desk: Desk, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    page = _in_remission(desk)
    target = tmp_path / "for-rosa.pdf"
    fake_dialogs.paths = [target]
    fake_dialogs.answers = [0]  # English, as offered: the account has no language of its own
    qtbot.mouseClick(page.buttons["progress_summary"], Qt.MouseButton.LeftButton)
    assert fake_dialogs.offered == [(["English", "Español"], 0)]
    assert fake_dialogs.shown[-1][0] == "save_path"
    assert fake_dialogs.shown[-1][2].endswith(
        f"progress-{page.page.values['client_code']}-2026-11-27.pdf"
    )
    assert "Progress summary saved: for-rosa.pdf" in desk.window.confirmation.text()
    printed = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True)
    assert "Quality of life up from 8 at intake to 13" in " ".join(printed.stdout.split())


def test_the_summary_is_offered_in_the_accounts_language_and_printed_in_the_one_chosen(
    qtbot: Any, desk: Desk, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    page = _in_remission(desk)
    window = desk.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.take_focus()
    desk.ctx.language = "es"  # as signing in with a Spanish account sets it (below)
    try:
        target = tmp_path / "para-rosa.pdf"
        fake_dialogs.paths = [target]
        fake_dialogs.answers = [1]
        qtbot.keyClick(_focused(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: target.exists())  # a mnemonic clicks the button a moment later
        assert fake_dialogs.offered == [(["English", "Español"], 1)]
        printed = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True)
        words = " ".join(printed.stdout.split())
        assert "Calidad de vida: sube de 8 en la admisión a 13" in words
        assert "27 de noviembre de 2026" in words
        assert "Quality of life" not in words and "2026-11-27" not in words
        fake_dialogs.answers = [None]  # cancelled: no file is asked for, none written
        qtbot.keyClick(_focused(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: len(fake_dialogs.offered) == 2)
        assert [kind for kind, _, _ in fake_dialogs.shown].count("save_path") == 1
    finally:
        desk.ctx.language = None


def test_signing_in_keeps_the_accounts_language_for_the_summary(desk: Desk) -> None:
    desk.sign_in_as("desk")
    assert desk.window.sign_out()
    desk.window.signed_in(SignedIn(desk.actors["desk"], "Desk Worker", "es"))
    try:
        assert desk.ctx.language == "es"
    finally:
        assert desk.window.sign_out()
        assert desk.ctx.language is None
        desk.sign_in_as("desk")
