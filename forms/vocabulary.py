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
from forms.fields import N_

__all__ = [
    "APP_NAME",
    "PURPOSE_LABELS",
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

# What each disclosure purpose (codes.DISCLOSURE_PURPOSES) is called: the one table the
# screens (the disclosure list, the export's choice of purpose) and the reports (the line
# above a disclosed copy's notice) read.
PURPOSE_LABELS = {
    "treatment": N_("Treatment"),
    "payment": N_("Payment"),
    "operations": N_("Health-care operations"),
    "research": N_("Research"),
    "named_recipient": N_("Named recipient"),
    "internal_operations": N_("Internal copy (stays in the agency)"),
}
