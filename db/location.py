"""Where the database lives: the default file, `--db` / RECOVERY_DESK_DB, or a URL.

A SQLite file on a network share corrupts when two machines lock it through
SMB or NFS, so such a path is refused with advice to use PostgreSQL.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

import platformdirs

ENV_VAR = "RECOVERY_DESK_DB"
APP_NAME = "recovery-desk"
DEFAULT_FILENAME = "recovery-desk.sqlite3"
LOCATION_FILENAME = "database-location"
NETWORK_FS_TYPES = frozenset(
    {"nfs", "nfs4", "cifs", "smbfs", "smb3", "afs", "ncpfs", "9p", "fuse.sshfs", "davfs", "ceph"}
)


class DatabaseLocationError(ValueError):
    """The given database location cannot be used; the message says why and what to do."""


def default_database_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DEFAULT_FILENAME


def location_file() -> Path:
    """This workstation's choice of database, made in the first-run setup (one line)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / LOCATION_FILENAME


def remembered_location() -> str | None:
    try:
        text = location_file().read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return text or None


def remember_location(url: str) -> None:
    """Open `url` from now on when neither --db nor the environment names a database. The
    URL may hold a password: the file is its owner's only."""
    from db.files import atomic_path, private_file, private_folder

    target = location_file()
    private_folder(target.parent, ours=True)
    with atomic_path(target) as partial:
        private_file(partial).write_text(url + "\n", encoding="utf-8")


def resolve_database_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for `--db` (path or URL), else the environment, else the database
    chosen at the first start, else the default file."""
    chosen = db or os.environ.get(ENV_VAR) or remembered_location() or str(default_database_path())
    if "://" in chosen:
        check_url(chosen)
        return chosen
    path = Path(chosen).expanduser()
    refuse_network_share(path)
    return f"sqlite:///{path.absolute()}"


def check_url(url: str) -> None:
    """Refuse, in one line, a URL that names no database the program can use."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        parsed = make_url(url)
        backend = parsed.get_backend_name()
        dialect = parsed.get_dialect() if backend in _BACKENDS else None
    except (ArgumentError, NoSuchModuleError, ValueError):
        backend, dialect = "", None
    if backend not in _BACKENDS or dialect is None:
        raise DatabaseLocationError(
            f"--db {url}: not a database the program can use; give a file path, or a "
            "PostgreSQL URL such as postgresql+psycopg://user@server/agency"
        )
    try:
        dialect.import_dbapi()
    except ImportError:
        raise DatabaseLocationError(
            f"--db {url}: the driver for {backend} is not installed (for PostgreSQL: "
            "pip install 'recovery-desk[postgres]')"
        ) from None


_BACKENDS = ("sqlite", "postgresql")


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    if not url.startswith("sqlite"):
        return None
    path = url.split(":///", 1)[1] if ":///" in url else ""
    return Path(path) if path and path != ":memory:" else None


def refuse_network_share(path: Path, mounts: Iterable[tuple[str, str]] | None = None) -> None:
    text = str(path)
    if text.startswith(("\\\\", "//")):
        raise DatabaseLocationError(_network_message(text))
    if sys.platform == "win32":
        if _windows_drive_is_remote(path):
            raise DatabaseLocationError(_network_message(text))
        return
    fs_type = _filesystem_type(path.absolute(), mounts if mounts is not None else _read_mounts())
    if fs_type in NETWORK_FS_TYPES:
        raise DatabaseLocationError(_network_message(text))


def _network_message(where: str) -> str:
    return (
        f"The database file {where} is on a network share. A shared SQLite file can be "
        "damaged when several computers use it; for several workstations, use one "
        "PostgreSQL server instead (pass its URL with --db or RECOVERY_DESK_DB)."
    )


def _read_mounts() -> list[tuple[str, str]]:
    try:
        with open("/proc/mounts", encoding="utf-8") as f:
            rows = [line.split() for line in f]
    except OSError:
        return []
    return [(_unescape_mount(r[1]), r[2]) for r in rows if len(r) >= 3]


def _unescape_mount(point: str) -> str:
    return point.replace("\\040", " ").replace("\\011", "\t")


def _filesystem_type(path: Path, mounts: Iterable[tuple[str, str]]) -> str | None:
    """The type of the longest mount point containing `path`."""
    best, best_type = "", None
    text = str(path)
    for point, fs_type in mounts:
        inside = text == point or text.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, best_type = point, fs_type
    return best_type


def _windows_drive_is_remote(path: Path) -> bool:  # pragma: no cover - Windows only
    import ctypes

    drive = path.absolute().drive
    if not drive:
        return False
    drive_remote = 4
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return bool(kernel32.GetDriveTypeW(drive + "\\") == drive_remote)
