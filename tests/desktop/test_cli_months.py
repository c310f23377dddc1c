"""recovery-desk month close / reopen / list, as a manager and an administrator run them:
a closed month reprints the same after a correction, and reopened it follows it again."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from db.startup import open_database
from tests.accounts import actor_of
from tests.desktop.cli_helpers import database_with_accounts, run_as
from tests.forms.test_closing import move_third_intake, september_agency

GENERATED = re.compile(r"Generated \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC")
TODAY = dt.date(2026, 11, 27)


def printed(capsys, db_file: str, month: str, target: Path, *flags: str, said: str = "") -> str:
    """The monthly report's text as the manager prints it, the generation time taken out;
    `said`: what the command's line must say."""
    command = ("report", "monthly", "--month", month, "--out", str(target), *flags)
    code, out, err = run_as(capsys, "manager", *command, "--db", db_file)
    assert (code, err) == (0, "")
    assert said in out
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    return GENERATED.sub("", " ".join(text.split()))


def test_a_month_closed_on_the_command_line_prints_the_same_until_it_is_reopened(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db_file = database_with_accounts(tmp_path / "agency.sqlite3", "manager", "front_desk")
    database = open_database(db_file)
    ids = september_agency(database, actor_of(database, "manager"), TODAY)
    open_month = "internal (exact small counts).\n"
    first = printed(
        capsys, db_file, "2026-09", tmp_path / "first.pdf", "--internal", said=open_month
    )
    assert "New intakes (a first episode) 3" in first

    code, out, err = run_as(capsys, "manager", "month", "close", "2026-09", "--db", db_file)
    assert (code, err) == (0, "")
    assert out.startswith("Closed 2026-09: its monthly report prints as it does today")
    move_third_intake(database, actor_of(database, "manager"), TODAY, ids)
    closed_on = "monthly report for September 2026, internal (exact small counts), as closed on "
    again = printed(
        capsys, db_file, "2026-09", tmp_path / "again.pdf", "--internal", said=closed_on
    )
    assert again == first
    october = printed(capsys, db_file, "2026-10", tmp_path / "october.pdf")
    assert "Revision: 1 record of September 2026 was corrected after the month was closed" in (
        october
    )
    code, out, _ = run_as(capsys, "admin", "month", "list", "--db", db_file)
    assert (code, out.split()[0], out.split()[-1]) == (0, "2026-09", "test-manager")

    command = ("month", "reopen", "2026-09", "--db", db_file)
    code, _out, err = run_as(capsys, "admin", *command, "--reason", " ")
    assert (code, err.strip()) == (2, "recovery-desk: error: Reason: say why 2026-09 is reopened")
    code, out, err = run_as(capsys, "admin", *command, "--reason", "intake date misread")
    assert (code, err) == (0, "")
    assert out.startswith("Reopened 2026-09 (closed ")
    reopened = printed(
        capsys,
        db_file,
        "2026-09",
        tmp_path / "reopened.pdf",
        "--internal",
        said="internal (exact small counts).\n",
    )
    assert "New intakes (a first episode) 2" in reopened
    database.dispose()


def test_who_may_close_and_reopen_and_what_a_month_must_be(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db_file = database_with_accounts(tmp_path / "agency.sqlite3", "manager", "front_desk")
    code, _out, err = run_as(capsys, "front_desk", "month", "close", "2026-09", "--db", db_file)
    assert (code, err.strip()) == (
        3,
        "recovery-desk: error: front desk may not close a month (signed in as test-front-desk)",
    )
    code, _out, err = run_as(capsys, "manager", "month", "close", "09/2026", "--db", db_file)
    assert (code, err.strip()) == (
        2,
        "recovery-desk: error: Month: write it as YYYY-MM, e.g. 2026-09, not 09/2026",
    )
    code, _out, _err = run_as(capsys, "manager", "month", "close", "2026-09", "--db", db_file)
    assert code == 0
    reopen = ("month", "reopen", "2026-09", "--reason", "mistake", "--db", db_file)
    code, _out, err = run_as(capsys, "manager", *reopen)
    assert (code, err.strip()) == (
        3,
        "recovery-desk: error: manager may not reopen a closed month (signed in as test-manager)",
    )
    code, out, _err = run_as(capsys, "manager", "month", "list", "--db", db_file)
    assert out.startswith("2026-09  closed ")
