"""How the monthly PDF prints a value, worked out here rather than taken from the code,
and a check that a table's rows appear in a page's text in order."""

from __future__ import annotations

import re

from reports.tables.report_tables import Kind, Table


def shown(value: object, kind: Kind) -> str:
    """How the report prints a value."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    if kind is Kind.PERCENT:
        return f"{value:.1f} %"
    if kind is Kind.MEAN:
        return f"{value:.2f}"
    if kind in (Kind.INDEX,):
        return f"{value:.1f}"
    if kind is Kind.RATIO:
        return f"{value:.2f}"
    return f"{value:,}"


def segment(text: str, title: str, next_title: str | None) -> str:
    start = text.index(title)
    end = text.index(next_title, start + len(title)) if next_title else len(text)
    return text[start:end]


def missing_rows(text: str, table: Table, rows: list[tuple[str, tuple[object, ...]]]) -> str | None:
    """The first row (label, values) not found in `text` after the ones before it, as a
    message; None when every row is there in order."""
    position = 0
    for (label, values), row in zip(rows, table.rows, strict=True):
        cells = [shown(v, table.kind_of(row, i)) for i, v in enumerate(values)]
        pattern = r"\s+".join(re.escape(part) for part in [*label.split(), *cells])
        found = re.compile(pattern).search(text, position)
        if found is None:
            return f"{table.key}: {label} {cells} not in {text[position : position + 300]}"
        position = found.end()
    return None
