"""encrypt, decrypt: keeping the SQLite file encrypted at rest (SQLCipher)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop import passphrase
from desktop.commands import signin
from forms.vocabulary import Permission


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    encrypt = subparsers.add_parser(
        "encrypt",
        parents=[common, signin.options()],
        help="encrypt the database file with a passphrase (SQLCipher)",
        description="Encrypt the SQLite file in place with SQLCipher (AES-256, every page "
        "authenticated). The new passphrase is read from "
        f"{passphrase.ENV_VAR}, else twice from the terminal, else one line of "
        f"standard input; at least {passphrase.MIN_LENGTH} characters. Close the program "
        "everywhere first. Backups taken from now on are encrypted too. Signs in as an "
        "administrator (--user) once the database has accounts; the password is read after "
        "the passphrase (on standard input, the line after it).",
    )
    encrypt.add_argument(
        "--remember",
        action="store_true",
        help="also keep the passphrase in this computer's keyring, so nobody is asked",
    )
    encrypt.set_defaults(handler=run_encrypt)
    decrypt = subparsers.add_parser(
        "decrypt",
        parents=[common, signin.options()],
        help="write an encrypted database back as a plain file",
        description="The way back from encrypt: the file is written back unencrypted "
        "(checked first, then swapped in). The passphrase is read as for any command, "
        "then the password: signs in as an administrator (--user).",
    )
    decrypt.set_defaults(handler=run_decrypt)


def _sqlite_file(db: str | None) -> Path:
    from forms.database_file import resolve_database_url, sqlite_path

    path = sqlite_path(resolve_database_url(db))
    if path is None:
        raise ValueError(
            "encryption is for a SQLite file; a PostgreSQL server is protected by the "
            "server's own disk encryption and TLS"
        )
    return path


def _administrator_signs_in(args: argparse.Namespace, path: Path, key: Any) -> None:
    """Only an administrator changes how the file is kept; a database with no account yet
    has nobody to ask."""
    from forms import accounts
    from forms.database_file import open_database

    database = open_database(str(path), key=key)
    try:
        if not accounts.needs_first_admin(database):
            signin.sign_in(args, database).require(Permission.SETTINGS)
    finally:
        database.dispose()


def run_encrypt(args: argparse.Namespace) -> int:
    from forms.database_file import encrypt_file, open_database
    from forms.vocabulary import Passphrase, looks_encrypted

    path = _sqlite_file(args.db)
    if looks_encrypted(path):
        raise ValueError(f"{path} is already encrypted")
    # The passphrase before the password, as every command reads them (decrypt: the
    # file's, then the sign-in); a short one is refused before anything is written.
    secret = passphrase.new_for_command()
    if path.exists() and path.stat().st_size > 0:
        _administrator_signs_in(args, path, None)
    if not path.exists() or path.stat().st_size == 0:
        open_database(str(path)).dispose()  # a new database starts encrypted
    encrypt_file(path, Passphrase(secret))
    print(f"Encrypted {path}. Keep the passphrase safe: without it the data cannot be read.")
    _remember(path, secret, args.remember)
    _mention_plain_backups(path)
    return 0


def _remember(path: Path, secret: str, wanted: bool) -> None:
    if not wanted:
        return
    try:
        passphrase.remember(path, secret)
    except passphrase.NoKeyringError as exc:
        print(f"The passphrase was not kept in a keyring: {exc}.")
    else:
        print("The passphrase is kept in this computer's keyring.")


def _mention_plain_backups(path: Path) -> None:
    from forms.vocabulary import looks_encrypted

    folder = path.parent / "backups"
    plain = (
        [p for p in folder.glob("*.sqlite3") if not looks_encrypted(p)] if folder.is_dir() else []
    )
    if plain:
        print(
            f"{len(plain)} older backups in {folder} are not encrypted; delete them once "
            "you no longer need them."
        )


def run_decrypt(args: argparse.Namespace) -> int:
    from forms.database_file import decrypt_file
    from forms.vocabulary import Passphrase, looks_encrypted

    path = _sqlite_file(args.db)
    if not looks_encrypted(path):
        raise ValueError(f"{path} is not encrypted")
    key = Passphrase(passphrase.for_command(path))
    _administrator_signs_in(args, path, key)
    decrypt_file(path, key)
    passphrase.forget(path)
    print(f"Decrypted {path}: the file is plain SQLite again, readable by anyone who can read it.")
    return 0
