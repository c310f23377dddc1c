"""DOMAIN.md §10 worked cases, one table row each, and the thresholds around them."""

from __future__ import annotations

from typing import Any

import pytest

from reports.rules.facts import ClientHistory
from reports.rules.recovery import classify, classify_series, primary_status
from tests.reports.rules_builders import EIGHT, SIX, client, d, event, intake, sub, visit

OK = {"quality_of_life": 10, "offending_days_28": 0}  # health and citizenship hold


def _case1(follow_up_on: str) -> ClientHistory:
    return client(
        intake("2024-01-15", sub(SIX, "2024-01-15"), **OK),
        visit(follow_up_on, sub(), **OK),
    )


def _case2(b: str, follow_up_on: str) -> ClientHistory:
    return client(
        intake(b, sub("cut_down;craving;role_failure", b), **OK),
        visit(follow_up_on, sub(), **OK),
    )


def _case3() -> ClientHistory:
    alcohol = {"cls": "alcohol"}
    return client(
        intake("2023-06-01", sub("larger_longer;cut_down;time_spent;hazardous_use", **alcohol)),
        visit("2023-09-01", sub("craving", **alcohol)),
        visit("2023-11-01", sub("craving", "2023-10-20", **alcohol)),
        visit("2024-01-10", sub("craving", **alcohol)),
    )


def _case4() -> ClientHistory:
    return client(
        intake(
            "2023-12-31",
            sub("cut_down;craving;role_failure;hazardous_use"),
            quality_of_life=4,
            offending_days_28=0,
            last_use_on="2023-12-31",
        ),
        visit(
            "2024-05-01",
            sub(),
            controlled_environment="jail_prison",
            quality_of_life=15,
            offending_days_28=0,
            last_use_on="2023-12-31",
        ),
    )


def _case5() -> ClientHistory:
    methadone = {"medication": "methadone", "medication_as_prescribed": True}
    return client(
        intake(
            "2023-06-10",
            sub(SIX + ";withdrawal", "2023-06-10"),
            quality_of_life=6,
            offending_days_28=3,
            last_use_on="2023-06-10",
        ),
        # Tolerance and withdrawal on methadone are the medication, not the disorder.
        visit(
            "2023-12-01",
            sub("tolerance;withdrawal"),
            quality_of_life=9,
            offending_days_28=0,
            last_use_on="2023-06-10",
            **methadone,
        ),
        visit(
            "2024-07-01",
            sub(),
            quality_of_life=12,
            offending_days_28=0,
            controlled_environment="none",
            last_use_on="2023-06-10",
            **methadone,
        ),
    )


def _case6(upto: str) -> ClientHistory:
    visits = [
        intake("2022-01-01", sub(SIX, "2022-01-01"), **OK),
        visit("2022-06-01", sub(), **OK),
        visit("2023-01-10", sub(), **OK),
        visit("2023-06-01", sub("larger_longer;role_failure;craving", "2023-05-20"), **OK),
        visit("2023-09-01", sub(), **OK),
    ]
    return client(*[v for v in visits if v.assessed_on <= d(upto)])


def _case7(upto: str) -> ClientHistory:
    alcohol = {"cls": "alcohol"}
    visits = [
        intake("2023-09-01", sub(SIX, "2023-09-01", **alcohol)),
        visit("2024-03-15", sub("hazardous_use", "2024-02-20", **alcohol)),
        visit("2024-10-01", sub(**alcohol)),
    ]
    return client(*[v for v in visits if v.assessed_on <= d(upto)])


def _case8() -> ClientHistory:
    return client(
        intake("2024-01-10", sub(EIGHT, use=24), **OK),
        visit("2024-07-10", sub("cut_down;craving;hazardous_use", "2024-07-01", use=6), **OK),
    )


def _case9() -> ClientHistory:
    return client(
        intake("2023-01-10", sub("hazardous_use")),
        visit("2024-01-10", sub("larger_longer")),
        events=(event("2023-08-01", "overdose_nonfatal"),),
    )


def _case10(on: str) -> ClientHistory:
    return client(
        intake("2018-06-01", sub("cut_down;craving", "2018-06-01")),
        visit(on, sub(), last_use_on="2019-02-01"),
    )


