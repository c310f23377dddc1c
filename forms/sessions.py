"""A person's time at the program, in the audit trail: signing out, the screen locking
and being unlocked (signing in is recorded where the password is checked)."""

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


def unlock(database: Database, actor: Actor) -> None:
    """The person's own password opened the locked screen again."""
    _record(database, actor, "unlock")
