"""Starting the program: logging, the Qt application, the database, the main window."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from contextlib import nullcontext
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop import __version__, dialogs, logs, passphrase
from desktop.context import AppContext, keep_out_of_garbage_collection
from desktop.first_run_wizard import FirstRunWizard
from desktop.fonts import install_shipped_fonts
from desktop.language import (
    LanguageMemory,
    chosen_locale,
    default_language_file,
    install_translations,
    overriding_language,
)
from desktop.logs import configure_logging
from desktop.look import install_look
from desktop.main_window import MainWindow
from desktop.translate import label
from desktop.window_place import default_place_file
from desktop.workers import Job
from forms.accounts import SignedIn, needs_first_admin
from forms.database_file import daily_backup, open_database
from forms.failures import log_failure, reason
from forms.first_run import FirstRunDone
from forms.vocabulary import (
    WRONG_PASSPHRASE,
    CipherUnavailableError,
    Database,
    DatabaseError,
    DatabaseLocationError,
    DatabaseUnusableError,
    WrongPassphraseError,
)

log = logging.getLogger(__name__)

APP_NAME = "Recovery Desk"


def make_application(
    argv: list[str] | None = None, language: str | None = None, remembered: str | None = None
) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    install_shipped_fonts(app)
    install_look(app)
    install_translations(app, chosen_locale(language, remembered))
    return app


def _unexpected(window: MainWindow, log_file: Path, message: str) -> None:
    dialogs.warn(
        window,
        QCoreApplication.translate("app", "Something went wrong"),
        QCoreApplication.translate(
            "app",
            "The program met an error it did not expect: %1\n\nWhat you "
            "saved before is safe; the last action may not have been saved. The "
            "details are in %2.",
        )
        .replace("%1", message)
        .replace("%2", str(log_file)),
    )


def run_gui(db: str | None, language: str | None = None) -> int:
    """Open the main window on the database; a message, not a traceback, if it is unusable."""
    log_file = configure_logging()
    memory = LanguageMemory(default_language_file(APP_NAME), overriding_language(language))
    app = make_application(language=language, remembered=memory.recalled())
    log.info("Recovery Desk %s starting; log in %s", __version__, log_file)
    database = open_for_gui(db)
    if database is None:
        return 1
    signed_in: SignedIn | None = None
    if needs_first_admin(database):
        done = set_up_first_run(database)
        if done is None:
            database.dispose()
            return 0  # set-up cancelled: nothing was written
        database, signed_in = done.database, done.signed_in
    context = AppContext(database)
    try:
        window = MainWindow(
            context, place_file=default_place_file(APP_NAME), language_memory=memory
        )
        logs.on_unexpected = lambda message: window.ctx.when_unlocked(
            lambda: _unexpected(window, log_file, message)
        )
        window.start()
        if signed_in is not None:  # the administrator the setup made is signed in
            window.signed_in(signed_in)
        window.show()
        # Once the event loop runs, the window is on screen: the start-up time ends here.
        QTimer.singleShot(0, lambda: log.info("window shown"))
        start_daily_backup(window.ctx)
        keep_out_of_garbage_collection()
        watch_file_check(database, window, app)
        return app.exec()
    finally:
        # A restore from the Settings screen replaces the context's database.
        context.database.dispose()


def set_up_first_run(database: Database) -> FirstRunDone | None:
    """The first-run wizard, for a database without accounts; None when it is cancelled."""
    wizard = FirstRunWizard(database, dt.date.today)
    wizard.show()
    QTimer.singleShot(0, lambda: log.info("first-run setup shown"))
    wizard.exec()
    return wizard.done_


PASSPHRASE_TRIES = 3


class _PassphraseCancelled(Exception):
    pass


def open_for_gui(db: str | None) -> Database | None:
    """The database, or None after telling the person why it cannot be opened. An
    encrypted file's passphrase comes from the keyring, else a dialog (three tries)."""
    for attempt in range(PASSPHRASE_TRIES):
        wrong = attempt > 0
        try:
            # The full page check runs while the sign-in screen shows; writes wait for it.
            return open_database(
                db,
                background_check=True,
                passphrase=partial(_ask_passphrase, wrong=wrong),
            )
        except WrongPassphraseError as exc:
            log.warning("a passphrase that does not open %s was given", exc.path)
        except _PassphraseCancelled:
            return None
        except (DatabaseUnusableError, DatabaseLocationError, DatabaseError, OSError) as exc:
            _refused(exc)
            return None
        except CipherUnavailableError as exc:
            _refused(exc)
            return None
    _cannot_open(None, QCoreApplication.translate("app", WRONG_PASSPHRASE))
    return None


def _ask_passphrase(path: Path, wrong: bool) -> str:
    if not wrong and (kept := passphrase.from_keyring(path)):
        return kept
    text = QCoreApplication.translate("app", "%1 is encrypted. Passphrase:").replace(
        "%1", path.name
    )
    if wrong:
        text = QCoreApplication.translate("app", WRONG_PASSPHRASE) + ".\n" + text
    given = dialogs.passphrase(None, QCoreApplication.translate("app", "Open the database"), text)
    if not given:
        raise _PassphraseCancelled()
    return given


def _refused(exc: Exception) -> None:
    why = reason(exc) if isinstance(exc, DatabaseError) else None
    if why is None:
        log.error("cannot open the database: %s", exc)
    else:  # the driver's own text may carry data
        log_failure(log, "opening the database", exc)
    _cannot_open(None, label(why) if why else str(exc))


def _cannot_open(parent: QWidget | None, message: str) -> None:
    dialogs.warn(
        parent,
        QCoreApplication.translate("app", "Cannot open the database"),
        QCoreApplication.translate("app", "%1\n\nNothing was changed.").replace(
            "%1", " ".join(message.split())
        ),
    )


def start_daily_backup(ctx: AppContext) -> None:
    """The first start of the day backs the file up, on the pool so the window stays live."""
    database = ctx.database

    def work(_progress: object, _cancelled: object) -> object:
        database.require_healthy_file()  # a damaged file is reported, not backed up
        return daily_backup(database)

    ctx.pool.start(Job(work, "daily backup"))


def watch_file_check(database: Database, window: QWidget, app: QCoreApplication) -> None:
    """When the background check of the file finds damage, say so and close the program.
    (Writes are refused below the GUI whatever happens here.)"""
    check = database.file_check
    if check is None:
        return
    timer = QTimer(window)
    timer.setInterval(100)

    def poll() -> None:
        if not check.done:
            return
        timer.stop()
        message = database.file_problem()
        if message is not None:
            log.error("database file check failed: %s", message)
            guard = getattr(window, "guard", None)  # the program closes: say why, even locked
            with guard.allowing() if guard is not None else nullcontext():
                _cannot_open(window, message)
            app.exit(1)

    timer.timeout.connect(poll)
    timer.start()
