"""Referrals by type in each calendar month of a period (db.referrals), every month of
the period listed, a month without encounters as zeros."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from db import codes, referrals
from db.dates import Period, add_months
from db.engine import Session

NOT_RECORDED = "not_recorded"
# The columns of a month: each type, then the referrals whose type was not recorded.
KINDS = (*codes.REFERRAL_TYPES, NOT_RECORDED)


@dataclass(frozen=True)
class ReferralMonth:
    first: dt.date  # the first day of the month
    counts: Mapping[str, int]  # by KINDS

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class ReferralMonths:
    months: tuple[ReferralMonth, ...]


def referral_months(session: Session, period: Period) -> ReferralMonths:
    found = referrals.referrals_by_month(session, period.start, period.end)
    months = []
    first = period.start.replace(day=1)
    while first <= period.end:
        months.append(ReferralMonth(first, by_kind(found.get(first, {}))))
        first = add_months(first, 1)
    return ReferralMonths(tuple(months))


def by_kind(sums: Mapping[str, int]) -> dict[str, int]:
    """A month's sums as printed: each type, and the rest of the total as not recorded
    (encounters saved before the types were asked)."""
    typed = {t: sums.get(f"referrals_{t}", 0) for t in codes.REFERRAL_TYPES}
    return {**typed, NOT_RECORDED: sums.get(referrals.TOTAL, 0) - sum(typed.values())}
