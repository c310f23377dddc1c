"""Areas in the aggregate tables (DOMAIN.md §9): an area is printed only when it holds at
least the threshold of people; smaller areas, and areas whose only content would be a
death, are pooled as "Other areas". Area text is free: trimmed and case-folded first."""

from __future__ import annotations

from db import codes
from db.report_queries import AreaTotals
from reports.datasets.areas import OTHER_AREAS, pool_areas, spelled_apart


def totals(area: str | None, encounters: int, kits: int = 0) -> AreaTotals:
    tallies = dict.fromkeys(codes.ENCOUNTER_TALLIES, 0)
    tallies["naloxone_kits"] = kits
    return AreaTotals(area, encounters, tallies)


AREAS = [
    totals("97201", 12, kits=4),
    totals("97201 ", 1, kits=1),  # the same area typed with a space
    totals("sw1a 1aa", 5),
    totals("SW1A 1AA", 4),
    totals(None, 3, kits=2),
]
# For each area as typed: its distinct clients and its anonymous encounters.
PEOPLE = {
    "97201": (10, 2),  # ten clients, two anonymous encounters
    "97201 ": (2, 0),  # an eleventh client, and one already counted above
    "sw1a 1aa": (5, 0),
    "SW1A 1AA": (4, 0),
    None: (0, 3),
}
# Distinct clients across the spellings of an area typed several ways.
SHARED = {"97201": 11, "sw1a 1aa": 9}
DEATHS = {"97201": 1, "97299": 2, " sw1a 1aa": 1}


def test_the_spellings_of_one_area_are_found() -> None:
    assert spelled_apart(PEOPLE) == {
        "97201": ["97201", "97201 "],
        "sw1a 1aa": ["sw1a 1aa", "SW1A 1AA"],
    }


def test_areas_with_enough_people_print_and_the_rest_pool() -> None:
    rows = pool_areas(AREAS, PEOPLE, DEATHS, threshold=11, shared=SHARED)
    by_label = {r.label: r for r in rows}
    assert list(by_label) == ["97201", OTHER_AREAS, "Area not recorded"]
    # 97201: ten clients, one more under another spelling, two anonymous encounters.
    assert by_label["97201"].people == 13
    assert by_label["97201"].encounters == 13
    assert by_label["97201"].tallies["naloxone_kits"] == 5
    assert by_label["97201"].deaths == 1
    # SW1A 1AA holds nine people under two spellings: too few. 97299 has only deaths.
    other = by_label[OTHER_AREAS]
    assert (other.encounters, other.deaths, other.people) == (9, 3, 9)
    assert by_label["Area not recorded"].tallies["naloxone_kits"] == 2


def test_an_internal_report_shows_every_area_merged_by_spelling() -> None:
    rows = pool_areas(AREAS, PEOPLE, DEATHS, threshold=None, shared=SHARED)
    assert [r.label for r in rows] == ["97201", "97299", "SW1A 1AA", "Area not recorded"]
    assert [r.encounters for r in rows] == [13, 0, 9, 3]
    assert [r.deaths for r in rows] == [1, 2, 1, 0]


def test_nothing_is_pooled_into_an_empty_other_row() -> None:
    rows = pool_areas([totals("97201", 12)], {"97201": (12, 0)}, {}, 11)
    assert [r.label for r in rows] == ["97201"]


def test_a_large_count_hides_with_the_small_one_its_total_would_give_away() -> None:
    """Two printed areas: 97203 gave 10 syringes (hidden), 97201 gave 20; with the
    total 30 printed, the 20 would give the 10 away, so it hides too, as * (it is not
    a small count), and so does the ratio resting on it."""
    from reports.tables.ledger import Ledger
    from reports.tables.monthly_community import community_specs, register_areas
    from reports.tables.report_tables import Disclosure, render

    def area(name: str, out: int) -> AreaTotals:
        tallies = dict.fromkeys(codes.ENCOUNTER_TALLIES, 0)
        tallies["syringes_out"] = out
        return AreaTotals(name, 20, tallies)

    people = {a: (0, 20) for a in ("97201", "97203")}
    rows = pool_areas([area("97201", 20), area("97203", 10)], people, {}, threshold=11)
    ledger = Ledger()
    register_areas(rows, ledger)
    specs = community_specs(rows, ledger)
    ledger.suppress(11)
    table = render(specs[0], ledger, Disclosure(11))
    printed = {row.label: row.values for row in table.rows}
    assert printed["97201"][3] == "*" and printed["97203"][3] == "<11"
    assert printed["All areas"][3] == 30


def test_a_client_met_under_two_spellings_of_an_area_counts_once(database, admin) -> None:
    """Ten clients met in "97201" and again in "97201 ": ten people, not twenty, so the
    area stays pooled (a sum over the spellings would print it)."""
    import datetime as dt

    from db.dates import Period
    from forms import records
    from reports.outputs.monthly_data import build_report_data

    today = dt.date(2026, 11, 27)
    for i in range(10):
        client = records.create_client(
            database,
            admin,
            {"given_name": "Wren", "family_name": f"A{i}", "birth_date": "1980-01-01"},
            today,
        )
        for area in ("97201", "97201 "):
            records.add_encounter(
                database,
                admin,
                client,
                {"occurred_on": "2026-10-09", "area": area, "syringes_out": 5},
                today,
            )
    data = build_report_data(database, admin, Period.month(2026, 10))
    labels = [row.label for row in data.community.rows]
    assert labels == [OTHER_AREAS, "All areas"]
