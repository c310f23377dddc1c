"""Fonts, colours, paragraph styles and table layout shared by the PDF reports.

Every text is set in DejaVu Sans, shipped in reports/fonts: reportlab's base
fonts cover Latin-1 only, and an agency's name or an area may be in any
script. Tables follow one look: a tinted header row whose labels wrap,
zebra rows, right-aligned numbers, and a bold total row under a rule.
"""

from __future__ import annotations

import logging
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, Table, TableStyle

from reports.tables.report_tables import Kind, Row, Value
from reports.tables.report_tables import Table as DataTable

log = logging.getLogger(__name__)

FONT_DIR = Path(__file__).with_name("fonts")
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
INK = colors.HexColor("#1F2933")
ACCENT = colors.HexColor("#1F3A5F")
MUTED = colors.HexColor("#5B6770")
HEADER_FILL = colors.HexColor("#DDE4EE")
ZEBRA = colors.HexColor("#F4F6F9")
RULE = colors.HexColor("#9AA5B1")
WARNING = colors.HexColor("#B42318")
MARGIN = 18 * mm
CELL_SIZE = 8
HEAD_SIZE = 7.5
PADDING = 4
MIN_COLUMN = 58.0
PAGE_SIZES = {"letter": LETTER, "a4": A4}
DASH = "–"


def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) once per process."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


def page_size(name: str) -> tuple[float, float]:
    return PAGE_SIZES.get(name.lower(), LETTER)


def _style(name: str, size: float, **kw: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": FONT,
        "fontSize": size,
        "leading": size * 1.3,
        "textColor": INK,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


class Styles:
    """The paragraph styles of a report, built after the fonts are registered."""

    def __init__(self) -> None:
        register_fonts()
        self.title = _style("title", 20, fontName=FONT_BOLD, textColor=ACCENT, spaceAfter=4)
        self.subtitle = _style("subtitle", 12, textColor=MUTED, spaceAfter=2)
        self.h1 = _style(
            "h1", 14, fontName=FONT_BOLD, textColor=ACCENT, spaceBefore=10, spaceAfter=4
        )
        self.h2 = _style("h2", 10, fontName=FONT_BOLD, textColor=INK, spaceBefore=8, spaceAfter=3)
        self.body = _style("body", 9)
        self.note = _style("note", 7.5, textColor=MUTED, spaceBefore=2)
        self.cell = _style("cell", CELL_SIZE, leading=9.5)
        self.cell_bold = _style("cell_bold", CELL_SIZE, leading=9.5, fontName=FONT_BOLD)
        self.head = _style("head", HEAD_SIZE, leading=9, fontName=FONT_BOLD, alignment=TA_RIGHT)
        self.head_left = _style(
            "head_left", HEAD_SIZE, leading=9, fontName=FONT_BOLD, alignment=TA_LEFT
        )
        self.warning = _style("warning", 9, fontName=FONT_BOLD, textColor=WARNING)


def text(value: str) -> str:
    """User or data text made safe for a Paragraph: `<`, `>` and `&` print as themselves."""
    return escape(value)


def format_value(value: Value, kind: Kind) -> str:
    if value is None:
        return DASH
    if isinstance(value, str):
        return value
    if kind is Kind.PERCENT:
        return f"{value:.1f} %"
    if kind is Kind.MEAN:
        return f"{value:,.2f}"
    if kind is Kind.INDEX:
        return f"{value:,.1f}"
    if kind is Kind.RATIO:
        return f"{value:.2f}"
    if kind is Kind.MONEY and isinstance(value, int):
        return f"{value // 100:,}.{value % 100:02d}"  # whole cents, exactly
    return f"{value:,}"


def _row_cells(table: DataTable, row: Row, styles: Styles) -> list[object]:
    label = Paragraph(text(row.label), styles.cell_bold if row.total else styles.cell)
    values = [format_value(v, table.kind_of(row, i)) for i, v in enumerate(row.values)]
    return [label, *values]


def _needed(table: DataTable, index: int) -> float:
    """The narrowest a value column can be: its longest header word and value fit unbroken."""
    words = [stringWidth(w, FONT_BOLD, HEAD_SIZE) for w in table.columns[index].split()]
    values = [
        stringWidth(format_value(r.values[index], table.kind_of(r, index)), FONT_BOLD, CELL_SIZE)
        for r in table.rows
    ]
    return max([*words, *values, 24.0]) + 2 * PADDING + 2


def column_widths(table: DataTable, width: float) -> list[float]:
    """Value columns as wide as they need (at least `MIN_COLUMN`); the label takes the rest,
    and when that is too little the value columns give back what they can spare."""
    needed = [_needed(table, i) for i in range(len(table.columns))]
    columns = [max(n, MIN_COLUMN) for n in needed]
    label = width - sum(columns)
    if label < width * 0.3:
        spare = sum(columns) - sum(needed)
        give = min(spare, width * 0.3 - label)
        columns = [
            c - (c - n) * give / spare if spare else c for c, n in zip(columns, needed, strict=True)
        ]
        label = width - sum(columns)
    return [label, *columns]


def pdf_table(table: DataTable, styles: Styles, width: float) -> Table:
    header = [
        Paragraph(text(table.row_header), styles.head_left),
        *(Paragraph(text(c), styles.head) for c in table.columns),
    ]
    body = [_row_cells(table, row, styles) for row in table.rows]
    flow = Table(
        [header, *body], colWidths=column_widths(table, width), repeatRows=1, hAlign="LEFT"
    )
    flow.setStyle(TableStyle(_commands(table)))
    return flow


def _commands(table: DataTable) -> list[tuple[object, ...]]:
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, CELL_SIZE),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
    ]
    for index, row in enumerate(table.rows, start=1):
        if row.total:
            commands += [
                ("FONT", (1, index), (-1, index), FONT_BOLD, CELL_SIZE),
                ("LINEABOVE", (0, index), (-1, index), 0.6, RULE),
            ]
        elif index % 2 == 0:
            commands.append(("BACKGROUND", (0, index), (-1, index), ZEBRA))
    return commands
