"""`recovery-desk check` and the start-up checks read a SQLite file without ever writing to it.

Every case the drills found leaves the folder byte for byte as it was: the file, its
-wal, its -journal, and no -wal or -shm appearing where there was none.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from db.sqlite_file import has_wal_frames
from db.startup import DatabaseUnusableError, open_database
from desktop.cli import main
from tests.cli_process import run_cli
from tests.db.sqlite_files import (
    damage_inside,
    folder_state,
    hot_journal,
    intact,
    rollback_mode,
    with_stray_wal,
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def foreign(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER, total TEXT)")
    conn.executemany("INSERT INTO invoices VALUES (?, ?)", [(i, "9" * 50) for i in range(500)])
    conn.commit()
    conn.close()
    return path


def not_sqlite(path: Path) -> Path:
    path.write_bytes(b"this is a spreadsheet, not a database\n" * 200)
    return path


MAKERS: dict[str, Callable[[Path], Path]] = {
    "intact": intact,
    "stray wal of another database": lambda p: with_stray_wal(p, p.parent / "other" / "o.db"),
    "damaged, WAL mode": lambda p: damage_inside(intact(p)),
    "damaged, rollback-journal mode": lambda p: damage_inside(rollback_mode(p)),
    "foreign SQLite database": foreign,
    "not a SQLite file": not_sqlite,
}
# What `check` must say about each, and whether it passes.
VERDICTS = {
    "intact": (0, "integrity check: ok"),
    "stray wal of another database": (1, "-wal"),
    "damaged, WAL mode": (1, "damaged"),
    "damaged, rollback-journal mode": (1, "damaged"),
    "foreign SQLite database": (1, "not a Recovery Desk database"),
    "not a SQLite file": (1, "not a SQLite file"),
}


@pytest.fixture(params=list(MAKERS))
def case(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, Path]:
    (tmp_path / "db").mkdir()
    (tmp_path / "other").mkdir()
    return request.param, MAKERS[request.param](tmp_path / "db" / "agency.sqlite3")


def test_check_leaves_the_folder_byte_identical_and_says_what_it_found(
    capsys: pytest.CaptureFixture[str], case: tuple[str, Path]
) -> None:
    name, path = case
    before = folder_state(path.parent)
    code, out, err = run(capsys, "check", "--db", str(path))
    assert folder_state(path.parent) == before
    expected_code, expected_words = VERDICTS[name]
    assert code == expected_code, out + err
    assert expected_words in out
    assert "Traceback" not in err


def test_the_stray_wal_is_named_as_not_belonging_and_the_file_as_intact(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = with_stray_wal(tmp_path / "a.sqlite3", tmp_path / "b.sqlite3")
    size = path.stat().st_size
    code, out, _ = run(capsys, "check", "--db", str(path))
    assert code == 1
    assert f"{path.name}-wal" in out and "does not belong" in out
    assert path.stat().st_size == size > 8192


def test_a_stray_wal_that_mixes_two_databases_is_named_and_left_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    other = intact(tmp_path / "big.sqlite3", rows=3000)
    path = with_stray_wal(tmp_path / "a.sqlite3", other)
    before = folder_state(tmp_path)
    code, out, _ = run(capsys, "check", "--db", str(path))
    assert code == 1 and "-wal does not belong" in out and "without it as intact" in out
    with pytest.raises(DatabaseUnusableError, match="without it as intact"):
        open_database(str(path), background_check=True)
    assert folder_state(tmp_path) == before


def test_a_stray_wal_of_a_copy_of_the_database_is_told_by_its_identity(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A copy that went its own way (a restored backup, say) reads as a whole database:
    only the identity in its header shows that its -wal is not this file's."""
    path = intact(tmp_path / "a.sqlite3")
    copy = tmp_path / "copy" / "a.sqlite3"
    copy.parent.mkdir()
    shutil.copy(path, copy)
    conn = sqlite3.connect(copy, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("PRAGMA user_version = 12345")
    conn.execute("INSERT INTO settings (key, value) VALUES ('only-in-the-copy', '1')")
    shutil.copy(f"{copy}-wal", f"{path}-wal")
    conn.close()
    before = folder_state(tmp_path)
    code, out, _ = run(capsys, "check", "--db", str(path))
    assert code == 1 and "identity of another database" in out
    with pytest.raises(DatabaseUnusableError, match="identity of another database"):
        open_database(str(path), background_check=True)
    assert folder_state(tmp_path) == before


def test_opening_refuses_a_stray_wal_before_anything_reads_it_into_the_file(
    tmp_path: Path,
) -> None:
    path = with_stray_wal(tmp_path / "a.sqlite3", tmp_path / "b.sqlite3")
    before = folder_state(tmp_path)
    with pytest.raises(DatabaseUnusableError, match="-wal"):
        open_database(str(path), background_check=True)
    assert folder_state(tmp_path) == before


@pytest.mark.parametrize("background_check", [True, False])
def test_a_damaged_rollback_journal_file_keeps_its_header_when_the_program_opens_it(
    tmp_path: Path, background_check: bool
) -> None:
    path = damage_inside(rollback_mode(tmp_path / "r.sqlite3"))
    before = folder_state(tmp_path)
    with pytest.raises(DatabaseUnusableError, match="damaged"):
        open_database(str(path), background_check=background_check)
    assert folder_state(tmp_path) == before
    assert path.read_bytes()[18:20] == b"\x01\x01"  # still rollback-journal mode


def test_check_refuses_a_fifo_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.sqlite3"
    os.mkfifo(fifo)
    code, out, err = run_cli("check", "--db", str(fifo), timeout=30)
    assert code == 1
    assert "not a regular file" in out
    assert "Traceback" not in err


def test_opening_a_fifo_is_one_line_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.sqlite3"
    os.mkfifo(fifo)
    code, _, err = run_cli(
        "export",
        "data",
        "--purpose",
        "treatment",
        "--out",
        str(tmp_path / "x.xlsx"),
        "--db",
        str(fifo),
        timeout=30,
    )
    assert code != 0
    assert len(err.strip().splitlines()) == 1 and "not a regular file" in err
    assert not (tmp_path / "x.xlsx").exists()


# -- point 13: a hot journal is recovered, not called damaged --------------------------------


def test_check_reports_a_hot_journal_as_an_interrupted_write_and_touches_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = hot_journal(tmp_path / "j.sqlite3")
    before = folder_state(tmp_path)
    code, out, _ = run(capsys, "check", "--db", str(path))
    assert folder_state(tmp_path) == before
    assert code == 0, out
    assert "damaged" not in out
    assert "interrupted write" in out and "integrity check: ok" in out


def test_opening_a_file_with_a_hot_journal_rolls_the_interrupted_write_back(
    tmp_path: Path,
) -> None:
    path = hot_journal(tmp_path / "j.sqlite3")
    database = open_database(str(path))
    with database.reading() as session:
        values = session.execute(text("SELECT value FROM settings")).scalars().all()
        assert len(values) == 2000
        assert not [v for v in values if v.startswith("half-written")]
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    database.dispose()
    assert not Path(f"{path}-journal").exists()


# -- point 13: a read-only file or folder is read-only, not damaged --------------------------

READ_ONLY = {
    # folder mode, file mode: a file its owner made read-only; a folder (or disk) that is
    "file 0444": (0o777, 0o444),
    "folder 0555": (0o555, 0o666),
}


@pytest.mark.parametrize("modes", list(READ_ONLY.values()), ids=list(READ_ONLY))
def test_a_read_only_file_is_checked_and_named_read_only_not_damaged(
    tmp_path: Path, modes: tuple[int, int]
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = intact(folder / "agency.sqlite3")
    path.chmod(modes[1])
    folder.chmod(modes[0])
    try:
        before = folder_state(folder)
        code, out, err = run_cli("check", "--db", str(path), unprivileged=True)
        assert (code, err) == (0, ""), out
        assert "read-only" in out and "damaged" not in out and "integrity check: ok" in out
        target = tmp_path / "export.xlsx"
        code, out, err = run_cli(
            "export",
            "data",
            "--purpose",
            "treatment",
            "--out",
            str(target),
            "--db",
            str(path),
            unprivileged=True,
        )
        assert code == 1 and out == ""
        assert len(err.strip().splitlines()) == 1
        assert "read-only" in err and "damaged" not in err
        assert not target.exists()
        assert folder_state(folder) == before
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "funder", "--from", "2026-01-01", "--to", "2026-06-30", "--rows"],
        ["report", "monthly", "--month", "2026-06"],
    ],
    ids=["export funder --rows", "report monthly"],
)
def test_no_report_is_written_from_a_read_only_file(tmp_path: Path, argv: list[str]) -> None:
    path = intact(tmp_path / "agency.sqlite3")
    path.chmod(0o444)
    target = tmp_path / ("out.pdf" if "monthly" in argv else "out.xlsx")
    code, out, err = run_cli(*argv, "--out", str(target), "--db", str(path), unprivileged=True)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "read-only" in err and "nothing" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agency.sqlite3"]


def test_check_of_a_file_in_use_reads_what_its_wal_holds_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from forms import records
    from tests.accounts import signed_in
    from tests.conftest import TODAY

    path = tmp_path / "busy.sqlite3"
    database = open_database(str(path))  # a workstation with the file open
    try:
        admin = signed_in(database, "admin")
        with database.reading() as session:  # the account and its sign-ins
            rows = session.scalar(text("SELECT count(*) FROM audit_log"))
        for i in range(3):
            person = {
                "client_code": f"U-{i}",
                "given_name": "Una",
                "family_name": "Used",
                "birth_date": "1980-01-01",
            }
            records.create_client(database, admin, person, TODAY)
        assert has_wal_frames(path)  # the rows are still only in the -wal
        before = folder_state(tmp_path)
        code, out, _ = run(capsys, "check", "--db", str(path))
        assert code == 0 and f"audit trail: {rows + 3} rows chained" in out
        assert {k: v for k, v in folder_state(tmp_path).items() if not k.endswith("-shm")} == {
            k: v for k, v in before.items() if not k.endswith("-shm")
        }
    finally:
        database.dispose()
