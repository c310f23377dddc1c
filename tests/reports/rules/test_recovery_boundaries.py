"""Each threshold of DOMAIN.md §2-§6 tested on both sides of its edge."""

from __future__ import annotations

import pytest

from reports.rules.facts import ClientHistory, EventFacts
from reports.rules.recovery import ClassStatus, primary_status
from tests.reports.rules_builders import SIX, client, d, event, intake, sub, visit

OK = {"quality_of_life": 10, "offending_days_28": 0}


def at(history: ClientHistory, on: str) -> ClassStatus:
    return primary_status(history, d(on))


@pytest.mark.parametrize(("as_of", "status"), [("2024-07-02", "active"), ("2024-07-03", "unknown")])
def test_unknown_more_than_183_days_after_d_last(as_of: str, status: str) -> None:
    history = client(intake("2024-01-01", sub(SIX)))
    result = at(history, as_of)
    assert result.dsm_status == status
    if status == "unknown":
        assert result.recovery_status == "unknown"
        assert "183 days" in result.reason


def test_no_completed_assessment_is_unknown_without_a_class() -> None:
    history = client(intake("2024-01-01", sub(SIX), contact_status="refused"))
    result = at(history, "2024-01-02")
    assert (result.dsm_status, result.substance_class) == ("unknown", None)


@pytest.mark.parametrize(
    ("on", "sobriety"),
    [
        ("2024-02-28", "none"),
        ("2024-02-29", "early"),
        ("2025-01-30", "early"),
        ("2025-01-31", "sustained"),
    ],
)
def test_sobriety_one_and_twelve_months_with_clipping(on: str, sobriety: str) -> None:
    history = client(intake("2024-01-31", sub(SIX)), visit(on, sub(), last_use_on="2024-01-31"))
    assert at(history, on).sobriety == sobriety


def test_sobriety_unknown_when_last_use_declined() -> None:
    history = client(
        intake("2024-01-31", sub(SIX), last_use_on="2024-01-01"), visit("2024-06-01", sub())
    )
    assert at(history, "2024-06-01").sobriety == "unknown"


@pytest.mark.parametrize(
    ("on", "timeframe"), [("2024-03-14", "sustained"), ("2024-03-15", "stable")]
)
def test_full_recovery_stable_at_60_months(on: str, timeframe: str) -> None:
    history = client(intake("2019-03-15", sub(SIX), **OK), visit(on, sub(), **OK))
    result = at(history, on)
    assert (result.recovery_status, result.recovery_timeframe) == ("full", timeframe)


@pytest.mark.parametrize(
    ("second", "status"), [("2024-01-09", "active"), ("2024-01-10", "no_diagnosis")]
)
def test_two_criteria_must_fall_within_12_months(second: str, status: str) -> None:
    history = client(
        intake("2023-01-10", sub("hazardous_use")), visit(second, sub("larger_longer"))
    )
    assert at(history, second).dsm_status == status


@pytest.mark.parametrize(
    ("criteria", "status"),
    [
        ("craving;hazardous_use", "active"),
        ("craving", "no_diagnosis"),
        ("hazardous_use", "no_diagnosis"),
    ],
)
def test_exactly_two_criteria_make_a_disorder(criteria: str, status: str) -> None:
    result = at(client(intake("2024-01-10", sub(criteria))), "2024-01-10")
    assert result.dsm_status == status
    assert result.severity == ("mild" if status == "active" else None)


def test_craving_alone_keeps_a_full_remission() -> None:
    history = client(
        intake("2023-01-10", sub(SIX)),
        visit("2023-05-01", sub("craving")),
        visit("2023-09-01", sub("craving")),
    )
    result = at(history, "2023-09-01")
    assert (result.dsm_status, result.remission_type, result.recurrences) == (
        "early_remission",
        "full",
        0,
    )


def test_craving_with_an_earlier_lapse_is_a_recurrence_but_stays_in_remission() -> None:
    """The exact §4 walk: hazardous use then craving within 12 months is |U| = 2."""
    history = client(
        intake("2023-09-01", sub(SIX)),
        visit("2024-03-15", sub("hazardous_use", "2024-02-20")),
        visit("2024-06-01", sub()),
        visit("2024-10-01", sub("craving")),
    )
    assert at(history, "2024-06-01").remission_type == "full"
    result = at(history, "2024-10-01")
    assert (result.dsm_status, result.remission_type) == ("early_remission", "full")
    assert (result.recurrences, result.remission_episodes, result.severity) == (1, 2, "mild")


@pytest.mark.parametrize(
    ("medication", "as_prescribed", "cls", "status"),
    [
        ("methadone", True, "opioid", "no_diagnosis"),
        ("buprenorphine", True, "opioid", "no_diagnosis"),
        ("methadone", False, "opioid", "active"),
        ("methadone", None, "opioid", "active"),
        ("naltrexone", True, "opioid", "active"),
        ("methadone", True, "alcohol", "active"),
    ],
)
def test_tolerance_and_withdrawal_ignored_only_on_medication_for_the_class(
    medication: str, as_prescribed: bool | None, cls: str, status: str
) -> None:
    history = client(
        intake(
            "2024-01-10",
            sub("tolerance;withdrawal", cls=cls),
            medication=medication,
            medication_as_prescribed=as_prescribed,
        )
    )
    assert at(history, "2024-01-10").dsm_status == status


def test_withdrawal_on_methadone_does_not_restart_the_remission_clock() -> None:
    methadone = {"medication": "methadone", "medication_as_prescribed": True}
    history = client(
        intake("2023-01-10", sub(SIX)),
        visit("2023-06-01", sub("withdrawal;craving", "2023-05-30"), **methadone),
    )
    result = at(history, "2023-06-01")
    assert (result.dsm_status, result.B) == ("early_remission", d("2023-01-10"))


