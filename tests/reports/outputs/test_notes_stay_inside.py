"""Client notes never leave the program: every file made from client data (the funder
workbook with and without de-identified rows, the monthly PDF, the identified exchange
workbook for a recipient and the administrator's internal copy, the day's call list
as CSV and PDF)
is read back whole and searched for the notes' text."""

from __future__ import annotations

import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import Client
from db.startup import open_database
from forms import notes
from reports.datasets.followups_due import Filters
from reports.outputs.call_list import write_call_list, write_call_list_pdf
from tests.accounts import actor_of, signed_in
from tests.conftest import TODAY
from tests.desktop.test_cli_audited_outputs import OUTPUTS, run
from tests.reports.hand_agency import build

MARK = "Zqxnote"  # in no code list, label or name of the program


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("noted") / "agency.sqlite3"
    database = open_database(str(path))
    admin = actor_of(database)
    build(database, admin, TODAY)
    signed_in(database, "manager")
    with database.reading() as session:
        ids = list(session.scalars(select(Client.id)))
    for client_id in ids:
        raw = {"noted_on": "2026-10-15", "note_text": f"{MARK} {client_id} housing worry"}
        notes.add_note(database, admin, TODAY, client_id, raw)
    database.dispose()
    yield path


def file_text(path: Path) -> str:
    """Everything a reader of the file could see: a workbook's every XML part (cells,
    shared strings, sheet names), a PDF's text, a CSV as it is."""
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as book:
            return " ".join(book.read(n).decode("utf-8") for n in book.namelist())
    if path.suffix == ".pdf":
        printed = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
        return printed.stdout
    return path.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("name", list(OUTPUTS))
def test_no_output_for_funders_or_recipients_carries_a_note(
    capsys: pytest.CaptureFixture[str], agency: Path, tmp_path: Path, name: str
) -> None:
    code, _, err = run(capsys, name, tmp_path / "out", agency)
    assert (code, err) == (0, "")
    (written,) = [p for p in tmp_path.iterdir() if p.name.startswith("out.")]
    seen = file_text(written)
    assert len(seen) > 1000  # the file was read: a report, not an empty page
    assert MARK not in seen and "housing worry" not in seen
    if name == "export data, all clients":
        assert "QZX-" in seen  # the reader sees the cells: the clients' codes are there


@pytest.mark.parametrize("write", [write_call_list, write_call_list_pdf])
def test_the_call_list_carries_no_note(agency: Path, tmp_path: Path, write) -> None:
    database = open_database(str(agency))
    try:
        desk = actor_of(database, "manager")
        target = tmp_path / ("calls.csv" if write is write_call_list else "calls.pdf")
        rows = write(database, desk, target, TODAY, (3, 6, 12), Filters())
    finally:
        database.dispose()
    assert rows > 0
    seen = file_text(target)
    assert "QZX-" in seen and MARK not in seen
