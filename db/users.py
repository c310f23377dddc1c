"""Staff accounts. Passwords are kept only as Argon2id hashes.

The rules (password length, the list of common passwords, failed sign-ins)
live in forms/accounts.py; this module stores and checks.
"""

from __future__ import annotations

import functools

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import audit
from db.access import Actor, Permission, seal_actor
from db.models import User

# argon2-cffi's defaults are Argon2id (RFC 9106 low-memory). The test suite swaps in
# a cheaper hasher (tests/conftest.py); nothing else should.
HASHER = PasswordHasher()


def hash_password(password: str) -> str:
    return HASHER.hash(password)


@functools.cache
def _stand_in_hash() -> str:
    return hash_password("the hash an unknown user name is checked against")


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0


def by_username(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(func.lower(User.username) == username.lower()))


def by_id(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def add(
    session: Session,
    actor: Actor | None,
    username: str,
    display_name: str,
    role: str,
    password: str,
) -> User:
    """Add an account; `actor` None is allowed only for the very first (admin) account."""
    first = count(session) == 0
    if actor is None and not (first and role == "admin"):
        raise PermissionError("Only an administrator can add accounts")
    if actor is not None:
        actor.require(Permission.MANAGE_USERS)
    if by_username(session, username) is not None:
        raise ValueError(f"The user name {username} is taken")
    user = User(
        username=username,
        display_name=display_name,
        role=role,
        password_hash=hash_password(password),
        active=True,
    )
    session.add(user)
    session.flush()
    # The first administrator creates itself: its own account is the one acting.
    who = actor or seal_actor(user.id, username, role)
    audit.record(
        session,
        who,
        "create",
        "user",
        user.id,
        after={"username": username, "display_name": display_name, "role": role},
    )
    return user


def acting_first_admin(session: Session, user: User) -> Actor:
    """The first administrator, acting in the transaction that created it: the first-run
    setup writes the agency's settings in that same transaction, all or nothing."""
    if count(session) != 1 or user.role != "admin" or user.id is None:
        raise PermissionError("Only the first administrator acts while being created")
    return seal_actor(user.id, user.username, user.role)


def verify(session: Session, username: str, password: str) -> Actor | None:
    """The signed-in actor when `password` is this active account's, else None.

    An unknown user name is checked against a stand-in hash, so the time taken
    does not tell whether the name exists.
    """
    user = by_username(session, username)
    if user is None:
        check_password(_stand_in_hash(), password)
        return None
    if not check_password(user.password_hash, password) or not user.active:
        return None
    if HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return seal_actor(user.id, user.username, user.role)


def check_password(stored_hash: str, password: str) -> bool:
    try:
        return HASHER.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def all_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.username)))


def set_active(session: Session, actor: Actor, user_id: int, active: bool) -> None:
    actor.require(Permission.MANAGE_USERS)
    user = session.get(User, user_id)
    if user is None:
        raise ValueError("No such user")
    before = {"active": user.active}
    user.active = active
    audit.record(session, actor, "update", "user", user_id, before=before, after={"active": active})


def set_password(session: Session, actor: Actor, user_id: int, password: str) -> None:
    if not actor.verified:
        actor.require(Permission.MANAGE_USERS)  # refuses, saying why
    if actor.user_id != user_id:
        actor.require(Permission.MANAGE_USERS)
    user = session.get(User, user_id)
    if user is None:
        raise ValueError("No such user")
    user.password_hash = hash_password(password)
    audit.record(session, actor, "update", "user", user_id, after={"password": "changed"})


def set_language(session: Session, actor: Actor, user_id: int, language: str | None) -> None:
    """The account's screen language (None: the operating system's); the caller has checked
    the actor may change this account's."""
    user = session.get(User, user_id)
    if user is None:
        raise ValueError("No such user")
    before = {"language": user.language}
    user.language = language
    audit.record(
        session, actor, "update", "user", user_id, before=before, after={"language": language}
    )
