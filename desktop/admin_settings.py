"""Agency settings (administrators): name, code prefix, follow-up points, suppression
threshold, paper size, idle lock, state, the access rules (shortest password,
failed sign-ins that lock a user name), and the unit costs of supplies."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import dialogs
from desktop.context import AppContext
from desktop.hinted_line_edit import HintedLineEdit
from desktop.look import error_style
from desktop.restore import backups_folder, check_backup, restore_into
from desktop.state_choice import StateChoice
from desktop.supply_costs_box import SupplyCostsBox
from desktop.translate import refusal
from forms.account_language import LANGUAGE_NAMES
from forms.passwords import DEFAULT_MIN_LENGTH, is_below_default
from forms.settings import (
    NUMBER_RANGES,
    PAPER_SIZES,
    REPORT_LANGUAGES,
    SettingsError,
    read_settings,
    save_settings,
)
from forms.vocabulary import BackupError, Permission, PermissionDenied, WrongPassphraseError

log = logging.getLogger(__name__)


def _spin_box(parent: QWidget, key: str) -> QSpinBox:
    """A spin box that offers only the numbers forms/settings.py allows for `key`."""
    box = QSpinBox(parent)
    box.setRange(*NUMBER_RANGES[key])
    return box


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
        # In a scroll area, the costs beside the settings: neither sets the window's
        # smallest height, and a longer language's rows scroll rather than cut.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Not a stop of Tab: it shows nothing focused, and follows the focused field.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        holder = QWidget(scroll)
        boxes = QHBoxLayout(holder)
        boxes.setContentsMargins(0, 0, 0, 0)
        boxes.addWidget(self._settings_box(), 0, Qt.AlignmentFlag.AlignTop)
        self.costs = SupplyCostsBox(holder)
        boxes.addWidget(self.costs, 0, Qt.AlignmentFlag.AlignTop)
        boxes.addStretch(1)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
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

    def _make_editors(self, box: QGroupBox) -> None:
        self.agency_name = QLineEdit(box)
        self.prefix = QLineEdit(box)
        self.prefix.setMaxLength(20)
        self.points = QLineEdit(box)
        self.points.setToolTip(self.tr("Months after intake, separated by commas."))
        self.threshold = _spin_box(box, "suppression_threshold")
        self.paper = QComboBox(box)
        for value, caption in zip(PAPER_SIZES, (self.tr("Letter"), self.tr("A4")), strict=True):
            self.paper.addItem(caption, value)
        self.report_language = QComboBox(box)
        for value in REPORT_LANGUAGES:  # each language named in itself, as on the account
            self.report_language.addItem(LANGUAGE_NAMES[value], value)
        self.idle = _spin_box(box, "idle_lock_minutes")
        self.idle.setSuffix(self.tr(" minutes"))
        self.state = StateChoice(box)  # the setup's list
        self.backup_folder = HintedLineEdit(box)
        self.backup_folder.setPlaceholderText(self.tr("the backups folder beside the database"))
        self.backup_folder.setToolTip(self.tr("A folder on a second disk keeps backups safe"))
        self.keep = {
            key: _spin_box(box, key) for key in ("keep_daily", "keep_weekly", "keep_monthly")
        }
        self.min_length = _spin_box(box, "password_min_length")
        self.min_length.setSuffix(self.tr(" characters"))
        self.attempts = _spin_box(box, "sign_in_attempts")
        self.attempts.setSuffix(self.tr(" failed sign-ins"))
        self.window_minutes = _spin_box(box, "sign_in_window_minutes")
        self.window_minutes.setPrefix(self.tr("within "))
        self.window_minutes.setSuffix(self.tr(" minutes"))
        # Its row has no label of its own: it ends the sentence the row above begins.
        self.window_minutes.setAccessibleName(self.tr("Failed sign-ins counted within minutes"))
        self.grace_days = _spin_box(box, "correction_grace_days")
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
            ("report_language", self.tr("Lang&uage of reports"), self.report_language),
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
        # Narrow enough to read down, never narrower than its longest label and value
        # (Spanish labels are longer; at 200 % they were cut off).
        narrow = box.fontMetrics().horizontalAdvance("M") * 45
        box.setMaximumWidth(max(narrow, box.sizeHint().width()))
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
        self.report_language.setCurrentIndex(
            max(0, self.report_language.findData(s.report_language))
        )
        self.idle.setValue(s.idle_lock_minutes)
        self.state.set_code(s.state)
        self.backup_folder.setText(s.backup_folder)
        for key, box in self.keep.items():
            box.setValue(getattr(s, key))
        self.min_length.setValue(s.password_min_length)
        self.attempts.setValue(s.sign_in_attempts)
        self.window_minutes.setValue(s.sign_in_window_minutes)
        self.grace_days.setValue(s.correction_grace_days)
        self.costs.load(s)
        self.message.clear()

    def chosen(self) -> dict[str, object]:
        """The values as typed and chosen, keyed as the settings name them."""
        return {
            "agency_name": self.agency_name.text(),
            "client_code_prefix": self.prefix.text(),
            "followup_months": self.points.text(),
            "suppression_threshold": self.threshold.value(),
            "paper_size": self.paper.currentData(),
            "report_language": self.report_language.currentData(),
            "idle_lock_minutes": self.idle.value(),
            "state": self.state.code(),
            "backup_folder": self.backup_folder.text(),
            **{key: box.value() for key, box in self.keep.items()},
            "password_min_length": self.min_length.value(),
            "sign_in_attempts": self.attempts.value(),
            "sign_in_window_minutes": self.window_minutes.value(),
            "correction_grace_days": self.grace_days.value(),
            **self.costs.chosen(),
        }

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
        raw = self.chosen()
        try:
            min_length = read_settings(raw).password_min_length
        except SettingsError as exc:
            self._refused(refusal(exc.template, exc.params))
            return
        if not self._shorter_passwords_agreed(min_length):
            self.min_length.setValue(self.ctx.settings.password_min_length)
            return
        try:
            save_settings(self.ctx.database, self.ctx.user, raw)
        except SettingsError as exc:
            self._refused(refusal(exc.template, exc.params))
            return
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
        self.message.setStyleSheet(error_style())
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
