"""The first-run setup in Spanish with the keyboard alone: every step by its Spanish
Alt+letter (Siguie&nte, &Atrás, &Finalizar and each field's), typed from inside the text
boxes, none of which may swallow the key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.first_run_wizard import (
    ADMINISTRATOR,
    AGENCY,
    BACKUPS,
    ENCRYPTION,
    LOCATION,
    PRACTICE,
    FirstRunWizard,
)
from tests.desktop.test_first_run_wizard import PASSWORD, Keyboard, wizard

__all__ = ["wizard"]  # the fixture, shared with the English keyboard test
Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
# Every test of the module on Spanish screens (the `spanish` fixture of conftest.py).
pytestmark = pytest.mark.usefixtures("spanish")


def step(qtbot: Any, keys: Keyboard, letter: Qt.Key, page: int) -> None:
    """A wizard button's Alt+letter clicks it after a short animation."""
    keys.press(letter, ALT)
    qtbot.waitUntil(lambda: keys.wizard.currentId() == page)


def test_the_setup_is_walked_with_spanish_alt_letters(
    qtbot: Any, wizard: FirstRunWizard, tmp_path: Path
) -> None:
    keys = Keyboard(qtbot, wizard)
    assert wizard.currentPage().title() == "Bienvenido a Recovery Desk"
    keys.type("Servicios Bahia")
    keys.press(Key.Key_S, ALT)  # E&stado
    keys.at("state")
    keys.type("Oregon")
    step(qtbot, keys, Key.Key_N, LOCATION)  # Siguie&nte >
    step(qtbot, keys, Key.Key_N, ENCRYPTION)
    keys.press(Key.Key_C, ALT)  # &Cifrar el archivo…
    qtbot.waitUntil(wizard.encrypt.isChecked)
    keys.press(Key.Key_D, ALT)  # Frase &de contraseña
    keys.at("passphrase")
    keys.press(Key.Key_C, ALT)  # changed my mind, from inside the text box
    qtbot.waitUntil(lambda: not wizard.encrypt.isChecked())
    step(qtbot, keys, Key.Key_N, BACKUPS)
    keys.press(Key.Key_C, ALT)  # &Carpeta de copias
    keys.at("backup_folder")
    keys.type(str(tmp_path))
    step(qtbot, keys, Key.Key_N, ADMINISTRATOR)
    for letter, field, text in (
        (Key.Key_U, "username", "maria"),  # Nombre de &usuario
        (Key.Key_C, "display_name", "Maria Lopez"),  # Nombre &completo
        (Key.Key_T, "password", PASSWORD),  # Con&traseña
        (Key.Key_P, "password_again", PASSWORD),  # Re&petir la contraseña
    ):
        keys.press(letter, ALT)
        keys.at(field)
        keys.type(text)
    step(qtbot, keys, Key.Key_N, PRACTICE)
    step(qtbot, keys, Key.Key_A, ADMINISTRATOR)  # < &Atrás
    step(qtbot, keys, Key.Key_N, PRACTICE)
    keys.press(Key.Key_F, ALT)  # &Finalizar
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert wizard.done_ is not None
    assert wizard.done_.signed_in.display_name == "Maria Lopez"
    assert wizard.startId() == AGENCY
