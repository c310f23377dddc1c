"""Hostile and broken workbooks get one line, exit status 2, and nothing imported.

The cases are the drills' own: broken XML, a DOCTYPE (with an entity bomb), a
shared-text number pointing past the list, numbers too big for any field, a small
file that unpacks to a huge one, and a zip that lies about a part's size.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.models import Client, Event
from db.startup import open_database
from tests.desktop.cli_helpers import database_with_accounts, run_as
from tests.forms import hostile_books as books

FILE_REFUSED: dict[str, tuple[Callable[[Path], Path], str]] = {
    # case: (how the workbook is made, words the one line must hold)
    "invalid XML": (books.invalid_xml, "is not well-formed XML"),
    "DOCTYPE in a sheet": (books.doctype_in_sheet, "DOCTYPE"),
    "DOCTYPE in the shared text": (books.doctype_in_shared_strings, "DOCTYPE"),
    "shared text out of range": (books.shared_string_out_of_range, "shared text number 999"),
    "unpacks 300 MB": (books.unpacks_huge, "more than the 64 MB such a part may take"),
    "a sheet packed too tight": (books.sheet_packed_too_tight, "times its packed size"),
    "lies about a part's size": (lambda p: lying_size(books.good(p)), "Bad CRC-32"),
}
ROW_REFUSED = {
    "a huge integer": (
        books.huge_integer,
        "Events!2 count: How many must be between 1 and 999, not a number of 30 digits",
    ),
    "400 nines": (
        books.four_hundred_nines,
        "Events!2 count: How many must be between 1 and 999, not a number of 400 digits",
    ),
}


def lying_size(path: Path) -> Path:
    """Claim the sheet unpacks to 100 bytes, in both the local and the central header."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as book:
        info = book.getinfo(books.SHEET)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(info.filename)] == info.filename.encode():
                data[start + offset : start + offset + 4] = struct.pack("<I", 100)
            start += 4
    path.write_bytes(bytes(data))
    return path


def imported(db: Path) -> tuple[int, int]:
    database = open_database(str(db))
    try:
        with database.reading() as session:
            clients = session.scalar(select(func.count()).select_from(Client)) or 0
            events = session.scalar(select(func.count()).select_from(Event)) or 0
            return clients, events
    finally:
        database.dispose()


def run_import(capsys: pytest.CaptureFixture[str], source: Path, db: Path):
    """`import` as a manager signs in to run it, on a database made with that account."""
    database_with_accounts(db, "manager")
    return run_as(capsys, "manager", "import", str(source), "--db", str(db))


@pytest.mark.parametrize("case", list(FILE_REFUSED))
def test_a_workbook_that_cannot_be_read_safely_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str
) -> None:
    make, words = FILE_REFUSED[case]
    source = make(tmp_path / "hostile.xlsx")
    db = tmp_path / "agency.sqlite3"
    code, out, err = run_import(capsys, source, db)
    assert code == 2, err
    assert out == "" and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert err.startswith("recovery-desk: error: hostile.xlsx") and words in err
    assert imported(db) == (0, 0)
    written = [p.name for p in tmp_path.iterdir() if not p.name.startswith("agency.sqlite3")]
    assert written == ["hostile.xlsx"]  # not even a list of problems


@pytest.mark.parametrize("case", list(ROW_REFUSED))
def test_a_number_too_big_for_its_field_is_a_problem_of_its_cell(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str
) -> None:
    make, problem = ROW_REFUSED[case]
    source = make(tmp_path / "hostile.xlsx")
    db = tmp_path / "agency.sqlite3"
    code, out, err = run_import(capsys, source, db)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert out.splitlines() == [problem]
    assert imported(db) == (0, 0)


def test_the_good_workbook_the_hostile_ones_start_from_imports(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run_import(capsys, books.good(tmp_path / "good.xlsx"), tmp_path / "a.sqlite3")
    assert (code, err) == (0, "") and "1 Clients" in out
    assert imported(tmp_path / "a.sqlite3") == (1, 0)


def test_workbooks_are_parsed_with_defusedxml() -> None:
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML
