"""The words a manager reads for a `ClassStatus`: its label and its one-sentence reason.

Kept apart from the rules so that wording changes never touch the walk; the
numbers in the sentences come from the same constants the rules use. It reads
a status through `StatusFacts`, the fields it names, so it needs nothing from
`reports.rules.recovery`, which uses it.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from reports.rules.remission import (
    ACTIVE,
    DECEASED,
    DIAGNOSIS_MIN_CRITERIA,
    DIAGNOSIS_WINDOW_MONTHS,
    EARLY_REMISSION,
    EARLY_REMISSION_MONTHS,
    FULL,
    NO_DIAGNOSIS,
    SUSTAINED_REMISSION_MONTHS,
    UNKNOWN,
)


class StatusFacts(Protocol):
    """What the words read of a status (`reports.rules.recovery.ClassStatus` has them)."""

    dsm_status: str
    remission_type: str | None
    severity: str | None
    controlled_environment: bool
    maintenance_therapy: bool
    d_last: date | None
    A: date | None
    B: date | None
    deceased_on: date | None


_STATUS_WORDS = {
    "no_diagnosis": "no diagnosis",
    "active": "active",
    "early_remission": "early remission",
    "sustained_remission": "sustained remission",
    "unknown": "unknown",
    "deceased": "deceased",
}


def _specifiers(s: StatusFacts) -> str:
    parts = []
    if s.controlled_environment:
        parts.append("in a controlled environment")
    if s.maintenance_therapy:
        parts.append("on maintenance therapy")
    return "".join(f", {p}" for p in parts)


def label(s: StatusFacts) -> str:
    """ "severe, in early remission, full, on maintenance therapy"; "mild, active"."""
    words = _STATUS_WORDS.get(s.dsm_status, s.dsm_status)
    if s.remission_type is not None:
        words = f"in {words}, {s.remission_type}{_specifiers(s)}"
    return f"{s.severity}, {words}" if s.severity else words


def _remission(s: StatusFacts) -> str:
    months = (
        EARLY_REMISSION_MONTHS if s.dsm_status == EARLY_REMISSION else (SUSTAINED_REMISSION_MONTHS)
    )
    head = f"{_STATUS_WORDS[s.dsm_status]}, {s.remission_type}{_specifiers(s)}"
    if s.remission_type == FULL:
        return (
            f"{head}, since {s.B}: no criterion but craving for {months} months"
            f" (assessment of {s.d_last})"
        )
    return (
        f"{head}, since {s.A}: criteria below the disorder threshold for {months} months,"
        f" the last one on {s.B} (assessment of {s.d_last})"
    )


def describe(s: StatusFacts, unknown_after_days: int) -> str:
    status = s.dsm_status
    if status == DECEASED:
        return f"deceased on {s.deceased_on}: left out of status and recovery counts"
    if status == UNKNOWN:
        if s.d_last is None:
            return "unknown: no completed assessment on or before the as-of date"
        return (
            f"unknown: the last completed assessment, on {s.d_last}, is more than"
            f" {unknown_after_days} days before the as-of date"
        )
    if status == NO_DIAGNOSIS:
        return (
            f"no diagnosis: never {DIAGNOSIS_MIN_CRITERIA} or more criteria within"
            f" {DIAGNOSIS_WINDOW_MONTHS} months up to the assessment of {s.d_last}"
        )
    if status == ACTIVE:
        return (
            f"active, {s.severity}: full criteria were last met with criteria up to {s.A},"
            f" less than {EARLY_REMISSION_MONTHS} months before the assessment of {s.d_last}"
        )
    return _remission(s)
