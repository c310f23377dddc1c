"""The drills' command lines that ended in a traceback: each now exits with one line on
stderr, and writes nothing."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.startup import open_database
from desktop.cli import main
from tests.accounts import PASSWORD, USERNAMES
from tests.cli_process import run_cli
from tests.db.sqlite_files import folder_state, intact
from tests.desktop.cli_helpers import database_with_accounts, run_as


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err and "Exception ignored" not in err, err
    return lines[0]


def with_accounts(path: Path) -> Path:
    """A database with an administrator to sign in as, closed cleanly (no -wal left)."""
    database_with_accounts(path)
    assert not Path(f"{path}-wal").exists()
    return path


def test_backup_onto_an_existing_file_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = with_accounts(tmp_path / "agency.sqlite3")
    existing = tmp_path / "keep.sqlite3"
    existing.write_text("an earlier backup")
    before = folder_state(tmp_path)
    code, out, err = run_as(capsys, "admin", "backup", "--db", str(db), "--out", str(existing))
    assert code == 1 and out == ""
    assert "keep.sqlite3 already exists" in one_line(err)
    assert folder_state(tmp_path) == before  # refused before the sign-in writes its row


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody may write into (given back writable, for pytest to remove)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


def test_backup_into_a_read_only_folder_is_refused(tmp_path: Path, locked: Path) -> None:
    db = with_accounts(tmp_path / "agency.sqlite3")
    code, out, err = run_cli(
        *("backup", "--db", str(db), "--out", str(locked / "b.sqlite3")),
        *("--user", USERNAMES["admin"]),
        unprivileged=True,
        stdin=PASSWORD + "\n",
    )
    assert code == 1 and out == ""
    assert "could not be written" in one_line(err)
    assert list(locked.iterdir()) == []


def test_an_export_into_a_read_only_folder_names_the_file_asked_for(
    tmp_path: Path, locked: Path
) -> None:
    db = with_accounts(tmp_path / "agency.sqlite3")
    code, out, err = run_cli(
        *("export", "outcomes", "--from", "2026-01-01", "--to", "2026-06-30"),
        *("--db", str(db), "--out", str(locked / "outcomes.xlsx")),
        *("--user", USERNAMES["admin"]),
        unprivileged=True,
        stdin=PASSWORD + "\n",
    )
    line = one_line(err)
    assert code == 1 and out == ""
    assert "Permission denied" in line and f"{locked / 'outcomes.xlsx'}" in line
    assert ".partial" not in line
    assert list(locked.iterdir()) == []


def test_restoring_a_file_that_is_not_a_database_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = intact(tmp_path / "agency.sqlite3")
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("meeting notes, not a database\n" * 100)
    before = folder_state(tmp_path)
    code, out, err = run(capsys, "restore", str(notes), "--yes", "--db", str(db))
    assert code == 1 and out == ""
    assert "notes.sqlite3 is not a usable backup" in one_line(err)
    assert folder_state(tmp_path) == before  # not even the copy made before a restore


@pytest.mark.parametrize("url", ["foo://x", "mysql://server/agency", "postgresql+nodriver://x"])
def test_a_database_url_of_an_unknown_kind_is_one_line(
    capsys: pytest.CaptureFixture[str], url: str
) -> None:
    code, out, err = run(capsys, "check", "--db", url)
    assert code == 2 and out == ""
    assert "--db" in one_line(err)


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "monthly", "--month", "0001-01", "--out", "{out}.pdf"],
        ["export", "funder", "--from", "0001-01-01", "--to", "0001-12-31", "--out", "{out}.xlsx"],
        ["export", "data", "--as-of", "0001-01-01", "--out", "{out}.xlsx"],
    ],
)
def test_a_date_in_year_one_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    db = open_database(str(tmp_path / "agency.sqlite3"))
    db.dispose()
    out_base = tmp_path / "out"
    code, out, err = run(
        capsys,
        *[a.replace("{out}", str(out_base)) for a in argv],
        "--db",
        str(tmp_path / "agency.sqlite3"),
    )
    assert code == 2 and out == ""
    assert "0001" in one_line(err) and "1900" in err
    assert not list(tmp_path.glob("out*"))


# A disk that fills up while the file is written: every write to a file the zip module
# (workbooks) or reportlab (PDFs) opens fails with ENOSPC after a few kilobytes.
_FULL_DISK = """
import errno, io, sys, zipfile
class Full(io.FileIO):
    room = 4096
    def write(self, data):
        if Full.room < len(data):
            raise OSError(errno.ENOSPC, "No space left on device")
        Full.room -= len(data)
        return super().write(data)
class FullIO:
    def __getattr__(self, name):
        return getattr(io, name)
    def open(self, file, mode="r", *args, **kwargs):
        if "w" in mode or "x" in mode:
            return io.BufferedWriter(Full(file, mode.replace("b", "")))
        return io.open(file, mode, *args, **kwargs)
zipfile.io = FullIO()
import reportlab.pdfbase.pdfdoc
reportlab.pdfbase.pdfdoc.open = FullIO().open
from desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "data", "--all-clients"],
        ["export", "funder", "--from", "2026-01-01", "--to", "2026-06-30", "--rows"],
        ["export", "template"],
        ["report", "monthly", "--month", "2026-06"],
    ],
)
def test_an_export_into_a_full_folder_is_one_line_and_leaves_nothing(
    tmp_path: Path, argv: list[str]
) -> None:
    import subprocess
    import sys

    from tests.cli_process import ROOT

    db = database_with_accounts(tmp_path / "agency.sqlite3")
    out = "x.pdf" if "monthly" in argv else "x.xlsx"
    folder = tmp_path / "full"
    folder.mkdir()
    signs_in = [] if "template" in argv else ["--user", USERNAMES["admin"]]
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _FULL_DISK,
            *argv,
            "--out",
            str(folder / out),
            "--db",
            db,
            *signs_in,
        ],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        check=False,
    )
    assert done.returncode == 1 and done.stdout == ""
    assert "No space left on device" in one_line(done.stderr)
    assert list(folder.iterdir()) == []
