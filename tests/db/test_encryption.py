"""Encryption at rest with SQLCipher: nothing readable in the file, its -wal or its backups;
a wrong passphrase is one clear line; the same damage and foreign-file checks hold."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from db.backup import backup_sqlite, restore_sqlite
from db.cipher import WRONG_PASSPHRASE, Passphrase, WrongPassphraseError, looks_encrypted
from db.encryption import EncryptionError, decrypt_file, encrypt_file
from db.health import check_database
from db.startup import DatabaseUnusableError, open_database
from forms import records
from tests.accounts import signed_in

PASSPHRASE = "a long passphrase only the admin knows"
CANARY = "Zanzibarrington"


def given(passphrase: str = PASSPHRASE):  # type: ignore[no-untyped-def]
    return lambda path: passphrase


def with_canary(path: Path, today) -> Path:  # type: ignore[no-untyped-def]
    """A plain database with an administrator, who entered one client."""
    db = open_database(str(path))
    records.create_client(
        db,
        signed_in(db, "admin"),
        {"given_name": CANARY, "family_name": "Canary", "birth_date": "1970-01-01"},
        today,
    )
    db.dispose()
    return path


def canary_in(path: Path) -> bool:
    return path.exists() and CANARY.encode() in path.read_bytes()


def client_names(db) -> list[str]:  # type: ignore[no-untyped-def]
    with db.reading() as session:
        return list(session.execute(text("SELECT given_name FROM clients")).scalars())


def test_an_encrypted_file_its_wal_and_its_backups_never_show_a_name(tmp_path: Path, today) -> None:
    path = with_canary(tmp_path / "agency.sqlite3", today)
    assert canary_in(path)  # the plain file shows it: the grep below can see a name
    encrypt_file(path, Passphrase(PASSPHRASE))
    assert looks_encrypted(path) and not canary_in(path)
    db = open_database(str(path), passphrase=given())
    assert client_names(db) == [CANARY]
    records.create_client(
        db,
        signed_in(db, "admin"),  # the same account, in the encrypted file
        {"given_name": CANARY + "Two", "family_name": "C", "birth_date": "1971-01-01"},
        today,
    )
    wal = Path(f"{path}-wal")
    assert wal.stat().st_size > 0  # the second client sits in the -wal, encrypted too
    assert not canary_in(wal) and not canary_in(path)
    backup = backup_sqlite(path, tmp_path / "backups" / "copy.sqlite3", db.key)
    db.dispose()
    assert looks_encrypted(backup) and not canary_in(backup)
    restored = open_database(str(backup), passphrase=given())
    assert sorted(client_names(restored)) == [CANARY, CANARY + "Two"]
    restored.dispose()


def test_the_plain_original_is_overwritten_before_it_is_removed(tmp_path: Path, today) -> None:
    path = with_canary(tmp_path / "agency.sqlite3", today)
    witness = tmp_path / "same-blocks"
    os.link(path, witness)  # sees the plain file's own bytes after it is unlinked
    encrypt_file(path, Passphrase(PASSPHRASE))
    assert witness.stat().st_size > 0 and not canary_in(witness)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agency.sqlite3", "same-blocks"]


def test_a_wrong_passphrase_is_one_clear_line_and_the_file_is_untouched(
    tmp_path: Path, today
) -> None:
    path = encrypt_file(with_canary(tmp_path / "a.sqlite3", today), Passphrase(PASSPHRASE))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(WrongPassphraseError) as caught:
        open_database(str(path), passphrase=given("not the passphrase at all"))
    assert str(caught.value).startswith(WRONG_PASSPHRASE)
    assert "\n" not in str(caught.value)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    with pytest.raises(DatabaseUnusableError, match="is encrypted and no passphrase"):
        open_database(str(path))


def test_damage_inside_an_encrypted_file_is_found_with_the_key(tmp_path: Path, today) -> None:
    path = tmp_path / "a.sqlite3"
    db = open_database(str(path))
    with db.writing() as session:
        for i in range(300):
            session.execute(
                text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
                {"k": f"k{i}", "v": "x" * 200},
            )
    db.dispose()
    encrypt_file(path, Passphrase(PASSPHRASE))
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.seek(size - 4096 * 3 + 100)
        f.write(b"\x00" * 32)
    with pytest.raises(DatabaseUnusableError, match=r"damaged.*untouched"):
        open_database(str(path), passphrase=given())
    report = check_database(f"sqlite:///{path}", Passphrase(PASSPHRASE))
    assert not report.ok
    assert any(line.startswith("PROBLEM") and "damaged" in line for line in report.lines)


def test_a_foreign_encrypted_database_is_refused(tmp_path: Path) -> None:
    from sqlcipher3 import dbapi2

    path = tmp_path / "other.sqlite3"
    conn = dbapi2.connect(str(path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.execute("INSERT INTO invoices VALUES (1)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseUnusableError, match="not a Recovery Desk database"):
        open_database(str(path), passphrase=given())


def test_check_reads_an_encrypted_file_with_its_key(tmp_path: Path, today) -> None:
    path = encrypt_file(with_canary(tmp_path / "a.sqlite3", today), Passphrase(PASSPHRASE))
    report = check_database(f"sqlite:///{path}", Passphrase(PASSPHRASE))
    assert report.ok, report.lines
    assert "encrypted" in report.lines[0]


def test_decrypt_is_the_way_back(tmp_path: Path, today) -> None:
    path = encrypt_file(with_canary(tmp_path / "a.sqlite3", today), Passphrase(PASSPHRASE))
    decrypt_file(path, Passphrase(PASSPHRASE))
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT given_name FROM clients").fetchall() == [(CANARY,)]
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_encrypting_twice_or_with_a_wrong_key_is_refused(tmp_path: Path, today) -> None:
    path = encrypt_file(with_canary(tmp_path / "a.sqlite3", today), Passphrase(PASSPHRASE))
    with pytest.raises(EncryptionError, match="already encrypted"):
        encrypt_file(path, Passphrase(PASSPHRASE))
    with pytest.raises(WrongPassphraseError):
        decrypt_file(path, Passphrase("some other passphrase here"))


def test_an_encrypted_backup_restores_encrypted(tmp_path: Path, today) -> None:
    path = encrypt_file(with_canary(tmp_path / "a.sqlite3", today), Passphrase(PASSPHRASE))
    key = Passphrase(PASSPHRASE)
    backup = backup_sqlite(path, tmp_path / "b.sqlite3", key)
    restore_sqlite(backup, path, key)
    assert looks_encrypted(path) and not canary_in(path)
    db = open_database(str(path), passphrase=given())
    assert client_names(db) == [CANARY]
    db.dispose()
