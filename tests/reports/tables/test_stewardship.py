"""The stewardship section of the hand-made agency's October 2026 report, worked out by
hand from the encounters in tests/reports/hand_agency.py.

October's encounters: Evangeline's in 97203 (1 kit, 10 syringes out, 4 returned,
1 referral); an anonymous one in "Dock <b>&" (2 kits, 20 syringes out, 15 returned,
5 test strips); an anonymous one with no area (1 HIV test, 1 HCV test, 2 referrals). The
Dock's 9 kits of 2026-09-30 are September's. Clients served: 5 (A, F, G, H assessed, E's
encounter). Unit costs entered: kit 47.13, syringe 0.12, test strip 2.00, HCV test 18.75;
the HIV test's cost is not entered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from db import settings as agency_settings
from db.dates import Period
from db.engine import Database
from db.startup import open_database
from reports.outputs.monthly_data import build_report_data
from reports.outputs.monthly_pdf import monthly_report
from reports.tables.report_data import ReportData
from reports.tables.stewardship import per_client
from tests.accounts import actor_of
from tests.reports.hand_agency import DOCK, REPORT_MONTH, REPORT_YEAR, build
from tests.reports.printed_text import segment

TODAY = dt.date(2026, 11, 27)
OCTOBER_2026 = Period.month(REPORT_YEAR, REPORT_MONTH)
COSTS = {
    "cost_naloxone_kit": 4713,
    "cost_syringe": 12,
    "cost_test_strip": 200,
    "cost_hiv_test": None,
    "cost_hcv_test": 1875,
}
NOT_ENTERED = "not entered"

# Handed out, unit cost, cost, cost per client served (money in cents).
SUPPLIES_EXACT = [
    # 3 kits x 47.13 = 141.39; / 5 clients = 28.278 -> 28.28.
    ("Naloxone kits", (3, 4713, 14139, 2828)),
    # 30 x 0.12 = 3.60; / 5 = 0.72.
    ("Syringes", (30, 12, 360, 72)),
    # 5 x 2.00 = 10.00; / 5 = 2.00.
    ("Test strips", (5, 200, 1000, 200)),
    ("HIV tests", (1, NOT_ENTERED, NOT_ENTERED, NOT_ENTERED)),
    # 1 x 18.75; / 5 = 3.75.
    ("HCV tests", (1, 1875, 1875, 375)),
    # 141.39 + 3.60 + 10.00 + 18.75 = 173.74; / 5 = 34.748 -> 34.75.
    ("All supplies with a unit cost", (None, None, 17374, 3475)),
]
# Kits, syringes, test strips, HCV tests, total (no HIV column: no unit cost).
AREAS_EXACT = [
    # 1 kit, 10 syringes: 47.13 + 1.20.
    ("97203", (4713, 120, 0, 0, 4833)),
    # 2 kits, 20 syringes, 5 strips: 94.26 + 2.40 + 10.00.
    (DOCK, (9426, 240, 1000, 0, 10666)),
    ("Area not recorded", (0, 0, 0, 1875, 1875)),
    ("All areas", (14139, 360, 1000, 1875, 17374)),
]
RETURNS_EXACT = [
    ("Syringes given", (30,)),
    ("Syringes returned", (19,)),
    ("Returned per syringe given", (0.63,)),  # 19 / 30 = 0.633
    ("Referrals made", (3,)),
    ("Referrals per client served", (0.6,)),  # 3 / 5
]


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(str(tmp_path_factory.mktemp("hand") / "agency.sqlite3"))
    build(database, actor_of(database), TODAY)
    with database.writing() as session:
        chosen = replace(agency_settings.load(session), **COSTS)
        agency_settings.save(session, actor_of(database), chosen)
    yield database
    database.dispose()


def report(agency: Database, internal: bool) -> ReportData:
    return build_report_data(
        agency, actor_of(agency), OCTOBER_2026, internal=internal, summary=True
    )


def rows(data: ReportData, key: str) -> list[tuple[str, tuple[object, ...]]]:
    return [(r.label, r.values) for r in data.table(key).rows]


def test_what_was_handed_out_and_its_cost_per_client_served(agency: Database) -> None:
    data = report(agency, internal=True)
    assert rows(data, "stewardship_supplies") == SUPPLIES_EXACT
    assert data.table("stewardship_supplies").note == (
        "No unit cost entered in Settings for: HIV tests."
    )


def test_the_cost_of_each_area_adds_up_to_all_areas(agency: Database) -> None:
    data = report(agency, internal=True)
    table = data.table("stewardship_by_area")
    assert table.columns == ("Naloxone kits", "Syringes", "Test strips", "HCV tests", "Total cost")
    assert rows(data, "stewardship_by_area") == AREAS_EXACT


def test_syringe_return_and_referrals(agency: Database) -> None:
    assert rows(report(agency, internal=True), "stewardship_returns") == RETURNS_EXACT


def test_a_cost_is_withheld_with_the_small_count_it_rests_on(agency: Database) -> None:
    printed = dict(rows(report(agency, internal=False), "stewardship_supplies"))
    # 3 kits hide as <11, and their cost with them (cost / unit cost = the count).
    assert printed["Naloxone kits"] == ("<11", 4713, "*", "*")
    # 30 syringes print, their cost too; per client rests on the 5 clients served.
    assert printed["Syringes"] == (30, 12, 360, "*")
    assert printed["All supplies with a unit cost"] == (None, None, "*", "*")
    returns = dict(rows(report(agency, internal=False), "stewardship_returns"))
    assert returns["Returned per syringe given"] == (0.63,)
    assert returns["Referrals per client served"] == ("*",)


def test_no_unit_cost_entered_prints_not_entered_and_no_area_table(agency: Database) -> None:
    with agency.writing() as session:
        current = agency_settings.load(session)
        bare = replace(current, **dict.fromkeys(COSTS))
        agency_settings.save(session, actor_of(agency), bare)
    try:
        data = report(agency, internal=True)
    finally:
        with agency.writing() as session:
            agency_settings.save(session, actor_of(agency), current)
    printed = dict(rows(data, "stewardship_supplies"))
    assert printed["Naloxone kits"] == (3, NOT_ENTERED, NOT_ENTERED, NOT_ENTERED)
    assert printed["All supplies with a unit cost"] == (None, None, NOT_ENTERED, NOT_ENTERED)
    assert 0 not in printed["Syringes"][1:]
    with pytest.raises(KeyError):
        data.table("stewardship_by_area")


def test_the_monthly_pdf_prints_the_costs_to_the_cent(agency: Database, tmp_path: Path) -> None:
    target = tmp_path / "october.pdf"
    monthly_report(agency, actor_of(agency), REPORT_YEAR, REPORT_MONTH, target, internal=True)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(target).pages)
    section = segment(text, "9. Stewardship of resources", "10. Definitions")
    assert "Naloxone kits 3 47.13 141.39 28.28" in section
    assert "HIV tests 1 not entered not entered not entered" in section
    assert "All supplies with a unit cost – – 173.74 34.75" in section
    assert "All areas 141.39 3.60 10.00 18.75 173.74" in section
    assert "Stewardship Handed out: the tallies of the encounters" in text


@pytest.mark.parametrize(
    ("cents", "served", "share"), [(17374, 5, 3475), (5, 2, 3), (1, 3, 0), (100, 0, None)]
)
def test_a_cost_per_client_rounds_half_a_cent_up(
    cents: int, served: int, share: int | None
) -> None:
    assert per_client(cents, served) == share