WORKED = [
    (
        "1 at B+3 months",
        _case1("2024-04-15"),
        "2024-04-15",
        {"dsm_status": "early_remission", "remission_type": "full", "severity": "severe"},
    ),
    (
        "1 a day earlier",
        _case1("2024-04-14"),
        "2024-04-14",
        {"dsm_status": "active", "remission_type": None, "severity": "severe"},
    ),
    (
        "2 at B+12 months",
        _case2("2023-03-31", "2024-03-31"),
        "2024-03-31",
        {"dsm_status": "sustained_remission", "remission_type": "full"},
    ),
    (
        "2 a day earlier",
        _case2("2023-03-31", "2024-03-30"),
        "2024-03-30",
        {"dsm_status": "early_remission", "remission_type": "full"},
    ),
    (
        "2 clipped to 29 Feb",
        _case2("2023-11-30", "2024-02-29"),
        "2024-02-29",
        {"dsm_status": "early_remission", "remission_type": "full"},
    ),
    ("2 on 28 Feb", _case2("2023-11-30", "2024-02-28"), "2024-02-28", {"dsm_status": "active"}),
    (
        "3 craving only",
        _case3(),
        "2024-01-10",
        {
            "dsm_status": "early_remission",
            "remission_type": "full",
            "severity": "moderate",
            "substance_class": "alcohol",
            "recurrences": 0,
            "B": d("2023-06-01"),
        },
    ),
    (
        "4 in prison",
        _case4(),
        "2024-05-01",
        {
            "dsm_status": "early_remission",
            "remission_type": "full",
            "controlled_environment": True,
            "sobriety": "early",
            "recovery_status": "partial",
            "recovery_timeframe": "early",
        },
    ),
    (
        "5 methadone",
        _case5(),
        "2024-07-01",
        {
            "dsm_status": "sustained_remission",
            "remission_type": "full",
            "severity": "severe",
            "maintenance_therapy": True,
            "controlled_environment": False,
            "sobriety": "sustained",
            "recovery_status": "full",
            "recovery_timeframe": "sustained",
            "B": d("2023-06-10"),
        },
    ),
    (
        "6 recurrence",
        _case6("2023-06-01"),
        "2023-06-01",
        {"dsm_status": "active", "severity": "mild", "recurrences": 1, "remission_episodes": 1},
    ),
    (
        "6 second episode",
        _case6("2023-09-01"),
        "2023-09-01",
        {
            "dsm_status": "early_remission",
            "remission_type": "full",
            "severity": "mild",
            "recurrences": 1,
            "remission_episodes": 2,
        },
    ),
    (
        "7 partial",
        _case7("2024-03-15"),
        "2024-03-15",
        {
            "dsm_status": "early_remission",
            "remission_type": "partial",
            "severity": "severe",
            "A": d("2023-09-01"),
            "B": d("2024-02-20"),
            "remission_episodes": 1,
        },
    ),
    (
        "7 then full, same episode",
        _case7("2024-10-01"),
        "2024-10-01",
        {
            "dsm_status": "early_remission",
            "remission_type": "full",
            "remission_episodes": 1,
            "recurrences": 0,
        },
    ),
    (
        "8 fewer criteria, less use",
        _case8(),
        "2024-07-10",
        {
            "dsm_status": "active",
            "severity": "mild",
            "recovery_status": "partial",
            "recovery_timeframe": None,
        },
    ),
    (
        "9 never 2 criteria",
        _case9(),
        "2024-01-10",
        {"dsm_status": "no_diagnosis", "recovery_status": "not_applicable", "severity": None},
    ),
    ("10 five years sober", _case10("2024-02-01"), "2024-02-01", {"sobriety": "stable"}),
    ("10 a day short", _case10("2024-01-31"), "2024-01-31", {"sobriety": "sustained"}),
]


@pytest.mark.parametrize(
    ("history", "as_of", "expected"),
    [pytest.param(h, a, e, id=name) for name, h, a, e in WORKED],
)
def test_worked_cases(history: ClientHistory, as_of: str, expected: dict[str, Any]) -> None:
    status = primary_status(history, d(as_of))
    assert {key: getattr(status, key) for key in expected} == expected


def test_case_1_reason_reads_like_the_domain() -> None:
    status = primary_status(_case1("2024-04-15"), d("2024-04-15"))
    assert status.reason.startswith(
        "early remission, full, since 2024-01-15: no criterion but craving for 3 months"
    )
    assert status.label == "severe, in early remission, full"


def test_case_4_never_full_while_in_prison() -> None:
    history = _case4()
    later = client(
        *history.assessments,
        visit(
            "2024-12-01",
            sub(),
            controlled_environment="jail_prison",
            quality_of_life=20,
            offending_days_28=0,
        ),
    )
    for h, on in ((history, "2024-05-01"), (later, "2024-12-01")):
        assert primary_status(h, d(on)).recovery_status == "partial"


def test_case_5_reason_names_maintenance() -> None:
    status = primary_status(_case5(), d("2024-07-01"))
    assert "on maintenance therapy" in status.reason
    assert status.label == "severe, in sustained remission, full, on maintenance therapy"


def test_case_9_harm_still_counted() -> None:
    from db.dates import Period
    from reports.rules.harm import client_harm

    harm = client_harm(_case9(), Period.twelve_months_ending(d("2024-01-10")))
    assert "overdose_nonfatal" in harm.flags
    assert harm.harm_self == 1


def test_status_between_assessments_is_read_at_d_last() -> None:
    history = _case1("2024-04-15")
    # Three months after B but before the follow-up: still what the intake said.
    assert primary_status(history, d("2024-04-14")).dsm_status == "active"
    assert primary_status(history, d("2024-04-15")).dsm_status == "early_remission"


def test_one_status_per_class_primary_first() -> None:
    history = client(
        intake(
            "2024-01-10",
            sub("cut_down;craving", cls="alcohol", primary=False),
            sub(SIX, cls="stimulant", primary=True),
        ),
    )
    statuses = classify(history, d("2024-01-10"))
    assert [(s.substance_class, s.primary) for s in statuses] == [
        ("stimulant", True),
        ("alcohol", False),
    ]
    assert [s.severity for s in statuses] == ["severe", "mild"]


def test_series_shares_nothing_mutable_between_dates() -> None:
    history = _case1("2024-04-15")
    first, second = classify_series(history, [d("2024-05-01"), d("2024-05-31")])
    first.clear()
    assert second == classify(history, d("2024-05-31"))
