"""A person's time at the program, in the audit trail: signing out and the screen locking.
Signing in and unlocking the screen are recorded where the password is checked
(forms/accounts.py), in the same transaction."""

from __future__ import annotations

from db import audit
from db.access import Actor
from db.engine import Database


def _record(database: Database, actor: Actor, action: str) -> None:
    with database.writing() as session:
        audit.record(session, actor, action, "user", actor.user_id)


def sign_out(database: Database, actor: Actor) -> None:
    _record(database, actor, "sign_out")


def lock(database: Database, actor: Actor) -> None:
    """The screen locked over the person's work, by the idle timer or by the person."""
    _record(database, actor, "lock")
