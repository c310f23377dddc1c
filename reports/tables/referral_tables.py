"""Referrals by type, one row per calendar month of the period: the stewardship section of
the monthly PDF and the funder workbook's Summary and Flat sheets.

Every count is in the one ledger: a month's cells add up to its total, each type's months
to the type's total, and the period's total is section 5's count of referrals (the same
cell), so a small count hidden here cannot be worked out from a total printed anywhere.
A period of one month prints its one row (its total row would repeat it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Mapping

from forms.definitions import REFERRAL_SHORT_LABELS
from reports.datasets.referral_months import KINDS, NOT_RECORDED, ReferralMonths
from reports.rules.words import N_
from reports.tables.ledger import CellId, Ledger
from reports.tables.monthly_community import ALL_AREAS, com_id
from reports.tables.report_tables import SpecRow, TableSpec

KEY = "referrals_by_type"
TITLE = N_("Referrals by type")
LABELS = {**REFERRAL_SHORT_LABELS, NOT_RECORDED: N_("Type not recorded")}
WHOLE = "period"
NOTE = N_(
    "Type not recorded: referrals of encounters saved before the type of a referral was"
    " asked; their number is known, their type is not and is never guessed."
)
# The section that prints the table in the funder workbook (the PDF prints it in Stewardship).
SECTION_TITLE = N_("Referrals")
SECTION_INTRO = N_("Referrals made at the encounters of the period, by type and month.")


def ref_id(month: Hashable, kind: str) -> CellId:
    return ("referral", month, kind)


def referral_spec(data: ReferralMonths, ledger: Ledger) -> TableSpec:
    months = data.months
    grand = com_id(ALL_AREAS, "referrals")
    for kind in KINDS:
        ledger.put(ref_id(WHOLE, kind), sum(m.counts[kind] for m in months))
    ledger.line([ref_id(WHOLE, k) for k in KINDS], grand)
    if len(months) == 1:
        only = months[0]
        row = SpecRow(_label(only.first), (*(ref_id(WHOLE, k) for k in KINDS), grand))
        return _spec((row,))
    rows = [_month_row(m.first, m.counts, ledger) for m in months]
    for kind in KINDS:
        ledger.line([ref_id(m.first, kind) for m in months], ref_id(WHOLE, kind))
    ledger.line([ref_id(m.first, "total") for m in months], grand)
    total = SpecRow(N_("Total"), (*(ref_id(WHOLE, k) for k in KINDS), grand), total=True)
    return _spec((*rows, total))


def _month_row(first: dt.date, counts: Mapping[str, int], ledger: Ledger) -> SpecRow:
    for kind in KINDS:
        ledger.put(ref_id(first, kind), counts[kind])
    total = ledger.put(ref_id(first, "total"), sum(ledger.value(ref_id(first, k)) for k in KINDS))
    ledger.line([ref_id(first, k) for k in KINDS], total)
    return SpecRow(_label(first), (*(ref_id(first, k) for k in KINDS), total))


def _label(first: dt.date) -> str:
    return f"{first:%Y-%m}"


def _spec(rows: tuple[SpecRow, ...]) -> TableSpec:
    return TableSpec(
        KEY,
        TITLE,
        N_("Month"),
        (*(LABELS[k] for k in KINDS), N_("Total")),
        rows,
        note=NOTE,
    )
