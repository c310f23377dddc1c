"""The first-run setup: what a new agency decides before the first person signs in.

The agency's name and state, where the data lives (this computer, or the
agency's PostgreSQL server), encryption at rest, the backups folder, the first
administrator, and an optional practice agency. Each `check_*` function
validates one step, so the wizard can refuse a step with a message naming the
field; `complete_first_run` checks everything again and writes it: the
administrator and the settings in one transaction, or nothing. Everything but
the location and the encryption can be changed in Settings later; those two
with `--db` and `recovery-desk encrypt` / `decrypt`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from db import settings as agency_settings
from db import users
from db.cipher import CipherUnavailableError, Passphrase
from db.engine import Database
from db.location import remember_location, sqlite_path
from db.server import ServerProbe, probe_server
from forms import accounts
from forms.fields import N_, Message
from forms.passwords import DEFAULT_MIN_LENGTH, check_new_password
from forms.states import state_code
from forms.validation import ValidationFailed

THIS_COMPUTER, SERVER = "this_computer", "server"

AGENCY_NAME_MISSING = N_("Agency name: write the agency's name; reports print it.")
STATE_UNKNOWN = N_("State: write a US state or its two-letter code (for example OR or Oregon).")
SERVER_MISSING = N_("Server: write the address of the agency's PostgreSQL database.")
SERVER_FAILED = N_("Server: cannot use it: {reason}")
SERVER_TAKEN = N_(
    "Server: this database already has {accounts} accounts; sign in to it with "
    "--db instead of setting it up again."
)
PASSPHRASE_SHORT = N_("Passphrase: at least {length} characters.")
PASSPHRASE_DIFFERS = N_("Passphrase again: the two passphrases differ.")
PASSPHRASE_NO_LIBRARY = N_(
    "Encryption: this installation cannot encrypt (the sqlcipher3 package is missing)."
)
BACKUP_NOT_FOLDER = N_("Backups folder: {folder} is not a folder that exists.")
ALREADY_SET_UP = N_("This database already has an administrator; sign in instead.")


__all__ = [
    "SERVER",
    "THIS_COMPUTER",
    "Database",
    "FirstRunDone",
    "FirstRunSetup",
    "check_administrator",
    "check_agency",
    "check_backup_folder",
    "check_encryption",
    "check_location",
    "complete_first_run",
    "database_file",
]


@dataclass(frozen=True)
class FirstRunSetup:
    agency_name: str = ""
    state: str = ""
    location: str = THIS_COMPUTER
    server_url: str = ""
    encrypt: bool = False
    passphrase: str = ""
    passphrase_again: str = ""
    backup_folder: str = ""
    username: str = ""
    display_name: str = ""
    password: str = ""
    password_again: str = ""
    practice: bool = False


@dataclass(frozen=True)
class FirstRunDone:
    database: Database  # the database the program now works on (maybe not the one given)
    signed_in: accounts.SignedIn
    practice: Path | None  # the practice agency's file, when one was made


def _refuse(field: str, template: str, **params: object) -> ValidationFailed:
    return ValidationFailed({field: Message(template, **params)})


def database_file(database: Database) -> Path | None:
    """The file of a database on this computer (None for a server)."""
    path = sqlite_path(database.url)
    return path.absolute() if path is not None else None


def check_agency(setup: FirstRunSetup) -> tuple[str, str]:
    """The agency's name and state code, or ValidationFailed naming the field."""
    name = " ".join(setup.agency_name.split())
    if not name:
        raise _refuse("agency_name", AGENCY_NAME_MISSING)
    code = state_code(setup.state)
    if code is None:
        raise _refuse("state", STATE_UNKNOWN)
    return name, code


def check_location(setup: FirstRunSetup) -> ServerProbe | None:
    """For a server: connect once and say what is there (None for this computer)."""
    if setup.location != SERVER:
        return None
    url = setup.server_url.strip()
    if not url:
        raise _refuse("server_url", SERVER_MISSING)
    probe = probe_server(url)
    if probe.problem is not None:
        raise _refuse("server_url", SERVER_FAILED, reason=probe.problem)
    if probe.accounts:
        raise _refuse("server_url", SERVER_TAKEN, accounts=probe.accounts)
    return probe


