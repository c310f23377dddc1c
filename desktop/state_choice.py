"""The agency's state, chosen from one list wherever it is set: the first-run setup and
Settings. The setting stores the two-letter postal code, which the de-identified files
carry as it is; the list shows each name in the screen's language, with its code."""

from __future__ import annotations

from functools import cmp_to_key

from PySide6.QtCore import QCollator, QLocale
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.translate import label
from forms.states import STATES


class StateChoice(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(self.tr("Choose a state"), "")
        # In the order of the names as shown: Nuevo México among the N's in Spanish.
        codes = {label(name): code for code, name in STATES.items()}
        for name in sorted(codes, key=cmp_to_key(QCollator(QLocale()).compare)):
            self.addItem(f"{name} ({codes[name]})", codes[name])
        self._kept = False  # an older stored value not in the list is item 1

    def set_code(self, stored: str) -> None:
        """Show the stored state. A value not in the list (typed as free text by an older
        Settings screen) is shown as it is and saved again unless a state is chosen:
        guessing the state it meant would change the de-identified files silently."""
        if self._kept:
            self.removeItem(1)
            self._kept = False
        index = self.findData(stored)
        if index < 0:
            self.insertItem(1, stored, stored)
            self._kept, index = True, 1
        self.setCurrentIndex(index)

    def code(self) -> str:
        """The chosen state's code ('' when none is chosen), or the older value kept."""
        return str(self.currentData() or "")
