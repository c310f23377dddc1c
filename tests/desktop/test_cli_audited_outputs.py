"""A file written from client data and its audit row are one unit.

A successful export leaves exactly one audit row naming its scope (after the
sign-in's own row). When the audit row cannot be written (a full or broken
database, simulated by a trigger that refuses the export's audit insert the way
SQLite refuses it on a full disk; the sign-in before it still gets through), no
file is left, not even a partial one, and the command says nothing was written.
"""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from db.models import AuditEntry, Client, Consent
from db.startup import open_database
from desktop.cli import main
from tests.accounts import PASSWORD, USERNAMES, actor_of, signed_in
from tests.conftest import TODAY
from tests.reports.hand_agency import build

OUTPUTS = {
    "export data": [
        "export",
        "data",
        "--purpose",
        "treatment",
        "--out",
        "{out}.xlsx",
        "--as-of",
        "2026-10-31",
    ],
    "export data, all clients": ["export", "data", "--out", "{out}.xlsx", "--all-clients"],
    "export funder": ["export", "funder", "--from", "2025-11-01", "--to", "2026-10-31"],
    "export funder --rows": [
        *("export", "funder", "--from", "2025-11-01", "--to", "2026-10-31", "--rows"),
    ],
    "report monthly": ["report", "monthly", "--month", "2026-10", "--out", "{out}.pdf"],
    "export outcomes": ["export", "outcomes", "--from", "2025-11-01", "--to", "2026-10-31"],
    "export monthly-csv": ["export", "monthly-csv", "--month", "2026-10", "--out", "{out}.csv"],
}
OUTPUTS["export outcomes"] += ["--out", "{out}.xlsx"]
for _name in ("export funder", "export funder --rows"):
    OUTPUTS[_name] += ["--out", "{out}.xlsx"]


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("agency") / "agency.sqlite3"
    database = open_database(str(path))
    build(database, actor_of(database), TODAY)
    signed_in(database, "manager")
    database.dispose()
    yield path


