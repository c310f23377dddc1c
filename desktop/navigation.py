"""A section of the window as a stack of views: search, then a client, then a form.

Pushing shows a view on top; a form that is saved or closed pops itself. A
view with unsaved work (`may_leave()` False) stops anything from removing it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

log = logging.getLogger(__name__)


def may_leave(view: QWidget) -> bool:
    check = getattr(view, "may_leave", None)
    return True if check is None else bool(check())


class NavStack(QStackedWidget):
    """The views of one section, the root at the bottom."""

    current_changed = Signal()

    def __init__(self, root: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addWidget(root)
        self.views: list[QWidget] = [root]

    @property
    def top(self) -> QWidget:
        return self.views[-1]

    @property
    def root(self) -> QWidget:
        return self.views[0]

    def push(self, view: QWidget) -> None:
        self.addWidget(view)
        self.views.append(view)
        self.setCurrentWidget(view)
        self.current_changed.emit()

    def pop(self, view: QWidget | None = None) -> None:
        """Remove `view` (default: the top) and everything above it, without asking."""
        target = view or self.top
        if target not in self.views or target is self.root:
            return
        while self.views[-1] is not target:
            self._drop(self.views.pop())
        self._drop(self.views.pop())
        self.setCurrentWidget(self.top)
        self._focus_top()
        self.current_changed.emit()

    def _drop(self, view: QWidget) -> None:
        self.removeWidget(view)
        view.deleteLater()

    def replace_top(self, view: QWidget) -> None:
        """Put `view` where the top view was (a saved form becomes the record's page)."""
        old = self.top
        self.push(view)
        self.views.remove(old)
        self._drop(old)

    def may_leave_all(self) -> bool:
        """Ask each view with unsaved work, top first; False as soon as one says keep."""
        for view in reversed(self.views):
            self.setCurrentWidget(view)
            if not may_leave(view):
                return False
        self.setCurrentWidget(self.top)
        return True

    def back_to_root(self) -> bool:
        """Close every view above the root, asking about unsaved work; False if kept."""
        if not self.may_leave_all():
            return False
        self.close_all()
        return True

    def close_all(self) -> None:
        """Close every view above the root without asking (the person already agreed)."""
        for view in self.views[1:]:
            discard = getattr(view, "discard", None)
            if discard is not None:
                discard()
        while len(self.views) > 1:
            self._drop(self.views.pop())
        self.setCurrentWidget(self.root)
        self._focus_top()
        self.current_changed.emit()

    def _focus_top(self) -> None:
        """Keyboard users carry on where the view they come back to wants them."""
        take_focus = getattr(self.top, "take_focus", None)
        if take_focus is not None:
            take_focus()

    def topmost(self, kind: type) -> QWidget | None:
        """The topmost view of that class, if any."""
        return next((v for v in reversed(self.views) if isinstance(v, kind)), None)
