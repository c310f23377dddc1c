"""Funder profiles, reopened as a funder would: the outcomes workbook and the monthly CSV
worked out by hand on the hand-made agency, every profile valid, every CSV guarded."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from db import settings as agency_settings
from db.dates import Period
from db.engine import Database
from db.startup import open_database
from forms import records
from reports.outputs.funder_profiles import MONTHLY_CSV, OUTCOME_WORKBOOK, PROFILES
from reports.outputs.profiles import ProfileResult, profile_output
from reports.render.xlsx import FORMULA_STARTS
from reports.tables.profile_spec import MEASURES, Layout
from tests.accounts import actor_of
from tests.reports.hand_agency import DOCK, build
from tests.reports.render.test_summary_pages import page_of_each_row, tables

TODAY = dt.date(2026, 11, 27)
YEAR = Period(dt.date(2025, 11, 1), dt.date(2026, 10, 31))
OCTOBER = Period.month(2026, 10)
USE = "Days used the primary substance (of 28)"
QOL = "Quality of life (0-20)"
HOUSING = "Housing problem (share of clients)"
INJECTING = "Injecting days (of 28)"


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(str(tmp_path_factory.mktemp("hand") / "agency.sqlite3"))
    build(database, actor_of(database), TODAY)
    yield database
    database.dispose()


def _threshold(database: Database, threshold: int) -> int:
    """Set the agency's threshold; returns the one it had."""
    with database.writing() as session:
        current = agency_settings.load(session)
        changed = replace(current, suppression_threshold=threshold)
        agency_settings.save(session, actor_of(database), changed)
    return current.suppression_threshold


def _run(database: Database, profile: Any, period: Period, target: Path) -> ProfileResult:
    return profile_output(database, actor_of(database), profile, period, target)


