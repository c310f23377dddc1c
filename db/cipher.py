"""SQLCipher: the SQLite file kept encrypted at rest.

SQLCipher 4 (the `sqlcipher3` wheel, extra `encryption`) encrypts every page
with AES-256 and authenticates it with HMAC-SHA512. A passphrase becomes the
key through PBKDF2-HMAC-SHA512 with 256,000 iterations and the file's own
random salt, its first 16 bytes. Deriving takes ~0.2 s, so it is done once
per file and process; every connection then gets the raw key and opens at
once. Copies keyed "like" an existing file share its salt, hence its key.
"""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from pathlib import Path
from typing import Any

from db.file_header import first_bytes

SQLITE_HEADER = b"SQLite format 3\x00"
SALT_BYTES = 16
KDF_ITERATIONS = 256_000  # SQLCipher 4's default
KEY_BYTES = 32
WRONG_PASSPHRASE = "The passphrase does not open this database"


class CipherUnavailableError(RuntimeError):
    """The encryption library is not installed."""

    def __init__(self) -> None:
        super().__init__(
            "This database is encrypted, and this installation cannot open encrypted "
            "databases; install Recovery Desk with its encryption extra "
            "(pip install 'recovery-desk[encryption]')."
        )


class WrongPassphraseError(RuntimeError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{WRONG_PASSPHRASE} ({path}); it was left untouched.")
        self.path = path


def driver() -> Any:
    """The sqlcipher3 DB-API module."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        raise CipherUnavailableError() from None
    return dbapi2


def available() -> bool:
    try:
        driver()
    except CipherUnavailableError:
        return False
    return True


def looks_encrypted(path: Path) -> bool:
    """True for a file that is not plain SQLite but has the shape of SQLCipher pages (a
    random salt where the header would be, whole pages). Garbage of another size is not."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return False  # a pipe or device: opening it could wait for ever
        size = info.st_size
        header = first_bytes(path, len(SQLITE_HEADER))
    except OSError:
        return False
    return size >= 1024 and size % 512 == 0 and header != SQLITE_HEADER


class Passphrase:
    """The secret that opens an encrypted file. Never printed: its repr hides it."""

    def __init__(self, text: str) -> None:
        if not text:
            raise ValueError("the passphrase is empty")
        self._text = text
        self._keys: dict[bytes, bytes] = {}

    def __repr__(self) -> str:
        return "Passphrase(<hidden>)"

    def key_text(self, path: Path) -> str:
        """What SQLCipher takes as the key of `path`: the raw key and salt when the file has
        a salt, else the passphrase itself (SQLCipher then makes a new salt for it)."""
        salt = _salt(path)
        if salt is None:
            return self._text
        key = self._keys.get(salt)
        if key is None:
            key = hashlib.pbkdf2_hmac(
                "sha512", self._text.encode("utf-8"), salt, KDF_ITERATIONS, KEY_BYTES
            )
            self._keys[salt] = key
        return f"x'{key.hex()}{salt.hex()}'"

    def pragma(self, path: Path) -> str:
        """The quoted value for PRAGMA key."""
        return "'" + self.key_text(path).replace("'", "''") + "'"


def _salt(path: Path) -> bytes | None:
    try:
        salt = first_bytes(path, SALT_BYTES)
    except OSError:
        return None
    return salt if len(salt) == SALT_BYTES else None


def apply_key(conn: Any, key: Passphrase, path: Path) -> None:
    """Key a fresh sqlcipher3 connection; must run before anything reads the file."""
    # A wrong key is told in one line by the caller, not as SQLCipher's log on stderr.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {key.pragma(path)}")


def connect(
    path: Path, key: Passphrase | None, *, read_only: bool = False, like: Path | None = None
) -> Any:
    """A DB-API connection to `path`: plain sqlite3 without a key, else keyed sqlcipher3.
    `like` keys a new file as that existing encrypted file (same salt, same key)."""
    target = f"file:{path}?mode=ro" if read_only else f"file:{path}"
    if key is None:
        return sqlite3.connect(target, uri=True)
    conn = driver().connect(target, uri=True)
    try:
        apply_key(conn, key, like or path)
    except Exception:
        conn.close()
        raise
    return conn


def verify(path: Path, key: Passphrase) -> None:
    """Raise WrongPassphraseError unless `key` opens the file at `path`. Read-only."""
    conn = connect(path, key, read_only=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except driver().DatabaseError:
        raise WrongPassphraseError(path) from None
    finally:
        conn.close()
