"""The constant-memory writer of the big workbooks: what a person opening the file sees."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from db.jobs import Cancelled
from forms.import_xlsx import XlsxSource
from reports.render.xlsx import Column
from reports.render.xlsx_stream import StreamBook, write_streamed
from reports.render.xlsx_styles import Style, Styled

DANGEROUS = ['=HYPERLINK("http://x","y")', "+1+1", "-2", "@SUM(A1)", "\tTab", "\rCR", "\nLF"]
# Text a spreadsheet would turn into a number, a link or another character if it could.
LOOKALIKES = ["007", "1e5", "12/03", "http://example.org", "TRUE", "A_x0041_B", "_x005F_"]
BORN = dt.date(1990, 5, 1)


@pytest.fixture(autouse=True)
def own_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """xlsxwriter's row files go to the system's temporary folder: here, one we can look in."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def names_and_birth_dates(texts: list[str]):
    def fill(book: StreamBook) -> None:
        sheet = book.sheet(
            "Clients", [Column("given_name", 18), Column("born", 12, "yyyy-mm-dd"), Column("n")]
        )
        for text in texts:
            sheet.append([text, BORN, 7])
        sheet.append([frozenset({"b", "a"}), None, None])

    return fill


def test_text_reads_back_as_the_same_text_never_a_formula_number_or_link(tmp_path: Path) -> None:
    # openpyxl leaves a carriage return as the _x000D_ escape Excel reads back as one (the
    # program's reader does too: the next test), so that one is read there.
    plain = [t for t in DANGEROUS if t != "\rCR"]
    texts = [*plain, *LOOKALIKES[:-2], "Ann", *plain]
    write_streamed(tmp_path / "out.xlsx", names_and_birth_dates(texts))
    ws = load_workbook(tmp_path / "out.xlsx")["Clients"]
    first = [row[0] for row in ws.iter_rows(min_row=2)]
    assert [c.value for c in first] == [*texts, "a;b"]
    assert {c.data_type for c in first} == {"s"}
    assert ws._hyperlinks == [] and not any(c.hyperlink for c in first)
    born = ws.cell(2, 2)
    assert born.value == dt.datetime(1990, 5, 1) and born.number_format == "yyyy-mm-dd"
    assert ws.cell(2, 3).value == 7 and ws.cell(2, 3).data_type == "n"
    assert ws.freeze_panes == "A2" and ws.cell(1, 1).font.b and ws.cell(1, 1).value == "given_name"
    assert ws.column_dimensions["A"].width >= 18


def test_the_importer_reads_every_text_back_as_it_was_written(tmp_path: Path) -> None:
    """The program's own reader (forms.import_xlsx), which the exchange round trip goes
    through: text with characters a workbook must escape comes back unescaped."""
    texts = [*DANGEROUS, *LOOKALIKES, "x\x01y"]
    write_streamed(tmp_path / "out.xlsx", names_and_birth_dates(texts))
    source = XlsxSource(tmp_path / "out.xlsx")
    try:
        rows = [values for _, values in source.rows("Clients")]
    finally:
        source.close()
    assert rows[0] == ("given_name", "born", "n")
    assert [r[0] for r in rows[1:]] == [*texts, "a;b"]
    assert rows[1][1:] == (dt.datetime(1990, 5, 1), 7)


def test_a_cancelled_or_failed_workbook_leaves_the_earlier_file_and_no_debris(
    tmp_path: Path, own_temp: Path
) -> None:
    target = tmp_path / "out" / "export.xlsx"
    target.parent.mkdir()
    target.write_bytes(b"earlier export")

    def fail(book: StreamBook) -> None:
        names_and_birth_dates(["Ann"] * 100)(book)
        raise OSError("the disk is full")

    with pytest.raises(Cancelled):
        write_streamed(target, names_and_birth_dates(["Ann"]), cancelled=lambda: True)
    with pytest.raises(OSError, match="the disk is full"):
        write_streamed(target, fail)
    assert target.read_bytes() == b"earlier export"
    assert [p.name for p in target.parent.iterdir()] == ["export.xlsx"]
    assert list(own_temp.iterdir()) == []
    write_streamed(target, names_and_birth_dates(["Ann"]))
    assert list(own_temp.iterdir()) == []
    assert load_workbook(target)["Clients"].cell(2, 1).value == "Ann"


