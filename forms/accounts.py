"""Accounts, one function per action: sign in, unlock the screen, the first administrator,
add an account, change a password, unlock or deactivate an account.

The GUI and the command line both call these; the actor every other action
needs comes only from `sign_in` (or `add_first_admin`, which signs in).

Failed sign-ins are counted per user name as typed, whether or not an account
has that name, so that neither the messages nor the slowing down tell which
names exist. After each failure the next try must wait longer (1, 2, 4 …
seconds, at most a minute); `sign_in_attempts` failures within
`sign_in_window_minutes` (settings; 5 in 15 by default), or four times as
many in a row at any pace, lock the name until an administrator unlocks it.
A sign-in clears the count. Every refused sign-in is in the audit trail with
the name typed, the time and the workstation.
"""

from __future__ import annotations

import datetime as dt
import math
import socket
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from db import audit, signins, users
from db import settings as agency_settings
from db.access import Actor, Permission, PermissionDenied
from db.engine import Database, Session
from db.models import utc_now
from forms.definitions import USER_FIELDS
from forms.fields import N_
from forms.passwords import LOWEST_MIN_LENGTH, AccountError, check_new_password
from forms.validation import ValidationFailed, validate_fields

__all__ = [
    "AccountError",
    "Attempt",
    "SignInRefused",
    "SignedIn",
    "add_account",
    "add_first_admin",
    "change_password",
    "list_accounts",
    "set_active",
    "sign_in",
    "unlock_account",
    "unlock_screen",
]

MAX_DELAY_SECONDS = 60
IN_A_ROW_FACTOR = 4  # failures in a row, at any pace, that lock: this times sign_in_attempts


@dataclass(frozen=True, slots=True)
class SignedIn:
    actor: Actor
    display_name: str
    language: str | None = None  # the account's screen language; None: the system's


@dataclass(frozen=True)
class Attempt:
    """Where and when a sign-in is tried. `sleep`, when given, waits out the delay after
    earlier failures instead of refusing; tests pass a clock and a sleeper of their own."""

    workstation: str = field(default_factory=socket.gethostname)
    clock: Callable[[], dt.datetime] = utc_now
    sleep: Callable[[float], None] | None = None


class SignInRefused(Exception):
    """A refused sign-in. The message never tells whether the user name exists."""

    WRONG = N_("Wrong user name or password.")
    LOCKED = N_(
        "Too many failed sign-ins: this user name is locked until an administrator unlocks it."
    )
    WAIT = N_("Too many failed sign-ins: wait {seconds} s, then try again.")

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params

    @property
    def locked(self) -> bool:
        return self.template == self.LOCKED


# An account's state, as the account list carries it: one code, never a shown word.
ACTIVE, DEACTIVATED, LOCKED = "active", "deactivated", "locked"


@dataclass(frozen=True, slots=True)
class AccountRow:
    user_id: int
    username: str
    display_name: str
    role: str
    active: bool
    locked: bool
    language: str | None = None  # None: the operating system's

    @property
    def state(self) -> str:
        """ACTIVE, DEACTIVATED (no sign-in at all) or LOCKED (by failed sign-ins)."""
        if not self.active:
            return DEACTIVATED
        return LOCKED if self.locked else ACTIVE


# -- signing in -------------------------------------------------------------------------------
def sign_in(
    database: Database, username: str, password: str, attempt: Attempt | None = None
) -> SignedIn:
    """The signed-in person, or SignInRefused. Every outcome is audited."""
    return _checked(database, username.strip(), password, attempt or Attempt(), None)


def unlock_screen(
    database: Database, actor: Actor, password: str, attempt: Attempt | None = None
) -> SignedIn:
    """The lock screen's password: counted like any sign-in, and it must be the same
    person's. Its audit row is `unlock`, in the transaction that checked the password."""
    return _checked(database, actor.username, password, attempt or Attempt(), actor)


