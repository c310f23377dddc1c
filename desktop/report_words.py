"""The translations the reports' words are said with, from the compiled catalogue.

reports/ may not import Qt, so the monthly PDF and the funder workbook take their words'
translations from whoever runs them (reports.tables.language.Catalogues): this module
gives the screens and the command line one, reading the same compiled catalogue the
screens use (desktop/i18n/recovery_desk_LANG.qm) with a QTranslator of its own. It is
never installed in the application, so a report in the agency's language leaves the
person's screens in theirs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator

from desktop.language import CATALOGUE, catalogue_folder
from desktop.translate import CONTEXT

log = logging.getLogger(__name__)


def _same(text: str) -> str:
    return text


def report_catalogues(folder: Path | None = None) -> Callable[[str], Callable[[str], str]]:
    """Language code -> the function that translates a marked report text into it; a
    language without a compiled catalogue translates nothing (the report is English)."""
    found: dict[str, Callable[[str], str]] = {}

    def translation(code: str) -> Callable[[str], str]:
        if code not in found:
            found[code] = _load(code, folder or catalogue_folder())
        return found[code]

    return translation


def _load(code: str, folder: Path) -> Callable[[str], str]:
    translator = QTranslator()
    if not translator.load(QLocale(code), CATALOGUE, "_", str(folder)):
        log.warning("no %s catalogue for %s: reports print in English", CATALOGUE, code)
        return _same

    def translate(text: str) -> str:
        return translator.translate(CONTEXT, text) or text

    return translate
