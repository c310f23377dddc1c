"""`recovery-desk report calls --out F.pdf [--as-of D]`: the day's printable call list,
for any role that signs in; the phone only with consent to contact; a bad date or file
name gets one line and writes nothing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import AuditEntry
from db.startup import open_database
from forms import notes, records
from tests.accounts import actor_of
from tests.conftest import TODAY
from tests.desktop.cli_helpers import database_with_accounts, run_as


@pytest.fixture
def db_file(tmp_path: Path) -> str:
    path = database_with_accounts(tmp_path / "calls.sqlite3", "front_desk")
    database = open_database(path)
    admin = actor_of(database)
    for code, consent in (("P-1", "yes"), ("P-2", "no")):
        raw = {
            "client_code": code,
            "given_name": "Pat",
            "family_name": f"Caller {code}",
            "birth_date": "1980-01-01",
            "phone": "555-0123",
            "consent_contact": consent,
        }
        client_id = records.create_client(database, admin, raw, TODAY)
        intake = {
            "assessed_on": "2026-08-27",
            "kind": "intake",
            "contact_status": "completed",
            "psych_health": 9,
            "physical_health": 9,
            "quality_of_life": 9,
        }
        alcohol = [{"substance_class": "alcohol", "primary": "yes"}]
        records.add_assessment(database, admin, client_id, intake, alcohol, TODAY)
        note = {"noted_on": "2026-11-20", "note_text": "Prefers calls after noon"}
        notes.add_note(database, admin, TODAY, client_id, note)
    database.dispose()
    return path


def test_front_desk_prints_the_days_call_list(
    capsys: pytest.CaptureFixture[str], db_file: str, tmp_path: Path
) -> None:
    target = tmp_path / "calls.pdf"
    code, out, err = run_as(
        capsys,
        "front_desk",
        *("report", "calls", "--as-of", "2026-11-27", "--out", str(target), "--db", db_file),
    )
    assert (code, err) == (0, "")
    assert out.strip() == f"Wrote {target}: 2 follow-ups to call on 2026-11-27."
    printed = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [" ".join(line.split()) for line in printed.splitlines() if line.strip()]
    assert "P-1 Caller P-1, Pat 555-0123 3 2027-01-27 0" in lines
    assert "P-2 Caller P-2, Pat no consent to contact 3 2027-01-27 0" in lines
    assert "after noon" not in printed
    database = open_database(db_file)
    with database.reading() as session:
        row = session.scalars(select(AuditEntry).where(AuditEntry.entity == "call_list")).one()
    database.dispose()
    assert (row.action, row.username, row.entity_id) == ("export", "test-front-desk", "calls.pdf")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (("--as-of", "2026-02-30"), "--as-of"),
        (("--out", "calls.csv"), "must end in .pdf"),
    ],
)
def test_a_bad_day_or_file_name_is_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], db_file: str, tmp_path: Path, argv, said
) -> None:
    out = ["--out", str(tmp_path / "calls.pdf")] if "--out" not in argv else []
    argv = tuple(str(tmp_path / a) if a.endswith(".csv") else a for a in argv)
    code, _, err = run_as(capsys, "front_desk", "report", "calls", *argv, *out, "--db", db_file)
    assert code != 0 and said in err
    assert len(err.strip().splitlines()) == 1 or "usage:" in err
    assert list(tmp_path.glob("calls.pdf")) == [] and list(tmp_path.glob("*.csv")) == []
