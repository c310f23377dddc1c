"""DOMAIN.md §9: which consent lets the agency disclose a client's records, to whom, on a day.

Pure functions over plain data: no session, no clock (the day is a parameter).
A consent covers a disclosure on a day when
- it was signed on or before that day,
- it has not expired: the expiry date is the last day it covers,
- it was not revoked on or before that day (a revocation takes effect on its date),
- and its scope covers the recipient: a treatment, payment and health-care
  operations consent covers disclosures for those three purposes; a research
  consent covers research; a named-recipient consent covers that recipient
  only, its name compared without regard to case or spacing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

TPO = "treatment_payment_operations"
NAMED = "named_recipient"
RESEARCH = "research"
# The recipient kinds a consent can cover, and the scope that covers each.
SCOPE_FOR = {
    "treatment": TPO,
    "payment": TPO,
    "operations": TPO,
    RESEARCH: RESEARCH,
    NAMED: NAMED,
}
# Why a client is left out of a disclosure (see why_not_covered), most telling first.
NO_CONSENT, OTHER_SCOPE, NOT_YET_SIGNED, EXPIRED, REVOKED = (
    "no_consent",
    "other_scope",
    "not_yet_signed",
    "expired",
    "revoked",
)


@dataclass(frozen=True, slots=True)
class ConsentFact:
    """One consent as recorded (the column names of the consents table)."""

    scope: str
    recipient: str | None
    signed_on: dt.date
    expires_on: dt.date | None = None
    revoked_on: dt.date | None = None
    note: str | None = None


def same_recipient(a: str | None, b: str | None) -> bool:
    """Names compared as a person reads them: case and runs of spaces do not matter."""
    if a is None or b is None:
        return False
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def in_force(consent: ConsentFact, day: dt.date) -> bool:
    """Signed by `day`, not expired before it, not revoked on or before it."""
    if consent.signed_on > day:
        return False
    if consent.expires_on is not None and day > consent.expires_on:
        return False
    return consent.revoked_on is None or day < consent.revoked_on


def scope_matches(consent: ConsentFact, recipient_kind: str, recipient_name: str | None) -> bool:
    scope = SCOPE_FOR.get(recipient_kind)
    if scope is None:
        raise ValueError(f"unknown recipient kind {recipient_kind!r}")
    if consent.scope != scope:
        return False
    return scope != NAMED or same_recipient(consent.recipient, recipient_name)


def covering(
    consents: Iterable[ConsentFact],
    recipient_kind: str,
    recipient_name: str | None,
    on_day: dt.date,
) -> list[ConsentFact]:
    """The consents, in the order given, that allow this disclosure on `on_day`."""
    return [
        c
        for c in consents
        if scope_matches(c, recipient_kind, recipient_name) and in_force(c, on_day)
    ]


def consent_covers(
    consents: Iterable[ConsentFact],
    recipient_kind: str,
    recipient_name: str | None,
    on_day: dt.date,
) -> bool:
    """Whether any of a client's consents allows disclosing to this recipient on `on_day`."""
    return bool(covering(consents, recipient_kind, recipient_name, on_day))


def why_not_covered(
    consents: Iterable[ConsentFact],
    recipient_kind: str,
    recipient_name: str | None,
    on_day: dt.date,
) -> str:
    """For a client no consent covers: revoked, expired, not yet signed, another scope or
    recipient, or no consent at all (the first that applies, in that order)."""
    given = list(consents)
    matching = [c for c in given if scope_matches(c, recipient_kind, recipient_name)]
    if any(c.revoked_on is not None and c.revoked_on <= on_day for c in matching):
        return REVOKED
    if any(c.expires_on is not None and c.expires_on < on_day for c in matching):
        return EXPIRED
    if matching:
        return NOT_YET_SIGNED
    return OTHER_SCOPE if given else NO_CONSENT
