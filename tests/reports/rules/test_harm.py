"""DOMAIN.md §7: three-level harm per client and across clients, programme tallies."""

from __future__ import annotations

import pytest

from db.dates import Period
from reports.datasets.harm_summary import (
    AreaTally,
    area_tallies,
    known_deaths_by_area,
    programme_tallies,
    summarise_harm,
)
from reports.rules.facts import ClientHistory, EncounterFacts
from reports.rules.harm import LEVELS, ahi, client_harm, harm_for_year_ending, paired_harm
from tests.reports.rules_builders import SIX, client, d, event, intake, sub, visit

YEAR_TO_JUNE = Period.twelve_months_ending(d("2024-06-30"))


@pytest.mark.parametrize(
    ("counts", "index"),
    [
        ((0, 0, 0), 0.0),
        ((6, 4, 5), 100.0),
        ((1, 0, 0), 5.6),
        ((0, 1, 0), 8.3),
        ((0, 0, 1), 6.7),
        ((2, 1, 3), 39.4),
    ],
)
def test_ahi_formula(counts: tuple[int, int, int], index: float) -> None:
    assert ahi(*counts) == index


def test_levels_have_the_domain_sizes() -> None:
    assert {level: len(keys) for level, keys in LEVELS.items()} == {
        "self": 6,
        "others": 4,
        "community": 5,
    }


@pytest.mark.parametrize(
    ("on", "counted"),
    [("2023-06-30", False), ("2023-07-01", True), ("2024-06-30", True), ("2024-07-01", False)],
)
def test_events_count_inside_the_12_months_ending_on_the_date(on: str, counted: bool) -> None:
    harm = harm_for_year_ending(client(events=(event(on, "dui"),)), d("2024-06-30"))
    assert ("dui" in harm.flags) is counted
    assert harm.harm_community == int(counted)


def test_28_day_items_come_from_the_latest_completed_assessment() -> None:
    history = client(
        intake(
            "2023-09-01",
            sub(SIX),
            shared_equipment=True,
            housing_problem=True,
            offending_days_28=5,
            controlled_environment="jail_prison",
        ),
        visit(
            "2024-03-01",
            sub(),
            shared_equipment=False,
            housing_problem=True,
            offending_days_28=2,
            controlled_environment="none",
        ),
        visit("2024-05-01", sub(), shared_equipment=True, contact_status="refused"),
    )
    harm = client_harm(history, YEAR_TO_JUNE)
    assert harm.assessed_on == d("2024-03-01")
    assert harm.flags == {"housing_problem", "offending"}
    assert (harm.harm_self, harm.harm_others, harm.harm_community) == (1, 0, 1)


def test_an_assessment_before_the_period_is_not_read() -> None:
    history = client(intake("2022-01-10", sub(SIX), housing_problem=True))
    harm = client_harm(history, YEAR_TO_JUNE)
    assert (harm.assessed, harm.flags) == (False, frozenset())


def test_paired_flags_count_once_and_events_sum_their_counts() -> None:
    history = client(
        visit("2024-02-01", sub(), controlled_environment="jail_prison"),
        events=(
            event("2024-01-05", "incarceration_start"),
            event("2024-01-06", "ed_visit", 2),
            event("2024-01-07", "hospitalisation"),
            event("2024-01-08", "hiv_positive_new"),
            event("2024-01-09", "hcv_positive_new"),
            event("2024-01-10", "incarceration_end"),
            event("2024-03-01", "death"),
            event("2024-02-10", "family_violence"),
        ),
    )
    harm = client_harm(history, YEAR_TO_JUNE)
    assert harm.flags == {
        "incarceration",
        "ed_visit_or_hospitalisation",
        "hiv_or_hcv_positive_new",
        "death",
        "family_violence",
    }
    assert (harm.harm_self, harm.harm_others, harm.harm_community) == (3, 1, 1)
    assert harm.ahi == ahi(3, 1, 1) == 31.7
    assert harm.event_counts["ed_visit"] == 2


def _agency() -> list[ClientHistory]:
    a = client(
        intake("2023-10-01", sub(SIX), housing_problem=True, offending_days_28=4),
        visit("2024-04-01", sub(), housing_problem=False, offending_days_28=0),
        events=(event("2023-09-01", "arrest"), event("2024-05-01", "overdose_nonfatal", 2)),
    )
    b = client(intake("2024-02-01", sub(SIX), housing_problem=True))
    c = client(events=(event("2024-01-01", "overdose_nonfatal"), event("2024-02-01", "death")))
    return [a, b, c]


def test_summary_counts_every_client_and_percentages_of_those_assessed() -> None:
    summary = summarise_harm(_agency(), YEAR_TO_JUNE)
    assert (summary.clients, summary.assessed) == (3, 2)
    by_key = {i.indicator: i for i in summary.indicators}
    overdose = by_key["overdose_nonfatal"]
    assert (overdose.clients_flagged, overdose.assessed_flagged) == (2, 1)
    assert overdose.percent_of_assessed == 50.0
    assert by_key["death"].clients_flagged == 1  # a deceased client still counts in harm
    assert summary.event_totals["overdose_nonfatal"] == 3
    assert summary.assessed_means.clients == 2
    assert summary.assessed_means.harm_self == 1.0


def test_paired_change_from_intake_to_latest() -> None:
    summary = summarise_harm(_agency(), YEAR_TO_JUNE)
    paired = summary.paired
    assert paired.pairs == 1
    # Intake: housing + offending + arrest the month before; latest: nothing in 28 days,
    # and the arrest before intake is not counted again.
    assert paired.flagged_at_intake["arrest"] == 1
    assert paired.flagged_at_latest["arrest"] == 0
    assert paired.at_intake.ahi == ahi(1, 0, 2)
    assert paired.at_latest.ahi == 0.0
    assert paired.ahi_change == -ahi(1, 0, 2)


