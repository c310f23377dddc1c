"""recovery-desk import / export data / export template, as an operator runs them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from db import clients
from db.startup import open_database
from forms import consents, records
from tests.accounts import actor_of
from tests.desktop.cli_helpers import database_with_accounts, run, run_as

TODAY = dt.date(2026, 11, 27)
CLIENT_COLUMNS = ["client_code", "given_name", "family_name", "birth_date", "consent_share"]


def workbook(path: Path, clients: list[list[object]]) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "Clients"
    ws.append(CLIENT_COLUMNS)
    for row in clients:
        ws.append(row)
    book.save(path)
    return path


def test_a_rejected_import_lists_each_problem_exits_non_zero_and_writes_the_list(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = database_with_accounts(tmp_path / "a.sqlite3", "manager")
    path = workbook(
        tmp_path / "clients.xlsx",
        [
            ["C-1", "Ana", "Ruiz", "1980-06-01", "yes"],
            ["C-2", "Bo", "Lee", "next tuesday", "yes"],
            ["C-3", "Cy", "Ng", "1990-01-01", "perhaps"],
        ],
    )
    code, out, err = run_as(capsys, "manager", "import", str(path), "--db", db)
    assert code == 2
    assert out.splitlines() == [
        "Clients!3 birth_date: Birth date is not a date; write it as YYYY-MM-DD, for example "
        "2024-03-31",
        "Clients!4 consent_share: Consents to sharing must be yes or no",
    ]
    assert "clients.xlsx was not imported, nothing was changed: 2 problems" in err
    listed = load_workbook(tmp_path / "clients.errors.xlsx")["Problems"]
    assert [tuple(c.value for c in row) for row in listed.iter_rows(min_row=2)] == [
        (
            "Clients",
            3,
            "birth_date",
            "Birth date is not a date; write it as YYYY-MM-DD, for example 2024-03-31",
        ),
        ("Clients", 4, "consent_share", "Consents to sharing must be yes or no"),
    ]
    database = open_database(db)
    with database.reading() as s:
        assert clients.count(s) == 0
    database.dispose()


def test_a_formula_cell_is_a_listed_problem_not_a_crash(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = database_with_accounts(tmp_path / "a.sqlite3", "manager")
    path = workbook(tmp_path / "clients.xlsx", [["C-1", '=CONCAT("A","B")', "Ruiz", "1980-06-01"]])
    code, out, err = run_as(capsys, "manager", "import", str(path), "--db", db)
    assert code == 2
    message = "Given name is a formula, not a value: type the value itself"
    assert out.splitlines() == [f"Clients!2 given_name: {message}"]
    assert "Traceback" not in err and "could not convert" not in err
    listed = load_workbook(tmp_path / "clients.errors.xlsx")["Problems"]
    assert [tuple(c.value for c in row) for row in listed.iter_rows(min_row=2)] == [
        ("Clients", 2, "given_name", message)
    ]


def test_import_then_export_data_to_a_recipient_and_template(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = database_with_accounts(tmp_path / "b.sqlite3", "manager")
    path = workbook(
        tmp_path / "clients.xlsx",
        [["C-1", "Ana", "Ruiz", "1980-06-01", "yes"], ["C-2", "Bo", "Lee", "1979-02-03", "no"]],
    )
    code, out, _ = run_as(capsys, "manager", "import", str(path), "--db", db)
    assert code == 0 and out.startswith("Imported clients.xlsx: 2 Clients, 1 Consents")
    code, out, _ = run_as(
        capsys,
        "manager",
        "--db",
        db,
        "export",
        "data",
        "--out",
        str(tmp_path / "d.xlsx"),
        "--as-of",
        "2026-01-31",
        "--purpose",
        "treatment",
        "--recipient",
        "Riverside Clinic",
    )
    assert code == 0, out
    assert out.splitlines() == [
        f"Wrote {tmp_path / 'd.xlsx'}: 1 clients, status as of 2026-01-31, disclosed to "
        "Riverside Clinic for treatment.",
        "1 clients were left out, their consent not covering this disclosure today: 1 without "
        "any consent recorded. The disclosure log and the audit trail record the export.",
    ]
    code, out, _ = run_as(
        capsys,
        "admin",
        "export",
        "data",
        "--out",
        str(tmp_path / "all.xlsx"),
        "--all-clients",
        "--db",
        db,
    )
    assert code == 0 and "2 clients" in out and "internal copy" in out
    codes = [
        r[0]
        for r in load_workbook(tmp_path / "all.xlsx")["Clients"].iter_rows(
            min_row=2, values_only=True
        )
    ]
    assert codes == ["C-1", "C-2"]
    code, _, _ = run(capsys, "export", "template", "--out", str(tmp_path / "t.xlsx"))
    assert code == 0 and "Lists" in load_workbook(tmp_path / "t.xlsx").sheetnames


def test_a_named_recipient_gets_only_the_clients_who_named_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = database_with_accounts(tmp_path / "n.sqlite3", "manager")
    database = open_database(db)
    for code, recipient in (
        ("C-1", "County Health Dept"),
        ("C-2", "Probation Office"),
        ("C-3", None),
    ):
        cid = records.create_client(
            database,
            actor_of(database),
            {
                "client_code": code,
                "given_name": "Ana",
                "family_name": "Ruiz",
                "birth_date": "1980-06-01",
            },
            TODAY,
        )
        if recipient:
            consents.record_consent(
                database,
                actor_of(database),
                cid,
                {"scope": "named_recipient", "recipient": recipient, "signed_on": "2026-01-05"},
                TODAY,
            )
    database.dispose()
    out_file = tmp_path / "county.xlsx"
    code, out, err = run_as(
        capsys,
        "manager",
        "export",
        "data",
        "--out",
        str(out_file),
        "--recipient",
        "County Health Dept",
        "--db",
        db,
    )
    assert code == 0, err
    assert "1 clients, status as of" in out and "disclosed to County Health Dept." in out
    assert "2 clients were left out" in out
    assert (
        "1 without any consent recorded; 1 whose consents are for another purpose or recipient"
        in out
    )
    listed = [
        r[0] for r in load_workbook(out_file)["Clients"].iter_rows(min_row=2, values_only=True)
    ]
    assert listed == ["C-1"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ((), "say who receives the workbook"),
        (("--all-clients", "--recipient", "County"), "--all-clients is the agency's internal copy"),
        (("--recipient", "County\tHealth"), "Recipient contains an invisible control character"),
        (("--purpose", "treatment", "--recipient", "x" * 201), "Recipient is too long"),
    ],
)
def test_an_export_without_a_proper_recipient_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, extra: tuple[str, ...], message: str
) -> None:
    out_file = tmp_path / "x.xlsx"
    code, out, err = run(
        capsys,
        "export",
        "data",
        "--out",
        str(out_file),
        *extra,
        "--db",
        str(tmp_path / "r.sqlite3"),
    )
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert out == "" and not out_file.exists()


def test_a_purpose_outside_the_list_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "export", "data", "--out", str(tmp_path / "x.xlsx"), "--purpose", "marketing"
    )
    assert code == 2 and "invalid choice: 'marketing'" in err


def test_importing_the_same_clients_twice_needs_update(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "c.sqlite3")
    database = open_database(db)
    records.create_client(
        database,
        actor_of(database),
        {
            "client_code": "C-1",
            "given_name": "Ana",
            "family_name": "Ruiz",
            "birth_date": "1980-06-01",
        },
        TODAY,
    )
    database.dispose()
    path = workbook(tmp_path / "again.xlsx", [["C-1", "Ana", "Ruiz-Mora", "1980-06-01", "yes"]])
    code, out, _ = run_as(capsys, "admin", "import", str(path), "--db", db)
    assert code == 2 and "C-1 is already in the database; import with --update" in out
    code, out, _ = run_as(capsys, "admin", "import", str(path), "--update", "--db", db)
    assert code == 0 and "Updated 1 Clients" in out


def test_bad_arguments_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "export", "data", "--out", str(tmp_path / "d.csv"))
    assert code == 2 and "must end in .xlsx" in err
    code, _, err = run(capsys, "import", str(tmp_path / "missing.xlsx"))
    assert code == 2 and "is not a file" in err
    (tmp_path / "notes.xlsx").write_text("not a workbook")
    db = database_with_accounts(tmp_path / "e.sqlite3")
    code, _, err = run_as(capsys, "admin", "import", str(tmp_path / "notes.xlsx"), "--db", db)
    assert code == 2 and err.strip().startswith("recovery-desk: error: notes.xlsx is not an Excel")
