"""CSV files a spreadsheet opens safely: a cell that came from stored text never starts a
formula (the same starts `reports.render.xlsx` guards against), it is kept as text with a
leading apostrophe, which spreadsheets show as the text itself."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from reports.render.xlsx import FORMULA_STARTS


def safe_text(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """UTF-8 with a byte-order mark, so a spreadsheet reads accented names correctly."""
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f)
        writer.writerow([safe_text(h) for h in header])
        for row in rows:
            writer.writerow([safe_text(cell) for cell in row])
