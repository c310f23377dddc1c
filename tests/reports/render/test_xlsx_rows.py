"""The XML the program makes of a plain row is the XML xlsxwriter writes for it, and a
text that looks like markup is written as text by both."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import load_workbook

from forms.import_xlsx import XlsxSource
from reports.render import xlsx_rows
from reports.render.xlsx import Column
from reports.render.xlsx_stream import StreamBook, write_streamed
from reports.render.xlsx_styles import Style, Styled

# Each asks for something of the escapes: markup characters, quotes, control characters
# and white space (\x1f is white space to Python, a control character to a workbook),
# look-alikes of a workbook's escape, leading or trailing or non-breaking spaces, text
# beyond the basic plane, the two noncharacters XML has no place for, and text that
# looks like rich text.
TEXTS = [
    "Ana",
    "",
    " lead",
    "trail ",
    "\xa0nbsp",
    "line\nbreak",
    "tab\there",
    "bell\x07 unit\x1f",
    "A_x0041_B",
    "_x005F_",
    'say "hi" & <b>bye</b>',
    "ümlaut ✓ 🙂",
    "nonchar\uffff\ufffe",
    "<r>Ana</r>",
    '<r></t></is></c><c r="B9"><v>666</v></c><c r="C9" t="inlineStr"><is><t>x</r>',
]
NUMBERS = [0, -7, 2**53 + 1, 3.14159, 1e-20, -0.0, 1e300, 12.5]
DATES = [dt.date(1900, 3, 1), dt.date(2024, 2, 29), dt.date(2026, 12, 31)]
COLUMNS = [
    Column("text", 20),
    Column("count"),
    Column("share", 8, "0.0"),
    Column("day", 12),
    Column("when", 12, "mmm yyyy"),
    Column("flag"),
]


def rows() -> list[list[object]]:
    made: list[list[object]] = []
    for index, text in enumerate(TEXTS):
        number = NUMBERS[index % len(NUMBERS)]
        day = DATES[index % len(DATES)]
        made.append([text, number, number, day, day, index % 2 == 0])
    made.append([None] * len(COLUMNS))
    made.append(["after a blank row", None, 1, None, DATES[0], None])
    return made


def fill_with(made: Sequence[list[object]]):
    def fill(book: StreamBook) -> None:
        sheet = book.sheet("Rows", COLUMNS)
        for values in made:
            sheet.append(values)

    return fill


def sheet_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read("xl/worksheets/sheet1.xml") + z.read("xl/styles.xml")


def test_a_plain_row_is_the_xml_xlsxwriter_writes_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = rows()
    write_streamed(tmp_path / "ours.xlsx", fill_with(made))
    with monkeypatch.context() as m:  # every row through xlsxwriter's own cell writers
        m.setattr(xlsx_rows.PlainRows, "row", lambda self, row, values: None)
        write_streamed(tmp_path / "library.xlsx", fill_with(made))
    ours, library = sheet_xml(tmp_path / "ours.xlsx"), sheet_xml(tmp_path / "library.xlsx")
    assert b"<v>666</v>" not in ours
    assert ours == library


def test_every_value_reads_back_as_written_and_markup_adds_no_cell(tmp_path: Path) -> None:
    made = rows()
    write_streamed(tmp_path / "out.xlsx", fill_with(made))
    source = XlsxSource(tmp_path / "out.xlsx")  # the reader the exchange round trip uses
    try:
        assert [values[0] for _, values in source.rows("Rows")][1 : len(TEXTS) + 1] == TEXTS
    finally:
        source.close()
    ws = load_workbook(tmp_path / "out.xlsx")["Rows"]
    back = list(ws.iter_rows(min_row=2, values_only=True))
    # A workbook holds a number as a double: 2**53 + 1 comes back as 2**53.
    expected = [float(NUMBERS[i % len(NUMBERS)]) for i in range(len(TEXTS))]
    assert [r[1] for r in back[: len(TEXTS)]] == expected
    assert [r[3].date() for r in back[: len(TEXTS)]] == [DATES[i % 3] for i in range(len(TEXTS))]
    assert {r[5] for r in back[: len(TEXTS)]} == {"yes", "no"}
    assert back[len(TEXTS)] == (None,) * len(COLUMNS)
    assert back[-1][:3] == ("after a blank row", None, 1)
    assert ws.max_column == len(COLUMNS) and ws.max_row == len(made) + 1
    assert ws.cell(2, 3).number_format == "0.0" and ws.cell(2, 5).number_format == "mmm yyyy"
    assert ws.cell(2, 4).number_format == "yyyy-mm-dd"


def test_rows_the_library_writes_and_rows_made_here_keep_their_order(tmp_path: Path) -> None:
    """A styled cell, a set or a tall row sends its row through xlsxwriter; the rows around
    it are made here, and the sheet holds them in the order they were appended."""

    def fill(book: StreamBook) -> None:
        sheet = book.sheet("Rows", [Column("a"), Column("b")])
        sheet.append(["first", 1])
        sheet.append([Styled("styled", Style(bold=True)), 2])
        sheet.append(["third", 3])
        sheet.height_of_next_row(30)
        sheet.append(["tall", 4])
        sheet.append([frozenset({"y", "x"}), 5])
        sheet.append(["last", 6])

    write_streamed(tmp_path / "out.xlsx", fill)
    ws = load_workbook(tmp_path / "out.xlsx")["Rows"]
    assert list(ws.iter_rows(min_row=2, values_only=True)) == [
        ("first", 1), ("styled", 2), ("third", 3), ("tall", 4), ("x;y", 5), ("last", 6)
    ]  # fmt: skip
    assert ws.cell(3, 1).font.b and not ws.cell(2, 1).font.b
    assert ws.row_dimensions[5].height == 30


def test_a_number_that_is_not_finite_is_refused_as_xlsxwriter_refuses_it(
    tmp_path: Path,
) -> None:
    with pytest.raises(TypeError, match="NAN/INF"):
        write_streamed(tmp_path / "out.xlsx", fill_with([["x", float("nan")]]))
    assert not (tmp_path / "out.xlsx").exists()


def test_a_row_past_the_last_a_sheet_holds_stops_the_workbook(tmp_path: Path) -> None:
    def fill(book: StreamBook) -> None:
        sheet = book.sheet("Rows", [Column("a")])
        sheet.rows = 1_048_576  # the next row would be the 1,048,577th
        sheet.append(["one too many"])

    with pytest.raises(ValueError, match="beyond the 1,048,576 rows a sheet holds"):
        write_streamed(tmp_path / "out.xlsx", fill)
