"""The monthly PDF, read back with a text extractor: the hand-counted numbers, on every page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from db import settings as agency_settings
from db.access import PermissionDenied
from db.engine import Database
from db.jobs import Cancelled
from db.models import AuditEntry
from db.startup import open_database
from reports.outputs.monthly_pdf import monthly_report
from reports.render.pdf_monthly import INTERNAL_MARK
from reports.render.pdf_summary import sentences
from reports.tables.report_data import ReportData
from reports.tables.report_tables import Kind, Row, Table
from tests.accounts import actor_of
from tests.reports.hand_agency import AGENCY, DOCK, REPORT_MONTH, REPORT_YEAR, build
from tests.reports.hand_expected import OCTOBER
from tests.reports.printed_text import missing_rows, segment

TODAY = dt.date(2026, 11, 27)
GENERATED = dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(str(tmp_path_factory.mktemp("hand") / "agency.sqlite3"))
    build(database, actor_of(database), TODAY)
    yield database
    database.dispose()


def _write(agency: Database, folder: Path, internal: bool) -> tuple[Path, ReportData]:
    target = folder / ("internal.pdf" if internal else "report.pdf")
    data = monthly_report(
        agency,
        actor_of(agency),
        REPORT_YEAR,
        REPORT_MONTH,
        target,
        internal=internal,
        generated_at=GENERATED,
    )
    return target, data


@dataclass(frozen=True)
class Printed:
    reader: PdfReader
    data: ReportData
    pages: list[str]  # each page's text, every run of white space made one space

    @property
    def text(self) -> str:
        return " ".join(self.pages)


def _read(path: Path, data: ReportData) -> Printed:
    reader = PdfReader(path)
    return Printed(reader, data, [" ".join(p.extract_text().split()) for p in reader.pages])


@pytest.fixture(scope="module")
def internal(agency: Database, tmp_path_factory: pytest.TempPathFactory) -> Printed:
    return _read(*_write(agency, tmp_path_factory.mktemp("pdf"), internal=True))


@pytest.fixture(scope="module")
def default(agency: Database, tmp_path_factory: pytest.TempPathFactory) -> Printed:
    return _read(*_write(agency, tmp_path_factory.mktemp("pdf"), internal=False))


@pytest.mark.parametrize("key", list(OCTOBER))
def test_every_table_prints_the_hand_counted_numbers(internal: Printed, key: str) -> None:
    data, text = internal.data, internal.text
    tables = [t for s in data.sections for t in s.tables] + list(data.trends)
    index = next(i for i, t in enumerate(tables) if t.key == key)
    table = tables[index]
    following = tables[index + 1].title if index + 1 < len(tables) else "7. Outcome change"
    problem = missing_rows(segment(text, table.title, following), table, OCTOBER[key])
    assert problem is None, problem


def test_every_page_has_its_header_footer_and_the_internal_mark(internal: Printed) -> None:
    total = len(internal.pages)
    assert total >= 5
    for number, text in enumerate(internal.pages, start=1):
        assert f"Page {number} of {total}" in text
        assert INTERNAL_MARK in text
        assert AGENCY in text
        assert "Monthly report · October 2026" in text
        assert "Generated 2026-11-02 09:30 UTC" in text


def test_markup_in_the_agency_name_and_an_area_prints_as_typed(internal: Printed) -> None:
    text = internal.text
    assert text.startswith(AGENCY)  # "<b>", "&" and the Greek letter, literally
    assert f"{DOCK} 1 2 1 20 15 0.75" in text


def test_the_default_report_hides_small_counts_and_is_not_marked_internal(default: Printed) -> None:
    text = default.text
    assert INTERNAL_MARK not in text
    assert "Counts from 1 to 10 print as <11" in text
    assert "Clients served (completed assessment or identified encounter) <11" in text
    assert "Known status (in the tables below) <11" in text
    assert "All areas <11 <11 <11 30 19 0.63" in text
    assert "Harm index (0-100) – *" in text


def test_the_definitions_close_the_report(internal: Printed) -> None:
    last, text = internal.pages[-1], internal.text
    # Outcome change, demographics and stewardship are sections 7 to 9, so the
    # Definitions are 10.
    assert "7. Outcome change" in text and "8. Demographics" in text
    assert "9. Stewardship of resources" in text
    assert "10. Definitions" in text
    assert "Counts from 1 to 10 print as <11" in last
    assert "6. Trends" in text and "Follow-up rate (%) of the windows" in text


def test_the_paper_size_follows_the_settings(agency: Database, tmp_path: Path) -> None:
    with agency.writing() as session:
        current = agency_settings.load(session)
        agency_settings.save(session, actor_of(agency), replace(current, paper_size="a4"))
    try:
        monthly_report(agency, actor_of(agency), REPORT_YEAR, REPORT_MONTH, tmp_path / "a4.pdf")
    finally:
        with agency.writing() as session:
            agency_settings.save(session, actor_of(agency), current)
    box = PdfReader(tmp_path / "a4.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_letter_is_the_default_paper(internal: Printed) -> None:
    box = internal.reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_writing_the_report_is_audited(agency: Database, tmp_path: Path) -> None:
    monthly_report(agency, actor_of(agency), REPORT_YEAR, REPORT_MONTH, tmp_path / "m.pdf")
    with agency.reading() as session:
        entry = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "monthly_report")
            .order_by(AuditEntry.seq.desc())
        ).first()
    assert entry is not None and entry.action == "export" and entry.entity_id == "2026-10"


def test_a_cancelled_report_leaves_no_file_and_keeps_an_earlier_one(
    agency: Database, tmp_path: Path
) -> None:
    target = tmp_path / "report.pdf"
    with pytest.raises(Cancelled):
        monthly_report(
            agency, actor_of(agency), REPORT_YEAR, REPORT_MONTH, target, cancelled=lambda: True
        )
    assert list(tmp_path.iterdir()) == []
    target.write_bytes(b"last month")
    with pytest.raises(Cancelled):
        monthly_report(
            agency, actor_of(agency), REPORT_YEAR, REPORT_MONTH, target, cancelled=lambda: True
        )
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]
    assert target.read_bytes() == b"last month"


def test_a_front_desk_account_may_not_print_it(agency: Database, tmp_path: Path) -> None:
    desk = actor_of(agency, "front_desk")
    with pytest.raises(PermissionDenied, match="front desk may not make reports"):
        monthly_report(agency, desk, REPORT_YEAR, REPORT_MONTH, tmp_path / "m.pdf")
    assert list(tmp_path.iterdir()) == []


def test_the_first_page_is_the_summary_with_signed_changes(internal: Printed) -> None:
    first = internal.pages[0]
    assert "At a glance" in first and "1. Caseload" not in first
    # Hand-counted in tests/reports/tables/test_board_summary.py: kits 3 in October,
    # 9 in September, none in October 2025.
    assert "Naloxone kits handed out 3 9 −6 0 +3" in first
    assert "People served 5 1 +4 2 +3" in first
    assert "Follow-up rate 0.0 % – – – –" in first
    assert "2 people were in full remission at the month's end" in first
    assert "1 people in full recovery — the outcome we hope for" in first


def test_the_summary_sentences_keep_hidden_counts_hidden(default: Printed) -> None:
    first = default.pages[0]
    assert "fewer than 11 people were in full remission" in first
    assert "People served <11 <11 * <11 *" in first


def test_a_number_withheld_to_protect_another_is_named_so_in_the_summary() -> None:
    table = Table(
        "summary",
        "At a glance",
        "",
        ("This month", "Sep 2026", "Change", "Oct 2025", "Change"),
        (
            Row("In full remission: x", (40, "<11", "*", 12, 28)),
            Row("In full recovery: y", ("*", 30, "*", 20, "*")),
            Row("Overdoses reversed with naloxone", (0, 0, 0, 0, 0)),
            Row("Follow-up rate", (None, None, None, None, None), kind=Kind.PERCENT),
        ),
    )
    said = " ".join(sentences(table, "<11"))
    assert said.startswith("40 people were in full remission at the month's end, and a")
    assert "a withheld number of people in full recovery" in said
    assert "No follow-up rate can be printed for this month." in said


def test_the_outcome_change_section_prints_the_hand_counted_pairs(internal: Printed) -> None:
    # Hand-counted in tests/reports/tables/test_board_summary.py.
    text = segment(internal.text, "7. Outcome change", "8. Demographics")
    assert "Quality of life (0-20) 4 10.00 13.25 3.25 100.0 % 0.0 % 0.0 %" in text
    assert "Days used the primary substance (of 28) 4 14.50 2.00 -12.50 100.0 %" in text


def test_the_demographics_section_prints_the_hand_counted_ages(internal: Printed) -> None:
    text = segment(internal.text, "8. Demographics", "9. Stewardship of resources")
    assert "25-34 2 35-44 0 45-54 1 55-64 0 65 and over 2 Clients served 5" in text


def test_the_stewardship_section_says_no_unit_cost_was_entered(internal: Printed) -> None:
    # The hand agency entered no unit costs: nothing prints as 0.
    text = segment(internal.text, "9. Stewardship of resources", "10. Definitions")
    assert "Naloxone kits 3 not entered not entered not entered" in text
    assert "No unit cost is entered yet" in text
    assert "Cost of supplies by area" not in text
    assert "Returned per syringe given 0.63" in text
