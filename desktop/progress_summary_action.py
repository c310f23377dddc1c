"""Saving a client's progress summary PDF from their page: the client's own copy, to
print and hand over (reports.outputs.progress_summary writes it and its audit row)."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop import dialogs
from desktop.context import AppContext
from desktop.translate import refusal_of
from forms.validation import ValidationFailed
from forms.vocabulary import PermissionDenied

log = logging.getLogger(__name__)
# The folder the last summary went to, offered again for the next one.
_FOLDER: list[Path] = [Path.home()]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProgressSummary", text)


def suggested_name(code: str, today: dt.date) -> str:
    return f"progress-{code}-{today.isoformat()}.pdf"


def save_progress_summary(parent: QWidget, ctx: AppContext, code: str) -> Path | None:
    """Ask where, write the PDF; the path written, or None (cancelled or refused, said)."""
    from reports.outputs.progress_summary import write_progress_summary

    today = ctx.today()
    suggested = _FOLDER[0] / suggested_name(code, today)
    title = _tr("Save the progress summary")
    path = dialogs.save_path(parent, title, suggested, _tr("PDF (*.pdf)"))
    if path is None:
        return None
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    try:
        write_progress_summary(ctx.database, ctx.user, code, path, today)
    except (ValidationFailed, PermissionDenied, OSError) as exc:
        log.warning("progress summary not written: %s", type(exc).__name__)
        dialogs.warn(parent, _tr("Progress summary not saved"), refusal_of(exc))
        return None
    _FOLDER[0] = path.parent
    return path
