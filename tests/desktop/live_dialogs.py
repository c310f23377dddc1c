"""The program's questions, prompts and file choosers shown for real while a walk runs:
each is looked at on screen (by a walk's Looks: mnemonic clashes, English words), checked
for the keyboard (Enter never takes the destructive answer, every answer has its
Alt+letter) and answered with keys alone, as a scripted answer says."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from desktop import dialogs
from tests.desktop.mnemonics import mnemonic

Key = Qt.Key
QUESTIONS = ("ask", "choose", "inform", "warn")
PROMPTS = ("text", "passphrase", "pick")
CHOOSERS = ("save_path", "open_path", "folder_path")
ROLE = QMessageBox.ButtonRole
BYPASSES = ("getOpenFileName", "getSaveFileName", "getExistingDirectory", "getOpenFileNames")


class Looking(Protocol):
    def shown(self, window: QWidget, name: str) -> list[str]: ...


def real_dialogs() -> ModuleType:
    """desktop.dialogs as the program runs it (the tests' session replaced its functions)."""
    spec = importlib.util.find_spec("desktop.dialogs")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class LiveDialogs:
    """While `answering`, every question, prompt and file chooser of desktop.dialogs is the
    real one; `found` collects what the looks and the keyboard checks found wrong."""

    def __init__(self, looks: Looking) -> None:
        self.looks = looks
        self.found: list[str] = []
        self.answers: list[Any] = []
        self.seen: list[str] = []  # the kinds and titles shown, in order
        self.real = real_dialogs()

    @contextmanager
    def answering(self, *answers: Any) -> Iterator[None]:
        self.answers = list(answers)
        with pytest.MonkeyPatch.context() as patch:
            for name in (*QUESTIONS, *PROMPTS, *CHOOSERS):
                patch.setattr(dialogs, name, self._live(name))
            for name in BYPASSES:  # a chooser opened past desktop.dialogs would wait forever
                patch.setattr(QFileDialog, name, staticmethod(self._bypass(name)))
            yield
        assert self.answers == [], f"never asked: {self.answers}; shown: {self.seen}"

    def _bypass(self, name: str) -> Callable[..., Any]:
        def opened(*args: Any, **kwargs: Any) -> Any:
            self.found.append(f"QFileDialog.{name} {args[1:2]}: opened past desktop.dialogs")
            return "" if name == "getExistingDirectory" else ("", "")

        return opened

    def _live(self, kind: str) -> Callable[..., Any]:
        real = getattr(self.real, kind)

        def shown(*args: Any, **kwargs: Any) -> Any:
            assert self.answers or kind in ("inform", "warn"), f"unexpected {kind}: {args[1:]}"
            answer = self.answers.pop(0) if kind not in ("inform", "warn") else None
            QTimer.singleShot(0, lambda: self._answer(kind, answer, 0))
            result = real(*args, **kwargs)
            if kind not in ("inform", "warn") and result != answer:
                self.found.append(f"{kind} {args[1]!r}: the keys gave {result!r}, not {answer!r}")
            return result

        return shown

    def _answer(self, kind: str, answer: Any, tries: int) -> None:
        window = QApplication.activeModalWidget()
        if not isinstance(window, QDialog) or not window.isVisible():
            assert tries < 50, f"the {kind} never showed"
            QTimer.singleShot(10, lambda: self._answer(kind, answer, tries + 1))
            return
        if QApplication.activeWindow() is not window:  # keys go to the active window
            assert tries < 50, f"the {kind} never became the active window"
            window.activateWindow()
            QTimer.singleShot(10, lambda: self._answer(kind, answer, tries + 1))
            return
        name = f"{kind} {window.windowTitle()!r}"
        self.seen.append(name)
        self.found += self.looks.shown(window, name)
        if isinstance(window, QMessageBox):
            self._answer_box(window, name, answer)
        elif isinstance(window, QInputDialog):
            self._answer_prompt(window, name, answer)
        else:
            assert isinstance(window, QFileDialog), type(window)
            self._answer_chooser(window, answer)

    def _answer_box(self, box: QMessageBox, name: str, answer: Any) -> None:
        accepting = [b for b in box.buttons() if box.buttonRole(b) == ROLE.AcceptRole]
        default = box.defaultButton()
        if len(box.buttons()) > 1 and default in accepting:
            self.found.append(f"{name}: Enter answers {default.text()!r}")
        if len(box.buttons()) > 1:
            self.found += [
                f"{name}: no Alt+letter for {b.text()!r}"
                for b in box.buttons()
                if mnemonic(b.text()) is None
            ]
        if answer is True or (isinstance(answer, int) and answer is not False):
            index = 0 if answer is True else answer
            self._alt(box, accepting[index])
        elif answer is None and not accepting:
            QTest.keyClick(_focused(box), Key.Key_Return)  # a message: Enter closes it
        else:
            QTest.keyClick(_focused(box), Key.Key_Escape)

    def _alt(self, box: QMessageBox, button: QAbstractButton) -> None:
        letter = mnemonic(button.text())
        if letter is None:
            button.click()  # reported above; the walk goes on
            return
        QTest.keyClick(_focused(box), ord(letter.upper()), Qt.KeyboardModifier.AltModifier)

    def _answer_prompt(self, prompt: QInputDialog, name: str, answer: Any) -> None:
        focused = _focused(prompt)
        if isinstance(answer, str):
            if not isinstance(focused, QLineEdit):
                self.found.append(f"{name}: typing does not reach the line")
            QTest.keyClicks(focused, answer)
            QTest.keyClick(focused, Key.Key_Return)
        elif isinstance(answer, int) and not isinstance(answer, bool):
            if not isinstance(focused, QComboBox):
                self.found.append(f"{name}: the arrow keys do not reach the list")
            QTest.keyClick(focused, Key.Key_Home)
            for _ in range(answer):
                QTest.keyClick(focused, Key.Key_Down)
            QTest.keyClick(focused, Key.Key_Return)
        else:
            QTest.keyClick(focused, Key.Key_Escape)

    def _answer_chooser(self, chooser: QFileDialog, answer: Path | None) -> None:
        focused = _focused(chooser)
        if answer is None:
            QTest.keyClick(focused, Key.Key_Escape)
            return
        assert isinstance(focused, QLineEdit), type(focused)  # the file name
        focused.selectAll()
        QTest.keyClicks(focused, str(answer))
        QTest.keyClick(focused, Key.Key_Return)


def _focused(window: QWidget) -> QWidget:
    widget = QApplication.focusWidget()
    return widget if widget is not None and window.isAncestorOf(widget) else window
