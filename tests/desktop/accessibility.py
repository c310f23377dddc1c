"""What a screen reader and the Alt+letters miss: an input whose accessible name (as Qt's
accessibility bridge gives it) is empty, and a label that captions an input without being
bound to it (QLabel.buddy): the label of a form's row, a label standing just before an
input in a row of widgets, or above or before it in a grid."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

# What a caption names; a button names itself, so a label before it is not its caption.
INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractItemView)


def _inputs_in(item: QLayoutItem | None, deep: bool = True) -> list[QWidget]:
    """The reachable inputs an item of a layout holds: its widget, or (`deep`) those
    inside it or inside its layout."""
    if item is None:
        return []
    widget, layout = item.widget(), item.layout()
    if layout is not None and deep:
        return [w for i in range(layout.count()) for w in _inputs_in(layout.itemAt(i))]
    if widget is None or widget.isHidden():
        return []
    found = [widget, *widget.findChildren(QWidget)] if deep else [widget]
    return [
        w
        for w in found
        if isinstance(w, INPUTS)
        and not isinstance(w, QAbstractButton)
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not isinstance(w.parentWidget(), QComboBox | QAbstractSpinBox)
        and not w.isHidden()
    ]


def _captioned(layout: QLayout) -> list[tuple[QLabel, list[QWidget]]]:
    """(label, the inputs it captions) for each row of a form layout (its field may be a
    cell holding the input), and each label followed at once by an input in a row of
    widgets or a grid."""
    pairs: list[tuple[QLabel, list[QWidget]]] = []
    if isinstance(layout, QFormLayout):
        for row in range(layout.rowCount()):
            label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is not None and isinstance(label.widget(), QLabel):
                pairs.append((label.widget(), _inputs_in(field)))
    elif isinstance(layout, QBoxLayout) and layout.direction() in (
        QBoxLayout.Direction.LeftToRight,
        QBoxLayout.Direction.RightToLeft,
    ):
        items = [layout.itemAt(i) for i in range(layout.count())]
        for item, after in pairwise(items):
            if isinstance(item.widget(), QLabel) and after.widget() is not None:
                pairs.append((item.widget(), _inputs_in(after, deep=False)))
    elif isinstance(layout, QGridLayout):
        pairs += _grid_captions(layout)
    return pairs


def _grid_captions(grid: QGridLayout) -> list[tuple[QLabel, list[QWidget]]]:
    """A label with an input at its right or just below it (a row of captions above a row
    of inputs)."""
    pairs = []
    for row in range(grid.rowCount()):
        for column in range(grid.columnCount()):
            item = grid.itemAtPosition(row, column)
            if item is None or not isinstance(item.widget(), QLabel):
                continue
            for r, c in ((row, column + 1), (row + 1, column)):
                inputs = _inputs_in(grid.itemAtPosition(r, c), deep=False)
                if inputs:
                    pairs.append((item.widget(), inputs))
                    break
    return pairs


def _bound(label: QLabel, inputs: list[QWidget]) -> bool:
    buddy = label.buddy()
    if buddy is None:
        return False
    return any(buddy is w or buddy.isAncestorOf(w) or w.focusProxy() is buddy for w in inputs)


def unbound_captions(root: QWidget, name: str) -> list[str]:
    """`name: 'Caption' -> Class objectName` for each shown caption not bound to its input."""
    layouts = [w.layout() for w in [root, *root.findChildren(QWidget)] if w.layout()]
    nested = [child for layout in layouts for child in layout.findChildren(QLayout)]
    found = []
    for layout in {id(x): x for x in (*layouts, *nested)}.values():
        for label, inputs in _captioned(layout):
            if label.isHidden() or not label.text().strip() or not inputs:
                continue
            if not _bound(label, inputs):
                found.append(f"{name}: {label.text()!r} not bound to {_called(inputs[0])}")
    return sorted(set(found))


def _called(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName() or '?'}"


def heard_name(widget: QWidget) -> str:
    """The name a screen reader says for `widget`."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def unheard_inputs(root: QWidget, name: str) -> list[str]:
    """`name: Class objectName has no name` for each visible input a person can reach
    (a button by its text too) whose name a screen reader would not hear."""
    found = []
    for widget in root.findChildren(QWidget):
        reachable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        inner = isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox)  # its editor
        kind = isinstance(widget, (*INPUTS, QAbstractButton))
        shown = kind and reachable and not inner and widget.isVisibleTo(root)
        if shown and not heard_name(widget):
            found.append(f"{name}: {_called(widget)} has no name")
    return sorted(set(found))