def _checked(
    database: Database, name: str, password: str, attempt: Attempt, locked_out: Actor | None
) -> SignedIn:
    """Sign `name` in, or (with the actor the screen was locked on) unlock the screen."""
    if attempt.sleep is not None:
        wait = _wait_needed(database, name, attempt.clock())
        if wait > 0:
            attempt.sleep(wait)
    with database.writing() as session:
        outcome = _try_password(session, name, password, attempt, locked_out)
    if isinstance(outcome, SignInRefused):
        raise outcome
    return outcome


def _wait_needed(database: Database, name: str, now: dt.datetime) -> float:
    with database.reading() as session:
        if signins.locked_since(session, name) is not None:
            return 0.0  # refused at once below; nothing to wait for
        return _remaining_wait(signins.failure_times(session, name), now)


def _remaining_wait(times: list[dt.datetime], now: dt.datetime) -> float:
    if not times:
        return 0.0
    delay = min(2 ** (len(times) - 1), MAX_DELAY_SECONDS)
    return max(0.0, (times[-1] + dt.timedelta(seconds=delay) - now).total_seconds())


def _try_password(
    session: Session, name: str, password: str, attempt: Attempt, locked_out: Actor | None
) -> SignedIn | SignInRefused:
    """Check the lock, the delay and the password, recording the outcome in `session`:
    `sign_in`, or `unlock` when `locked_out` is the person whose screen is locked."""
    now = attempt.clock()
    if signins.locked_since(session, name) is not None:
        _refused(session, name, attempt, "user name locked")
        return SignInRefused(SignInRefused.LOCKED)
    times = signins.failure_times(session, name)
    wait = _remaining_wait(times, now)
    if wait > 0:
        _refused(session, name, attempt, "tried again too soon")
        return SignInRefused(SignInRefused.WAIT, seconds=math.ceil(wait))
    actor = users.verify(session, name, password)
    if actor is None or (locked_out is not None and actor.user_id != locked_out.user_id):
        return _failed(session, name, attempt, [*times, now])
    signins.clear_failures(session, name)
    action = "sign_in" if locked_out is None else "unlock"
    after = {"workstation": attempt.workstation}
    audit.record(session, actor, action, "user", actor.user_id, after=after)
    user = users.by_id(session, actor.user_id or 0)
    if user is None:
        return SignedIn(actor, actor.username)
    return SignedIn(actor, user.display_name, user.language)


def _failed(
    session: Session, name: str, attempt: Attempt, times: list[dt.datetime]
) -> SignInRefused:
    user = users.by_username(session, name)
    reason = (
        "unknown user name"
        if user is None
        else ("account deactivated" if not user.active else "wrong password")
    )
    _refused(session, name, attempt, reason)
    signins.add_failure(session, name, times[-1], attempt.workstation)
    settings = agency_settings.load(session)
    window = dt.timedelta(minutes=settings.sign_in_window_minutes)
    recent = [t for t in times if t > times[-1] - window]
    limit = settings.sign_in_attempts
    if len(recent) >= limit or len(times) >= IN_A_ROW_FACTOR * limit:
        signins.lock(session, name, times[-1], len(times))
        return SignInRefused(SignInRefused.LOCKED)
    return SignInRefused(SignInRefused.WRONG)


def _refused(session: Session, name: str, attempt: Attempt, reason: str) -> None:
    user = users.by_username(session, name)
    audit.record_refused_sign_in(
        session, name, user.id if user else None, attempt.workstation, reason
    )


# -- accounts -----------------------------------------------------------------------------
def needs_first_admin(database: Database) -> bool:
    with database.reading() as session:
        return users.count(session) == 0


def user_values(raw: Mapping[str, object], today: dt.date) -> dict[str, str]:
    """An account's user name, full name and role, checked; ValidationFailed otherwise."""
    result = validate_fields(USER_FIELDS, raw, today)
    if not result.ok:
        raise ValidationFailed(result.errors)
    return {k: str(v).strip() for k, v in result.values.items()}


