"""The words of the lower layers that the screens and the command line may use.

desktop/ imports nothing from db/: what it needs to name (the signed-in actor
and its permissions, the database handle, the errors a person may be shown,
code lists and date arithmetic) it takes from here, so that the one place
where the interface meets storage is forms/.
"""

from __future__ import annotations

from db import codes
from db.access import Actor, Permission, PermissionDenied
from db.backup import BackupError
from db.cipher import (
    WRONG_PASSPHRASE,
    CipherUnavailableError,
    Passphrase,
    WrongPassphraseError,
    looks_encrypted,
)
from db.clients import ConflictError
from db.dates import Period, add_months
from db.encryption import EncryptionError
from db.engine import Database
from db.failures import DatabaseError, is_database_error
from db.files import private_file, private_folder
from db.jobs import IsCancelled, Progress, collector_paused
from db.location import APP_NAME, DatabaseLocationError
from db.models import utc_now
from db.startup import DatabaseUnusableError

__all__ = [
    "APP_NAME",
    "WRONG_PASSPHRASE",
    "Actor",
    "BackupError",
    "CipherUnavailableError",
    "ConflictError",
    "Database",
    "DatabaseError",
    "DatabaseLocationError",
    "DatabaseUnusableError",
    "EncryptionError",
    "IsCancelled",
    "Passphrase",
    "Period",
    "Permission",
    "PermissionDenied",
    "Progress",
    "WrongPassphraseError",
    "add_months",
    "codes",
    "collector_paused",
    "is_database_error",
    "looks_encrypted",
    "private_file",
    "private_folder",
    "utc_now",
]
