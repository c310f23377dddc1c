"""A part of a page folded away behind a button, one click (or Space) from open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget


class FoldButton(QToolButton):
    """Shows or hides `part`; the arrow says which, and the caption stays the same."""

    def __init__(self, caption: str, part: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.part = part
        self.setText(caption)
        self.setCheckable(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setAutoRaise(True)
        self.toggled.connect(self._show_part)
        self._show_part(False)

    def _show_part(self, shown: bool) -> None:
        self.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.part.setVisible(shown)
        self.setAccessibleName(self.text())
        self.setAccessibleDescription(self.tr("open") if shown else self.tr("folded"))
