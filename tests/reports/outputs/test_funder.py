"""The funder workbook reopened with openpyxl: hand-counted numbers, suppression, no identifiers."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from db import report_queries as queries
from db import settings as agency_settings
from db.access import PermissionDenied
from db.dates import Period
from db.demo import build_demo
from db.engine import Database
from db.jobs import Cancelled
from db.models import AuditEntry
from db.startup import open_database
from forms import records
from reports.datasets import deidentify, walk_split
from reports.datasets.histories import load_histories
from reports.outputs.funder import FunderResult, funder_workbook
from reports.rules.recovery import primary_status
from reports.tables.report_tables import Kind, Table
from tests.accounts import actor_of
from tests.reports.hand_agency import DOCK, PEOPLE, build, client_code
from tests.reports.hand_expected import year_tables

TODAY = dt.date(2026, 11, 27)
START, END = dt.date(2025, 11, 1), dt.date(2026, 10, 31)
MARK = "<11"
STAR = "*"  # hidden only to protect a small count
AGGREGATE_SHEETS = ("Summary", "Community", "Trends", "Flat")


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(str(tmp_path_factory.mktemp("hand") / "agency.sqlite3"))
    build(database, actor_of(database), TODAY)
    yield database
    database.dispose()


def _export(database: Database, target: Path, **kw: Any) -> tuple[Any, FunderResult]:
    result = funder_workbook(database, actor_of(database), START, END, target, **kw)
    return load_workbook(target), result


@pytest.fixture(scope="module")
def default(agency: Database, tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, FunderResult]:
    return _export(agency, tmp_path_factory.mktemp("f") / "funder.xlsx")


@pytest.fixture(scope="module")
def with_rows(
    agency: Database, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Any, FunderResult]:
    return _export(agency, tmp_path_factory.mktemp("f") / "rows.xlsx", rows=True)


@pytest.fixture(scope="module")
def exact(agency: Database, tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, FunderResult]:
    """A threshold of 1 hides nothing: the workbook's layout with every exact number."""
    with agency.writing() as session:
        current = agency_settings.load(session)
        agency_settings.save(session, actor_of(agency), replace(current, suppression_threshold=1))
    try:
        return _export(agency, tmp_path_factory.mktemp("f") / "exact.xlsx")
    finally:
        with agency.writing() as session:
            agency_settings.save(session, actor_of(agency), current)


def cell_value(value: object, kind: Kind) -> object:
    """How the workbook stores a printed value (percentages as fractions)."""
    if value is None:
        return "–"
    if kind is Kind.PERCENT and isinstance(value, int | float):
        return pytest.approx(value / 100)
    if isinstance(value, float):
        return pytest.approx(value)
    return value


def summary_block(ws: Any, table: Table) -> list[tuple[object, tuple[object, ...]]]:
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == table.title)
    assert rows[start + 1][: len(table.columns) + 1] == (table.row_header, *table.columns)
    block = rows[start + 2 : start + 2 + len(table.rows)]
    return [(r[0], tuple(r[1 : len(table.columns) + 1])) for r in block]


def expected_block(
    table: Table, hand: list[tuple[str, tuple[object, ...]]]
) -> list[tuple[object, tuple[object, ...]]]:
    return [
        (label, tuple(cell_value(v, table.kind_of(row, i)) for i, v in enumerate(values)))
        for (label, values), row in zip(hand, table.rows, strict=True)
    ]


@pytest.mark.parametrize("key", [k for k in year_tables() if not k.startswith("trend")])
def test_the_summary_shows_every_table_with_the_hand_counted_numbers(
    exact: tuple[Any, FunderResult], key: str
) -> None:
    book, result = exact
    table = result.data.table(key)
    assert summary_block(book["Summary"], table) == expected_block(table, year_tables()[key])