def test_text_too_long_for_a_cell_stops_the_workbook_rather_than_cutting_it(
    tmp_path: Path,
) -> None:
    with pytest.raises(ValueError, match="sheet Clients, row 2, column 1: the text is longer"):
        write_streamed(tmp_path / "out.xlsx", names_and_birth_dates(["x" * 32_768]))
    assert not (tmp_path / "out.xlsx").exists()


def a_printed_table(book: StreamBook) -> None:
    """A small printed table as the funder workbook writes one: styled text, a formatted
    number, a month, a tall row, a filter that leaves the total out, print setup."""
    sheet = book.sheet("Table", [Column("label", 30), Column("value", 12)], header=["Area"])
    book.set_properties("A title", "Recovery Desk")
    sheet.append([Styled(DANGEROUS[0], Style(bold=True, align="right")), Styled(0.123, PERCENT)])
    sheet.height_of_next_row(26)
    sheet.append([Styled("=SUM(A1:A9)", Style(italic=True, wrap=True)), Styled(None, PERCENT)])
    sheet.append(
        [Styled("All areas", Style(bold=True)), Styled(BORN, Style(num_format="mmm yyyy"))]
    )
    sheet.filter_rows(2, 3)
    sheet.print_one_page_wide(landscape=True)


PERCENT = Style(num_format="0.0%")


def test_styled_cells_keep_text_as_text_and_numbers_as_numbers_with_their_look(
    tmp_path: Path,
) -> None:
    write_streamed(tmp_path / "out.xlsx", a_printed_table)
    book = load_workbook(tmp_path / "out.xlsx")
    ws = book["Table"]
    link, share = ws["A2"], ws["B2"]
    assert (link.value, link.data_type, link.font.b, link.alignment.horizontal) == (
        DANGEROUS[0], "s", True, "right")  # fmt: skip
    assert (share.value, share.data_type, share.number_format) == (0.123, "n", "0.0%")
    formula = ws["A3"]
    assert (formula.value, formula.data_type, formula.font.i) == ("=SUM(A1:A9)", "s", True)
    assert formula.alignment.wrap_text and ws["B3"].value is None
    assert ws["B4"].value == dt.datetime(1990, 5, 1) and ws["B4"].number_format == "mmm yyyy"
    assert ws.row_dimensions[3].height == 26 and ws.row_dimensions[2].height is None
    assert ws.auto_filter.ref == "A1:B3"
    assert ws.print_title_rows == "$1:$1" and ws.page_setup.orientation == "landscape"
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (book.properties.title, book.properties.creator) == ("A title", "Recovery Desk")


def test_a_style_adds_what_another_sets_and_keeps_the_rest() -> None:
    both = Style(num_format="#,##0") | Style(bold=True)
    assert both == Style(bold=True, num_format="#,##0")
    assert Style(fill="#DDE4EE").properties() == {"bg_color": "#DDE4EE", "pattern": 1}


def test_a_boolean_is_written_yes_or_no_and_text_as_it_is(tmp_path: Path) -> None:
    def fill(book: StreamBook) -> None:
        sheet = book.sheet("Flags", [Column("consent_share"), Column("note")])
        sheet.append([True, "no"])
        sheet.append([False, None])
        sheet.append([None, "yes"])

    write_streamed(tmp_path / "out.xlsx", fill)
    rows = list(load_workbook(tmp_path / "out.xlsx")["Flags"].iter_rows(values_only=True))
    assert rows[1:] == [("yes", "no"), ("no", None), (None, "yes")]
