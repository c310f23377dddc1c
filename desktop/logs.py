"""The application's log: one rotating file in the per-user log folder.

Only the application configures handlers; every module just asks for
`logging.getLogger(__name__)`.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs

from forms.failures import log_failure, reason
from forms.vocabulary import APP_NAME, private_file, private_folder

LOG_BYTES = 1_000_000
LOG_FILES = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(__name__)


def log_folder() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


class PrivateRotatingFileHandler(RotatingFileHandler):
    """Each new log file (also after a rotation) is created 0600, whatever the umask."""

    def _open(self) -> TextIOWrapper:
        private_file(Path(self.baseFilename))
        return super()._open()


def configure_logging(folder: Path | None = None) -> Path:
    """Send INFO and above to a rotating file; returns the file's path."""
    folder = private_folder(folder or log_folder(), ours=True)
    path = private_file(folder / f"{APP_NAME}.log")
    handler = PrivateRotatingFileHandler(
        path, maxBytes=LOG_BYTES, backupCount=LOG_FILES, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    for console in root.handlers:
        # The terminal keeps showing warnings only; the file gets the details.
        terminal = getattr(console, "stream", None) in (sys.stderr, sys.stdout)
        if terminal and console.level == logging.NOTSET:
            console.setLevel(logging.WARNING)
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    sys.excepthook = _log_uncaught
    return path


# Called with a one-line message after an unexpected error is logged (the GUI shows it).
on_unexpected: Callable[[str], None] | None = None


def _log_uncaught(
    kind: type[BaseException], value: BaseException, trace: TracebackType | None
) -> None:
    # Qt calls Python slots from its event loop; an exception there must reach the log
    # file and the person, not vanish with a terminal nobody watches. A database error's
    # message carries client data, so it is told by its kind only (forms.failures).
    why = reason(value)
    if why is None:
        log.critical("unexpected error", exc_info=(kind, value, trace))
        sys.__excepthook__(kind, value, trace)
    else:
        log_failure(log, "an action", value)
    if on_unexpected is not None and not issubclass(kind, KeyboardInterrupt):
        on_unexpected(why or " ".join(str(value).split()) or kind.__name__)
