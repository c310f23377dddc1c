"""Saving a client's progress summary PDF from their page: the client's own copy, to
print and hand over (reports.outputs.progress_summary writes it and its audit row).

The client may read another language than the person at the desk: the summary's
language is asked first, the signed-in account's language offered.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QWidget

from desktop import dialogs
from desktop.context import AppContext
from desktop.language import chosen_locale
from desktop.report_words import report_catalogues
from desktop.translate import refusal_of
from forms.account_language import LANGUAGE_NAMES, LANGUAGES
from forms.validation import ValidationFailed
from forms.vocabulary import PermissionDenied

log = logging.getLogger(__name__)
# The folder the last summary went to, offered again for the next one.
_FOLDER: list[Path] = [Path.home()]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProgressSummary", text)


def suggested_name(code: str, today: dt.date) -> str:
    return f"progress-{code}-{today.isoformat()}.pdf"


def summary_language(account: str | None, locale: QLocale | None = None) -> str:
    """The language a summary is offered in: the account's, else the one the screens
    show (the computer's, or the one the environment imposes), else English."""
    if account is not None and account in LANGUAGES:
        return account
    name = (locale or chosen_locale()).name().split("_")[0]
    return name if name in LANGUAGES else "en"


def ask_language(parent: QWidget | None, default: str) -> str | None:
    """The language the client reads the summary in, each named in itself, `default`
    offered; None when the person cancelled."""
    names = [LANGUAGE_NAMES[code] for code in LANGUAGES]
    picked = dialogs.pick(
        parent,
        _tr("Progress summary"),
        _tr("Language of the summary:"),
        names,
        LANGUAGES.index(default),
    )
    return None if picked is None else LANGUAGES[picked]


def save_progress_summary(parent: QWidget, ctx: AppContext, code: str) -> Path | None:
    """Ask the language and where, write the PDF; the path written, or None (cancelled or
    refused, said)."""
    from reports.outputs.progress_summary import write_progress_summary
    from reports.tables.language import report_language

    chosen = ask_language(parent, summary_language(ctx.language))
    if chosen is None:
        return None
    today = ctx.today()
    suggested = _FOLDER[0] / suggested_name(code, today)
    title = _tr("Save the progress summary")
    path = dialogs.save_path(parent, title, suggested, _tr("PDF (*.pdf)"))
    if path is None:
        return None
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    language = report_language(chosen, report_catalogues())
    try:
        write_progress_summary(ctx.database, ctx.user, code, path, today, language=language)
    except (ValidationFailed, PermissionDenied, OSError) as exc:
        log.warning("progress summary not written: %s", type(exc).__name__)
        dialogs.warn(parent, _tr("Progress summary not saved"), refusal_of(exc))
        return None
    _FOLDER[0] = path.parent
    return path
