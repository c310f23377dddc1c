"""Texts that reach the screen through the catalogue.

A refused save says why in the person's language: every reason the follow-up form, the
quick encounter and the consent form list is a message the catalogue can hold. Under Xvfb
in Spanish, a follow-up saved without its ratings listed "Psychological health is required
for a completed interview" in English: those reasons were English sentences filled in
before any catalogue saw them, so no translation could ever match them.

A translator that knows exactly the messages installer/extract_messages.py finds (what
`make messages` puts in the catalogue), and marks what it translates, shows which reasons
could be translated, whatever the catalogue holds today."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from db.startup import open_database
from desktop.assessment_form import AssessmentFormView
from desktop.client_page import ClientPageView
from desktop.first_run_wizard import FirstRunWizard
from desktop.form_view import FormView
from forms import records
from tests.conftest import TODAY
from tests.desktop.harness import Desk, add_client
from tests.desktop.test_mnemonics import INTAKE, OPIOID

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
from extract_messages import CONTEXT, marked_messages  # noqa: E402

OPEN, CLOSE = "‹", "›"


class Marking(QTranslator):
    """Translates the marked messages of forms/ into themselves between ‹ and ›."""

    def __init__(self, known: set[str]) -> None:
        super().__init__()
        self.known = known

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if context == CONTEXT and source in self.known:
            return OPEN + source + CLOSE
        return None  # not translated: Qt shows the source

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marking(qapp: Any) -> Iterator[None]:
    known = set(marked_messages([ROOT / "forms", ROOT / "reports"])[CONTEXT])
    translator = Marking(known)
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def reasons(form: FormView) -> list[str]:
    """The reasons the form lists under "Nothing was saved", one a line."""
    lines = form.summary.text().splitlines()[1:]
    assert lines, "the form saved"
    return [line.removeprefix("• ") for line in lines]


def unmarked(form: FormView) -> list[str]:
    return [line for line in reasons(form) if not line.startswith(OPEN)]


@pytest.fixture
def page(desk: Desk) -> ClientPageView:
    desk.sign_in_as("desk")
    client_id = add_client(
        desk.database,
        desk.actors["admin"],
        given_name="Ana",
        family_name="Quintero",
        birth_date="1985-03-04",
    )
    records.add_assessment(desk.database, desk.actors["admin"], client_id, INTAKE, OPIOID, TODAY)
    assert desk.window.clients.open_client(client_id)
    page = desk.window.clients.top
    assert isinstance(page, ClientPageView)
    return page


def test_a_follow_up_refused_lists_only_reasons_the_catalogue_can_hold(
    desk: Desk, page: ClientPageView, marking: None
) -> None:
    form = desk.window.clients.new_assessment(page, "follow_up")
    assert isinstance(form, AssessmentFormView)
    form.editors["last_use_on"].set_value((TODAY.replace(year=TODAY.year + 1)).isoformat())
    form.editors["barc10_1"].set_value("4")
    form.editors["medication"].set_value("methadone")
    form.editors["medication_as_prescribed"].set_value("yes")
    form.editors["medication"].changed.emit()
    first = form.substances.rows[0]
    first["substance_class"].set_value("opioid")
    first["criteria"].set_value("tolerance")
    form.substances.add_row()
    form.substances.rows[1]["substance_class"].set_value("opioid")
    form.save()
    assert len(reasons(form)) >= 5  # ratings, last use, BARC-10, twice, tolerance
    assert unmarked(form) == []
    form.discard()
    desk.close_forms()


def test_an_encounter_and_a_consent_refused_list_only_reasons_it_can_hold(
    desk: Desk, page: ClientPageView, marking: None
) -> None:
    desk.window.quick_encounter()
    encounter = desk.window.clients.top
    assert isinstance(encounter, FormView)
    encounter.save()
    assert unmarked(encounter) == []
    encounter.discard()
    desk.close_forms()
    assert desk.window.clients.open_client(page.client_id)
    consent = desk.window.clients.record_consent(desk.window.clients.top)
    consent.editors["scope"].set_value("named_recipient")
    consent.editors["signed_on"].set_value("2026-11-01")
    consent.editors["expires_on"].set_value("2026-10-01")
    consent.save()
    assert len(reasons(consent)) == 2
    assert unmarked(consent) == []
    consent.discard()
    desk.close_forms()


class MarkingAll(QTranslator):
    """Translates every text the screens hand to the catalogue into itself between marks."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return OPEN + source + CLOSE

    def isEmpty(self) -> bool:
        return False


def test_the_server_address_example_is_in_the_persons_words(qapp: Any, tmp_path: Path) -> None:
    """The first-run setup's example address named user, password, server and agency in
    English on the Spanish page; it now goes through the catalogue like the page's words."""
    translator = MarkingAll()
    QCoreApplication.installTranslator(translator)
    try:
        wizard = FirstRunWizard(open_database(str(tmp_path / "new.sqlite3")), lambda: TODAY)
        example = wizard.server_url.placeholderText()
    finally:
        QCoreApplication.removeTranslator(translator)
    assert example.startswith(OPEN) and "user:password@server" in example
