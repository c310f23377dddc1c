"""The language the program speaks: English, or Spanish from the catalogue it ships.

The person's choice comes from --language, else RECOVERY_DESK_LANGUAGE, else the
operating system's language. The catalogue is compiled from the .ts sources in
desktop/i18n by `make translations` (pyside6-lrelease) when the program is
installed or bundled; a language without a compiled catalogue is English.
Stored data never changes with the language: only what a screen shows does.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

CATALOGUE = "recovery_desk"
LANGUAGES = ("en", "es")
ENVIRONMENT = "RECOVERY_DESK_LANGUAGE"


def catalogue_folder() -> Path:
    """desktop/i18n: beside this module in a checkout, an installation and the bundle."""
    return Path(__file__).resolve().parent / "i18n"


def chosen_locale(requested: str | None = None) -> QLocale:
    """The locale named by --language or the environment, else the system's."""
    name = requested or os.environ.get(ENVIRONMENT, "")
    return QLocale(name) if name else QLocale.system()


def install_translations(
    app: QCoreApplication, locale: QLocale, folder: Path | None = None
) -> list[QTranslator]:
    """Show the screens in `locale`'s language and its dates and numbers in its form;
    returns the translators installed (none of ours when the language has no compiled
    catalogue: the screens stay English)."""
    QLocale.setDefault(locale)
    installed = []
    qt_own = QTranslator(app)  # Qt's buttons (Yes, No, Cancel, Next) in the same language
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(locale, "qtbase", "_", qt_folder):
        installed.append(qt_own)
    ours = QTranslator(app)
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        pass  # the source language (C is a system without one set): nothing to load
    elif ours.load(locale, CATALOGUE, "_", str(folder or catalogue_folder())):
        installed.append(ours)
    else:
        log.warning("no %s catalogue for %s; the screens stay English", CATALOGUE, locale.name())
    for translator in installed:
        app.installTranslator(translator)
    return installed
