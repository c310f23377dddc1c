"""No two actions of a menu, and no two controls seen together on a screen, form or dialog,
share an Alt+letter (&-mnemonic), in English; test_mnemonics_spanish.py checks Spanish."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMenuBar, QMessageBox, QWidget

from db.startup import open_database
from desktop import dialogs
from desktop.client_page import ClientPageView
from desktop.first_run_wizard import PRACTICE, FirstRunWizard
from desktop.record_view import RecordView
from desktop.signin_view import FIRST, SIGN_IN, UNLOCK
from forms import records
from tests.conftest import TODAY
from tests.desktop.harness import FAKE, Desk, add_client
from tests.desktop.mnemonics import (
    clashes,
    menu_clashes,
    mnemonic,
    shown_clashes,
    widget_clashes,
)
from tests.desktop.question_walk import walked_questions

OPIOID = [{"substance_class": "opioid", "primary": "yes", "criteria": "craving"}]
INTAKE = {
    "assessed_on": "2026-10-01",
    "kind": "intake",
    "contact_status": "completed",
    "psych_health": 8,
    "physical_health": 9,
    "quality_of_life": 7,
}


class Looks:
    """What a walk looks for at each stop: here mnemonic clashes; the Spanish completeness
    walk (test_spanish_complete.py) looks for English words on the same stops."""

    def menus(self, bar: QMenuBar) -> list[str]:
        return menu_clashes(bar)

    def screen(self, root: QWidget, name: str) -> list[str]:
        """A window whose stacked pages are each seen on their own."""
        return widget_clashes(root, name)

    def shown(self, window: QWidget, name: str) -> list[str]:
        """A shown window, as it is on screen now (a wizard's page, a message box)."""
        return shown_clashes(window, name)


CLASHES = Looks()


def every_clash(desk: Desk, looks: Looks = CLASHES) -> list[str]:
    """Signed in as an administrator (who sees every screen), with every form of a client
    open on the clients' stack: the menus' clashes and each screen's."""
    desk.sign_in_as("admin")
    admin = desk.actors["admin"]
    client_id = add_client(
        desk.database, admin, given_name="Mia", family_name="Lund", birth_date="1990-01-02"
    )
    records.add_assessment(desk.database, admin, client_id, INTAKE, OPIOID, TODAY)
    window = desk.window
    found = looks.menus(window.menuBar())
    for key in window.nav_keys:
        window.go(key)
        found += looks.screen(window, f"screen {key}")
    window.go("clients")
    clients = window.clients
    assert clients.open_client(client_id)
    page = clients.top
    assert isinstance(page, ClientPageView)
    found += looks.screen(window, "client page")
    for open_form in (
        lambda p: clients.edit_client(p),
        lambda p: clients.new_assessment(p, "follow_up"),
        lambda p: clients.new_event(p),
        lambda _p: clients.new_encounter(None),
        lambda p: clients.record_consent(p),
        lambda _p: clients.new_client(),
    ):
        form = open_form(page)
        found += looks.screen(window, f"form {type(form).__name__}")
        desk.close_forms()
        assert clients.open_client(client_id)
        page = clients.top
    return sorted(set(found))


def wizard_clashes(folder: Path, looks: Looks) -> list[str]:
    """The first-run setup walked page by page, as a person fills it in, each page with
    the wizard's buttons it shows (Back, Next, Finish, Cancel); it stops before Finish."""
    database = open_database(str(folder / "new-agency.sqlite3"))
    wizard = FirstRunWizard(database, lambda: TODAY)
    wizard.show()
    found: list[str] = []
    try:
        for fill in _WIZARD_ANSWERS:
            page = wizard.currentPage()
            found += looks.shown(wizard, f"setup page {page.title()!r}")
            if wizard.currentId() == PRACTICE:
                break
            fill(wizard)
            wizard.next()
        assert wizard.currentId() == PRACTICE, wizard.currentPage().title()
    finally:
        wizard.close()
        wizard.deleteLater()
        database.dispose()
    return found


def _agency(wizard: FirstRunWizard) -> None:
    wizard.agency_name.setText("Harbor Outreach")
    wizard.state.setCurrentIndex(wizard.state.findData("OR"))


def _administrator(wizard: FirstRunWizard) -> None:
    wizard.username.setText("ada")
    wizard.display_name.setText("Ada Admin")
    wizard.password.setText("three words walking home")
    wizard.password_again.setText("three words walking home")


def _nothing(_wizard: FirstRunWizard) -> None:
    pass


def _encrypted(wizard: FirstRunWizard) -> None:
    wizard.encrypt.setChecked(False)  # seen with its passphrase rows; set up without


_WIZARD_ANSWERS = (_agency, _nothing, _encrypted, _nothing, _administrator, _nothing)


def signin_clashes(desk: Desk, looks: Looks) -> list[str]:
    """The screen before work in each of its modes: first administrator, sign-in, unlock."""
    signin = desk.window.signin
    found: list[str] = []
    for mode in (FIRST, SIGN_IN, UNLOCK):
        signin.show_mode(mode)
        found += looks.screen(signin, f"sign-in screen ({mode})")
    return found


def _fresh_dialogs() -> ModuleType:
    """desktop.dialogs as the program runs it (the tests' session replaced its functions)."""
    spec = importlib.util.find_spec("desktop.dialogs")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class QuestionsSeen:
    """Records the buttons of every question the program asks while a walk runs (the
    scripted answers still answer them), then shows each as the real message box."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, tuple[str, ...], str]] = []

    @contextmanager
    def recording(self) -> Iterator[None]:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(dialogs, "ask", self._ask)
            patch.setattr(dialogs, "choose", self._choose)
            yield

    def _ask(self, parent: object, title: str, text: str, yes: str = "", no: str = "") -> bool:
        self.asked.append(("ask", (yes, no), title))
        return FAKE.ask(parent, title, text, yes, no)

    def _choose(self, parent: object, title: str, text: str, options: list[str]) -> int | None:
        self.asked.append(("choose", tuple(options), title))
        return FAKE.choose(parent, title, text, options)

    def clashes(self, looks: Looks) -> list[str]:
        real = _fresh_dialogs()
        found: list[str] = []

        def look(box: QMessageBox) -> int:
            box.show()
            found.extend(looks.shown(box, f"question {box.windowTitle()!r}"))
            box.hide()
            return 0

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(QMessageBox, "exec", look)
            for kind, buttons, title in self.asked:
                if kind == "ask":
                    real.ask(None, title, "", *buttons)
                else:
                    real.choose(None, title, "", list(buttons))
        progress = real.progress(None, "")
        progress.show()
        found += looks.shown(progress, "progress")
        progress.close()
        return found


def question_clashes(desk: Desk, client_id: int, looks: Looks) -> list[str]:
    """The questions behind the screens' actions (discard changes, void a record, the
    language, close a month), each shown as the program shows it."""
    seen = QuestionsSeen()
    window, clients = desk.window, desk.window.clients
    with seen.recording():
        FAKE.answers = [False, None, None, False]
        assert clients.open_client(client_id)
        form = clients.edit_client(clients.top)
        QTest.keyClicks(form.findChild(QLineEdit, "preferred_name"), "Mi")
        form.cancel()  # keep editing
        desk.close_forms()
        assert clients.open_client(client_id)
        clients.top.timeline_table.cellActivated.emit(0, 0)
        record = clients.top
        assert isinstance(record, RecordView)
        found = looks.screen(window, "record view")
        record.void_button.click()  # cancelled
        window.actions_by_name["language"].trigger()  # cancelled
        desk.close_forms()
        window.go("reports")
        reports = window.reports
        reports.month.setCurrentIndex(reports.month.findText("2026-10"))
        reports.month_closing.close_button.click()  # not closed
        _merge_and_settings_questions(desk)
    kinds = [kind for kind, _, _ in seen.asked]
    assert kinds == ["ask", "choose", "choose", "ask", "choose", "ask", "ask"], kinds
    return found + seen.clashes(looks)


def _merge_and_settings_questions(desk: Desk) -> None:
    """Merging two clients (which one to keep, then the confirmation) and allowing
    shorter passwords, each answered No."""
    FAKE.answers = [0, False, False]
    window = desk.window
    window.go("clients")
    search = window.clients.search
    search.search_box.clear()
    QTest.keyClicks(search.search_box, "Berg")
    search.table.selectAll()
    search.merge_button.click()  # keeps the first, then goes back
    window.go("settings")
    settings = window.settings_view
    settings.min_length.setValue(8)
    settings.save()  # shorter passwords not allowed


def every_dialog_clash(desk: Desk, folder: Path, looks: Looks = CLASHES) -> list[str]:
    """The windows before and beside the screens: the first-run setup, the sign-in screen's
    modes, a record's view and the questions the program asks."""
    desk.sign_in_as("admin")
    admin = desk.actors["admin"]
    client_id = add_client(
        desk.database, admin, given_name="Noa", family_name="Berg", birth_date="1991-03-04"
    )
    records.add_assessment(desk.database, admin, client_id, INTAKE, OPIOID, TODAY)
    add_client(desk.database, admin, given_name="Noa", family_name="Bergh", birth_date="1991-03-05")
    found = wizard_clashes(folder, looks) + question_clashes(desk, client_id, looks)
    found += walked_questions(desk, client_id, folder, looks)
    found += signin_clashes(desk, looks)
    desk.window.signin.show_mode(SIGN_IN)
    return sorted(set(found))


