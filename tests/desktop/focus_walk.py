"""Tab walked round a screen as a worker walks it, each stop looked at as Tab arrives and
again once the focus has left it: a stop drawn the same both times hides the focus."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

MOST_STOPS = 80
MOST_TABS_IN_ONE = 6  # a date box's Tab first walks its day, month and year


def _drawn(widget: QWidget) -> QImage:
    QApplication.processEvents()
    return widget.grab().toImage()


def _current_row_shown(view: QAbstractItemView) -> bool:
    """A view with rows has a current one when it has the focus, and it is selected
    (highlighted whole, not only a thin frame round one cell)."""
    model = view.model()
    if model is None or model.rowCount() == 0:
        return True
    current = view.currentIndex()
    selection = view.selectionModel()
    return current.isValid() and selection is not None and selection.isSelected(current)


def _tab_away(qtbot: Any, widget: QWidget) -> QWidget | None:
    for _ in range(MOST_TABS_IN_ONE):
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is not widget:
            break
    return QApplication.focusWidget()


def _drawn_unfocused(widget: QWidget, now: QWidget | None, elsewhere: QWidget) -> QImage:
    """`widget` without the focus; when Tab went into a child of it (a scroll area hands
    it on), the focus is put outside for the look and then given back."""
    if now is None or not widget.isAncestorOf(now):
        return _drawn(widget)
    elsewhere.setFocus(Qt.FocusReason.OtherFocusReason)
    image = _drawn(widget)
    now.setFocus(Qt.FocusReason.TabFocusReason)
    return image


def tab_stops_unseen(
    qtbot: Any, screen: QWidget, first: QWidget, elsewhere: QWidget, name: str
) -> tuple[list[QWidget], list[str]]:
    """The Tab stops within `screen` from `first` round to where it began, and
    `name: Class objectName` for each that looks the same with the focus as without it.
    `elsewhere` is a widget outside the screen that can take the focus."""
    first.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(first, Qt.Key.Key_Backtab)  # arrive at `first` by the keyboard
    _tab_away(qtbot, QApplication.focusWidget() or first)
    seen: list[QWidget] = []
    found = []
    for _ in range(MOST_STOPS):
        widget = QApplication.focusWidget()
        if widget is None or widget in seen:
            break
        seen.append(widget)
        focused = _drawn(widget)
        if isinstance(widget, QAbstractItemView) and not _current_row_shown(widget):
            found.append(f"{name}: {type(widget).__name__} {widget.objectName()} shows no row")
        now = _tab_away(qtbot, widget)
        if screen.isAncestorOf(widget) and _drawn_unfocused(widget, now, elsewhere) == focused:
            found.append(f"{name}: {type(widget).__name__} {widget.objectName() or '?'}")
    return [w for w in seen if screen.isAncestorOf(w)], found
