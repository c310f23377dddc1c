"""Reading a SQLite file without writing to it, or beside it.

`recovery-desk check` and the checks at start-up run before anything may write,
yet SQLite writes when it merely opens a file the usual way: it rolls a hot
journal back into the file, copies a -wal into the file at the last close (a
stray -wal of another database once shrank an intact file to one page), and a
read of a WAL-mode file creates -wal and -shm beside it. So here:

- only a regular file is opened (opening a FIFO would wait forever);
- a file in use (its -wal and -shm exist) is read in place through `mode=ro`,
  which creates nothing new and keeps a writer's checkpoint out of the way;
- otherwise a WAL-mode file with nothing in a -wal is read `immutable`: no
  lock, no file made; and a -wal or hot journal that must be read is read from a
  copy in a private temporary folder, where SQLite may replay or roll back
  whatever it likes.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from db.file_header import first_bytes

SQLITE_HEADER = b"SQLite format 3\x00"
_WAL_MODE = b"\x02\x02"  # header bytes 18-19: read and write versions 2 mean WAL


@dataclass(frozen=True)
class ReadOnlyView:
    """A connection that cannot change the file; `rolled_back` when a hot journal (a write
    interrupted by a crash) was rolled back on a private copy to read it."""

    conn: sqlite3.Connection
    rolled_back: bool = False


def beside(path: Path, suffix: str) -> Path:
    return Path(f"{path}{suffix}")


def file_problem(path: Path) -> str | None:
    """What stops `path` being read as a SQLite file, if anything: never opens a FIFO."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "does not exist"
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if not stat.S_ISREG(mode):
        return "is not a regular file (a folder, a pipe or a device)"
    try:
        header = first_bytes(path, 100)
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if not header.startswith(SQLITE_HEADER):
        return "is not a Recovery Desk database (not a SQLite file)"
    return None


def in_wal_mode(path: Path) -> bool:
    return first_bytes(path, 20)[18:20] == _WAL_MODE


def has_wal_frames(path: Path) -> bool:
    """Whether a -wal beside `path` holds anything SQLite would read (a header is 32 bytes)."""
    return _size(beside(path, "-wal")) > 32


def has_journal(path: Path) -> bool:
    return _size(beside(path, "-journal")) > 0


def needs_checking_before_writing(path: Path) -> bool:
    """Whether opening `path` for writing would change the file before a check could see it:
    a switch to WAL mode, a -wal replayed into it at close, or a journal rolled back."""
    return not in_wal_mode(path) or has_wal_frames(path) or has_journal(path)


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _uri(path: Path, option: str) -> str:
    return f"file:{quote(str(path.absolute()))}?{option}"


@contextmanager
def read_only(path: Path) -> Iterator[ReadOnlyView]:
    """A read-only view of the database at `path`, with its -wal or journal if it has one.
    Call only after `file_problem(path)` found nothing. Raises sqlite3.DatabaseError."""
    if beside(path, "-wal").exists() and beside(path, "-shm").exists():
        # In use (or left by a crash): SQLite reads the -wal through the existing -shm,
        # and takes the readers' locks that keep a writer's checkpoint out of the way.
        yield from _opened(_uri(path, "mode=ro"))
        return
    if has_wal_frames(path):
        yield from _copied(path, "-wal")
        return
    if has_journal(path) and _journal_is_hot(path):
        yield from _copied(path, "-journal", rolled_back=True)
        return
    option = "immutable=1" if in_wal_mode(path) else "mode=ro"
    yield from _opened(_uri(path, option))


def _journal_is_hot(path: Path) -> bool:
    """Whether SQLite would roll the journal back before reading: it says so to a reader
    that may not write."""
    conn = sqlite3.connect(_uri(path, "mode=ro"), uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK":
            return True
        raise
    finally:
        conn.close()
    return False


def _opened(uri: str) -> Iterator[ReadOnlyView]:
    yield from _closing(ReadOnlyView(sqlite3.connect(uri, uri=True)))


def _closing(view: ReadOnlyView) -> Iterator[ReadOnlyView]:
    try:
        yield view
    finally:
        view.conn.close()


def _copied(path: Path, suffix: str, rolled_back: bool = False) -> Iterator[ReadOnlyView]:
    with tempfile.TemporaryDirectory(prefix="recovery-desk-check-") as folder:
        copy = Path(folder) / "copy.sqlite3"
        shutil.copyfile(path, copy)
        shutil.copyfile(beside(path, suffix), beside(copy, suffix))
        # Opened the usual way, SQLite replays the -wal or rolls the journal back: in the copy.
        yield from _closing(ReadOnlyView(sqlite3.connect(copy), rolled_back))


@contextmanager
def read_main_file_only(path: Path) -> Iterator[ReadOnlyView]:
    """The file as it is on disk, without its -wal: to tell a -wal that does not belong."""
    yield from _opened(_uri(path, "immutable=1"))


_DAMAGED_BY_WAL = "with it the file reads as damaged, without it as intact"


def stray_wal(path: Path, *, reads_damaged: bool) -> str | None:
    """Why the -wal beside `path` cannot be this file's own, or None. `reads_damaged`: the
    file read with its -wal failed the page check. Either way nothing is written."""
    if not has_wal_frames(path):
        return None
    try:
        with read_main_file_only(path) as alone:
            pages, identity = _shape(alone.conn)
            intact_alone = integrity_problem(alone.conn) is None
        if reads_damaged:
            return _DAMAGED_BY_WAL if intact_alone else None
        with read_only(path) as view:
            pages_after, identity_after = _shape(view.conn)
    except sqlite3.DatabaseError:
        return None
    if identity and identity_after != identity:
        return "it carries the identity of another database"
    if pages_after < pages:
        # The program never shrinks its file (no VACUUM, no auto_vacuum); a -wal that
        # would is another database's.
        return f"it would cut the file from {pages:,} pages to {pages_after:,}"
    return None


def _shape(conn: sqlite3.Connection) -> tuple[int, int]:
    """(pages, identity): the page count and the random number each database keeps in its
    header's user_version (set when it is made; 0 in files made before)."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    return int(pages), int(conn.execute("PRAGMA user_version").fetchone()[0])


def integrity_problem(conn: sqlite3.Connection, *, full: bool = False) -> str | None:
    """None when SQLite's page check passes; otherwise what it found, in a few words."""
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as exc:
        return f"is damaged ({exc})"
    result = "; ".join(str(r[0]) for r in rows[:5])
    return None if result == "ok" else f"is damaged ({result})"


def tables_and_revision(conn: sqlite3.Connection) -> tuple[list[str], str | None]:
    """The table names and the Alembic schema revision the file holds."""
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    revision = None
    if "alembic_version" in tables:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    return tables, revision


def read_only_reason(path: Path) -> str | None:
    """Why the program could not write to `path`, or None when it can. A WAL-mode file also
    needs its folder, to make the -wal and -shm beside it."""
    if not os.access(path, os.W_OK):
        return "the file's permissions or the disk do not allow writing"
    sides = [beside(path, s) for s in ("-wal", "-shm")]
    if not os.access(path.parent, os.W_OK | os.X_OK) and not all(
        os.access(p, os.W_OK) for p in sides
    ):
        return "its folder's permissions or the disk do not allow writing beside it"
    return None