def test_the_mnemonic_is_the_letter_after_a_single_ampersand() -> None:
    assert [mnemonic(t) for t in ("&Save", "Save && &close", "R&&D", "Plain")] == [
        "s",
        "c",
        None,
        None,
    ]
    assert clashes(["&Save", "&Search", "&Open"], "menu") == ["menu: 's' in '&Save', '&Search'"]


def test_every_answer_of_a_question_gets_its_own_alt_letter() -> None:
    from desktop.dialogs import with_mnemonics

    assert with_mnemonics(["Sign out and discard", "Stay locked"]) == [
        "&Sign out and discard",
        "Stay &locked",
    ]
    # a letter already chosen is kept and not given again ("R&&D" has none; "ss" has no
    # free letter left and is shown as it is)
    texts = ["Sa&ve", "Save as", "R&&D", "ss"]
    assert with_mnemonics(texts) == ["Sa&ve", "&Save as", "&R&&D", "ss"]


def test_no_two_controls_seen_together_share_a_mnemonic_in_english(desk: Desk) -> None:
    assert every_clash(desk) == []


def test_no_two_controls_of_a_dialog_share_a_mnemonic_in_english(
    desk: Desk, tmp_path: Path
) -> None:
    found = every_dialog_clash(desk, tmp_path)
    assert found == [], "\n".join(found)
