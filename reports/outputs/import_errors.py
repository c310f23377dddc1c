"""The list of a rejected import's problems as a workbook the person can open beside the file."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from forms.import_read import Problem
from reports.render.xlsx import Column, XlsxBook, write_or_discard

log = logging.getLogger(__name__)

PROBLEMS_SHEET = "Problems"


def errors_path(workbook: Path) -> Path:
    """`FILE.errors.xlsx` beside `FILE.xlsx`."""
    return workbook.with_name(f"{workbook.stem}.errors.xlsx")


def write_problems(target: Path, problems: Sequence[Problem], note: str = "") -> None:
    """One row per problem: sheet, row, column, problem (atomically; user text stays text)."""

    def fill(book: XlsxBook) -> None:
        sheet = book.sheet(
            PROBLEMS_SHEET,
            [Column("sheet", 16), Column("row", 8), Column("column", 26), Column("problem", 100)],
        )
        for p in problems:
            sheet.append([p.sheet, p.row or None, p.column or None, p.message])
        if note:
            sheet.append([None, None, None, note])

    write_or_discard(XlsxBook(), Path(target), fill)
    log.info("%d import problems written to %s", len(problems), target)
