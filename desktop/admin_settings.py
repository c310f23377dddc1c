"""Agency settings (administrators): name, code prefix, follow-up points, suppression
threshold, paper size, idle lock, state, and the access rules (shortest password,
failed sign-ins that lock a user name)."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db import settings as agency_settings
from db.access import Permission, PermissionDenied
from db.backup import BackupError
from db.cipher import WrongPassphraseError
from desktop import dialogs
from desktop.context import AppContext
from desktop.field_editors import ERROR_STYLE
from desktop.restore import backups_folder, check_backup, restore_into
from desktop.translate import label
from forms.passwords import (
    DEFAULT_MIN_LENGTH,
    LOWEST_MIN_LENGTH,
    MAX_LENGTH,
    AccountError,
    check_min_length,
    is_below_default,
)

log = logging.getLogger(__name__)

MAX_POINT_MONTHS = 120
PAPER_SIZES = ("letter", "a4")  # as db.settings.AgencySettings.paper_size spells them


class SettingsError(ValueError):
    pass


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsView", text)


def parse_points(text: str) -> tuple[int, ...]:
    """'3, 6, 12' -> (3, 6, 12): whole months, each once, in order."""
    parts = [p for p in re.split(r"[,;\s]+", text.strip()) if p]
    if not parts or not all(p.isdigit() for p in parts):
        raise SettingsError(_tr("Write the months after intake as whole numbers, e.g. 3, 6, 12"))
    months = sorted({int(p) for p in parts})
    if months[0] < 2 or months[-1] > MAX_POINT_MONTHS:
        raise SettingsError(
            _tr("Follow-up points must be between 2 and %1 months").replace(
                "%1", str(MAX_POINT_MONTHS)
            )
        )
    return tuple(months)


class SettingsView(QWidget):
    restored = Signal()  # the database was replaced by a backup: everyone signs in again

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # Set by the main window: asks about unsaved work and signs the person out, False
        # when they keep it. A restore signs out before the file is replaced, so the
        # sign-out is recorded in the database the person signed in to.
        self.sign_out_first: Callable[[], bool] = lambda: True
        self._build_ui()
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        self.save_button.clicked.connect(self.save)
        self.restore_button.clicked.connect(self.restore_backup)

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self._settings_box())
        self.message = QLabel(self)
        self.message.setObjectName("settings_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save settings (Ctrl+S)"), self)
        self.save_button.setObjectName("save_settings")
        row.addWidget(self.save_button)
        self.restore_button = QPushButton(self.tr("Restore from a backup…"), self)
        self.restore_button.setObjectName("restore_backup")
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def _make_editors(self, box: QGroupBox) -> None:
        self.agency_name = QLineEdit(box)
        self.prefix = QLineEdit(box)
        self.prefix.setMaxLength(20)
        self.points = QLineEdit(box)
        self.points.setToolTip(self.tr("Months after intake, separated by commas."))
        self.threshold = QSpinBox(box)
        self.threshold.setRange(1, 100)
        self.paper = QComboBox(box)
        for value, caption in zip(PAPER_SIZES, (self.tr("Letter"), self.tr("A4")), strict=True):
            self.paper.addItem(caption, value)
        self.idle = QSpinBox(box)
        self.idle.setRange(1, 240)
        self.idle.setSuffix(self.tr(" minutes"))
        self.state = QLineEdit(box)
        self.state.setMaxLength(40)
        self.backup_folder = QLineEdit(box)
        self.backup_folder.setPlaceholderText(self.tr("the backups folder beside the database"))
        self.backup_folder.setToolTip(self.tr("A folder on a second disk keeps backups safe"))
        self.keep = {}
        for key, most in (("keep_daily", 365), ("keep_weekly", 104), ("keep_monthly", 120)):
            self.keep[key] = QSpinBox(box)
            self.keep[key].setRange(1, most)
        self.min_length = QSpinBox(box)
        self.min_length.setRange(LOWEST_MIN_LENGTH, MAX_LENGTH)
        self.min_length.setSuffix(self.tr(" characters"))
        self.attempts = QSpinBox(box)
        self.attempts.setRange(1, 100)
        self.attempts.setSuffix(self.tr(" failed sign-ins"))
        self.window_minutes = QSpinBox(box)
        self.window_minutes.setRange(1, 24 * 60)
        self.window_minutes.setPrefix(self.tr("within "))
        self.window_minutes.setSuffix(self.tr(" minutes"))
        self.grace_days = QSpinBox(box)
        self.grace_days.setRange(0, 365)
        self.grace_days.setSuffix(self.tr(" days after entering it"))

    def _settings_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Agency settings"), self)
        form = QFormLayout(box)
        self._make_editors(box)
        for name, caption, widget in (
            ("agency_name", self.tr("Agency &name"), self.agency_name),
            ("client_code_prefix", self.tr("Client code &prefix"), self.prefix),
            ("followup_months", self.tr("&Follow-up points (months)"), self.points),
            ("suppression_threshold", self.tr("&Suppress counts below"), self.threshold),
            ("paper_size", self.tr("Paper si&ze"), self.paper),
            ("idle_lock_minutes", self.tr("&Lock after"), self.idle),
            ("state", self.tr("S&tate"), self.state),
            ("backup_folder", self.tr("&Backups folder"), self.backup_folder),
            ("keep_daily", self.tr("Keep daily backups"), self.keep["keep_daily"]),
            ("keep_weekly", self.tr("Keep weekly backups"), self.keep["keep_weekly"]),
            ("keep_monthly", self.tr("Keep monthly backups"), self.keep["keep_monthly"]),
            ("password_min_length", self.tr("Shortest pass&word"), self.min_length),
            ("sign_in_attempts", self.tr("Loc&k a user name after"), self.attempts),
            ("sign_in_window_minutes", "", self.window_minutes),
            (
                "correction_grace_days",
                self.tr("Front desk corrects own entries for"),
                self.grace_days,
            ),
        ):
            widget.setObjectName(name)
            label = QLabel(caption, box)
            label.setBuddy(widget)
            form.addRow(label, widget)
        box.setMaximumWidth(box.fontMetrics().horizontalAdvance("M") * 45)
        return box

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.load()

    def load(self) -> None:
        s = self.ctx.settings
        self.agency_name.setText(s.agency_name)
        self.prefix.setText(s.client_code_prefix)
        self.points.setText(", ".join(str(m) for m in s.followup_months))
        self.threshold.setValue(s.suppression_threshold)
        self.paper.setCurrentIndex(max(0, self.paper.findData(s.paper_size)))
        self.idle.setValue(s.idle_lock_minutes)
        self.state.setText(s.state)
        self.backup_folder.setText(s.backup_folder)
        for key, box in self.keep.items():
            box.setValue(getattr(s, key))
        self.min_length.setValue(s.password_min_length)
        self.attempts.setValue(s.sign_in_attempts)
        self.window_minutes.setValue(s.sign_in_window_minutes)
        self.grace_days.setValue(s.correction_grace_days)
        self.message.clear()

    def read(self) -> agency_settings.AgencySettings:
        if not self.agency_name.text().strip():
            raise SettingsError(self.tr("Write the agency's name; reports print it."))
        return agency_settings.AgencySettings(
            agency_name=self.agency_name.text().strip(),
            client_code_prefix=self.prefix.text().strip(),
            followup_months=parse_points(self.points.text()),
            suppression_threshold=self.threshold.value(),
            paper_size=str(self.paper.currentData()),
            idle_lock_minutes=self.idle.value(),
            state=self.state.text().strip(),
            backup_folder=self._backup_folder(),
            **{key: box.value() for key, box in self.keep.items()},
            password_min_length=self.min_length.value(),
            sign_in_attempts=self.attempts.value(),
            sign_in_window_minutes=self.window_minutes.value(),
            correction_grace_days=self.grace_days.value(),
        )

    def _backup_folder(self) -> str:
        text = self.backup_folder.text().strip()
        if text and not Path(text).expanduser().is_dir():
            raise SettingsError(self.tr("The backups folder %1 does not exist").replace("%1", text))
        return text

    def restore_backup(self) -> None:
        """Pick a backup, confirm, keep the current file as a backup, reopen (admins)."""
        if not self.ctx.can(Permission.SETTINGS):
            dialogs.warn(self, self.tr("Not allowed"), self.tr("Only an administrator restores"))
            return
        folder = backups_folder(self.ctx) or Path.home()
        chosen = dialogs.open_path(
            self, self.tr("Restore from a backup"), folder, self.tr("Backups (*.sqlite3)")
        )
        if chosen is None or not dialogs.ask(
            self,
            self.tr("Restore from a backup"),
            self.tr(
                "Replace the database with %1? The current database is kept as a backup "
                "first, and everyone signs in again."
            ).replace("%1", chosen.name),
            yes=self.tr("Restore"),
            no=self.tr("Cancel"),
        ):
            return
        try:
            check_backup(self.ctx, chosen)  # a file that is no backup signs nobody out
        except (BackupError, WrongPassphraseError, ValueError, OSError) as exc:
            dialogs.warn(self, self.tr("Not restored"), str(exc))
            return
        if not self.sign_out_first():
            return
        try:
            kept = restore_into(self.ctx, chosen)
        except (BackupError, WrongPassphraseError, ValueError, OSError) as exc:
            dialogs.warn(self, self.tr("Not restored"), str(exc))
            self.restored.emit()  # signed out all the same; the file there now is open
            return
        log.info("database restored from a backup; the current one was kept as %s", kept)
        dialogs.inform(
            self,
            self.tr("Restored"),
            self.tr("The database was restored from %1. The one it replaced is kept in %2.")
            .replace("%1", chosen.name)
            .replace("%2", str(kept or "")),
        )
        self.restored.emit()

    def save(self) -> None:
        try:
            chosen = self.read()
            check_min_length(chosen.password_min_length)
        except SettingsError as exc:
            self._refused(str(exc))
            return
        except AccountError as exc:
            self._refused(label(exc.template).format(**exc.params))
            return
        if not self._shorter_passwords_agreed(chosen.password_min_length):
            self.min_length.setValue(self.ctx.settings.password_min_length)
            return
        try:
            with self.ctx.database.writing() as session:
                agency_settings.save(session, self.ctx.user, chosen)
        except PermissionDenied as exc:
            dialogs.warn(self, self.tr("Not allowed"), str(exc))
            return
        log.info("settings saved")
        self.ctx.reload_settings()
        self.ctx.notify("settings")
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr("Saved. New follow-up points and the lock time apply from now on.")
        )

    def _refused(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)

    def _shorter_passwords_agreed(self, chosen: int) -> bool:
        """Lowering the shortest password below NIST's 15 is allowed, after a warning."""
        if not is_below_default(chosen) or chosen >= self.ctx.settings.password_min_length:
            return True
        return dialogs.ask(
            self,
            self.tr("Allow shorter passwords?"),
            self.tr(
                "Passwords of %1 characters are much easier to guess than %2. NIST SP 800-63B "
                "asks for at least %2 when a password is the only thing that signs a person in. "
                "Allow passwords of %1 characters for new and changed passwords?"
            )
            .replace("%1", str(chosen))
            .replace("%2", str(DEFAULT_MIN_LENGTH)),
            yes=self.tr("Allow %1 characters").replace("%1", str(chosen)),
            no=self.tr("Keep the minimum"),
        )
