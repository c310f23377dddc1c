"""recovery-desk report monthly / export funder, as a manager runs them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from db.models import AuditEntry
from db.startup import open_database
from desktop.cli import main
from tests.accounts import actor_of
from tests.desktop.cli_helpers import run_as
from tests.reports.hand_agency import build

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def db_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = str(tmp_path_factory.mktemp("cli") / "agency.sqlite3")
    database = open_database(path)
    build(database, actor_of(database), TODAY)
    actor_of(database, "manager")  # the account the commands sign in with
    database.dispose()
    yield path


def audit_rows(db_file: str, entity: str) -> list[AuditEntry]:
    database = open_database(db_file)
    try:
        with database.reading() as session:
            return list(session.scalars(select(AuditEntry).where(AuditEntry.entity == entity)))
    finally:
        database.dispose()


def test_the_monthly_report_is_written_and_audited(
    capsys: pytest.CaptureFixture[str], db_file: str, tmp_path: Path
) -> None:
    target = tmp_path / "october.pdf"
    code, out, err = run_as(
        capsys,
        "manager",
        "report",
        "monthly",
        "--month",
        "2026-10",
        "--out",
        str(target),
        "--db",
        db_file,
    )
    assert (code, err) == (0, "")
    assert out.strip() == (
        f"Wrote {target}: monthly report for October 2026, small counts suppressed."
    )
    # Page 1 is the summary; section 1 opens page 2.
    first = " ".join(PdfReader(target).pages[1].extract_text().split())
    assert "Clients served (completed assessment or identified encounter) <11" in first
    assert [(e.action, e.username) for e in audit_rows(db_file, "monthly_report")] == [
        ("export", "test-manager")
    ]


def test_internal_marks_the_pages_and_shows_exact_counts(
    capsys: pytest.CaptureFixture[str], db_file: str, tmp_path: Path
) -> None:
    target = tmp_path / "internal.pdf"
    code, out, _ = run_as(
        capsys,
        "manager",
        "--db",
        db_file,
        "report",
        "monthly",
        "--month",
        "2026-10",
        "--out",
        str(target),
        "--internal",
    )
    assert code == 0 and "internal (exact small counts)" in out
    first = " ".join(PdfReader(target).pages[1].extract_text().split())
    assert "Internal — contains small counts" in first
    assert "Clients served (completed assessment or identified encounter) 5" in first


def test_the_funder_workbook_with_rows(
    capsys: pytest.CaptureFixture[str], db_file: str, tmp_path: Path
) -> None:
    target = tmp_path / "funder.xlsx"
    code, out, err = run_as(
        capsys,
        "manager",
        "export",
        "funder",
        "--from",
        "2025-11-01",
        "--to",
        "2026-10-31",
        "--out",
        str(target),
        "--rows",
        "--db",
        db_file,
    )
    assert (code, err) == (0, "")
    assert out.strip() == (
        f"Wrote {target}: funder workbook for 2025-11-01 to 2026-10-31, "
        "8 de-identified client rows.\n"
        "The de-identified rows hold every client the summary counts, so every count the "
        "summary hides can be worked out from them: handle this file as row-level data, "
        "not as an aggregate report."
    )
    book = load_workbook(target)
    assert book.sheetnames == [
        "Summary",
        "Community",
        "Trends",
        "Flat",
        "Clients",
        "Dictionary",
        "About",
    ]
    assert book["Clients"].max_row == 9
    assert audit_rows(db_file, "funder_workbook")[-1].action == "export"


def test_the_funder_workbook_is_aggregate_without_rows(
    capsys: pytest.CaptureFixture[str], db_file: str, tmp_path: Path
) -> None:
    target = tmp_path / "funder.xlsx"
    code, out, _ = run_as(
        capsys,
        "manager",
        "export",
        "funder",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        "--out",
        str(target),
        "--db",
        db_file,
    )
    assert code == 0 and "de-identified" not in out
    assert "Clients" not in load_workbook(target).sheetnames


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["report", "monthly", "--month", "2026-13", "--out", "x.pdf"],
            "'2026-13' is not a month; use YYYY-MM",
        ),
        (["report", "monthly", "--month", "2026-10", "--out", "x.xlsx"], "must end in .pdf"),
        (
            ["export", "funder", "--from", "2026-10-31", "--to", "2026-10-01", "--out", "x.xlsx"],
            "--to 2026-10-01 is before --from 2026-10-31",
        ),
        (
            ["report", "monthly", "--month", "2999-01", "--out", "x.pdf"],
            "2999-01 has not started yet",
        ),
        (
            ["export", "funder", "--from", "2999-01-01", "--to", "2999-02-01", "--out", "x.xlsx"],
            "--from 2999-01-01 is in the future",
        ),
        (
            ["export", "funder", "--from", "yesterday", "--to", "2026-10-01", "--out", "x.xlsx"],
            "'yesterday' is not a date; use YYYY-MM-DD",
        ),
    ],
)
def test_bad_input_gets_one_line_and_no_file(
    capsys: pytest.CaptureFixture[str],
    db_file: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run_as(capsys, "manager", *argv, "--db", db_file)
    assert code == 2 and out == ""
    assert message in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "monthly", "--month", "2026-10", "--out", "{out}.pdf"],
        ["export", "funder", "--from", "2025-11-01", "--to", "2026-10-31", "--out", "{out}.xlsx"],
        ["export", "data", "--out", "{out}.xlsx", "--purpose", "treatment"],
        ["export", "outcomes", "--from", "2025-11-01", "--to", "2026-10-31", "--out", "{out}.xlsx"],
        ["export", "monthly-csv", "--month", "2026-10", "--out", "{out}.csv"],
    ],
)
def test_nothing_is_written_from_a_file_damaged_deep_inside(
    tmp_path: Path, damaged_inside: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    import hashlib

    before = hashlib.sha256(damaged_inside.read_bytes()).hexdigest()
    out = tmp_path / "out"
    code = main([a.replace("{out}", str(out)) for a in argv] + ["--db", str(damaged_inside)])
    assert code != 0
    err = capsys.readouterr().err
    assert "is damaged" in err and "left untouched" in err, err
    assert not list(tmp_path.glob("out*"))
    assert hashlib.sha256(damaged_inside.read_bytes()).hexdigest() == before