def test_no_pair_when_the_latest_assessment_is_an_intake() -> None:
    history = client(intake("2023-10-01", sub(SIX)), intake("2024-03-01", sub(SIX)))
    assert paired_harm(history, YEAR_TO_JUNE) is None


def test_empty_summary_prints_no_percentages() -> None:
    summary = summarise_harm([], YEAR_TO_JUNE)
    assert summary.assessed_means.ahi is None
    assert all(i.percent_of_assessed is None for i in summary.indicators)


def test_programme_tallies_by_area_with_ratio_and_deaths() -> None:
    rows = [
        EncounterFacts(
            d("2024-03-01"), "A1", naloxone_kits=2, syringes_out=100, syringes_returned=80
        ),
        EncounterFacts(d("2024-03-02"), "A1", reversals_reported=1, syringes_out=50),
        EncounterFacts(d("2024-03-03"), None, test_strips=5, hiv_tests=1, referrals=2),
        EncounterFacts(d("2022-03-03"), "A1", naloxone_kits=50),  # outside the period
    ]
    dead = ClientHistory(2, "RD-2", None, (), (event("2024-02-01", "death"),), "B9")
    earlier = ClientHistory(3, "RD-3", None, (), (event("2022-02-01", "death"),), "B9")
    deaths = known_deaths_by_area([dead, earlier], YEAR_TO_JUNE)
    tallies = programme_tallies(rows, YEAR_TO_JUNE, deaths)
    assert [t.area for t in tallies.areas] == ["A1", "B9", None]
    a1 = tallies.areas[0]
    assert (a1.encounters, a1.tallies["naloxone_kits"], a1.tallies["syringes_out"]) == (2, 2, 150)
    assert a1.syringe_return_ratio == 0.53
    assert tallies.areas[1].known_deaths == 1
    assert tallies.areas[1].syringe_return_ratio is None
    assert tallies.total.encounters == 3
    assert tallies.total.tallies["referrals"] == 2
    assert tallies.total.known_deaths == 1


def test_area_totals_from_sql_get_deaths_ratio_and_total() -> None:
    sql_rows = [
        AreaTally("A1", 3, {"syringes_out": 10, "syringes_returned": 4}, 0),
        AreaTally(None, 1, {"naloxone_kits": 1}, 0),
    ]
    dead_by_contact = ClientHistory(
        4, "RD-4", None, (visit("2024-05-01", contact_status="deceased"),), (), "C3"
    )
    tallies = area_tallies(sql_rows, known_deaths_by_area([dead_by_contact], YEAR_TO_JUNE))
    assert [(t.area, t.encounters, t.known_deaths) for t in tallies.areas] == [
        ("A1", 3, 0),
        ("C3", 0, 1),
        (None, 1, 0),
    ]
    assert tallies.areas[0].syringe_return_ratio == 0.4
    assert tallies.areas[0].tallies["naloxone_kits"] == 0  # every tally present
    assert (tallies.total.encounters, tallies.total.tallies["naloxone_kits"]) == (4, 1)


def test_a_deceased_contact_is_a_death_in_harm_as_in_every_report() -> None:
    """DOMAIN.md §8: a client is deceased when a death event or a deceased contact is
    recorded; harm uses that one definition."""
    history = client(
        intake("2024-01-10", sub(SIX)),
        visit("2024-05-02", contact_status="deceased"),
    )
    harm = harm_for_year_ending(history, d("2024-06-30"))
    assert "death" in harm.flags and harm.harm_self == 1


def test_a_death_counts_once_at_its_first_record() -> None:
    """A death event entered after a deceased contact of a year before is the same death,
    dated by the contact: it does not flag the later period."""
    history = client(
        intake("2022-01-10", sub(SIX)),
        visit("2023-03-01", contact_status="deceased"),
        events=(event("2024-02-01", "death"),),
    )
    assert "death" in harm_for_year_ending(history, d("2023-06-30")).flags
    assert "death" not in harm_for_year_ending(history, d("2024-06-30")).flags


def test_a_pair_compares_like_with_like_for_a_client_first_met_at_intake() -> None:
    """Nothing before the intake could be recorded, so no events count on either side:
    the 28-day items asked at both interviews are compared alone (an arrest between the
    two interviews would otherwise make harm appear to rise)."""
    history = client(
        intake("2024-01-10", sub(SIX), housing_problem=True),
        visit("2024-05-10", sub(), housing_problem=False, offending_days_28=2),
        events=(event("2024-03-01", "arrest"), event("2024-05-01", "overdose_nonfatal")),
    )
    before, after = paired_harm(history, YEAR_TO_JUNE)
    assert before.flags == {"housing_problem"}
    assert after.flags == {"offending"}


def test_a_pair_reads_equal_look_backs_as_far_as_the_agencys_records_go() -> None:
    """First record 40 days before intake: both sides read the 40 days up to their
    interview (the intake's 28-day items and events; the latest's likewise)."""
    history = client(
        intake("2024-02-10", sub(SIX)),
        visit("2024-06-10", sub()),
        events=(
            event("2024-01-01", "arrest"),  # the first record: 40 days before intake
            event("2024-01-20", "overdose_nonfatal"),
            event("2024-04-15", "dui"),  # 56 days before the latest: outside its 40
            event("2024-05-20", "family_violence"),  # 21 days before: inside
        ),
    )
    before, after = paired_harm(history, YEAR_TO_JUNE)
    assert before.flags == {"arrest", "overdose_nonfatal"}
    assert after.flags == {"family_violence"}
