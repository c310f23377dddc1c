"""Closed months in SQL: a month's stored report, closing, reopening, and the corrections
made to a closed month after it was closed.

Who may close or reopen, and what a month must be to close, is decided in
forms.closing; what the stored report holds, in reports.outputs.closed_reports.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import String, cast, delete, func, select
from sqlalchemy.orm import Session

from db.dates import add_months
from db.models import ClosedMonth, Correction, User


@dataclass(frozen=True)
class Closing:
    month: str  # "YYYY-MM"
    closed_at: dt.datetime
    closed_by: str | None  # the user name, None when the account is gone


def _aware(moment: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes for values stored in UTC.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def closing(session: Session, month: str) -> Closing | None:
    """When and by whom `month` was closed; None when it is open."""
    row = session.execute(
        select(ClosedMonth.month, ClosedMonth.closed_at, User.username)
        .outerjoin(User, User.id == ClosedMonth.closed_by_id)
        .where(ClosedMonth.month == month)
    ).one_or_none()
    return None if row is None else Closing(row.month, _aware(row.closed_at), row.username)


def closings(session: Session) -> list[Closing]:
    """Every closed month, oldest first."""
    rows = session.execute(
        select(ClosedMonth.month, ClosedMonth.closed_at, User.username)
        .outerjoin(User, User.id == ClosedMonth.closed_by_id)
        .order_by(ClosedMonth.month)
    )
    return [Closing(r.month, _aware(r.closed_at), r.username) for r in rows]


def stored_report(session: Session, month: str, internal: bool) -> str | None:
    """The report data kept when `month` was closed (JSON); None when it is open."""
    column = ClosedMonth.internal_report if internal else ClosedMonth.report
    return session.scalar(select(column).where(ClosedMonth.month == month))


def close(
    session: Session,
    month: str,
    closed_at: dt.datetime,
    user_id: int | None,
    report: str,
    internal_report: str,
) -> None:
    session.add(
        ClosedMonth(
            month=month,
            closed_at=closed_at,
            closed_by_id=user_id,
            report=report,
            internal_report=internal_report,
        )
    )
    session.flush()


def reopen(session: Session, month: str) -> bool:
    """Forget the stored report of `month`; whether it was closed."""
    result = session.execute(
        delete(ClosedMonth)
        .where(ClosedMonth.month == month)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def revisions_after_closing(session: Session, before: dt.date) -> list[tuple[str, int]]:
    """("YYYY-MM", n) for each month closed before `before` of which n records were
    corrected after it was closed; months with none are left out."""
    found = []
    for month, closed_at in session.execute(
        select(ClosedMonth.month, ClosedMonth.closed_at)
        .where(ClosedMonth.month < f"{before:%Y-%m}")
        .order_by(ClosedMonth.month)
    ):
        first = dt.date.fromisoformat(f"{month}-01")
        last = add_months(first, 1) - dt.timedelta(days=1)
        count = session.scalar(
            select(
                func.count(
                    func.distinct(Correction.entity + ":" + cast(Correction.entity_id, String))
                )
            ).where(Correction.record_on.between(first, last), Correction.corrected_at > closed_at)
        )
        if count:
            found.append((str(month), int(count)))
    return found
