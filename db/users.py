"""Staff accounts. Passwords are kept only as Argon2id hashes."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import audit
from db.access import Actor, Permission
from db.models import User

_hasher = PasswordHasher()  # argon2-cffi's defaults are Argon2id (RFC 9106 low-memory)


class SignInError(ValueError):
    pass


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0


def by_username(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(func.lower(User.username) == username.lower()))


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
    who = actor or Actor(user.id, username, role)
    audit.record(
        session,
        who,
        "create",
        "user",
        user.id,
        after={"username": username, "display_name": display_name, "role": role},
    )
    return user


def verify(session: Session, username: str, password: str) -> Actor:
    """The actor for these credentials, or SignInError with a message that reveals nothing."""
    user = by_username(session, username)
    if user is None or not user.active or not check_password(user.password_hash, password):
        raise SignInError("Wrong user name or password")
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return Actor(user.id, user.username, user.role)


def check_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
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
    if actor.user_id != user_id:
        actor.require(Permission.MANAGE_USERS)
    user = session.get(User, user_id)
    if user is None:
        raise ValueError("No such user")
    user.password_hash = hash_password(password)
    audit.record(session, actor, "update", "user", user_id, after={"password": "changed"})
