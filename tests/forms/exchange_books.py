"""Hand-made exchange workbooks for the import and export tests, written as a person's
spreadsheet program would (normal openpyxl mode, any cell types)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from forms.exchange import RECORD_SHEETS

HEADERS = {s.name: list(s.keys) for s in RECORD_SHEETS}


def client(code: str, **values: object) -> dict[str, object]:
    return {
        "client_code": code,
        "given_name": "Ana",
        "family_name": "Ruiz",
        "birth_date": "1980-06-01",
        "consent_share": "yes",
        **values,
    }


def intake(code: str, on: str = "2024-01-10", **values: object) -> dict[str, object]:
    return {
        "client_code": code,
        "assessed_on": on,
        "kind": "intake",
        "contact_status": "completed",
        "psych_health": 8,
        "physical_health": 9,
        "quality_of_life": 7,
        "last_use_on": "2024-01-09",
        **values,
    }


def substance(code: str, on: str = "2024-01-10", **values: object) -> dict[str, object]:
    return {
        "client_code": code,
        "assessed_on": on,
        "substance_class": "alcohol",
        "primary": "yes",
        "criteria": "craving;cut_down",
        **values,
    }


def text_cell(value: str) -> tuple[str, str]:
    """A value typed as text (Excel's leading apostrophe): never read as a formula."""
    return ("text", value)


def write_book(
    path: Path,
    sheets: dict[str, Sequence[dict[str, object]]],
    headers: dict[str, list[str]] | None = None,
    blank_rows: int = 0,
) -> Path:
    """A workbook with one sheet per entry; row dicts give cells by column key."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        header = (headers or {}).get(name) or HEADERS[name]
        ws.append(header)
        for row in rows:
            ws.append([None] * len(header))
            for col, key in enumerate(header, start=1):
                _put(ws.cell(ws.max_row, col), row.get(key))
        for _ in range(blank_rows):
            ws.append(["", None, "  "])
    book.save(path)
    return path


def _put(cell: Any, value: object) -> None:
    if isinstance(value, tuple) and value[0] == "text":
        cell.value = value[1]
        cell.data_type = "s"
    else:
        cell.value = value