@pytest.mark.parametrize("how", ["event", "contact"])
@pytest.mark.parametrize(("as_of", "dead"), [("2024-02-29", False), ("2024-03-01", True)])
def test_deceased_from_the_day_of_death(how: str, as_of: str, dead: bool) -> None:
    visits = [intake("2024-01-10", sub(SIX))]
    events: tuple[EventFacts, ...] = ()
    if how == "event":
        events = (event("2024-03-01", "death"),)
    else:
        visits.append(visit("2024-03-01", kind="follow_up", contact_status="deceased"))
    result = at(client(*visits, events=events), as_of)
    assert (result.dsm_status == "deceased") is dead
    if dead:
        assert result.recovery_status == "not_applicable"
        assert result.deceased_on == d("2024-03-01")


@pytest.mark.parametrize(
    ("intake_use", "now_use", "recovery"),
    [
        (24, 12, "partial"),
        (24, 13, "no_improvement"),
        (1, 0, "partial"),
        (0, 0, "no_improvement"),
        (24, None, "no_improvement"),
    ],
)
def test_use_days_at_least_half_below_intake(
    intake_use: int, now_use: int | None, recovery: str
) -> None:
    history = client(
        intake("2024-01-10", sub(SIX, use=intake_use)),
        visit("2024-02-10", sub(SIX, use=now_use)),  # same band: only use can improve
    )
    result = at(history, "2024-02-10")
    assert (result.dsm_status, result.recovery_status) == ("active", recovery)


@pytest.mark.parametrize(
    ("items", "recovery"), [((5,) * 7 + (4,) * 3, "full"), ((5,) * 6 + (4,) * 4, "partial")]
)
def test_barc10_total_47_stands_for_health(items: tuple[int, ...], recovery: str) -> None:
    assert sum(items) in (47, 46)
    history = client(
        intake("2023-01-10", sub(SIX), quality_of_life=15, offending_days_28=0),
        visit("2023-06-01", sub(), quality_of_life=9, offending_days_28=0, barc10=items),
    )
    assert at(history, "2023-06-01").recovery_status == recovery


@pytest.mark.parametrize(
    ("arrest_on", "offending", "recovery"),
    [
        ("2023-05-04", 0, "full"),
        ("2023-05-05", 0, "partial"),
        ("2023-06-02", 0, "full"),
        (None, 1, "partial"),
        (None, None, "partial"),
    ],
)
def test_citizenship_no_offending_and_no_arrest_in_28_days(
    arrest_on: str | None, offending: int | None, recovery: str
) -> None:
    history = client(
        intake("2023-01-10", sub(SIX), quality_of_life=5, offending_days_28=4),
        visit("2023-06-01", sub(), quality_of_life=9, offending_days_28=offending),
        events=(event(arrest_on, "arrest"),) if arrest_on else (),
    )
    assert at(history, "2023-06-01").recovery_status == recovery


def test_only_completed_assessments_count() -> None:
    history = client(
        intake("2024-01-10", sub(SIX)),
        visit("2024-05-01", sub(), contact_status="refused"),
        visit("2024-05-02", sub(), contact_status="not_located"),
    )
    result = at(history, "2024-05-02")
    assert (result.dsm_status, result.d_last) == ("active", d("2024-01-10"))


@pytest.mark.parametrize(
    ("cls", "medication", "as_prescribed", "criteria_later", "maintenance"),
    [
        ("opioid", "naltrexone", True, "", True),
        ("opioid", "methadone", False, "", False),
        ("opioid", "methadone", True, "hazardous_use", False),
        ("tobacco", "other", True, "", True),
        ("alcohol", "methadone", True, "", False),
    ],
)
def test_maintenance_only_on_full_remission_with_the_class_medication(
    cls: str, medication: str, as_prescribed: bool, criteria_later: str, maintenance: bool
) -> None:
    history = client(
        intake("2023-01-10", sub(SIX, cls=cls)),
        visit(
            "2023-05-01",
            sub(criteria_later, "2023-04-20", cls=cls),
            medication=medication,
            medication_as_prescribed=as_prescribed,
        ),
    )
    result = at(history, "2023-05-01")
    assert result.dsm_status == "early_remission"
    assert result.maintenance_therapy is maintenance


def test_partial_remission_gives_partial_recovery_with_its_time_frame() -> None:
    history = client(
        intake("2023-01-10", sub(SIX), **OK),
        visit("2024-02-01", sub("hazardous_use", "2024-01-15"), **OK),
    )
    result = at(history, "2024-02-01")
    assert (result.dsm_status, result.remission_type) == ("sustained_remission", "partial")
    assert (result.recovery_status, result.recovery_timeframe) == ("partial", "sustained")
    assert result.controlled_environment is False


def test_recovery_attempts_add_prior_attempts_at_intake() -> None:
    history = client(
        intake("2022-01-01", sub(SIX), prior_recovery_attempts=2),
        visit("2022-06-01", sub()),
        visit("2023-06-01", sub("larger_longer;role_failure", "2023-05-20")),
        visit("2023-09-01", sub()),
    )
    result = at(history, "2023-09-01")
    assert (result.remission_episodes, result.recovery_attempts) == (2, 4)


def test_primary_class_is_chosen_at_intake() -> None:
    history = client(
        intake("2024-01-10", sub(SIX, cls="alcohol"), sub("cut_down", cls="opioid", primary=False)),
        visit("2024-02-10", sub(cls="alcohol", primary=False), sub(cls="opioid", primary=True)),
    )
    assert at(history, "2024-02-10").substance_class == "alcohol"
