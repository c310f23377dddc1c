"""Turning a plain SQLite file into an encrypted one and back, never losing either.

The new file is written beside the old one with SQLCipher's sqlcipher_export,
checked (integrity, every page's HMAC, the same number of rows in every table),
fsynced and renamed over the old name in one step. Only then are the old
file's bytes overwritten with zeros and the file removed. (On SSDs and
copy-on-write file systems overwriting does not reach every old block; full-disk
encryption covers that, see docs/security.)
"""

from __future__ import annotations

import os
from pathlib import Path

from db import cipher
from db.backup import quick_check
from db.cipher import Passphrase, looks_encrypted
from db.files import SQLITE_SIDE_FILES, fsync_file, fsync_folder, private_file


class EncryptionError(RuntimeError):
    pass


def encrypt_file(path: Path, key: Passphrase) -> Path:
    """Encrypt the plain database at `path` in place; returns `path`."""
    if not path.exists() or path.stat().st_size == 0:
        raise EncryptionError(f"there is no database at {path}")
    if looks_encrypted(path):
        raise EncryptionError(f"{path} is already encrypted")
    return _convert(path, None, key)


def decrypt_file(path: Path, key: Passphrase) -> Path:
    """Write the encrypted database at `path` back as a plain file; returns `path`."""
    if not looks_encrypted(path):
        raise EncryptionError(f"{path} is not encrypted")
    cipher.verify(path, key)
    return _convert(path, key, None)


def _convert(path: Path, source: Passphrase | None, target: Passphrase | None) -> Path:
    problem = quick_check(path, source)
    if problem:
        raise EncryptionError(f"{path} {problem}; it was left as it was.")
    _fold_in_wal(path, source)
    partial = path.with_name(f".{path.name}.converting")
    partial.unlink(missing_ok=True)
    private_file(partial)
    try:
        counts = _export(path, source, partial, target)
        _verify(partial, target, counts)
        fsync_file(partial)
        old = _keep_old(path)
        os.replace(partial, path)
        fsync_folder(path.parent)
    finally:
        partial.unlink(missing_ok=True)
    _shred(old)
    return path


def _fold_in_wal(path: Path, key: Passphrase | None) -> None:
    """Leave WAL mode, which writes the -wal into the file and removes it. SQLite refuses
    while another program has the database open: then nothing is converted."""
    conn = cipher.connect(path, key)
    try:
        conn.execute("PRAGMA busy_timeout = 2000")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    finally:
        conn.close()
    leftovers = [s for s in SQLITE_SIDE_FILES if Path(f"{path}{s}").exists()]
    if str(mode).lower() != "delete" or leftovers:
        raise EncryptionError(
            f"{path} is open in another program; close Recovery Desk everywhere and try again."
        )


def _export(
    path: Path, source: Passphrase | None, partial: Path, target: Passphrase | None
) -> dict[str, int]:
    """Copy schema and rows into `partial` in one transaction; the row count of each table."""
    conn = cipher.driver().connect(str(path), isolation_level=None)
    try:
        if source is not None:
            cipher.apply_key(conn, source, path)
        key = "" if target is None else target.key_text(partial)
        conn.execute("ATTACH DATABASE ? AS converted KEY ?", (str(partial), key))
        conn.execute("BEGIN IMMEDIATE")  # no writer slips in between the copy and the swap
        counts = _row_counts(conn)
        conn.execute("SELECT sqlcipher_export('converted')")
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA converted.user_version = {int(version)}")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE converted")
    finally:
        conn.close()
    return counts


def _row_counts(conn: object) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(  # type: ignore[attr-defined]
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # type: ignore[attr-defined]
        for name in names
    }


def _verify(partial: Path, key: Passphrase | None, expected: dict[str, int]) -> None:
    conn = cipher.connect(partial, key, read_only=True)
    try:
        problems = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
        if key is not None:
            problems += [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
        counts = _row_counts(conn)
    finally:
        conn.close()
    if problems != ["ok"] or counts != expected:
        raise EncryptionError(
            "the converted copy did not match the database; the database was left as it was."
        )


def _keep_old(path: Path) -> Path:
    """A second name for the old file, so its bytes can be overwritten after the swap."""
    old = path.with_name(f".{path.name}.old")
    old.unlink(missing_ok=True)
    try:
        os.link(path, old)
    except OSError:  # a file system without hard links: a short moment with no file
        os.replace(path, old)
    return old


def _shred(old: Path) -> None:
    """Overwrite the old file's bytes with zeros, then remove it."""
    size = old.stat().st_size
    chunk = b"\x00" * (1 << 20)
    with open(old, "r+b") as f:
        for start in range(0, size, len(chunk)):
            f.write(chunk[: min(len(chunk), size - start)])
        f.flush()
        os.fsync(f.fileno())
    old.unlink()
