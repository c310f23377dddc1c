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


def with_mnemonics(texts: list[str]) -> list[str]:
    """The answers of one question, each with an Alt+letter of its own (a word's first
    letter where one is free): chosen as the question shows, in whatever language it is
    in, so no translation can leave an answer without one or give two the same."""
    taken = {_mnemonic(t) for t in texts} - {None}
    marked = []
    for text in texts:
        if _mnemonic(text) is None:
            at = _free_letter(text, taken)
            if at is not None:
                taken.add(text[at].lower())
                text = text[:at] + "&" + text[at:]
        marked.append(text)
    return marked


def _mnemonic(text: str) -> str | None:
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


def _free_letter(text: str, taken: set[str | None]) -> int | None:
    """Where the first free letter of a word's start is, else the first free letter."""
    starts = [
        i for i, c in enumerate(text) if c.isalpha() and (i == 0 or not text[i - 1].isalpha())
    ]
    rest = [i for i, c in enumerate(text) if c.isalpha() and i not in starts]
    return next((i for i in [*starts, *rest] if text[i].lower() not in taken), None)


def ask(parent: QWidget | None, title: str, text: str, yes: str = "", no: str = "") -> bool:
    """A yes/no question; True when the person chose `yes`. No is the default button."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes_text, no_text = with_mnemonics([yes or _tr("Yes"), no or _tr("No")])
    yes_button = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no_text, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def choose(parent: QWidget | None, title: str, text: str, options: list[str]) -> int | None:
    """One of several answers (their index), or None when the person cancelled."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    *shown, cancel_text = with_mnemonics([*options, _tr("Cancel")])
    buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in shown]
    cancel = box.addButton(cancel_text, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
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
    chooser = _chooser(parent, title, suggested, file_filter)
    chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    return _chosen(chooser)


def open_path(parent: QWidget | None, title: str, folder: Path, file_filter: str) -> Path | None:
    chooser = _chooser(parent, title, folder, file_filter)
    chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _chosen(chooser)


def folder_path(parent: QWidget | None, title: str, folder: Path) -> Path | None:
    """A folder chosen from `folder`; None when the person cancelled."""
    chooser = _chooser(parent, title, folder, "")
    chooser.setFileMode(QFileDialog.FileMode.Directory)
    chooser.setOption(QFileDialog.Option.ShowDirsOnly)
    return _chosen(chooser)


def _chooser(parent: QWidget | None, title: str, start: Path, file_filter: str) -> QFileDialog:
    """The platform's file chooser where it has one (in the system's language); else Qt's
    own, whose "Look in" and "Files of type" Qt 6 spells anew and its Spanish catalogue
    does not know: they are set from the words that catalogue does translate, each with
    an Alt+letter of its own."""
    chooser = QFileDialog(parent, title, str(start), file_filter)
    labels = (QFileDialog.DialogLabel.LookIn, QFileDialog.DialogLabel.FileType)
    look_in, file_type = (_qt_file_dialog("Look in:"), _qt_file_dialog("Files of type:"))
    taken = [chooser.labelText(QFileDialog.DialogLabel.FileName)]
    marked = with_mnemonics([*taken, look_in, file_type])[1:]
    for which, text in zip(labels, marked, strict=True):
        chooser.setLabelText(which, text)
    return chooser


def _qt_file_dialog(text: str) -> str:
    return QCoreApplication.translate("QFileDialog", text)


def _chosen(chooser: QFileDialog) -> Path | None:
    if chooser.exec() != QFileDialog.DialogCode.Accepted:
        return None
    files = chooser.selectedFiles()
    return Path(files[0]) if files else None


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
