"""The words a manager reads for a `ClassStatus`: its label and its one-sentence reason.

Kept apart from the rules so that wording changes never touch the walk; the
numbers in the sentences come from the same constants the rules use. Every
sentence is a `Sentence` (reports/rules/words.py): it reads as the English
sentence wherever a str goes (nothing stored changes) and keeps its N_-marked
template and values, so a screen says it in the person's language with the
dates and numbers filled in after the translation (desktop.translate.message).
It reads a status through `StatusFacts`, the fields it names, so it needs nothing from
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
from reports.rules.words import N_, Sentence


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
    "no_diagnosis": N_("no diagnosis"),
    "active": N_("active"),
    "early_remission": N_("early remission"),
    "sustained_remission": N_("sustained remission"),
    "unknown": N_("unknown"),
    "deceased": N_("deceased"),
}
# Severity bands and kinds of remission, as codes the rules hand over.
_CODE_WORDS = {
    "mild": N_("mild"),
    "moderate": N_("moderate"),
    "severe": N_("severe"),
    "full": N_("full"),
    "partial": N_("partial"),
}
# (controlled environment, maintenance therapy): the specifiers DSM-5 adds to a remission.
_SPECIFIERS = {
    (False, False): "",
    (True, False): N_(", in a controlled environment"),
    (False, True): N_(", on maintenance therapy"),
    (True, True): N_(", in a controlled environment, on maintenance therapy"),
}


def _word(code: str | None) -> Sentence:
    """A status or code as a word of its own, translated on screen with the sentence."""
    text = str(code)
    return Sentence(_STATUS_WORDS.get(text) or _CODE_WORDS.get(text) or text)


def _specifiers(s: StatusFacts) -> Sentence:
    return Sentence(_SPECIFIERS[bool(s.controlled_environment), bool(s.maintenance_therapy)])


def label(s: StatusFacts) -> Sentence:
    """ "severe, in early remission, full, on maintenance therapy"; "mild, active"."""
    words = _word(s.dsm_status)
    if s.remission_type is not None:
        words = Sentence(
            N_("in {status}, {remission}{specifiers}"),
            status=words,
            remission=_word(s.remission_type),
            specifiers=_specifiers(s),
        )
    if s.severity:
        return Sentence(N_("{severity}, {status}"), severity=_word(s.severity), status=words)
    return words


def _remission(s: StatusFacts) -> Sentence:
    months = (
        EARLY_REMISSION_MONTHS if s.dsm_status == EARLY_REMISSION else (SUSTAINED_REMISSION_MONTHS)
    )
    head = Sentence(
        N_("{status}, {remission}{specifiers}"),
        status=_word(s.dsm_status),
        remission=_word(s.remission_type),
        specifiers=_specifiers(s),
    )
    if s.remission_type == FULL:
        return Sentence(
            N_(
                "{head}, since {since}: no criterion but craving for {months} months"
                " (assessment of {assessed})"
            ),
            head=head, since=s.B, months=months, assessed=s.d_last,
        )  # fmt: skip
    return Sentence(
        N_(
            "{head}, since {since}: criteria below the disorder threshold for {months} months,"
            " the last one on {last} (assessment of {assessed})"
        ),
        head=head, since=s.A, months=months, last=s.B, assessed=s.d_last,
    )  # fmt: skip


def describe(s: StatusFacts, unknown_after_days: int) -> Sentence:
    status = s.dsm_status
    if status == DECEASED:
        return Sentence(
            N_("deceased on {date}: left out of status and recovery counts"), date=s.deceased_on
        )
    if status == UNKNOWN:
        if s.d_last is None:
            return Sentence(N_("unknown: no completed assessment on or before the as-of date"))
        return Sentence(
            N_(
                "unknown: the last completed assessment, on {assessed}, is more than"
                " {days} days before the as-of date"
            ),
            assessed=s.d_last, days=unknown_after_days,
        )  # fmt: skip
    if status == NO_DIAGNOSIS:
        return Sentence(
            N_(
                "no diagnosis: never {criteria} or more criteria within"
                " {months} months up to the assessment of {assessed}"
            ),
            criteria=DIAGNOSIS_MIN_CRITERIA, months=DIAGNOSIS_WINDOW_MONTHS, assessed=s.d_last,
        )  # fmt: skip
    if status == ACTIVE:
        return Sentence(
            N_(
                "active, {severity}: full criteria were last met with criteria up to {met},"
                " less than {months} months before the assessment of {assessed}"
            ),
            severity=_word(s.severity), met=s.A, months=EARLY_REMISSION_MONTHS,
            assessed=s.d_last,
        )  # fmt: skip
    return _remission(s)
