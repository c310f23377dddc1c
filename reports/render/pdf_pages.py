"""What every page of a printed report carries besides its body: the agency and the
report's title at the top, the generation time and "page x of y" at the foot, and, for
an internal report, its warning. Shared by the monthly report and the call list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen import canvas as pdf_canvas

from reports.render.pdf_style import ACCENT, FONT, FONT_BOLD, MARGIN, MUTED, RULE, WARNING
from reports.rules.words import N_, Sentence
from reports.tables.language import ENGLISH, ReportLanguage

INTERNAL_MARK = "Internal — contains small counts"


def generated_text(when: dt.datetime, language: ReportLanguage = ENGLISH) -> str:
    moment = when.astimezone(dt.UTC)
    generated = Sentence(
        N_("Generated {day} {time} UTC"), day=moment.date(), time=moment.strftime("%H:%M")
    )
    return language.say(generated)


@dataclass(frozen=True)
class PageFrame:
    """What every page carries besides its body."""

    agency: str
    title: str
    generated: str
    internal: bool = False
    mark: str = INTERNAL_MARK  # the warning an internal report's pages carry
    page_words: str = "Page {number} of {total}"

    def decorate(self, canvas: pdf_canvas.Canvas, number: int, total: int) -> None:
        width, height = canvas._pagesize
        top, bottom = height - MARGIN + 14, MARGIN - 18
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, top - 4, width - MARGIN, top - 4)
        canvas.line(MARGIN, bottom + 10, width - MARGIN, bottom + 10)
        canvas.setFont(FONT_BOLD, 8)
        canvas.setFillColor(ACCENT)
        canvas.drawString(MARGIN, top, fit(canvas, self.agency, FONT_BOLD, 8, width / 2))
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(width - MARGIN, top, self.title)
        canvas.drawString(MARGIN, bottom, self.generated)
        pages = self.page_words.format(number=number, total=total)
        canvas.drawRightString(width - MARGIN, bottom, pages)
        if self.internal:
            canvas.setFont(FONT_BOLD, 8)
            canvas.setFillColor(WARNING)
            canvas.drawCentredString(width / 2, bottom, self.mark)


def numbered_canvas(page: PageFrame, generated_at: dt.datetime) -> Callable[..., pdf_canvas.Canvas]:
    class NumberedCanvas(pdf_canvas.Canvas):
        """Holds pages back until the end, when "page x of y" is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            # The file's creation date is the generation time, not the clock's: the same
            # data generated at the same minute makes the same bytes (a closed month).
            self._doc._timeStamp = time_stamp(generated_at)

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                page.decorate(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def time_stamp(when: dt.datetime) -> TimeStamp:
    stamp = TimeStamp(invariant=True)
    moment = when.astimezone(dt.UTC).replace(second=0, microsecond=0)
    stamp.t = moment.timestamp()
    stamp.lt = moment.timetuple()
    stamp.YMDhms = tuple(stamp.lt)[:6]
    return stamp


def fit(canvas: pdf_canvas.Canvas, value: str, font: str, size: float, room: float) -> str:
    """`value` cut with an ellipsis to fit `room` points (a long agency name in the header)."""
    if canvas.stringWidth(value, font, size) <= room:
        return value
    while value and canvas.stringWidth(value + "…", font, size) > room:
        value = value[:-1]
    return value + "…"
