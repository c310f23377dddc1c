"""Every modal question, message and file chooser of the program goes through here.

Views call `dialogs.ask(...)`, never QMessageBox directly, so that the tests
replace this module's functions and nothing ever waits on a modal window in a
headless run. Keep the functions small and free of logic for the same reason.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 400  # quick jobs finish before a progress window would flash


def _tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def ask(parent: QWidget | None, title: str, text: str, yes: str = "", no: str = "") -> bool:
    """A yes/no question; True when the person chose `yes`. No is the default button."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes_button = box.addButton(yes or _tr("Yes"), QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no or _tr("No"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def choose(parent: QWidget | None, title: str, text: str, options: list[str]) -> int | None:
    """One of several answers (their index), or None when the person cancelled."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else None


def pick(
    parent: QWidget | None, title: str, label: str, options: list[str], current: int
) -> int | None:
    """One of a list of choices (its index) with `current` offered; None when cancelled."""
    item, ok = QInputDialog.getItem(parent, title, label, options, current, False)
    return options.index(item) if ok and item in options else None


def passphrase(parent: QWidget | None, title: str, text: str) -> str | None:
    """A secret typed with hidden characters; None when the person cancelled."""
    value, ok = QInputDialog.getText(parent, title, text, QLineEdit.EchoMode.Password)
    return value if ok else None


def text(parent: QWidget | None, title: str, label: str) -> str | None:
    """A line of free text (may be left empty); None when the person cancelled."""
    value, ok = QInputDialog.getText(parent, title, label)
    return value if ok else None


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    log.info("warning shown: %s: %s", title, text)
    QMessageBox.warning(parent, title, text)


def save_path(parent: QWidget | None, title: str, suggested: Path, file_filter: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return Path(name) if name else None


def open_path(parent: QWidget | None, title: str, folder: Path, file_filter: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, str(folder), file_filter)
    return Path(name) if name else None


def open_location(path: Path) -> bool:
    """Open a file or folder with the program the desktop uses for it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def progress(parent: QWidget | None, label: str) -> QProgressDialog:
    """A window-modal progress dialog (it does not block the caller) whose Cancel is live."""
    dialog = QProgressDialog(label, _tr("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(_tr("Please wait"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(PROGRESS_DELAY_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    return dialog
