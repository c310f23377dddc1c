"""DOMAIN.md §9: a disclosure is allowed only under a consent that covers that recipient on
that day. Table tests with the edge days; the expectations are written out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from reports.rules.consent import ConsentFact, consent_covers, covering, in_force, why_not_covered


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


TPO = ConsentFact("treatment_payment_operations", None, d("2024-03-01"))
COUNTY = ConsentFact("named_recipient", "County Health Dept", d("2024-03-01"))
RESEARCH = ConsentFact("research", None, d("2024-03-01"))
EXPIRING = ConsentFact(
    "treatment_payment_operations", None, d("2024-03-01"), expires_on=d("2024-06-30")
)
REVOKED = ConsentFact(
    "treatment_payment_operations", None, d("2024-03-01"), revoked_on=d("2024-05-10")
)


@pytest.mark.parametrize(
    ("consents", "kind", "name", "day", "covered"),
    [
        # signed on or before the day
        ([TPO], "treatment", None, "2024-02-29", False),
        ([TPO], "treatment", None, "2024-03-01", True),
        ([TPO], "treatment", None, "2030-01-01", True),  # no expiry: until revoked
        # the expiry day is the last day covered
        ([EXPIRING], "payment", None, "2024-06-30", True),
        ([EXPIRING], "payment", None, "2024-07-01", False),
        # revoked on or before the day: not covered; the day before: covered
        ([REVOKED], "operations", None, "2024-05-09", True),
        ([REVOKED], "operations", None, "2024-05-10", False),
        ([REVOKED], "operations", None, "2024-05-11", False),
        # revoked on the day it was signed: never covered
        (
            [ConsentFact("research", None, d("2024-03-01"), revoked_on=d("2024-03-01"))],
            "research",
            None,
            "2024-03-01",
            False,
        ),
        # scope: treatment/payment/operations covers those three purposes only
        ([TPO], "research", None, "2024-04-01", False),
        ([TPO], "named_recipient", "County Health Dept", "2024-04-01", False),
        ([RESEARCH], "research", None, "2024-04-01", True),
        ([RESEARCH], "treatment", None, "2024-04-01", False),
        # a named recipient covers that recipient only, spelled with any case and spacing
        ([COUNTY], "named_recipient", "County Health Dept", "2024-04-01", True),
        ([COUNTY], "named_recipient", "  county  health DEPT ", "2024-04-01", True),
        ([COUNTY], "named_recipient", "County Health Department", "2024-04-01", False),
        ([COUNTY], "treatment", None, "2024-04-01", False),
        ([COUNTY], "named_recipient", None, "2024-04-01", False),
        # several consents: one covering is enough
        ([REVOKED, EXPIRING, COUNTY], "payment", None, "2024-06-01", True),
        ([REVOKED, EXPIRING, COUNTY], "payment", None, "2024-07-01", False),
        ([], "treatment", None, "2024-04-01", False),
    ],
)
def test_consent_covers(
    consents: list[ConsentFact], kind: str, name: str | None, day: str, covered: bool
) -> None:
    assert consent_covers(consents, kind, name, d(day)) is covered


def test_an_unknown_recipient_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="court_order"):
        consent_covers([TPO], "court_order", None, d("2024-04-01"))


def test_covering_lists_the_consents_that_allow_the_disclosure() -> None:
    later = ConsentFact("treatment_payment_operations", None, d("2024-06-01"))
    assert covering([COUNTY, REVOKED, TPO, later], "treatment", None, d("2024-05-20")) == [TPO]


@pytest.mark.parametrize(
    ("consent", "day", "expected"),
    [
        (EXPIRING, "2024-02-29", False),
        (EXPIRING, "2024-03-01", True),
        (EXPIRING, "2024-06-30", True),
        (EXPIRING, "2024-07-01", False),
        (REVOKED, "2024-05-09", True),
        (REVOKED, "2024-05-10", False),
    ],
)
def test_in_force(consent: ConsentFact, day: str, expected: bool) -> None:
    assert in_force(consent, d(day)) is expected


@pytest.mark.parametrize(
    ("consents", "kind", "name", "reason"),
    [
        ([], "treatment", None, "no_consent"),
        ([RESEARCH, COUNTY], "treatment", None, "other_scope"),
        ([COUNTY], "named_recipient", "Probation Office", "other_scope"),
        ([EXPIRING], "treatment", None, "expired"),
        ([REVOKED], "treatment", None, "revoked"),
        ([REVOKED, EXPIRING], "treatment", None, "revoked"),
        ([ConsentFact("research", None, d("2024-09-01"))], "research", None, "not_yet_signed"),
    ],
)
def test_why_a_client_is_not_covered(
    consents: list[ConsentFact], kind: str, name: str | None, reason: str
) -> None:
    assert why_not_covered(consents, kind, name, d("2024-08-01")) == reason
