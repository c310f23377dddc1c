"""What the Clients section does with a record read back from the timeline: show it,
open its entry form to correct it, void it with a reason, restore it. Every change goes
through forms.corrections; this module only asks and shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop import dialogs
from desktop.context import AppContext
from desktop.translate import label, message, refusal_of
from forms import corrections
from forms.definitions import VOID_FIELDS
from forms.record_detail import RecordDetail
from forms.validation import ValidationFailed
from forms.vocabulary import ConflictError, PermissionDenied


def _tr(text: str) -> str:
    return QCoreApplication.translate("record_actions", text)


def ask_void(parent: QWidget) -> tuple[str, str] | None:
    """The reason code and optional note for a void; None when the person cancelled."""
    reasons = VOID_FIELDS[0].codes
    chosen = dialogs.choose(
        parent,
        _tr("Void this record"),
        _tr(
            "The record keeps its row and its reason, and leaves every status, report, "
            "export and list. Why is it voided?"
        ),
        [label(code.label) for code in reasons],
    )
    if chosen is None:
        return None
    note = dialogs.text(parent, _tr("Void this record"), _tr("Note (optional):"))
    if note is None:
        return None
    return reasons[chosen].value, note


def void(parent: QWidget, ctx: AppContext, detail: RecordDetail) -> bool:
    answer = ask_void(parent)
    if answer is None:
        return False
    reason, note = answer
    return _done(
        parent,
        ctx,
        detail,
        lambda: corrections.void_record(
            ctx.database,
            ctx.user,
            ctx.today(),
            detail.kind,
            detail.id,
            detail.version,
            reason,
            note,
        ),
    )


def restore(parent: QWidget, ctx: AppContext, detail: RecordDetail) -> bool:
    return _done(
        parent,
        ctx,
        detail,
        lambda: corrections.restore_record(
            ctx.database, ctx.user, ctx.today(), detail.kind, detail.id, detail.version
        ),
    )


def _done(
    parent: QWidget, ctx: AppContext, detail: RecordDetail, action: Callable[[], object]
) -> bool:
    try:
        action()
    except ConflictError as exc:
        dialogs.warn(parent, _tr("Changed on another workstation"), refusal_of(exc))
        return False
    except PermissionDenied as exc:
        dialogs.warn(parent, _tr("Not allowed"), refusal_of(exc))
        return False
    except ValidationFailed as exc:
        dialogs.warn(parent, _tr("Not changed"), _listed(exc))
        return False
    ctx.notify(detail.kind, detail.client_id or 0)
    return True


def erase(parent: QWidget, ctx: AppContext, client_code: str) -> bool:
    """Ask for the legal ground and the client's code typed again, then erase the client.
    Whether the person may is decided by forms.corrections.erase_client, not here."""
    title = _tr("Erase this client")
    reason = dialogs.text(
        parent,
        title,
        _tr(
            "Erasing deletes client %1 and everything recorded about them.\n"
            "It cannot be undone. The erasure's audit row keeps the code and the\n"
            "reason, not the name.\n\nThe legal ground for the erasure:"
        ).replace("%1", client_code),
    )
    if reason is None:
        return False
    typed = dialogs.text(
        parent, title, _tr("Type the client's code (%1) again to erase:").replace("%1", client_code)
    )
    if typed is None:
        return False
    try:
        corrections.erase_client(ctx.database, ctx.user, ctx.today(), client_code, reason, typed)
    except PermissionDenied as exc:
        dialogs.warn(parent, _tr("Not allowed"), refusal_of(exc))
        return False
    except ValidationFailed as exc:
        dialogs.warn(parent, _tr("Not erased"), _listed(exc))
        return False
    return True


def _listed(exc: ValidationFailed) -> str:
    return "\n".join(message(text) for text in exc.errors.values())
