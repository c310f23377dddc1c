"""The hand-check of docs/reports.md ("Checking a report by hand"), run as written: the
two commands it names, read from the page and run as the demo's administrator, then its
filters on the exchange workbook, against the numbers the PDF prints."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shlex
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop.cli import main
from forms.practice import DEMO_PASSWORD

OCTOBER = (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
HARM_YEAR = (dt.date(2025, 11, 1), dt.date(2026, 10, 31))


DOC = Path(__file__).resolve().parents[2] / "docs" / "reports.md"


def _run(*argv: str, typed: str = "") -> None:
    stdin = sys.stdin
    sys.stdin = io.StringIO(typed)
    try:
        assert main(list(argv)) == 0
    finally:
        sys.stdin = stdin


def documented_commands() -> list[list[str]]:
    """The arguments of each `recovery-desk` line of the section's command block."""
    text = DOC.read_text(encoding="utf-8")
    block = text[text.index("## Checking a report by hand") :].split("```")[1]
    lines = [line for line in block.splitlines() if line.startswith("recovery-desk ")]
    return [shlex.split(line)[1:] for line in lines]


def _sheet(book: Any, name: str) -> list[dict[str, Any]]:
    rows = list(book[name].iter_rows(values_only=True))
    width = len(rows[0])
    # A read-only sheet leaves out the empty cells at the end of a row.
    return [dict(zip(rows[0], (*r, *[None] * (width - len(r))), strict=True)) for r in rows[1:]]


def _day(value: Any) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else dt.date.fromisoformat(value)


def _within(value: Any, span: tuple[dt.date, dt.date]) -> bool:
    return span[0] <= _day(value) <= span[1]


def _printed(text: str, label: str) -> int:
    found = re.search(re.escape(label) + r"\s+([\d,]+)", text)
    assert found, label
    return int(found.group(1).replace(",", ""))


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Any]:
    folder = tmp_path_factory.mktemp("hand-check")
    db = str(folder / "demo.sqlite3")
    _run("demo", "--clients", "300", "--seed", "5", "--today", "2026-11-27", "--db", db)
    commands = documented_commands()
    assert [argv[:2] for argv in commands] == [["report", "monthly"], ["export", "data"]]
    here = Path.cwd()
    os.chdir(folder)  # the page names the files without a folder
    try:
        for argv in commands:
            _run(*argv, "--db", db, typed=DEMO_PASSWORD + "\n")
    finally:
        os.chdir(here)
    pdf, xlsx = folder / "october.pdf", folder / "october.xlsx"
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    return text, load_workbook(xlsx, read_only=True)


def test_the_caseload_recounts_from_the_record_sheets(files: tuple[str, Any]) -> None:
    text, book = files
    assessments, encounters = _sheet(book, "Assessments"), _sheet(book, "Encounters")
    served = {
        a["client_code"]
        for a in assessments
        if _within(a["assessed_on"], OCTOBER) and a["contact_status"] == "completed"
    } | {e["client_code"] for e in encounters if _within(e["occurred_on"], OCTOBER)}
    served.discard(None)
    in_october = [e for e in encounters if _within(e["occurred_on"], OCTOBER)]
    discharges = [
        a for a in assessments if a["kind"] == "discharge" and _within(a["assessed_on"], OCTOBER)
    ]
    label = "Clients served (completed assessment or identified encounter)"
    assert _printed(text, label) == len(served) > 0
    assert _printed(text, "Harm-reduction encounters") == len(in_october)
    assert _printed(text, "Of which anonymous") == sum(e["client_code"] is None for e in in_october)
    assert _printed(text, "Discharges") == len(discharges)


def test_the_status_and_harm_recount_from_the_recovery_status_sheet(
    files: tuple[str, Any],
) -> None:
    text, book = files
    primary = {r["client_code"]: r for r in _sheet(book, "RecoveryStatus") if r["primary"] == "yes"}
    known = [r for r in primary.values() if r["dsm_status"] not in ("unknown", "deceased")]
    assert _printed(text, "Known status (in the tables below)") == len(known) > 0
    active = sum(r["dsm_status"] == "active" for r in known)
    dsm_table = text[text.index("DSM status of the primary substance") :]
    assert re.search(rf"Active( \d+){{7}} {active}\b", dsm_table)
    assessed = {
        a["client_code"]
        for a in _sheet(book, "Assessments")
        if a["contact_status"] == "completed" and _within(a["assessed_on"], HARM_YEAR)
    }
    assert _printed(text, "Of whom assessed (28-day items known)") == len(assessed)
    flags = sum(primary[code]["harm_self"] for code in assessed)
    harm_table = text[text.index("Harm flags and the harm index") :]
    assert _printed(harm_table, "Harm to self (of 6 flags)") == flags