def test_the_community_sheet_has_one_row_per_area_and_the_total(
    exact: tuple[Any, FunderResult],
) -> None:
    rows = list(exact[0]["Community"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Area", "Encounters", "Naloxone kits")
    # Every area of either PDF table, with both tables' columns side by side.
    assert rows[1:] == [
        ("97203", 1, 1, 0, 10, 4, pytest.approx(0.4), 0, 0, 0, 1, 0),
        (DOCK, 2, 11, 1, 20, 15, pytest.approx(0.75), 5, 0, 0, 0, 0),
        # 97201 holds only D's death: pooled, never printed under its postal code.
        ("Other areas", 0, 0, 0, 0, 0, "–", 0, 0, 0, 0, 1),
        ("Area not recorded", 1, 0, 0, 0, 0, "–", 0, 1, 1, 2, 0),
        ("All areas", 4, 12, 1, 30, 19, pytest.approx(0.63), 5, 1, 1, 3, 1),
    ]
    assert exact[0]["Community"].freeze_panes == "A2"
    # The All areas total (row 6) stays out of the filter, so sorting never moves it.
    assert exact[0]["Community"].auto_filter.ref == "A1:L5"


def test_the_trends_sheet_has_a_row_per_month_end(exact: tuple[Any, FunderResult]) -> None:
    book = exact[0]
    rows = list(book["Trends"].iter_rows(values_only=True))
    assert len(rows) == 13
    assert rows[1][0] == dt.datetime(2025, 11, 30) and rows[-1][0] == dt.datetime(2026, 10, 31)
    oct_row = rows[-1]
    # Known 6 (1 full, 2 partial, 2 no improvement, 1 n/a); 1 window closed,
    # missed; 7 assessed, shares 42.9 / 14.3 / 28.6 %, index 10.4.
    assert oct_row[1:10] == (6, 1, 2, 2, 1, 1, 0, 1, 0.0)
    assert oct_row[10] == 7
    assert oct_row[11:] == pytest.approx((0.429, 0.143, 0.286, 10.4))
    assert book["Trends"].cell(13, 10).number_format == "0.0%"
    result = exact[1]
    tables = [result.data.table(k) for k in ("trend_recovery", "trend_followups", "trend_harm")]
    for index, row in enumerate(rows[1:]):
        expected: list[object] = []
        for table in tables:
            label, values = year_tables()[table.key][index]
            expected += [
                cell_value(v, table.kind_of(table.rows[index], i)) for i, v in enumerate(values)
            ]
        assert tuple(row[1:]) == tuple(expected), label


def test_small_counts_are_under_11_and_a_large_one_hides_with_them(
    default: tuple[Any, FunderResult],
) -> None:
    rows = list(default[0]["Community"].iter_rows(min_row=2, values_only=True))
    # No area holds 11 people (97203 one client, the dock two anonymous encounters,
    # 97201 only a death): all pool into "Other areas", no postal code is printed.
    assert rows == [
        ("Other areas", MARK, 12, MARK, 30, 19, pytest.approx(0.63), MARK, 0, 0, MARK, MARK),
        ("Area not recorded", MARK, 0, 0, 0, 0, "–", 0, MARK, MARK, MARK, 0),
        ("All areas", MARK, 12, MARK, 30, 19, pytest.approx(0.63), MARK, MARK, MARK, MARK, MARK),
    ]
    caseload = summary_block(default[0]["Summary"], default[1].data.table("caseload"))
    assert [values for _, values in caseload] == [(MARK,), (0,), *[(MARK,)] * 5]


def _count_cells(book: Any) -> Iterator[Any]:
    for name in AGGREGATE_SHEETS:
        for row in book[name].iter_rows():
            for cell in row:
                if cell.number_format == "#,##0":
                    yield cell


def test_no_count_from_1_to_10_appears_in_an_aggregate_sheet(
    default: tuple[Any, FunderResult],
) -> None:
    counts = list(_count_cells(default[0]))
    assert counts, "no count cells found"
    assert [c.coordinate for c in counts if isinstance(c.value, int) and 1 <= c.value <= 10] == []


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(str(tmp_path_factory.mktemp("demo") / "demo.sqlite3"))
    build_demo(database, 600, 7, today=TODAY)
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def demo_book(demo: Database, tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, FunderResult]:
    return _export(demo, tmp_path_factory.mktemp("f") / "demo.xlsx")


def _expected_rows(database: Database, period: Period) -> dict[int, tuple[object, ...]]:
    """Every client the Summary counts, with its row, worked out from the client's whole
    history by the rules themselves (not by the walk that writes the sheet)."""
    from reports.rules.followup import client_followups
    from reports.rules.harm import client_harm

    end, harm_period = period.end, Period.twelve_months_ending(period.end)
    found = {}
    with database.reading() as session:
        served = queries.served_ids(session, period.start, end)
        settings = agency_settings.load(session)
        for h in load_histories(session, until=end):
            status = primary_status(h, end)
            points = [
                p
                for p in client_followups(h, end, settings.followup_months, day_over=True)
                if p.point.closes_on in period
            ]
            followups = (len(points), sum(p.state == "completed" for p in points))
            harm = client_harm(h, harm_period)
            counted = harm.assessed or bool(harm.event_counts) or "death" in harm.flags
            known = status.dsm_status not in ("unknown", "deceased")
            if not (h.client_id in served or counted or known or followups[0]):
                continue
            levels = (harm.harm_self, harm.harm_others, harm.harm_community, harm.ahi)
            member = deidentify.Membership(h.client_id in served, counted, harm.assessed)
            found[h.client_id] = deidentify.client_row(
                h, status, levels if counted else None, followups, period, settings.state, member
            )
    return found


@pytest.fixture(params=["one process", "two workers"])
def walk(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The rows walked by the report alone, or split over two worker processes (at any
    size); with workers, the test fails unless the walk was really split."""
    apart = request.param == "two workers"
    monkeypatch.setenv(walk_split.WORKERS_VARIABLE, "2" if apart else "1")
    monkeypatch.setenv(walk_split.SPLIT_FROM_VARIABLE, "0")
    split: list[object] = []
    walk_apart = walk_split.walk_apart

    def watched(*args: Any, **kwargs: Any) -> Any:
        split.append(walk_apart(*args, **kwargs))
        return split[-1]

    monkeypatch.setattr(walk_split, "walk_apart", watched)
    yield request.param
    assert [part is not None for part in split] == [apart]


def test_every_row_is_what_the_rules_give_on_the_full_history(
    demo: Database, tmp_path: Path, walk: str
) -> None:
    """The walk reads some clients with only what their row needs; every row, follow-ups
    and membership included, must be the one the rules give on the whole history, and
    the rows are the clients the Summary counts, walked in one process or apart."""
    book, _ = _export(demo, tmp_path / "rows.xlsx", rows=True)
    got = Counter(r[1:] for r in book["Clients"].iter_rows(min_row=2, values_only=True))
    expected = _expected_rows(demo, Period(START, END))
    assert got == Counter(expected.values())
    column = {k: i - 1 for i, k in enumerate(deidentify.KEYS)}
    statuses = Counter(row[column["dsm_status"]] for row in got.elements())
    assert statuses["unknown"] > 50 and statuses["deceased"] and statuses["early_remission"]
    assert {row[column["served"]] for row in got} == {"yes", "no"}


def test_rows_do_not_come_in_the_order_of_the_client_list(
    demo: Database, tmp_path: Path, walk: str
) -> None:
    book, result = _export(demo, tmp_path / "rows.xlsx", rows=True)
    record_ids = [r[0] for r in book["Clients"].iter_rows(min_row=2, values_only=True)]
    assert record_ids == sorted(set(record_ids))  # unique, and the sheet's order
    ages = [r[1] for r in book["Clients"].iter_rows(min_row=2, values_only=True)]
    expected = _expected_rows(demo, Period(START, END))
    in_list_order = [expected[i][0] for i in sorted(expected)]
    assert len(ages) == result.client_rows == len(expected) > 200
    assert sorted(ages) == sorted(in_list_order)  # the same clients...
    assert ages != in_list_order  # ...not in the order of the agency's list


def _lines_of(table: Table) -> list[list[object]]:
    """Rows and columns of a table printed with a Total column and a Total row."""
    counts = [
        list(r.values)
        for r in table.rows
        if r.label != "Mean recovery attempts (earlier attempts + remission episodes)"
    ]
    return counts + [list(col) for col in zip(*counts, strict=True)]


def test_a_realistic_agency_shows_no_small_count_and_no_cell_a_total_gives_away(
    demo_book: tuple[Any, FunderResult],
) -> None:
    book, result = demo_book
    assert [
        c.coordinate for c in _count_cells(book) if isinstance(c.value, int) and 1 <= c.value <= 10
    ] == []
    crossed = [t for s in result.data.sections for t in s.tables if t.columns[-1] == "Total"]
    assert len(crossed) >= 6
    for table in crossed:
        for line in _lines_of(table):
            assert line.count(MARK) + line.count(STAR) != 1, (table.key, line)
    community = list(book["Community"].iter_rows(min_row=2, values_only=True))
    for column in zip(*community, strict=True):
        assert list(column).count(MARK) + list(column).count(STAR) != 1
    assert any(MARK in line for t in crossed for line in _lines_of(t))


def _identifiers() -> list[str]:
    found = []
    for letter, (given, family, born, _postal, phone) in PEOPLE.items():
        found += [given, family, born, phone, client_code(letter)]
    return found


def _all_text(book: Any) -> list[str]:
    texts = list(book.sheetnames)
    props = book.properties
    texts += [
        str(getattr(props, name))
        for name in (
            "creator",
            "title",
            "description",
            "subject",
            "identifier",
            "keywords",
            "lastModifiedBy",
            "category",
            "contentStatus",
        )
    ]
    for ws in book.worksheets:
        for row in ws.iter_rows(values_only=True):
            texts += [
                v.isoformat() if isinstance(v, dt.date) else str(v) for v in row if v is not None
            ]
    return texts


@pytest.mark.parametrize("which", ["default", "with_rows"])
def test_no_name_birth_date_phone_or_client_code_anywhere(
    which: str, request: pytest.FixtureRequest
) -> None:
    book, _ = request.getfixturevalue(which)
    texts = _all_text(book)
    for secret in _identifiers():
        assert not [t for t in texts if secret in t], secret
    births = {dt.datetime.fromisoformat(born) for _, _, born, _, _ in PEOPLE.values()}
    for ws in book.worksheets:
        for row in ws.iter_rows(values_only=True):
            assert not births & set(row)


def test_the_row_sheet_is_de_identified(with_rows: tuple[Any, FunderResult]) -> None:
    book, result = with_rows
    assert book.sheetnames == [
        "Summary",
        "Community",
        "Trends",
        "Flat",
        "Clients",
        "Dictionary",
        "About",
    ]
    rows = list(book["Clients"].iter_rows(values_only=True))
    assert rows[0] == deidentify.KEYS
    body = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert len(body) == result.client_rows == 8  # everyone was served in the year
    ids = [r["record_id"] for r in body]
    assert len(set(ids)) == 8 and all(re.fullmatch(r"[0-9A-F]{10}", i) for i in ids)
    assert sorted(r["age"] for r in body) == sorted(
        ["76", "90+", "36", "45", "26", "51", "31", "65"]
    )
    assert {r["state"] for r in body} == {"OR"}
    postal = {p for _, _, _, p, _ in PEOPLE.values()}
    for row in rows[1:]:
        assert not any(isinstance(v, dt.date) for v in row)  # dates only as years
        assert not postal & {str(v) for v in row}
    assert {r["first_intake_year"] for r in body} == {2025, 2026}
    oldest = next(r for r in body if r["age"] == "90+")
    assert (oldest["dsm_status"], oldest["severity"], oldest["recovery_status"]) == (
        "active",
        "mild",
        "partial",
    )
    assert (oldest["harm_community"], oldest["ahi"]) == (2, 13.3)
    # The eight windows that closed in the year, two of them met (section 2).
    assert sum(r["followups_due"] for r in body) == 8
    assert sum(r["followups_completed"] for r in body) == 2
    aged_76 = next(r for r in body if r["age"] == "76")  # A: 3-month met, 6-month missed
    assert (aged_76["followups_due"], aged_76["followups_completed"]) == (2, 1)
    assert (aged_76["dsm_status"], aged_76["recovery_status"]) == ("sustained_remission", "full")


def test_record_ids_differ_in_every_export(
    agency: Database, with_rows: tuple[Any, FunderResult], tmp_path: Path
) -> None:
    again, _ = _export(agency, tmp_path / "again.xlsx", rows=True)
    first = {r[0] for r in with_rows[0]["Clients"].iter_rows(min_row=2, values_only=True)}
    second = {r[0] for r in again["Clients"].iter_rows(min_row=2, values_only=True)}
    assert len(first) == len(second) == 8 and not first & second


def test_the_dictionary_and_about_sheets_explain_the_file(
    with_rows: tuple[Any, FunderResult],
) -> None:
    book, _ = with_rows
    described = {(r[0], r[1]) for r in book["Dictionary"].iter_rows(min_row=2, values_only=True)}
    for key in deidentify.KEYS:
        assert ("Clients", key) in described
    assert ("Community", "Naloxone kits") in described and ("Trends", "Follow-up rate") in described
    assert ("Flat", "Value") in described and ("Flat", "Suppressed") in described
    about = {r[0]: r[1] for r in book["About"].iter_rows(min_row=2, values_only=True)}
    assert about["Agency"] == "Hope & <b>Harbour</b> Ξ"
    assert about["Period"] == "2025-11-01 to 2026-10-31"
    assert about["Suppression threshold"].startswith("11: Counts from 1 to 10 show as <11")
    assert "Definition: Remission" in about
    assert book.properties.creator == "Recovery Desk"


def test_text_that_looks_like_a_formula_stays_text(database: Database, tmp_path: Path) -> None:
    boss = actor_of(database)
    with database.writing() as session:
        current = agency_settings.load(session)
        agency_settings.save(session, boss, replace(current, agency_name="=cmd|'/c calc'!A1"))
    for _ in range(11):  # enough people for the area to be printed, not pooled
        records.add_encounter(
            database,
            boss,
            None,
            {"occurred_on": "2026-10-09", "area": "=SUM(A1:A9)", "naloxone_kits": 20},
            TODAY,
        )
    funder_workbook(database, boss, START, END, tmp_path / "f.xlsx")
    book = load_workbook(tmp_path / "f.xlsx")
    area = book["Community"]["A2"]
    assert (area.value, area.data_type) == ("=SUM(A1:A9)", "s")
    agency = book["About"]["B2"]
    assert (agency.value, agency.data_type) == ("=cmd|'/c calc'!A1", "s")


def test_writing_the_workbook_is_audited(
    agency: Database, default: tuple[Any, FunderResult]
) -> None:
    with agency.reading() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "funder_workbook")
        ).first()
    assert entry is not None and entry.action == "export"
    assert entry.entity_id == "2025-11-01..2026-10-31"


def test_a_cancelled_export_leaves_no_file(agency: Database, tmp_path: Path) -> None:
    calls = iter([False, False] + [True] * 100)  # the data is built, the writing cancelled
    with pytest.raises(Cancelled):
        funder_workbook(
            agency,
            actor_of(agency),
            START,
            END,
            tmp_path / "f.xlsx",
            rows=True,
            cancelled=lambda: next(calls),
        )
    assert list(tmp_path.iterdir()) == []


def test_a_front_desk_account_may_not_export(agency: Database, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied, match="front desk may not make reports"):
        funder_workbook(agency, actor_of(agency, "front_desk"), START, END, tmp_path / "f.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_the_dictionary_names_the_markers_the_sheets_print(
    agency: Database, tmp_path: Path
) -> None:
    """With a threshold of 5, a small count prints <5 and a percentage resting on a
    hidden count prints * in the sheets: the Dictionary must say exactly that."""
    with agency.writing() as session:
        current = agency_settings.load(session)
        agency_settings.save(session, actor_of(agency), replace(current, suppression_threshold=5))
    try:
        book, _ = _export(agency, tmp_path / "five.xlsx")
    finally:
        with agency.writing() as session:
            agency_settings.save(session, actor_of(agency), current)
    shown = {
        v
        for name in ("Summary", "Trends")
        for row in book[name].iter_rows(values_only=True)
        for v in row
        if v in ("<5", "*", "<11")
    }
    assert shown == {"<5", "*"}
    header = [c.value for c in book["Dictionary"][1]]
    helps = {
        (r[0], r[1]): r[header.index("help")]
        for r in book["Dictionary"].iter_rows(min_row=2, values_only=True)
    }
    rate = helps[("Trends", "Follow-up rate")]
    count = helps[("Trends", "Windows closed")]
    assert "*" in rate and "<5" not in rate and "<11" not in rate
    assert "<5" in count and "<11" not in count


def _recount(rows: list[dict[str, Any]]) -> dict[str, object]:
    """The Summary's client counts, recounted from the rows the way a funder would."""
    known = [r for r in rows if r["dsm_status"] not in ("unknown", "deceased")]
    assessed = [r for r in rows if r["assessed_in_harm_period"] == "yes"]
    return {
        "served": sum(r["served"] == "yes" for r in rows),
        "closed": sum(r["followups_due"] for r in rows),
        "completed": sum(r["followups_completed"] for r in rows),
        "known": len(known),
        "active": sum(r["dsm_status"] == "active" for r in known),
        "harm clients": sum(r["counted_in_harm"] == "yes" for r in rows),
        "harm assessed": len(assessed),
        "flags to self": sum(r["harm_self"] for r in assessed),
    }


def _summary_counts(data: Any) -> dict[str, object]:
    value = {
        "served": ("caseload", "Clients served (completed assessment or identified encounter)", 0),
        "closed": ("followups", "Windows closed in the period", -1),
        "completed": ("followups", "Completed in the window", -1),
        "known": ("recovery_population", "Known status (in the tables below)", 0),
        "active": ("dsm_by_goal", "Active", -1),
        "harm clients": (
            "harm_clients",
            "Clients with an event, a death or a completed assessment",
            0,
        ),
        "harm assessed": ("harm_clients", "Of whom assessed (28-day items known)", 0),
        "flags to self": ("harm_index", "Harm to self (of 6 flags)", 0),
    }
    return {k: data.table(t).row(label).values[i] for k, (t, label, i) in value.items()}


@pytest.mark.parametrize("period", [Period(START, END), Period.month(2026, 10)])
def test_the_rows_add_up_to_every_client_count_of_the_summary(
    agency: Database, tmp_path: Path, period: Period
) -> None:
    """Row and Summary count the same clients: recounted from the rows, each client count
    of the (exact) Summary comes out the same, the month's clients not served too."""
    with agency.writing() as session:
        current = agency_settings.load(session)
        agency_settings.save(session, actor_of(agency), replace(current, suppression_threshold=1))
    try:
        target = tmp_path / "rows.xlsx"
        result = funder_workbook(
            agency, actor_of(agency), period.start, period.end, target, rows=True
        )
    finally:
        with agency.writing() as session:
            agency_settings.save(session, actor_of(agency), current)
    sheet = list(load_workbook(target)["Clients"].iter_rows(values_only=True))
    rows = [dict(zip(sheet[0], r, strict=True)) for r in sheet[1:]]
    assert _recount(rows) == _summary_counts(result.data)
    about = {r[0]: r[1] for r in load_workbook(target)["About"].iter_rows(values_only=True)}
    assert "must be handled as row-level data" in about["Row-level sheet"]
