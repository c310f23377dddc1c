"""`recovery-desk report progress`: the client's progress summary from the command line,
signed in, with a one-line refusal and no file for a bad code or a recipient without
consent."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from db.startup import open_database
from forms import records
from forms.account_language import set_language
from tests.accounts import signed_in
from tests.desktop.cli_helpers import database_with_accounts, run_as


def _database(tmp_path: Path) -> str:
    """A client whose intake was 40 days ago (the command reports as of today)."""
    path = database_with_accounts(tmp_path / "desk.sqlite3", "manager", "front_desk")
    database = open_database(path)
    admin = signed_in(database, "admin")
    today = dt.date.today()
    raw = {
        "client_code": "RD-1",
        "given_name": "Ana",
        "family_name": "Lee",
        "birth_date": "1985-01-01",
    }
    cid = records.create_client(database, admin, raw, today)
    intake = {
        "assessed_on": (today - dt.timedelta(days=40)).isoformat(),
        "kind": "intake",
        "contact_status": "completed",
        "psych_health": 9,
        "physical_health": 9,
        "quality_of_life": 9,
        "goal": "safer_use",
    }
    substance = {
        "substance_class": "alcohol",
        "primary": "yes",
        "criteria": "cut_down;craving;hazardous_use",
    }
    records.add_assessment(database, admin, cid, intake, [substance], today)
    database.dispose()
    return path


def test_the_clients_copy_is_written_and_said(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = _database(tmp_path)
    out = tmp_path / "summary.pdf"
    code, said, err = run_as(
        capsys,
        "front_desk",
        "report",
        "progress",
        "--db",
        db,
        "--client",
        "RD-1",
        "--out",
        str(out),
    )
    assert (code, err) == (0, "")
    assert said == f"Wrote {out}: progress summary of RD-1, the client's copy.\n"
    printed = " ".join(
        subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout.split()
    )
    assert "Goal: Safer use" in printed
    assert "Working towards remission from alcohol" in printed


def test_a_bad_code_or_an_unconsented_recipient_gets_one_line_and_no_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = _database(tmp_path)
    out = tmp_path / "summary.pdf"
    code, said, err = run_as(
        capsys,
        "front_desk",
        "report",
        "progress",
        "--db",
        db,
        "--client",
        "RD-9",
        "--out",
        str(out),
    )
    assert code == 2 and said == "" and len(err.strip().splitlines()) == 1
    assert "no client has the code 'RD-9'" in err
    code, said, err = run_as(
        capsys,
        "manager",
        "report",
        "progress",
        "--db",
        db,
        "--client",
        "RD-1",
        "--out",
        str(out),
        "--recipient",
        "County Court",
    )
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "no consent of RD-1 covers County Court" in err
    assert not out.exists()


SPANISH_MONTHS = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]


def _printed(out: Path) -> str:
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    return " ".join(text.split())


def test_the_summary_speaks_the_accounts_language_unless_told_another(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = _database(tmp_path)
    database = open_database(db)
    desk = signed_in(database, "front_desk")
    set_language(database, desk, desk.user_id or 0, "es")
    database.dispose()
    today = dt.date.today()
    in_spanish = f"{today.day} de {SPANISH_MONTHS[today.month - 1]} de {today.year}"
    out = tmp_path / "resumen.pdf"
    argv = ("report", "progress", "--db", db, "--client", "RD-1", "--out", str(out))
    code, _, err = run_as(capsys, "front_desk", *argv)
    assert (code, err) == (0, "")
    printed = _printed(out)
    assert "Avanzando hacia la remisión del consumo de alcohol" in printed
    assert in_spanish in printed and today.isoformat() not in printed
    code, _, err = run_as(capsys, "front_desk", *argv, "--language", "en")
    assert (code, err) == (0, "")
    printed = _printed(out)
    assert "Working towards remission from alcohol" in printed and in_spanish not in printed
    code, _, err = run_as(capsys, "front_desk", *argv, "--language", "fr")
    assert code == 2 and "--language" in err and len(err.strip().splitlines()) == 1
