"""The list of a rejected import's problems as a workbook the person can open beside the file."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from db import audit
from db.access import Actor
from db.engine import Database
from forms.import_read import Problem
from reports.render.xlsx import Column, XlsxBook, write_or_discard

log = logging.getLogger(__name__)

PROBLEMS_SHEET = "Problems"


def errors_path(workbook: Path) -> Path:
    """`FILE.errors.xlsx` beside `FILE.xlsx`."""
    return workbook.with_name(f"{workbook.stem}.errors.xlsx")


def write_problems(
    database: Database,
    actor: Actor,
    target: Path,
    problems: Sequence[Problem],
    source: Path,
    note: str = "",
) -> None:
    """One row per problem: sheet, row, column, problem (atomically; user text stays text).
    The problems quote what the file holds about clients, so the list is an export: its
    audit row commits before the file takes its name, and without it there is no file."""

    def fill(book: XlsxBook) -> None:
        sheet = book.sheet(
            PROBLEMS_SHEET,
            [Column("sheet", 16), Column("row", 8), Column("column", 26), Column("problem", 100)],
        )
        for p in problems:
            sheet.append([p.sheet, p.row or None, p.column or None, p.message])
        if note:
            sheet.append([None, None, None, note])

    def audit_it() -> None:
        with database.writing() as session:
            audit.record(
                session,
                actor,
                "export",
                "import_problems",
                Path(target).name[-60:],
                after={"file": Path(target).name, "source": source.name, "problems": len(problems)},
            )

    write_or_discard(XlsxBook(), Path(target), fill, before_rename=audit_it)
    log.info("%d import problems written to %s", len(problems), target)
