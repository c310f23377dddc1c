"""Who may do what. Checked in the functions that do the work, not in the GUI,
so that no path around a screen grants more than the role allows.

An `Actor` passes a check only if it came out of a verified sign-in: the
sign-in seals it with an HMAC over its user id, user name and role, keyed by a
secret made fresh in each process. A hand-built `Actor(..., "admin")`, or one
with a changed role, carries no valid seal and is refused everywhere. Only
`db.users` seals actors (tests/db/test_access.py checks that no other module
does); everything else gets its actor from `forms.accounts.sign_in`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass, field
from enum import StrEnum


class Permission(StrEnum):
    ENTER_DATA = "enter_data"
    VIEW_CLIENTS = "view_clients"
    MERGE_CLIENTS = "merge_clients"
    REPORTS = "reports"  # monthly PDF and aggregate funder workbooks
    EXPORT_IDENTIFIED = "export_identified"
    IMPORT = "import"
    MANAGE_USERS = "manage_users"
    SETTINGS = "settings"
    BACKUP = "backup"
    RESTORE = "restore"  # replacing the whole database with a backup
    CORRECT_ANY_RECORD = "correct_any_record"  # front desk corrects only their own, for a while
    ERASE_CLIENTS = "erase_clients"  # deleting a whole client where the law requires it
    CLOSE_MONTHS = "close_months"  # keeping a month's report as printed
    REOPEN_MONTHS = "reopen_months"  # letting a closed month's figures follow corrections again


# What a refusal says the person may not do.
_DOING = {
    Permission.ENTER_DATA: "enter data",
    Permission.VIEW_CLIENTS: "view clients",
    Permission.MERGE_CLIENTS: "merge clients",
    Permission.REPORTS: "make reports",
    Permission.EXPORT_IDENTIFIED: "export identified data",
    Permission.IMPORT: "import",
    Permission.MANAGE_USERS: "manage users",
    Permission.SETTINGS: "change settings",
    Permission.BACKUP: "back up",
    Permission.RESTORE: "restore a backup",
    Permission.CORRECT_ANY_RECORD: "correct records others entered",
    Permission.ERASE_CLIENTS: "erase a client",
    Permission.CLOSE_MONTHS: "close a month",
    Permission.REOPEN_MONTHS: "reopen a closed month",
}

_FRONT_DESK = frozenset({Permission.ENTER_DATA, Permission.VIEW_CLIENTS})
_MANAGER = _FRONT_DESK | {
    Permission.MERGE_CLIENTS,
    Permission.REPORTS,
    Permission.EXPORT_IDENTIFIED,
    Permission.IMPORT,
    Permission.BACKUP,
    Permission.CORRECT_ANY_RECORD,
    Permission.CLOSE_MONTHS,
}
ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    "front_desk": _FRONT_DESK,
    "manager": frozenset(_MANAGER),
    "admin": frozenset(
        _MANAGER
        | {
            Permission.MANAGE_USERS,
            Permission.SETTINGS,
            Permission.RESTORE,
            Permission.ERASE_CLIENTS,
            Permission.REOPEN_MONTHS,
        }
    ),
}

# Never stored, never shown: a seal made in one process means nothing in another.
_SEAL_KEY = secrets.token_bytes(32)


class PermissionDenied(PermissionError):
    pass


def _seal(user_id: int | None, username: str, role: str) -> bytes:
    message = json.dumps([user_id, username, role]).encode()
    return hmac.new(_SEAL_KEY, message, hashlib.sha256).digest()


@dataclass(frozen=True, slots=True)
class Actor:
    """The signed-in person doing the work."""

    user_id: int | None
    username: str
    role: str
    seal: bytes = field(default=b"", repr=False, compare=False)

    @property
    def verified(self) -> bool:
        """Whether a sign-in in this process vouched for exactly this user and role."""
        return hmac.compare_digest(self.seal, _seal(self.user_id, self.username, self.role))

    def can(self, permission: Permission) -> bool:
        return self.verified and permission in ROLE_PERMISSIONS.get(self.role, frozenset())

    def require(self, permission: Permission) -> None:
        if not self.verified:
            raise PermissionDenied(f"{self.username} is not signed in; sign in first")
        # Verified just above: the seal's HMAC is not computed a second time (every save).
        if permission not in ROLE_PERMISSIONS.get(self.role, frozenset()):
            role = self.role.replace("_", " ")
            raise PermissionDenied(
                f"{role} may not {_DOING[permission]} (signed in as {self.username})"
            )


def seal_actor(user_id: int, username: str, role: str) -> Actor:
    """The actor of an account whose password was just verified. Only db.users calls this."""
    return Actor(user_id, username, role, _seal(user_id, username, role))
