"""The funder profiles on the command line: `export outcomes` and `export monthly-csv`,
made from the job registry, signed in, audited."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import AuditEntry
from db.startup import open_database
from tests.accounts import actor_of
from tests.desktop.cli_helpers import run_as
from tests.reports.hand_agency import build

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def db_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = str(tmp_path_factory.mktemp("cli") / "agency.sqlite3")
    database = open_database(path)
    build(database, actor_of(database), TODAY)
    actor_of(database, "manager")
    database.dispose()
    yield path


def test_export_monthly_csv_writes_the_months_rows_and_its_audit_row(
    capsys: pytest.CaptureFixture[str], db_file: str, tmp_path: Path
) -> None:
    out = tmp_path / "october.csv"
    argv = ["export", "monthly-csv", "--month", "2026-10", "--out", str(out), "--db", db_file]
    code, printed, err = run_as(capsys, "manager", *argv)
    assert (code, err) == (0, "")
    with open(out, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    hidden = sum(1 for r in rows[1:] if r[7] == "yes")
    assert printed == (
        f"Wrote {out}: 2026-10-01 to 2026-10-31, {len(rows) - 1:,} figures, "
        f"{hidden:,} of them suppressed.\n"
    )
    database = open_database(db_file)
    try:
        with database.reading() as session:
            row = session.scalars(
                select(AuditEntry).where(AuditEntry.entity == "funder_profile")
            ).one()
    finally:
        database.dispose()
    scope = json.loads(row.after or "{}")
    assert (row.username, scope["profile"], scope["file"]) == (
        "test-manager",
        "monthly_csv",
        out.name,
    )
    assert scope["threshold"] == 11 and scope["as_closed"] is False


def test_export_outcomes_refuses_a_csv_name_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], db_file: str, tmp_path: Path
) -> None:
    out = tmp_path / "outcomes.csv"
    argv = ["export", "outcomes", "--from", "2025-11-01", "--to", "2026-10-31"]
    code, printed, err = run_as(capsys, "manager", *argv, "--out", str(out), "--db", db_file)
    assert code == 2 and printed == "" and "must end in .xlsx" in err
    assert not out.exists()
