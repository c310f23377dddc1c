"""The program's look, set once for the whole application: where the keyboard's focus is
always shows.

The platform's style draws most widgets focused; the one it leaves alike is the default
button (the sign-in screen's "Sign in", which Enter presses from any field): its
highlighted frame is the same with the focus and without, so the worker tabbing onto it
could not tell where the focus went. `FocusVisibleStyle` adds the style's own focus frame
inside it, and changes nothing else.

A table or list Tab lands on showed only a thin frame round one cell, or nothing where
no row had been chosen yet: `CurrentRowShown` highlights the current row (the first, if
none) as the arrow keys would, when the keyboard brings the focus there.

On a dark palette the style draws an input's frame a little darker than the window:
black on a high-contrast theme's black, so an empty field could not be seen at all.
There the style adds a boundary of its own round every unfocused input and check box, the
text colour half-way to the window (5.3:1 on black, over the 3:1 WCAG asks of it).

The few colours the program adds to the system's (error text, a voided row's grey) are
chosen for the palette the program starts with: a dark red on a light window, a light
red on a dark or high-contrast one, each readable at WCAG's 4.5:1 for text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QColor, QFocusEvent, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionButton,
    QStyleOptionComplex,
    QStyleOptionFocusRect,
    QStyleOptionFrame,
    QWidget,
)

# Error text on a light window (5.6:1 on white, 4.9:1 on the usual light grey) and on a
# dark one (9.2:1 on black); the dark red read 3.7:1 on black.
ERROR_ON_LIGHT, ERROR_ON_DARK = QColor("#c62828"), QColor("#ff8a80")
MUTED_SHARE = 0.4  # how far a muted text goes from the text colour toward the background


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def error_colour(palette: QPalette | None = None) -> QColor:
    """The colour of error text on `palette`'s window (the application's by default)."""
    palette = palette or QGuiApplication.palette()
    return QColor(ERROR_ON_DARK if is_dark(palette) else ERROR_ON_LIGHT)


def error_style() -> str:
    """The style sheet of a label that shows an error."""
    return f"color: {error_colour().name()};"


def muted_colour(palette: QPalette | None = None) -> QColor:
    """Text that steps back (a voided row) yet reads: the text colour moved a little
    toward the base it is drawn on (about 5.7:1 on white, 7.4:1 on black)."""
    palette = palette or QGuiApplication.palette()
    R = QPalette.ColorRole
    return _toward(palette.color(R.Text), palette.color(R.Base), MUTED_SHARE)


def _toward(colour: QColor, other: QColor, share: float) -> QColor:
    """`colour` moved `share` of the way to `other`."""

    def part(c: QColor) -> tuple[float, float, float]:
        return c.redF(), c.greenF(), c.blueF()

    return QColor.fromRgbF(
        *(a + (b - a) * share for a, b in zip(part(colour), part(other), strict=True))
    )


_BY_KEYBOARD = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)
_SELECT_ROW = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows


class CurrentRowShown(QObject):
    """Watches tables and lists: the one the keyboard focuses shows its current row."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.FocusIn
            and isinstance(watched, QAbstractItemView)
            and isinstance(event, QFocusEvent)
            and event.reason() in _BY_KEYBOARD
        ):
            _show_current_row(watched)
        return False


def _show_current_row(view: QAbstractItemView) -> None:
    model, selection = view.model(), view.selectionModel()
    if model is None or selection is None or model.rowCount() == 0:
        return
    current = view.currentIndex()
    if not current.isValid():
        current = model.index(0, 0)
    if not selection.isSelected(current):
        # Added to what is chosen (a search's several rows kept), as the arrow keys would.
        selection.setCurrentIndex(current, _SELECT_ROW)


_FOCUSED = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange


_INPUT_FRAMES = (
    QStyle.PrimitiveElement.PE_PanelLineEdit,
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
)
_INPUT_CONTROLS = (QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox)


def boundary_colour(palette: QPalette) -> QColor:
    """An input's edge on a dark window: the text colour half-way to the window's."""
    R = QPalette.ColorRole
    return _toward(palette.color(R.Text), palette.color(R.Window), 0.5)


def _bound(option: QStyleOption, painter: QPainter, focus_drawn: bool = True) -> None:
    """A dark palette's input gets a visible edge: unfocused, where the focus is drawn on
    the input itself (its highlighted frame stays); a check box's always."""
    if not is_dark(option.palette):
        return
    if focus_drawn and option.state & QStyle.StateFlag.State_HasFocus:
        return
    if isinstance(option, QStyleOptionFrame) and option.lineWidth == 0:
        return  # a line edit without a frame: the editor inside a spin box or combo box
    painter.save()
    painter.setPen(boundary_colour(option.palette))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
    painter.restore()


class FocusVisibleStyle(QProxyStyle):
    """The platform's style, with the focus drawn on a default button too, and every
    table and list watched by `CurrentRowShown`."""

    def __init__(self, base: QStyle | None = None) -> None:
        super().__init__(base) if base is not None else super().__init__()
        self.rows_shown = CurrentRowShown(self)

    def polish(self, target: Any) -> Any:
        done = super().polish(target)
        if isinstance(target, QAbstractItemView):
            target.installEventFilter(self.rows_shown)
        return done

    def unpolish(self, target: Any) -> None:
        super().unpolish(target)
        if isinstance(target, QAbstractItemView):
            target.removeEventFilter(self.rows_shown)

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in _INPUT_FRAMES:
            _bound(option, painter, element == QStyle.PrimitiveElement.PE_PanelLineEdit)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _INPUT_CONTROLS:
            _bound(option, painter)

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element != QStyle.ControlElement.CE_PushButton or widget is None:
            return
        if not isinstance(option, QStyleOptionButton):
            return
        default = bool(option.features & QStyleOptionButton.ButtonFeature.DefaultButton)
        if default and (option.state & _FOCUSED) == _FOCUSED:
            frame = QStyleOptionFocusRect()
            frame.initFrom(widget)
            frame.state = option.state
            frame.rect = self.subElementRect(
                QStyle.SubElement.SE_PushButtonFocusRect, option, widget
            )
            frame.backgroundColor = option.palette.button().color()
            self.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, frame, painter, widget)


def install_look(app: QApplication) -> None:
    """Wrap the style the application chose (the platform's, or -style) in ours, and
    show the current row of a table or list the keyboard focuses."""
    if isinstance(app.style(), FocusVisibleStyle):
        return
    base = QStyleFactory.create(app.style().name())
    app.setStyle(FocusVisibleStyle(base))