@pytest.fixture(scope="module")
def exact_outcomes(agency: Database, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A threshold of 1 hides nothing: every figure as the notes work it out."""
    before = _threshold(agency, 1)
    try:
        target = tmp_path_factory.mktemp("p") / "outcomes.xlsx"
        _run(agency, OUTCOME_WORKBOOK, YEAR, target)
    finally:
        _threshold(agency, before)
    return load_workbook(target)


def _flat(book: Any) -> dict[tuple[str, str, str], tuple[object, str, str]]:
    rows = list(book["Flat"].iter_rows(values_only=True))
    assert rows[0] == (
        "Period",
        "Key",
        "Measure",
        "Breakdown",
        "Category",
        "Value",
        "Unit",
        "Suppressed",
    )
    return {(r[1], r[3], r[4]): (r[5], r[6], r[7]) for r in rows[1:]}


# Pairs in the year (hand_agency.py): A (abstinence) intake 2025-09-10 -> 2026-10-05,
# B (reduction) 2026-06-15 -> 2026-09-20, F (other) 2026-07-10 -> discharge 2026-10-20,
# G (undecided) 2025-10-01 -> discharge 2025-12-01. C, D, E and H have only an intake.
# Use days 20 20 15 3 -> 0 8 0 0; quality of life 8 10 10 12 -> 14 11 15 13; housing
# problem A only, at intake; nobody answered injecting days at both.
def test_the_outcomes_workbook_pairs_intake_and_latest_follow_up(exact_outcomes: Any) -> None:
    flat = _flat(exact_outcomes)

    def row(measure: str, key: str = "outcome_change") -> list[object]:
        columns = ("Clients with both", "Mean at intake", "Mean at latest", "Change")
        columns += ("Improved", "Unchanged", "Worse")
        return [flat[(key, measure, c)][0] for c in columns]

    assert row(USE) == [4, 14.5, 2.0, -12.5, 1.0, 0.0, 0.0]
    assert row(QOL) == [4, 10.0, 13.25, 3.25, 1.0, 0.0, 0.0]
    assert row(HOUSING) == [4, 0.25, 0.0, -0.25, 0.25, 0.75, 0.0]
    assert row(INJECTING) == [0, None, None, None, None, None, None]
    # By the client's own goal: B alone reduced 20 -> 8 days, with a reduction goal.
    assert row(USE, "outcome_change_reduction") == [1, 20.0, 8.0, -12.0, 1.0, 0.0, 0.0]
    assert row(USE, "outcome_change_abstinence") == [1, 20.0, 0.0, -20.0, 1.0, 0.0, 0.0]
    goals = ("Abstinence", "Reduction", "Other", "Undecided", "All goals")
    counts = {c: flat[("outcome_goal_clients", USE, c)][0] for c in goals}
    assert counts == {"Abstinence": 1, "Reduction": 1, "Other": 1, "Undecided": 1, "All goals": 4}
    assert flat[("outcome_change", USE, "Improved")][1:] == ("percent", "no")


def test_the_outcomes_workbook_has_its_sheets_print_set_up(exact_outcomes: Any) -> None:
    assert exact_outcomes.sheetnames == [
        "Outcome change",
        "Clients by goal",
        "Improved by goal",
        "Flat",
        "About",
    ]
    sheet = exact_outcomes["Outcome change"]
    titles = [r[0] for r in sheet.iter_rows(min_row=2, max_col=1, values_only=True)]
    assert "Change from intake to the latest follow-up" in titles
    assert "Change from intake to the latest follow-up: goal Reduction" in titles
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    props = exact_outcomes.properties
    assert props.creator == "Recovery Desk"
    assert props.title == "Outcomes workbook (TOP / NOMs) 2025-11-01 to 2026-10-31"


def test_every_outcome_table_prints_on_one_page_under_its_headings(exact_outcomes: Any) -> None:
    # Eight tables of ten measures: a landscape letter page holds about two. Without planned
    # breaks a table ran over a page end, its last rows printed under the sheet's title
    # alone (seen converting the demo agency's workbook with LibreOffice).
    sheet = exact_outcomes["Outcome change"]
    pages = page_of_each_row(sheet)
    found = tables(sheet)
    assert len(found) == 8 and max(pages.values()) >= 4
    assert [title for title, first, last in found if pages[first] != pages[last]] == []


def test_the_outcomes_workbook_hides_small_counts(agency: Database, tmp_path: Path) -> None:
    """At the agency's threshold of 11 every count of four clients is hidden: a marker in
    the table, an empty value marked suppressed in the flat sheet."""
    result = _run(agency, OUTCOME_WORKBOOK, YEAR, tmp_path / "o.xlsx")
    book = load_workbook(tmp_path / "o.xlsx")
    flat = _flat(book)
    assert flat[("outcome_change", USE, "Clients with both")] == (None, "count", "yes")
    assert flat[("outcome_change", USE, "Mean at intake")] == (None, "mean", "yes")
    assert flat[("outcome_change", INJECTING, "Clients with both")] == (0, "count", "no")
    sheet = [r for r in book["Outcome change"].iter_rows(values_only=True) if r[0] == USE]
    assert sheet[0][1:5] == ("<11", "*", "*", "*")
    assert result.suppressed > 0 and result.data.disclosure.threshold == 11


def _csv(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))


def test_the_monthly_csv_holds_octobers_measures(agency: Database, tmp_path: Path) -> None:
    before = _threshold(agency, 1)
    try:
        result = _run(agency, MONTHLY_CSV, OCTOBER, tmp_path / "m.csv")
    finally:
        _threshold(agency, before)
    rows = _csv(tmp_path / "m.csv")
    assert rows[0] == [
        "Period",
        "Key",
        "Measure",
        "Breakdown",
        "Category",
        "Value",
        "Unit",
        "Suppressed",
    ]
    got = {(r[1], r[3], r[4]): (r[0], r[5], r[6], r[7]) for r in rows[1:]}
    month = "2026-10-01 to 2026-10-31"
    served = "Clients served (completed assessment or identified encounter)"
    # Served in October: A, F, G, H assessed, E's encounter (hand_agency.py).
    assert got[("caseload", served, "Number")] == (month, "5", "count", "no")
    # The encounters of October: E's in 97203 (1 kit, 10 syringes out, 4 back), the
    # dock's (2 kits, 20 out, 15 back), one with no area; September's 9 kits are out.
    assert got[("community_by_area", "97203", "Naloxone kits")] == (month, "1", "count", "no")
    assert got[("community_by_area", DOCK, "Syringes given")][1] == "20"
    assert got[("community_by_area", "All areas", "Naloxone kits")][1] == "3"
    assert got[("community_by_area", "All areas", "Returned per syringe given")][1:3] == (
        "0.63",
        "ratio",
    )
    # The trend row of the month only, dated by its month-end.
    assert got[("trend_recovery", "Oct 2026", "Known status")][:2] == ("2026-10-31", "6")
    assert not [r for r in rows[1:] if r[1] == "trend_recovery" and r[3] != "Oct 2026"]
    assert result.figures == len(rows) - 1 and result.suppressed == 0


def test_the_monthly_csv_hides_small_counts_as_empty_values(
    agency: Database, tmp_path: Path
) -> None:
    _run(agency, MONTHLY_CSV, OCTOBER, tmp_path / "m.csv")
    rows = _csv(tmp_path / "m.csv")
    counts = [r for r in rows[1:] if r[6] == "count"]
    assert counts and all(r[5] == "" or r[5] == "0" or int(r[5]) >= 11 for r in counts)
    served = [r for r in counts if r[1] == "caseload" and r[3].startswith("Clients served")]
    assert served[0][5:] == ["", "count", "yes"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The hand-made agency with areas typed as formulas, every count exact."""
    database = open_database(str(tmp_path_factory.mktemp("h") / "agency.sqlite3"))
    build(database, actor_of(database), TODAY)
    for area in ("=1+2", "+cmd", "-2+3", "@SUM(A1)", "\tTab"):
        values = {"occurred_on": "2026-10-15", "area": area, "naloxone_kits": 1}
        records.add_encounter(database, actor_of(database), None, values, TODAY)
    _threshold(database, 1)
    yield database
    database.dispose()


@pytest.mark.parametrize("profile", PROFILES, ids=[p.key for p in PROFILES])
def test_every_profiles_csv_starts_no_cell_with_a_formula(
    profile: Any, hostile: Database, tmp_path: Path
) -> None:
    as_csv = replace(profile, layout=Layout.CSV)
    period = OCTOBER if profile.period.value == "month" else YEAR
    _run(hostile, as_csv, period, tmp_path / "p.csv")
    text = (tmp_path / "p.csv").read_text(encoding="utf-8-sig")
    if "community_by_area" in profile.measures:
        assert "'=1+2" in text  # the area is there, as text
    cells = [c for row in csv.reader(text.splitlines()) for c in row]
    assert [c for c in cells if c.startswith(FORMULA_STARTS)] == []


def test_every_shipped_profile_is_valid_and_its_measures_exist(
    agency: Database, tmp_path: Path
) -> None:
    assert [p.problems() for p in PROFILES] == [[], [], []]
    assert len({p.key for p in PROFILES}) == len(PROFILES)
    everything = replace(OUTCOME_WORKBOOK, measures=MEASURES, layout=Layout.CSV)
    result = _run(agency, everything, YEAR, tmp_path / "all.csv")
    assert [t.measure for t in result.tables if t.table.key == t.measure] == list(MEASURES)


def test_a_profile_with_an_unknown_measure_is_refused_before_anything_is_written(
    agency: Database, tmp_path: Path
) -> None:
    wrong = replace(OUTCOME_WORKBOOK, measures=("outcome_change", "waiting_list"))
    with pytest.raises(ValueError, match=r"^outcomes: unknown measure waiting_list$"):
        _run(agency, wrong, YEAR, tmp_path / "w.xlsx")
    assert not (tmp_path / "w.xlsx").exists()


def test_a_profile_threshold_raises_the_agencys_and_never_lowers_it(
    agency: Database, tmp_path: Path
) -> None:
    higher = replace(MONTHLY_CSV, threshold=20)
    assert _run(agency, higher, OCTOBER, tmp_path / "a.csv").data.disclosure.threshold == 20
    lower = replace(MONTHLY_CSV, threshold=5)
    assert _run(agency, lower, OCTOBER, tmp_path / "b.csv").data.disclosure.threshold == 11


def test_the_profile_docs_profiles_md_shows_how_to_add_builds(
    agency: Database, tmp_path: Path
) -> None:
    """The example an agency copies is a valid profile that writes its file."""
    from forms.fields import N_
    from reports.outputs import funder_profiles
    from reports.tables.profile_spec import Asked, FunderProfile

    text = (Path(__file__).parents[3] / "docs" / "profiles.md").read_text(encoding="utf-8")
    example = text.split("```python\n", 1)[1].split("```", 1)[0]
    names: dict[str, Any] = {
        "FunderProfile": FunderProfile,
        "N_": N_,
        "Asked": Asked,
        "Layout": Layout,
        **{n: getattr(funder_profiles, n) for n in ("FUNDER", "OUTCOME_WORKBOOK", "MONTHLY_CSV")},
    }
    exec(example, names)
    added = names["PROFILES"][-1]
    assert added.problems() == []
    result = _run(agency, added, YEAR, tmp_path / "state.csv")
    assert [t.measure for t in result.tables][:2] == ["caseload", "followups"]
