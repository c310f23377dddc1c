"""recovery-desk encrypt / decrypt, and every command on an encrypted file, as an operator
runs them: the passphrase from the environment, one line of standard input, or a keyring."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.cipher import WRONG_PASSPHRASE, looks_encrypted
from desktop.passphrase import ENV_VAR
from tests.accounts import PASSWORD, actor_of
from tests.desktop.cli_helpers import database_with_accounts, run, run_as

PASSPHRASE = "a passphrase for the file, not a password"
CANARY = "Ximenaqwerty"


@pytest.fixture
def plain(tmp_path: Path, today) -> Path:  # type: ignore[no-untyped-def]
    """A plain database with an administrator, a manager and one client."""
    from db.startup import open_database
    from forms import records

    path = Path(database_with_accounts(tmp_path / "agency.sqlite3", "manager"))
    db = open_database(str(path))
    records.create_client(
        db,
        actor_of(db),
        {"given_name": CANARY, "family_name": "Q", "birth_date": "1950-02-02"},
        today,
    )
    db.dispose()
    return path


def test_encrypt_then_every_command_opens_with_the_passphrase(
    plain: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.setenv(ENV_VAR, PASSPHRASE)
    code, out, _ = run_as(capsys, "admin", "encrypt", "--db", str(plain))
    assert code == 0 and "Encrypted" in out
    assert looks_encrypted(plain) and CANARY.encode() not in plain.read_bytes()
    code, out, _ = run(capsys, "check", "--db", str(plain))
    assert code == 0, out
    assert "encrypted" in out
    backup = tmp_path / "copy.sqlite3"
    code, _, _ = run_as(capsys, "manager", "backup", "--db", str(plain), "--out", str(backup))
    assert code == 0
    assert looks_encrypted(backup) and CANARY.encode() not in backup.read_bytes()
    out_book = tmp_path / "all.xlsx"
    code, out, err = run_as(
        capsys,
        "manager",
        *("export", "data", "--purpose", "treatment"),
        *("--db", str(plain), "--out", str(out_book)),
    )
    assert code == 0, err


def test_only_an_administrator_encrypts_or_decrypts(plain: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv(ENV_VAR, PASSPHRASE)
    before = plain.read_bytes()
    code, _, err = run(capsys, "encrypt", "--db", str(plain), stdin=PASSWORD + "\n")
    assert code == 2 and "needs a sign-in" in err
    assert plain.read_bytes() == before
    code, _, err = run_as(capsys, "manager", "encrypt", "--db", str(plain))
    assert code == 3 and "manager may not change settings" in err
    assert not looks_encrypted(plain)
    assert run_as(capsys, "admin", "encrypt", "--db", str(plain))[0] == 0
    code, _, err = run_as(capsys, "manager", "decrypt", "--db", str(plain))
    assert code == 3 and "manager may not change settings" in err
    assert looks_encrypted(plain)


def test_a_wrong_passphrase_is_one_line_and_exit_1(plain: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv(ENV_VAR, PASSPHRASE)
    assert run_as(capsys, "admin", "encrypt", "--db", str(plain))[0] == 0
    monkeypatch.setenv(ENV_VAR, "this is not the passphrase")
    code, out, err = run(capsys, "check", "--db", str(plain))
    assert code == 1
    assert out == ""
    assert err.strip().splitlines() == [
        f"recovery-desk: error: {WRONG_PASSPHRASE} ({plain}); it was left untouched."
    ]


def test_the_passphrase_and_then_the_password_are_read_from_standard_input(
    plain: Path, capsys, monkeypatch
) -> None:
    """docs/security.md: on standard input the passphrase comes first, then the
    password of the person signing in."""
    monkeypatch.delenv(ENV_VAR, raising=False)
    code, _, err = run_as(capsys, "admin", "encrypt", "--db", str(plain), before=PASSPHRASE + "\n")
    assert code == 0, err
    code, out, _ = run(capsys, "check", "--db", str(plain), stdin=PASSPHRASE + "\n")
    assert code == 0, out
    backup = plain.parent / "copy.sqlite3"
    code, _, err = run_as(
        capsys,
        "admin",
        "backup",
        "--db",
        str(plain),
        "--out",
        str(backup),
        before=PASSPHRASE + "\n",
    )
    assert code == 0, err
    code, _, err = run_as(capsys, "admin", "decrypt", "--db", str(plain), before="short\n")
    assert code == 1 and WRONG_PASSPHRASE in err
    code, out, err = run_as(
        capsys, "admin", "decrypt", "--db", str(plain), before=PASSPHRASE + "\n"
    )
    assert code == 0 and "Decrypted" in out, err


def test_a_short_new_passphrase_is_refused_and_nothing_changes(
    plain: Path, capsys, monkeypatch
) -> None:
    before = plain.read_bytes()
    monkeypatch.setenv(ENV_VAR, "too short")
    code, _, err = run_as(capsys, "admin", "encrypt", "--db", str(plain))
    assert code == 2 and "at least 15 characters" in err
    assert plain.read_bytes() == before


def test_decrypt_brings_back_a_plain_file(plain: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv(ENV_VAR, PASSPHRASE)
    assert run_as(capsys, "admin", "encrypt", "--db", str(plain))[0] == 0
    code, out, _ = run_as(capsys, "admin", "decrypt", "--db", str(plain))
    assert code == 0 and "Decrypted" in out
    conn = sqlite3.connect(plain)
    assert conn.execute("SELECT given_name FROM clients").fetchall() == [(CANARY,)]
    conn.close()


class MemoryKeyring:
    """A keyring backend that keeps passwords in a dict, as the OS's would on disk."""

    def __init__(self) -> None:
        import keyring.backend

        class Backend(keyring.backend.KeyringBackend):
            priority = 1  # type: ignore[assignment]

            def __init__(self) -> None:
                super().__init__()
                self.stored: dict[tuple[str, str], str] = {}

            def get_password(self, service: str, username: str) -> str | None:
                return self.stored.get((service, username))

            def set_password(self, service: str, username: str, password: str) -> None:
                self.stored[(service, username)] = password

            def delete_password(self, service: str, username: str) -> None:
                self.stored.pop((service, username), None)

        self.backend = Backend()


@pytest.fixture
def keyring_backend(monkeypatch):  # type: ignore[no-untyped-def]
    import keyring

    before = keyring.get_keyring()
    memory = MemoryKeyring().backend
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


def test_remember_keeps_the_passphrase_in_the_keyring(
    plain: Path, capsys, monkeypatch, keyring_backend
) -> None:
    monkeypatch.setenv(ENV_VAR, PASSPHRASE)
    code, out, _ = run_as(capsys, "admin", "encrypt", "--remember", "--db", str(plain))
    assert code == 0 and "keyring" in out
    monkeypatch.delenv(ENV_VAR)
    code, out, _ = run(capsys, "check", "--db", str(plain), stdin="")  # nobody types anything
    assert code == 0, out


def test_without_a_keyring_remember_says_so_and_still_encrypts(
    plain: Path, capsys, monkeypatch
) -> None:
    import keyring
    from keyring.backends.fail import Keyring as NoBackend

    before = keyring.get_keyring()
    keyring.set_keyring(NoBackend())
    try:
        monkeypatch.setenv(ENV_VAR, PASSPHRASE)
        code, out, _ = run_as(capsys, "admin", "encrypt", "--remember", "--db", str(plain))
    finally:
        keyring.set_keyring(before)
    assert code == 0
    assert "not kept in a keyring: this computer has no keyring service" in out
    assert looks_encrypted(plain)
