"""Who may do what. Checked in the functions that do the work, not in the GUI,
so that no path around a screen grants more than the role allows."""

from __future__ import annotations

from dataclasses import dataclass
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


_FRONT_DESK = frozenset({Permission.ENTER_DATA, Permission.VIEW_CLIENTS})
_MANAGER = _FRONT_DESK | {
    Permission.MERGE_CLIENTS,
    Permission.REPORTS,
    Permission.EXPORT_IDENTIFIED,
    Permission.IMPORT,
    Permission.BACKUP,
}
ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    "front_desk": _FRONT_DESK,
    "manager": frozenset(_MANAGER),
    "admin": frozenset(_MANAGER | {Permission.MANAGE_USERS, Permission.SETTINGS}),
}


class PermissionDenied(PermissionError):
    pass


@dataclass(frozen=True, slots=True)
class Actor:
    """The person (or the command line run by an operator) doing the work."""

    user_id: int | None
    username: str
    role: str

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS.get(self.role, frozenset())

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            action = permission.value.replace("_", " ")
            raise PermissionDenied(
                f"{self.username} ({self.role.replace('_', ' ')}) may not {action}"
            )


# The command line is run by whoever can open the database file or server; it
# acts as an administrator, and its audit rows say so.
COMMAND_LINE = Actor(user_id=None, username="command-line", role="admin")
