"""A practice agency: made-up clients in a file of its own, to try the program on.

The demo's accounts sign in to it (`DEMO_ACCOUNTS`, password `DEMO_PASSWORD`),
and its name says PRACTICE on every screen and report, so nobody mistakes it
for the agency's real records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from forms.fields import N_

if TYPE_CHECKING:
    from db.engine import Database
    from forms.accounts import SignedIn

# The command line imports this module to name the demo's accounts in its --help: what
# builds an agency is imported when one is built, so `--version` stays quick.

DEMO_ACCOUNTS = (
    ("admin", "Demo Administrator", "admin"),
    ("manager", "Demo Manager", "manager"),
    ("frontdesk", "Demo Front Desk", "front_desk"),
)
# Long enough for the password rules (15 characters), and on no list of common passwords.
DEMO_PASSWORD = "recovery-demo-only"
PRACTICE_CLIENTS = 200
PRACTICE_FILENAME = "practice.sqlite3"
PRACTICE_NAME = N_("PRACTICE (made-up clients) · {agency}")


def practice_path() -> Path:
    """Where the practice agency lives: beside the default database, on this computer."""
    from db.location import default_database_path

    return default_database_path().with_name(PRACTICE_FILENAME)


def add_demo_accounts(database: Database, today: dt.date) -> SignedIn:
    """The demo's three accounts in an empty database; returns the administrator, signed in."""
    from forms import accounts

    (first, first_name, _), *others = DEMO_ACCOUNTS
    raw = {"username": first, "display_name": first_name}
    admin = accounts.add_first_admin(database, raw, DEMO_PASSWORD, None, today)
    for username, name, role in others:
        raw = {"username": username, "display_name": name, "role": role}
        accounts.add_account(database, admin.actor, raw, DEMO_PASSWORD, None, today)
    return admin


def make_practice_agency(path: Path, today: dt.date, seed: int = 1) -> bool:
    """Fill the file at `path` with a practice agency; False when it already holds one
    (or anything else: a file with data is never touched)."""
    from db import clients, users
    from db import settings as agency_settings
    from db.demo import AGENCY_NAME, build_demo
    from db.startup import open_database

    database = open_database(str(path))
    try:
        with database.reading() as session:
            if clients.count(session) or users.count(session):
                return False
        build_demo(database, PRACTICE_CLIENTS, seed, today=today)
        admin = add_demo_accounts(database, today)
        with database.writing() as session:
            marked = PRACTICE_NAME.format(agency=AGENCY_NAME.removesuffix(" (demo)"))
            current = agency_settings.load(session)
            agency_settings.save(session, admin.actor, replace(current, agency_name=marked))
        return True
    finally:
        database.dispose()
