"""Database failures told in one line that names the operation, never the data.

The GUI and the command line both come here, so a failing save reads the
same everywhere: "Saving the client failed: the database is locked ...".
The log gets the operation, the kind and the exception's type; never the
driver's message, which may carry statement parameters or values.
"""

from __future__ import annotations

import logging
import traceback

from db.failures import Failure, classify, error_type
from forms.fields import N_

REASONS: dict[Failure, str] = {
    Failure.LOCKED: N_(
        "the database is locked by another workstation or program; try again in a moment"
    ),
    Failure.IMPORT_BUSY: N_("the database is busy with an import; try again in a moment"),
    Failure.FULL: N_("the disk holding the database is full"),
    Failure.READ_ONLY: N_("the database can only be read here (a read-only file or folder)"),
    Failure.DUPLICATE: N_("a record with the same code or name already exists"),
    Failure.RULE: N_("a value broke one of the database's rules"),
    Failure.DAMAGED: N_("the database file is damaged; run 'recovery-desk check'"),
    Failure.DISK: N_("the disk could not be read or written"),
    Failure.UNREACHABLE: N_("the agency server cannot be reached; try again in a moment"),
    Failure.OTHER: N_("the database reported an error"),
}


def reason(exc: BaseException) -> str | None:
    """The N_-marked reason for a database error, or None when `exc` is not one."""
    kind = classify(exc)
    return None if kind is None else REASONS[kind]


def failure_line(operation: str, exc: BaseException) -> str:
    """'<operation> failed: <reason>' for a database error; the message of any other error."""
    why = reason(exc)
    if why is None:
        why = " ".join(str(exc).split()) or type(exc).__name__
    return f"{operation} failed: {why}"


def log_failure(logger: logging.Logger, operation: str, exc: BaseException) -> None:
    """Log a failure with where it happened; a database error without its message."""
    kind = classify(exc)
    if kind is None:
        logger.error("%s failed", operation, exc_info=exc)
        return
    # Our own frames say where; the message is what would carry the data.
    ours = [f for f in traceback.extract_tb(exc.__traceback__) if "site-packages" not in f.filename]
    where = "".join(traceback.format_list(ours)).rstrip()
    logger.error("%s failed: %s [%s]\n%s", operation, kind.value, error_type(exc), where)
