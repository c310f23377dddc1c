"""The monthly PDF and the funder workbook in the language the agency's settings choose,
translated by the catalogue the desktop compiles (desktop/report_words.py), compiled
here from the repository's .ts sources as `make` does."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from db import settings as agency_settings
from db.dates import Period
from db.engine import Database
from db.startup import open_database
from desktop.report_words import report_catalogues
from reports.outputs.closed_reports import from_json, to_json
from reports.outputs.funder import funder_workbook
from reports.outputs.monthly_data import build_report_data
from reports.outputs.monthly_pdf import monthly_report
from reports.tables.language import report_language
from reports.tables.report_data import in_language
from tests.accounts import actor_of
from tests.reports.hand_agency import REPORT_MONTH, REPORT_YEAR, build

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 27)
GENERATED = dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC)
# Headings and phrases a reader of the English report sees on its pages.
ENGLISH_WORDS = (
    "Monthly report",
    "Caseload",
    "Follow-ups",
    "3. Recovery",
    "4. Harm",
    "Community",
    "Trends",
    "Definitions",
    "At a glance",
    "Generated",
    "Page 1 of",
    "Counts from 1 to",
    "Status of the primary substance",
    "Outcome change",
    "Demographics",
    "October 2026",
    "Programme tallies",
    "Recovery status at each month-end",
    "Small numbers",
    "people were in full remission",
)
SPANISH_WORDS = (
    "Informe mensual · octubre de 2026",
    "Período del 1 de octubre de 2026 al 31 de octubre de 2026.",
    "1. Casos atendidos",
    "De un vistazo",
    "6. Tendencias",
    "Definiciones",
    "Página 1 de",
    "personas estaban en remisión completa",
)


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("i18n")
    sources = sorted((ROOT / "desktop" / "i18n").glob("*_es.ts"))
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run(
        [
            str(lrelease),
            "-silent",
            *map(str, sources),
            "-qm",
            str(folder / "recovery_desk_es.qm"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return folder


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(str(tmp_path_factory.mktemp("hand") / "agency.sqlite3"))
    build(database, actor_of(database), TODAY)
    yield database
    database.dispose()


def _choose(database: Database, language: str) -> None:
    with database.writing() as session:
        chosen = replace(agency_settings.load(session), report_language=language)
        agency_settings.save(session, actor_of(database), chosen)


def _pdf_text(agency: Database, catalogue: Path, target: Path) -> str:
    monthly_report(
        agency,
        actor_of(agency),
        REPORT_YEAR,
        REPORT_MONTH,
        target,
        generated_at=GENERATED,
        catalogues=report_catalogues(catalogue),
    )
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(target).pages)


def test_the_monthly_pdf_speaks_the_language_the_agency_chose(
    agency: Database, catalogue: Path, tmp_path: Path
) -> None:
    _choose(agency, "es")
    try:
        spanish = _pdf_text(agency, catalogue, tmp_path / "es.pdf")
    finally:
        _choose(agency, "en")
    english = _pdf_text(agency, catalogue, tmp_path / "en.pdf")
    assert [w for w in ENGLISH_WORDS if w in spanish] == []
    assert [w for w in SPANISH_WORDS if w not in spanish] == []
    assert [w for w in ENGLISH_WORDS if w not in english] == []
    assert "Period 2026-10-01 to 2026-10-31." in english  # English keeps ISO dates
    assert "Generated 2026-11-02 09:30 UTC" in english


def test_the_funder_workbook_speaks_it_and_keeps_its_sheet_names(
    agency: Database, catalogue: Path, tmp_path: Path
) -> None:
    _choose(agency, "es")
    try:
        target = tmp_path / "funder.xlsx"
        start, end = dt.date(REPORT_YEAR, REPORT_MONTH, 1), dt.date(REPORT_YEAR, REPORT_MONTH, 31)
        funder_workbook(
            agency, actor_of(agency), start, end, target, catalogues=report_catalogues(catalogue)
        )
    finally:
        _choose(agency, "en")
    book = openpyxl.load_workbook(target, read_only=True)
    assert book.sheetnames[:3] == ["Summary", "Community", "Trends"]
    summary = [str(row[0]) for row in book["Summary"].iter_rows(values_only=True) if row]
    assert "1. Casos atendidos" in summary and "1. Caseload" not in summary
    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True) if row}
    assert about["Agencia"] and about["Estado leído el"] == "31 de octubre de 2026"
    assert next(book["Community"].iter_rows(values_only=True))[0] == "Zona"


def test_a_closed_month_kept_in_english_prints_again_in_spanish(
    agency: Database, catalogue: Path
) -> None:
    data = build_report_data(
        agency,
        actor_of(agency),
        Period.month(REPORT_YEAR, REPORT_MONTH),
        generated_at=GENERATED,
        summary=True,
    )
    kept = from_json(to_json(data), GENERATED)
    spanish = in_language(kept, report_language("es", report_catalogues(catalogue)))
    recovery = next(s for s in spanish.sections if s.key == "recovery")
    assert recovery.intro == (
        "Estado de la sustancia principal el 31 de octubre de 2026, para los clientes con"
        " estado conocido."
    )