def check_encryption(setup: FirstRunSetup) -> None:
    """Encryption is for a file on this computer; a server has its own disk encryption."""
    if not setup.encrypt or setup.location == SERVER:
        return
    if len(setup.passphrase) < DEFAULT_MIN_LENGTH:
        raise _refuse("passphrase", PASSPHRASE_SHORT, length=DEFAULT_MIN_LENGTH)
    if setup.passphrase != setup.passphrase_again:
        raise _refuse("passphrase_again", PASSPHRASE_DIFFERS)
    from db import cipher

    try:
        cipher.driver()
    except CipherUnavailableError:
        raise _refuse("encrypt", PASSPHRASE_NO_LIBRARY) from None


def check_backup_folder(setup: FirstRunSetup) -> str:
    """The folder as given ('' = `backups` beside the database); it must exist."""
    text = setup.backup_folder.strip()
    if text and not Path(text).expanduser().is_dir():
        raise _refuse("backup_folder", BACKUP_NOT_FOLDER, folder=text)
    return text


def check_administrator(setup: FirstRunSetup, today: dt.date) -> None:
    """The first administrator's name and password, as the Users screen checks them."""
    raw = {"username": setup.username, "display_name": setup.display_name}
    values = accounts.user_values({**raw, "role": "admin"}, today)
    check_new_password(setup.password, setup.password_again, DEFAULT_MIN_LENGTH, values["username"])


def _check_all(setup: FirstRunSetup, today: dt.date) -> agency_settings.AgencySettings:
    name, state = check_agency(setup)
    check_location(setup)
    check_encryption(setup)
    backup_folder = check_backup_folder(setup)
    check_administrator(setup, today)
    return replace(
        agency_settings.AgencySettings(),
        agency_name=name,
        state=state,
        backup_folder=backup_folder,
    )


def complete_first_run(
    database: Database,
    today: dt.date,
    setup: FirstRunSetup,
    attempt: accounts.Attempt | None = None,
) -> FirstRunDone:
    """Check every step again, then set the agency up and sign its administrator in.

    `database` is the empty one the program opened; with a server chosen, the
    server's database is set up (and remembered for the next start) instead,
    and `database` is disposed of. Nothing is written when a step is refused.
    """
    chosen = _check_all(setup, today)
    if not accounts.needs_first_admin(database):
        raise _refuse("username", ALREADY_SET_UP)
    target = _target_database(database, setup)
    try:
        with target.writing() as session:
            if users.count(session):
                raise _refuse("username", ALREADY_SET_UP)
            user = users.add(
                session, None, setup.username.strip(), setup.display_name.strip(), "admin",
                setup.password,
            )  # fmt: skip
            agency_settings.save(session, users.acting_first_admin(session, user), chosen)
        signed_in = accounts.sign_in(target, setup.username.strip(), setup.password, attempt)
    except Exception:
        if target is not database:
            target.dispose()
        raise
    if setup.location == SERVER:
        remember_location(setup.server_url.strip())
    return FirstRunDone(target, signed_in, _practice(setup, today))


def _target_database(database: Database, setup: FirstRunSetup) -> Database:
    from db.startup import open_database

    if setup.location == SERVER:
        server = open_database(setup.server_url.strip())
        database.dispose()
        return server
    path = sqlite_path(database.url)
    if not setup.encrypt or path is None or database.key is not None:
        return database  # (a file opened with a key is encrypted already)
    from db.encryption import encrypt_file

    key = Passphrase(setup.passphrase)
    database.dispose()
    encrypt_file(path, key)  # still empty: nothing but the schema is encrypted in place
    return open_database(str(path), key=key)


def _practice(setup: FirstRunSetup, today: dt.date) -> Path | None:
    if not setup.practice:
        return None
    from forms.practice import make_practice_agency, practice_path

    path = practice_path()
    make_practice_agency(path, today)
    return path
