"""Referrals by type per calendar month (the stewardship section and the funder workbook)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import codes
from db.models import Encounter

TOTAL = "referrals"


def referrals_by_month(
    session: Session, start: dt.date, end: dt.date
) -> dict[dt.date, dict[str, int]]:
    """{first day of a month: {"referrals": total, "referrals_<type>": count, ...}} for the
    months with an encounter from `start` to `end`; voided encounters left out."""
    keys = (TOTAL, *codes.REFERRAL_COLUMNS)
    sums = [func.coalesce(func.sum(getattr(Encounter, k)), 0) for k in keys]
    # Summed per day in SQL (a year is at most 366 rows) and folded into months here: the
    # same on SQLite and PostgreSQL, whose month functions differ.
    rows = session.execute(
        select(Encounter.occurred_on, *sums)
        .where(Encounter.voided_at.is_(None), Encounter.occurred_on.between(start, end))
        .group_by(Encounter.occurred_on)
    )
    months: dict[dt.date, dict[str, int]] = defaultdict(lambda: dict.fromkeys(keys, 0))
    for day, *values in rows:
        month = months[day.replace(day=1)]
        for key, value in zip(keys, values, strict=True):
            month[key] += int(value)
    return dict(months)
