"""A line edit as wide as the hint it shows while empty: an example or a default that
reads whole ("por ejemplo, Departamento de Salud del Condado" ran past the box's end in
Spanish; the box kept the width of 17 letters whatever its hint said)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLineEdit

# QLineEdit's own size hint: this many times the width of an x, plus frame and margins.
HINT_LETTERS = 17


class HintedLineEdit(QLineEdit):
    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        text = self.placeholderText()
        if not text:
            return hint
        metrics = self.fontMetrics()
        around = hint.width() - metrics.horizontalAdvance("x") * HINT_LETTERS
        return QSize(max(hint.width(), metrics.horizontalAdvance(text) + around), hint.height())
