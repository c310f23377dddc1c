from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from db.jobs import Cancelled
from reports.render.xlsx import Column, XlsxBook

DANGEROUS = ['=HYPERLINK("http://x","y")', "+1+1", "-2", "@SUM(A1)", "\tTab", "\rCR", "\nLF"]


def test_user_text_that_looks_like_a_formula_reads_back_as_the_same_text(tmp_path: Path) -> None:
    book = XlsxBook()
    sheet = book.sheet(
        "Clients", [Column("given_name"), Column("born", number_format="yyyy-mm-dd")]
    )
    for text in [*DANGEROUS, "Ann", *DANGEROUS, "Ann"]:  # twice: no text is trusted once seen
        sheet.append([text, dt.date(1990, 5, 1)])
    sheet.append([{"b", "a"}, None])  # a set of codes prints as one text
    book.save(tmp_path / "out.xlsx")
    ws = load_workbook(tmp_path / "out.xlsx")["Clients"]
    cells = [row[0] for row in ws.iter_rows(min_row=2)]
    assert [c.value for c in cells] == [*DANGEROUS, "Ann", *DANGEROUS, "Ann", "a;b"]
    assert {c.data_type for c in cells} == {"s"}
    assert ws.freeze_panes == "A2"
    assert ws.cell(2, 2).value == dt.datetime(1990, 5, 1)


def test_a_cancelled_save_leaves_the_earlier_file_and_no_debris(tmp_path: Path) -> None:
    target = tmp_path / "export.xlsx"
    target.write_bytes(b"earlier export")
    book = XlsxBook()
    book.sheet("S", [Column("a")]).append(["x"])
    with pytest.raises(Cancelled):
        book.save(target, cancelled=lambda: True)
    assert target.read_bytes() == b"earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["export.xlsx"]


def test_a_failure_while_filling_leaves_no_file(tmp_path: Path) -> None:
    from reports.render.xlsx import write_or_discard

    def fill(book: XlsxBook) -> None:
        book.sheet("S", [Column("a")]).append(["x"])
        raise Cancelled()

    with pytest.raises(Cancelled):
        write_or_discard(XlsxBook(), tmp_path / "x.xlsx", fill)
    assert list(tmp_path.iterdir()) == []


def test_a_cancel_noticed_at_save_inside_write_or_discard_leaves_nothing(tmp_path: Path) -> None:
    from reports.render.xlsx import write_or_discard

    def fill(book: XlsxBook) -> None:
        book.sheet("S", [Column("a")]).append(["x"])

    with pytest.raises(Cancelled):
        write_or_discard(XlsxBook(), tmp_path / "x.xlsx", fill, cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []
