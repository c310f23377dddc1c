"""The program in Spanish: the catalogue compiled from the .ts sources by pyside6-lrelease,
loaded as the program loads it, shows Spanish words on the screens, in the first-run
setup and in a refusal from forms/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from db import settings as agency_settings
from desktop.first_run_wizard import FirstRunWizard
from desktop.language import install_translations
from tests.desktop.harness import Desk


@pytest.fixture(scope="module")
def desk(spanish: None, desk: Desk) -> Desk:
    """The module's main window, built after the catalogue is installed."""
    return desk


def shown_texts(root: QWidget) -> set[str]:
    """The words of every visible label and button under `root`, accelerators removed."""
    texts = set()
    for widget in root.findChildren(QLabel) + root.findChildren(QAbstractButton):
        if widget.isVisibleTo(root) and widget.text().strip():
            texts.add(widget.text().replace("&", ""))
    return texts


def test_the_main_window_speaks_spanish(qtbot: Any, desk: Desk) -> None:
    desk.sign_in_as("admin")
    window = desk.window
    sections = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert sections[:3] == ["Clientes", "Seguimientos pendientes", "Informes"]
    assert window.menuBar().actions()[0].text().replace("&", "") == "Archivo"
    window.go("clients")
    clients = shown_texts(window.section_views["clients"])
    assert "Nuevo cliente (Ctrl+N)" in clients and "New client (Ctrl+N)" not in clients
    window.go("settings")
    settings = shown_texts(window.section_views["settings"])
    assert "Nombre de la agencia" in settings and "Agency name" not in settings


def test_a_refusal_from_forms_reaches_the_person_in_spanish(qtbot: Any, desk: Desk) -> None:
    wizard = FirstRunWizard(desk.database, lambda: desk.ctx.today())
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.windowTitle() == "Configurar Recovery Desk"
    assert "Bienvenido a Recovery Desk" in wizard.currentPage().title()
    wizard.next()  # no agency name: refused in the person's language
    shown = shown_texts(wizard.currentPage())
    assert (
        "Nombre de la agencia: escriba el nombre de la agencia; los informes lo imprimen." in shown
    )


def test_the_states_are_named_in_spanish_with_their_codes(qtbot: Any, desk: Desk) -> None:
    desk.sign_in_as("admin")
    desk.window.go("settings")
    view = desk.window.settings_view
    states = [view.state.itemText(i) for i in range(view.state.count())]
    assert "Nuevo México (NM)" in states and "New Mexico (NM)" not in states
    assert "Texas (TX)" in states  # a name Spanish keeps
    # In the order of the names shown: North Carolina among the C's.
    assert states.index("Carolina del Norte (NC)") < states.index("Colorado (CO)")
    setup = FirstRunWizard(desk.database, lambda: desk.ctx.today())
    qtbot.addWidget(setup)
    assert [setup.state.itemText(i) for i in range(setup.state.count())] == states
    view.state.setCurrentIndex(states.index("Nuevo México (NM)"))
    view.save()
    with desk.database.reading() as session:
        assert agency_settings.load(session).state == "NM"  # stored as in English


def test_a_system_without_a_language_is_english_without_a_warning(
    qapp: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A server or a bare session reports the C locale: the screens are English, the
    # source language, and the log must not claim a catalogue is missing.
    try:
        assert install_translations(qapp, QLocale("C"), tmp_path) == []
        assert "catalogue" not in caplog.text
        install_translations(qapp, QLocale("fr_FR"), tmp_path)
        assert "no recovery_desk catalogue for fr_FR" in caplog.text
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
