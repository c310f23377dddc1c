"""The Spanish catalogue compiled from the repository's .ts sources by pyside6-lrelease
and installed as the program installs it, for test modules that look at Spanish screens."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.language import install_translations

SOURCES = Path(__file__).resolve().parents[2] / "desktop" / "i18n"


def spanish_installed(qapp: Any, folder: Path) -> Iterator[None]:
    """A module fixture's body: Spanish (es_US) while it yields, English again after."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run(
        [
            str(lrelease),
            "-silent",
            *map(str, sorted(SOURCES.glob("*_es.ts"))),
            "-qm",
            str(folder / "recovery_desk_es.qm"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    installed = install_translations(qapp, QLocale("es_US"), folder)
    assert len(installed) >= 1
    yield
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