def _min_length(session: Session) -> int:
    # Never below NIST's floor, whatever a settings row says.
    return max(LOWEST_MIN_LENGTH, agency_settings.load(session).password_min_length)


def add_first_admin(
    database: Database,
    raw: Mapping[str, object],
    password: str,
    again: str | None,
    today: dt.date,
    attempt: Attempt | None = None,
) -> SignedIn:
    """The first account of an empty database (an administrator, made without signing in),
    then signed in."""
    values = user_values({**raw, "role": "admin"}, today)
    with database.writing() as session:
        if users.count(session):
            raise AccountError("username", N_("An administrator already exists; sign in instead"))
        check_new_password(password, again, _min_length(session), values["username"])
        users.add(session, None, values["username"], values["display_name"], "admin", password)
        signins.unlock(session, values["username"])
    return sign_in(database, values["username"], password, attempt)


def add_account(
    database: Database,
    actor: Actor,
    raw: Mapping[str, object],
    password: str,
    again: str | None,
    today: dt.date,
) -> int:
    """An administrator adds an account (user name, full name, role); returns its id."""
    actor.require(Permission.MANAGE_USERS)
    values = user_values(raw, today)
    with database.writing() as session:
        check_new_password(password, again, _min_length(session), values["username"])
        if users.by_username(session, values["username"]) is not None:
            raise ValidationFailed({"username": f"The user name {values['username']} is taken"})
        user = users.add(
            session,
            actor,
            values["username"],
            values["display_name"],
            values["role"],
            password,
        )
        signins.unlock(session, values["username"])  # a name locked before it was an account
        return user.id


def change_password(
    database: Database,
    actor: Actor,
    user_id: int,
    password: str,
    again: str | None,
    current: str | None = None,
) -> None:
    """A new password: one's own (proved with the current one) or, for an administrator,
    anyone's."""
    own = actor.verified and actor.user_id == user_id and current is not None
    if not own:
        actor.require(Permission.MANAGE_USERS)
    with database.writing() as session:
        user = users.by_id(session, user_id)
        if user is None:
            raise ValueError("No such account")
        if own and not users.check_password(user.password_hash, current or ""):
            raise AccountError("current_password", N_("The current password is wrong"))
        check_new_password(password, again, _min_length(session), user.username)
        users.set_password(session, actor, user_id, password)


def unlock_account(database: Database, actor: Actor, username: str) -> bool:
    """Lift the lock that failed sign-ins put on a user name; whether it was locked."""
    actor.require(Permission.MANAGE_USERS)
    name = username.strip()
    with database.writing() as session:
        user = users.by_username(session, name)
        was_locked = signins.locked_since(session, name) is not None
        if user is None and not was_locked:
            raise ValueError(f"There is no account named {name}")
        signins.unlock(session, name)
        audit.record(
            session,
            actor,
            "update",
            "user",
            user.id if user else None,
            after={"username": user.username if user else name, "unlocked": was_locked},
        )
    return was_locked


def set_active(database: Database, actor: Actor, user_id: int, active: bool) -> None:
    """Deactivate (no more sign-ins) or reactivate an account; never one's own."""
    actor.require(Permission.MANAGE_USERS)
    if not active and actor.user_id == user_id:
        raise PermissionDenied("You cannot deactivate your own account")
    with database.writing() as session:
        users.set_active(session, actor, user_id, active)


def list_accounts(database: Database, actor: Actor) -> list[AccountRow]:
    actor.require(Permission.MANAGE_USERS)
    with database.reading() as session:
        locked = signins.locked_names(session)
        return [
            AccountRow(
                u.id,
                u.username,
                u.display_name,
                u.role,
                u.active,
                u.username.lower() in locked,
                u.language,
            )
            for u in users.all_users(session)
        ]
