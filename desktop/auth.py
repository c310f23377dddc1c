"""Signing in, unlocking and the first administrator account, without any widget."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from db import audit, users
from db.access import Actor
from db.engine import Database
from forms import sessions
from forms.definitions import PASSWORD_MIN_LENGTH

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("auth", text)


class AccountError(ValueError):
    """A message for the person, keyed by the field at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class SignedIn:
    actor: Actor
    display_name: str


def needs_first_admin(database: Database) -> bool:
    with database.reading() as session:
        return users.count(session) == 0


def check_new_password(password: str, again: str) -> None:
    if len(password) < PASSWORD_MIN_LENGTH:
        raise AccountError(
            "password", _tr("Use at least {n} characters").format(n=PASSWORD_MIN_LENGTH)
        )
    if password != again:
        raise AccountError("password_again", _tr("The two passwords differ"))


def sign_in(database: Database, username: str, password: str) -> SignedIn:
    """Check the password; the audit trail records the sign-in. Raises SignInError."""
    with database.writing() as session:
        actor = users.verify(session, username.strip(), password)
        user = users.by_username(session, actor.username)
        audit.record(session, actor, "sign_in", "user", actor.user_id)
    log.info("%s signed in", actor.username)
    return SignedIn(actor, user.display_name if user else actor.username)


def unlock(database: Database, actor: Actor, password: str) -> bool:
    """Whether `password` is the signed-in person's own (the lock screen asks nobody else);
    an unlock is recorded in the audit trail."""
    with database.reading() as session:
        user = users.by_username(session, actor.username)
        ok = bool(user and user.active and users.check_password(user.password_hash, password))
    if ok:
        sessions.unlock(database, actor)
    return ok


def create_first_admin(
    database: Database, username: str, display_name: str, password: str, again: str
) -> SignedIn:
    if not username.strip():
        raise AccountError("username", _tr("Choose a user name"))
    if not display_name.strip():
        raise AccountError("display_name", _tr("Write your full name"))
    check_new_password(password, again)
    with database.writing() as session:
        if users.count(session):
            raise AccountError("username", _tr("An administrator already exists; sign in instead"))
        users.add(session, None, username.strip(), display_name.strip(), "admin", password)
    return sign_in(database, username, password)
