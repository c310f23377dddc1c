"""The day's call list laid out as a PDF to print: the monthly report's look (DejaVu Sans,
tinted header, zebra rows, agency and "page x of y" on every page), landscape so that
the last column leaves room to write what each call gave.

All text that comes from data is escaped before it meets reportlab's markup. The file is
written beside its target and renamed into place, so a failure leaves no file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import landscape
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from db.files import atomic_path
from reports.render.pdf_pages import PageFrame, generated_text, numbered_canvas
from reports.render.pdf_style import (
    ACCENT,
    CELL_SIZE,
    FONT,
    HEADER_FILL,
    MARGIN,
    PADDING,
    RULE,
    ZEBRA,
    Styles,
    page_size,
    text,
)

# Shares of the line's width: code, name, phone, point, window closes, attempts, result.
SHARES = (0.12, 0.24, 0.16, 0.09, 0.10, 0.08, 0.21)
RIGHT_ALIGNED = (3, 5)  # point and attempts are numbers


@dataclass(frozen=True)
class CallListPage:
    """What the PDF says besides its rows, already in the person's language."""

    agency: str
    title: str  # "Follow-ups to call on 2026-11-27"
    lines: Sequence[str]  # under the title: what was chosen, how many, the phone rule
    header: Sequence[str]  # the columns, the blank result column last
    empty: str  # the one line of a list with no rows
    warning: str  # that the sheet names clients
    page_words: str = "Page {number} of {total}"


def write_call_list_pdf(
    page: CallListPage,
    rows: Sequence[Sequence[object]],
    target: Path,
    paper: str,
    generated_at: dt.datetime,
    before_rename: Callable[[], None] | None = None,
) -> None:
    styles = Styles()
    size = landscape(page_size(paper))
    width = size[0] - 2 * MARGIN
    story = [
        Paragraph(text(page.title), styles.title),
        *(Paragraph(text(line), styles.subtitle) for line in page.lines),
        Paragraph(text(page.warning), styles.warning),
        Spacer(1, 6),
        _table(page, rows, styles, width),
    ]
    generated = generated_text(generated_at)
    frame = PageFrame(page.agency, page.title, generated, page_words=page.page_words)
    with atomic_path(Path(target), before_rename) as temp:
        doc = SimpleDocTemplate(
            str(temp),
            pagesize=size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + 8,
            bottomMargin=MARGIN + 4,
            title=page.title,
            author=page.agency,
            creator="Recovery Desk",
            invariant=True,
        )
        doc.build(story, canvasmaker=numbered_canvas(frame, generated_at))


def _table(
    page: CallListPage, rows: Sequence[Sequence[object]], styles: Styles, width: float
) -> Table:
    header = [Paragraph(text(h), styles.head_left) for h in page.header]
    body = [[_cell(c, v, styles) for c, v in enumerate(row)] + [""] for row in rows]
    if not body:
        body = [[Paragraph(text(page.empty), styles.cell)] + [""] * (len(page.header) - 1)]
    flow = Table(
        [header, *body],
        colWidths=[width * share for share in SHARES],
        repeatRows=1,
        hAlign="LEFT",
    )
    flow.setStyle(TableStyle(_commands(len(body))))
    return flow


def _cell(column: int, value: object, styles: Styles) -> object:
    """Text wraps in its column; a number is drawn as it is, aligned right."""
    if column in RIGHT_ALIGNED:
        return str(value)
    return Paragraph(text(str(value)), styles.cell)


def _commands(count: int) -> list[tuple[object, ...]]:
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, CELL_SIZE),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),  # a line to write on, row after row
        ("TOPPADDING", (0, 1), (-1, -1), 7),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 7),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
    ]
    commands += [("ALIGN", (c, 1), (c, -1), "RIGHT") for c in RIGHT_ALIGNED]
    commands += [
        ("BACKGROUND", (0, r), (-2, r), ZEBRA) for r in range(2, count + 1, 2)
    ]  # the result column stays white, to write in
    return commands
