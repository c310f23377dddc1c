"""The language the program speaks: English, or Spanish from the catalogue it ships.

The person's choice comes from --language, else RECOVERY_DESK_LANGUAGE, else the
language on the account of whoever signed in last on this workstation (remembered
in a file beside the window's place), else the operating system's language. The
screens are built once at start, so an account's language takes effect at the
next start: switching translators under open work left half-translated screens.
The catalogue is compiled from the .ts sources in desktop/i18n by `make
translations` (pyside6-lrelease) when the program is installed or bundled; a
language without a compiled catalogue is English.
Stored data never changes with the language: only what a screen shows does.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from forms.account_language import LANGUAGES

log = logging.getLogger(__name__)

CATALOGUE = "recovery_desk"
__all__ = ["LANGUAGES", "LanguageMemory", "chosen_locale", "install_translations"]
ENVIRONMENT = "RECOVERY_DESK_LANGUAGE"


def catalogue_folder() -> Path:
    """desktop/i18n: beside this module in a checkout, an installation and the bundle."""
    return Path(__file__).resolve().parent / "i18n"


def overriding_language(requested: str | None = None) -> str:
    """The language --language or the environment imposes, whoever signs in; "" if none."""
    return requested or os.environ.get(ENVIRONMENT, "")


def chosen_locale(requested: str | None = None, remembered: str | None = None) -> QLocale:
    """The locale named by --language or the environment, else the language remembered
    from the last sign-in on this workstation, else the system's."""
    name = overriding_language(requested) or remembered or ""
    return QLocale(name) if name else QLocale.system()


def default_language_file(app_name: str) -> Path:
    return Path(platformdirs.user_config_dir(app_name, appauthor=False)) / "language"


@dataclass(frozen=True)
class LanguageMemory:
    """This workstation's memory of the language of the last account signed in, which the
    next start shows (unless `override`, from --language or the environment, is in force)."""

    file: Path
    override: str = ""

    def recalled(self) -> str | None:
        """The remembered language ("en", "es"), or None: the system's."""
        try:
            text = self.file.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return text if text in LANGUAGES else None

    def remember(self, language: str | None) -> bool:
        """Keep an account's language (None: the system's) for the next start; whether the
        next start will show a language other than the one on screen now."""
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            self.file.write_text(language or "", encoding="ascii")
        except OSError:
            log.warning("could not remember the language in %s", self.file)
            return False
        return not self.override and _code(chosen_locale(None, language)) != _code(QLocale())


def _code(locale: QLocale) -> str:
    """The two-letter language of a locale; English for C, the source language."""
    name = locale.name().split("_")[0]
    return "en" if name == "C" else name


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
