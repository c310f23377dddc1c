"""Real accounts and real sign-ins for the tests: no test hand-builds an Actor.

`signed_in(database, role)` makes the account in the test's own database (the
first one an administrator, as in the program) and signs in with its password,
so the actor a test works with passed the same checks a person's does.
"""

from __future__ import annotations

import datetime as dt
import weakref

from db import users
from db.access import Actor
from db.engine import Database
from forms import accounts

PASSWORD = "correct horse battery staple"
ADMIN = "test-admin"
USERNAMES = {"admin": ADMIN, "manager": "test-manager", "front_desk": "test-front-desk"}
DAY = dt.date(2026, 11, 27)


def quick_hashing() -> None:
    """Argon2id at its lowest cost for the accounts made from here on. Argon2id at the
    program's cost takes ~0.1-0.3 s a hash and 64 MiB; the suite signs in hundreds of
    times, and a benchmark measures the work, not the sign-in. Checking a password uses
    the cost written in its hash, so accounts made after this stay quick everywhere."""
    from argon2 import PasswordHasher

    users.HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def _exists(database: Database, username: str) -> bool:
    with database.reading() as session:
        return users.by_username(session, username) is not None


def signed_in(database: Database, role: str = "admin", username: str | None = None) -> Actor:
    """An actor of `role`, signed in with a real account of `database` (made if missing)."""
    name = username or USERNAMES[role]
    if accounts.needs_first_admin(database):
        raw = {"username": ADMIN, "display_name": "Test Administrator"}
        accounts.add_first_admin(database, raw, PASSWORD, None, DAY)
    if not _exists(database, name):
        admin = accounts.sign_in(database, ADMIN, PASSWORD).actor
        raw = {"username": name, "display_name": f"Test {role}", "role": role}
        accounts.add_account(database, admin, raw, PASSWORD, None, DAY)
    return accounts.sign_in(database, name, PASSWORD).actor


_SIGNED_IN: weakref.WeakKeyDictionary[Database, dict[str, Actor]] = weakref.WeakKeyDictionary()


def actor_of(database: Database, role: str = "admin") -> Actor:
    """`signed_in` once per database and role: for databases a whole module shares."""
    known = _SIGNED_IN.setdefault(database, {})
    if role not in known:
        known[role] = signed_in(database, role)
    return known[role]
