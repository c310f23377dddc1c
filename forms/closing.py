"""Closing a month, and reopening one: the two user actions that keep a month's report.

A manager closes a month once it has ended and its report is made: the report's data
is kept as printed (the `keep` callable, reports.outputs.closed_reports.closing_reports,
makes it: forms reads no report), and from then on the month prints the same and later
corrections of its records are listed as revisions. An administrator may reopen it,
with a reason; the month's report then follows the records again. Each is one
transaction with its audit row (entity `closed_month`, id "YYYY-MM").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from db import audit
from db import closed_months as kept
from db.access import Actor, Permission
from db.closed_months import Closing
from db.dates import Period
from db.engine import Database
from forms.fields import N_, Message
from forms.validation import ValidationFailed

__all__ = ["Closing", "close_month", "closed_months", "month_closing", "reopen_month"]

REASON_LIMIT = 500
# Makes the (suppressed, internal) report data of a month to keep, as text.
KeepReports = Callable[[Database, Actor, Period], tuple[str, str]]


def close_month(
    database: Database, actor: Actor, today: dt.date, month: str, keep: KeepReports
) -> Closing:
    """Close `month` ("YYYY-MM", ended before `today`): keep its report as `keep` makes
    it, with the audit row. ValidationFailed names the month's problem; nothing is written."""
    actor.require(Permission.CLOSE_MONTHS)
    period = _ended_month(month, today)
    key = f"{period.start:%Y-%m}"
    _require_open(database, key)
    # Corrections are revisions from before the report is read, so one saved while it is
    # read is listed rather than lost (only one stamped before this moment and committed
    # after the read began, a few milliseconds apart, could be in neither).
    started = dt.datetime.now(dt.UTC)
    report, internal_report = keep(database, actor, period)
    with database.writing() as session:
        if kept.closing(session, key) is not None:  # closed meanwhile on another workstation
            raise ValidationFailed({"month": _already_closed(key)})
        kept.close(session, key, started, actor.user_id, report, internal_report)
        after = {"month": key, "closed_at": started, "from": period.start, "to": period.end}
        audit.record(session, actor, "create", "closed_month", key, after=after)
    return Closing(key, started, actor.username)


def reopen_month(
    database: Database, actor: Actor, today: dt.date, month: str, reason: str
) -> Closing:
    """Reopen a closed month, saying why: its report follows the records again. The
    closing that was undone is returned (and kept in the audit row with the reason)."""
    actor.require(Permission.REOPEN_MONTHS)
    period = _month(month)
    key = f"{period.start:%Y-%m}"
    why = " ".join(reason.split())
    if not why:
        raise ValidationFailed(
            {"reason": Message(N_("Reason: say why {month} is reopened"), month=key)}
        )
    if len(why) > REASON_LIMIT:
        raise ValidationFailed(
            {"reason": Message(N_("Reason: use at most {n} characters"), n=REASON_LIMIT)}
        )
    with database.writing() as session:
        closing = kept.closing(session, key)
        if closing is None or not kept.reopen(session, key):
            raise ValidationFailed({"month": Message(N_("{month} is not closed"), month=key)})
        before = {"month": key, "closed_at": closing.closed_at, "closed_by": closing.closed_by}
        after = {"reopened_on": today, "reason": why}
        audit.record(session, actor, "delete", "closed_month", key, before=before, after=after)
    return closing


def month_closing(database: Database, actor: Actor, month: str) -> Closing | None:
    """When and by whom `month` was closed; None while it is open."""
    actor.require(Permission.REPORTS)
    with database.reading() as session:
        return kept.closing(session, f"{_month(month).start:%Y-%m}")


def closed_months(database: Database, actor: Actor) -> list[Closing]:
    """Every closed month, oldest first."""
    actor.require(Permission.REPORTS)
    with database.reading() as session:
        return kept.closings(session)


def _month(text: str) -> Period:
    found = re.fullmatch(r"\s*(\d{4})-(\d{2})\s*", text)
    if found is None or not 1 <= int(found[2]) <= 12:
        raise ValidationFailed(
            {
                "month": Message(
                    N_("Month: write it as YYYY-MM, e.g. 2026-09, not {text}"), text=text
                )
            }
        )
    return Period.month(int(found[1]), int(found[2]))


def _ended_month(text: str, today: dt.date) -> Period:
    period = _month(text)
    if period.end >= today:
        raise ValidationFailed(
            {
                "month": Message(
                    N_("Month: {month} has not ended; a month closes once it is over"),
                    month=f"{period.start:%Y-%m}",
                )
            }
        )
    return period


def _require_open(database: Database, key: str) -> None:
    with database.reading() as session:
        if kept.closing(session, key) is not None:
            raise ValidationFailed({"month": _already_closed(key)})


def _already_closed(key: str) -> Message:
    return Message(N_("Month: {month} is already closed"), month=key)
