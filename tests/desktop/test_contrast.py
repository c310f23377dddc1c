"""Every colour the program sets itself reads against what it is drawn on, at WCAG's
ratios (4.5:1 for text, 3:1 for large text and for a chart's lines), both with the
system's usual light palette and with a dark high-contrast one (black window and base,
white text): the labels of the main screens and forms (error lines and hints too, shown
or not yet), the rows of every table and list, and the progress chart's lines."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget

from desktop.client_page import ClientPageView
from desktop.first_run_wizard import FirstRunWizard
from desktop.look import is_dark
from desktop.progress_chart import STYLES, ProgressChartView
from forms import corrections, notes, records
from tests.conftest import TODAY
from tests.desktop.harness import Desk, add_client
from tests.desktop.own_desk import own_desk, the_programs_look
from tests.desktop.test_mnemonics import INTAKE, OPIOID

TEXT, LARGE_OR_GRAPHIC = 4.5, 3.0
ROLE = QPalette.ColorRole


def luminance(colour: QColor) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: QColor, other: QColor) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def high_contrast() -> QPalette:
    """A dark high-contrast palette as a system hands it: black window and base, white
    text, a bright highlight."""
    palette = QPalette()
    colours = {
        ROLE.Window: "#000000",
        ROLE.WindowText: "#ffffff",
        ROLE.Base: "#000000",
        ROLE.AlternateBase: "#1a1a1a",
        ROLE.Text: "#ffffff",
        ROLE.Button: "#000000",
        ROLE.ButtonText: "#ffffff",
        ROLE.Highlight: "#1aebff",
        ROLE.HighlightedText: "#000000",
        ROLE.ToolTipBase: "#000000",
        ROLE.ToolTipText: "#ffffff",
        ROLE.PlaceholderText: "#c0c0c0",
        ROLE.Link: "#ffff00",
        ROLE.BrightText: "#ffffff",
        ROLE.Light: "#ffffff",
        ROLE.Midlight: "#c0c0c0",
        ROLE.Mid: "#c0c0c0",
        ROLE.Dark: "#808080",
        ROLE.Shadow: "#ffffff",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture(params=["light", "dark high contrast"], scope="module")
def desk(
    request: pytest.FixtureRequest, qapp: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Desk]:
    """A main window built under the palette: the program picks its colours at start."""
    before = qapp.palette()
    if request.param != "light":
        qapp.setPalette(high_contrast())
    try:
        with the_programs_look(qapp), own_desk(qapp, tmp_path_factory.mktemp("hc")) as desk:
            yield desk
    finally:
        qapp.setPalette(before)


def _large(label: QLabel) -> bool:
    font = label.font()
    return font.pointSizeF() >= 18 or (font.bold() and font.pointSizeF() >= 14)


def label_offences(root: QWidget, name: str) -> list[str]:
    """Each label under `root`, shown or waiting to be (an error line), whose text colour
    is too close to its background. A disabled one is drawn in the system's own grey,
    which WCAG leaves out (the worklist's form before a follow-up is chosen)."""
    found = []
    for label in root.findChildren(QLabel):
        if not label.isEnabled():
            continue
        label.ensurePolished()  # a style sheet's colour reaches the palette here
        palette = label.palette()
        text = palette.color(label.foregroundRole())
        ground = palette.color(label.backgroundRole())
        least = LARGE_OR_GRAPHIC if _large(label) else TEXT
        if contrast(text, ground) < least:
            found.append(
                f"{name}: label {label.objectName() or label.text()[:30]!r} {text.name()} "
                f"on {ground.name()}: {contrast(text, ground):.2f}:1"
            )
    return found


def row_offences(root: QWidget, name: str) -> list[str]:
    """Each row of a table or list whose own text colour is too close to the base."""
    found = []
    for view in root.findChildren(QAbstractItemView):
        model, base = view.model(), view.palette().color(ROLE.Base)
        called = view.objectName() or type(view).__name__
        if model is None:
            continue
        for row in range(min(model.rowCount(QModelIndex()), 100)):
            for column in range(model.columnCount(QModelIndex())):
                brush = model.data(model.index(row, column), Qt.ItemDataRole.ForegroundRole)
                colour = brush.color() if isinstance(brush, QBrush) else brush
                if isinstance(colour, QColor) and contrast(colour, base) < TEXT:
                    found.append(
                        f"{name}: {called} row {row} {colour.name()} on "
                        f"{base.name()}: {contrast(colour, base):.2f}:1"
                    )
    return sorted(set(found))


def chart_offences(chart: ProgressChartView) -> list[str]:
    base = chart.palette().color(ROLE.Base)
    return [
        f"progress chart: {measure} line {colour.name()} on {base.name()}: "
        f"{contrast(colour, base):.2f}:1"
        for measure, (colour, _) in STYLES.items()
        if contrast(colour, base) < LARGE_OR_GRAPHIC
    ]


def _strongest_contrast(widget: QWidget, ground: QColor) -> float:
    image = widget.grab().toImage()
    colours = {
        image.pixelColor(x, y).rgb() for x in range(image.width()) for y in range(image.height())
    }
    return max(contrast(QColor.fromRgb(rgb), ground) for rgb in colours)


def edge_offences(form: QWidget, names: tuple[str, ...]) -> list[str]:
    """On a dark palette, each empty input named whose edge (all that is drawn of it)
    does not stand out from the window at 3:1: the field cannot be seen. (The usual light
    palette's frames are the platform style's own, about 2:1, and left as they are.)"""
    ground = form.palette().color(ROLE.Window)
    if not is_dark(form.palette()):
        return []
    found = []
    for name in names:
        widget = form.findChild(QWidget, name)
        assert widget is not None, name
        widget.clearFocus()
        strongest = _strongest_contrast(widget, ground)
        if strongest < LARGE_OR_GRAPHIC:
            found.append(f"{name}: its edge {strongest:.2f}:1 on {ground.name()}")
    return found


def _client_with_history(desk: Desk) -> int:
    """A client with an intake, a follow-up voided (a struck row) and a note."""
    admin = desk.actors["admin"]
    client_id = add_client(
        desk.database, admin, given_name="Ines", family_name="Roa", birth_date="1979-04-04"
    )
    records.add_assessment(desk.database, admin, client_id, INTAKE, OPIOID, TODAY)
    follow_up = {**INTAKE, "assessed_on": "2026-11-02", "kind": "follow_up", "psych_health": 12}
    voided = records.add_assessment(desk.database, admin, client_id, follow_up, OPIOID, TODAY)
    corrections.void_record(
        desk.database, admin, TODAY, "assessment", voided, 1, "entered_in_error"
    )
    note = {"noted_on": TODAY.isoformat(), "note_text": "Asked about the housing list"}
    notes.add_note(desk.database, admin, TODAY, client_id, note)
    return client_id


def test_the_programs_colours_read_on_the_palette(desk: Desk, tmp_path: Path) -> None:
    desk.sign_in_as("admin")
    window, clients = desk.window, desk.window.clients
    assert clients.open_client(_client_with_history(desk))
    page = clients.top
    assert isinstance(page, ClientPageView)
    voided_rows = page.timeline_table.rows_model.voided
    assert any(voided_rows), "the walk meant to see a voided row"
    found = row_offences(page, "client page")
    chart = page.findChild(ProgressChartView)
    assert chart is not None
    found += chart_offences(chart)
    form = clients.new_assessment(page, "intake")
    found += label_offences(window, "screens and the intake form")
    found += edge_offences(form, ("injecting_days_28", "shared_equipment", "substances.0.primary"))
    desk.close_forms()
    for key in window.nav_keys:
        window.go(key)
        found += row_offences(window.section_views[key], f"screen {key}")
    found += label_offences(_wizard(desk, tmp_path), "first-run setup")
    assert form is not None
    assert found == [], "\n".join(found)


def _wizard(desk: Desk, folder: Path) -> FirstRunWizard:
    from db.startup import open_database

    database = open_database(str(folder / "new.sqlite3"))
    wizard = FirstRunWizard(database, lambda: TODAY)
    wizard.deleteLater()
    database.dispose()
    return wizard