@pytest.fixture
def db_copy(agency: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "db" / "agency.sqlite3"
    copy.parent.mkdir()
    shutil.copy(agency, copy)
    return copy


def role_of(name: str) -> str:
    """Who runs each output: a manager, but an administrator for the internal copy."""
    return "admin" if "all clients" in name else "manager"


def run(capsys: pytest.CaptureFixture[str], name: str, out: Path, db: Path):
    argv = [a.replace("{out}", str(out)) for a in OUTPUTS[name]]
    typed = sys.stdin
    sys.stdin = io.StringIO(PASSWORD + "\n")
    try:
        code = main([*argv, "--db", str(db), "--user", USERNAMES[role_of(name)]])
    finally:
        sys.stdin = typed
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def audit_rows(db: Path) -> list[AuditEntry]:
    database = open_database(str(db))
    try:
        with database.reading() as session:
            return list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
    finally:
        database.dispose()


def consenting(db: Path) -> tuple[int, int]:
    database = open_database(str(db))
    try:
        with database.reading() as session:
            everyone = session.scalar(select(func.count()).select_from(Client))
            # The hand-made agency's consents are all for treatment, payment and
            # operations, in force since they were signed and never revoked.
            agreed = session.scalar(select(func.count(func.distinct(Consent.client_id))))
            return agreed or 0, everyone or 0
    finally:
        database.dispose()


def refuse_audit_rows(db: Path) -> None:
    """Every export's audit insert now fails inside SQLite (a trigger standing in for a full
    disk, whose own message tests/drills covers). The sign-in's row still gets through, so
    the command reaches the output it must not leave behind."""
    conn = sqlite3.connect(db)
    conn.execute(
        "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'export' "
        "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
    )
    conn.commit()
    conn.close()


def expected_scope(name: str, db: Path) -> dict[str, object]:
    agreed, everyone = consenting(db)
    year = {"from": "2025-11-01", "to": "2026-10-31"}
    return {
        "export data": {
            "as_of": "2026-10-31",
            "clients": agreed,
            "scope": "clients whose consent covers it",
        },
        "export data, all clients": {"clients": everyone, "scope": "all clients"},
        # Worked out by hand in tests/reports/hand_agency.py: 8 clients served that year.
        "export funder": {**year, "clients_served": 8, "client_rows": 0},
        "export funder --rows": {**year, "clients_served": 8, "client_rows": 8},
        "report monthly": {"from": "2026-10-01", "to": "2026-10-31", "clients_served": 5},
        "export outcomes": {**year, "clients_served": 8, "profile": "outcomes"},
        "export monthly-csv": {
            **{"from": "2026-10-01", "to": "2026-10-31", "clients_served": 5},
            "profile": "monthly_csv",
        },
    }[name]


@pytest.mark.parametrize("name", list(OUTPUTS))
def test_a_written_output_has_exactly_one_audit_row_naming_its_scope(
    capsys: pytest.CaptureFixture[str], db_copy: Path, tmp_path: Path, name: str
) -> None:
    before = len(audit_rows(db_copy))
    code, _, err = run(capsys, name, tmp_path / "out", db_copy)
    assert (code, err) == (0, "")
    rows = audit_rows(db_copy)[before:]
    who = USERNAMES[role_of(name)]
    assert [(r.action, r.username) for r in rows] == [("sign_in", who), ("export", who)]
    row = rows[-1]
    scope = json.loads(row.after or "{}")
    assert scope["file"] in ("out.xlsx", "out.pdf", "out.csv")
    assert {k: scope.get(k) for k in expected_scope(name, db_copy)} == expected_scope(name, db_copy)


@pytest.mark.parametrize("name", list(OUTPUTS))
def test_when_the_audit_row_cannot_be_written_no_file_is_left_and_the_command_says_so(
    capsys: pytest.CaptureFixture[str], db_copy: Path, tmp_path: Path, name: str
) -> None:
    before = len(audit_rows(db_copy))
    refuse_audit_rows(db_copy)
    folder = tmp_path / "exports"
    folder.mkdir()
    code, out, err = run(capsys, name, folder / "out", db_copy)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert f"{name.split(',')[0].split(' --')[0]} failed" in err and "nothing was written" in err
    assert list(folder.iterdir()) == []
    # Signed in, so what failed was the export's own audit row.
    assert [r.action for r in audit_rows(db_copy)[before:]] == ["sign_in"]


def import_as_manager(source: Path, db: Path) -> int:
    typed = sys.stdin
    sys.stdin = io.StringIO(PASSWORD + "\n")
    try:
        return main(["import", str(source), "--db", str(db), "--user", USERNAMES["manager"]])
    finally:
        sys.stdin = typed


def rejected_workbook(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Clients"
    sheet.append(["client_code", "given_name", "family_name", "birth_date"])
    sheet.append(["Z-1", "Ana", "Ruiz", "next tuesday"])
    book.save(path)
    return path


def test_the_list_of_a_rejected_import_is_audited_with_its_count(
    capsys: pytest.CaptureFixture[str], db_copy: Path, tmp_path: Path
) -> None:
    source = rejected_workbook(tmp_path / "in.xlsx")
    before = len(audit_rows(db_copy))
    code = import_as_manager(source, db_copy)
    assert code == 2 and "the list is in" in capsys.readouterr().err
    assert (tmp_path / "in.errors.xlsx").exists()
    rows = audit_rows(db_copy)[before:]
    assert [(r.action, r.entity) for r in rows] == [
        ("sign_in", "user"),
        ("export", "import_problems"),
    ]
    assert json.loads(rows[-1].after or "{}") == {
        "file": "in.errors.xlsx",
        "source": "in.xlsx",
        "problems": 1,
    }


def test_the_list_of_a_rejected_import_is_not_written_when_it_cannot_be_audited(
    capsys: pytest.CaptureFixture[str], db_copy: Path, tmp_path: Path
) -> None:
    source = rejected_workbook(tmp_path / "in.xlsx")
    refuse_audit_rows(db_copy)
    code = import_as_manager(source, db_copy)
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "the list could not be written" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db", "in.xlsx"]
