"""Workbooks that are not what they claim, as the drills sent them: broken XML, a DOCTYPE,
a shared-text number that points nowhere, numbers too big for any field, and a small
file that unpacks to a huge one. Each starts from a good workbook whose parts are then
rewritten, so only the one fault differs."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPE}.worksheet+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_TYPE}.sharedStrings+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_RELS}">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
    '<sheets><sheet name="Clients" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_RELS}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
_KEYS = ("client_code", "given_name", "family_name", "birth_date")
_VALUES = ("H-1", "Hana", "Hostile", "1980-01-01")


def _strings(extra: str = "") -> str:
    items = "".join(f"<si><t>{t}</t></si>" for t in (*_KEYS, *_VALUES))
    return f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN}">{items}{extra}</sst>'


def _row(number: int, first: int, given: str | None = None) -> str:
    """Row `number` of shared-text cells, the texts from index `first` on."""
    cells = [f'<c r="{col}{number}" t="s"><v>{first + i}</v></c>' for i, col in enumerate("ABCD")]
    if given is not None:
        cells[1] = given
    return f'<row r="{number}">{"".join(cells)}</row>'


def good(path: Path, given: str | None = None, strings: str = "") -> Path:
    """One client on the Clients sheet, its text kept as shared strings, as Excel saves it.
    `given` replaces the given name's cell; `strings` is added to the shared text."""
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "xl/workbook.xml": _WORKBOOK,
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
        STRINGS: _strings(strings),
        SHEET: _sheet(_row(1, 0) + _row(2, len(_KEYS), given)).decode(),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in parts.items():
            book.writestr(name, text)
    return path


def rewrite(path: Path, part: str, change: Callable[[bytes], bytes]) -> Path:
    """Replace one part of the workbook's zip with `change(its bytes)`."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts[part] = change(parts.get(part, b""))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def _sheet(rows: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}"><sheetData>'
        f"{rows}</sheetData></worksheet>"
    ).encode()


def invalid_xml(path: Path) -> Path:
    return rewrite(good(path), SHEET, lambda data: data[:-30])


_LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)


def _with_doctype(data: bytes) -> bytes:
    head, rest = data.split(b"?>", 1)
    return head + b"?>" + _LAUGHS + rest.replace(b"<t>Hana</t>", b"<t>&lol3;</t>")


def doctype_in_sheet(path: Path) -> Path:
    given = '<c r="B2" t="inlineStr"><is><t>Hana</t></is></c>'
    return rewrite(good(path, given=given), SHEET, _with_doctype)


def doctype_in_shared_strings(path: Path) -> Path:
    return rewrite(good(path), STRINGS, _with_doctype)


def shared_string_out_of_range(path: Path) -> Path:
    return good(path, given='<c r="B2" t="s"><v>999</v></c>')


def _events(count_cell: str) -> Callable[[Path], Path]:
    """An Events sheet whose count cell is `count_cell` (a whole number field, 1-999)."""

    def make(path: Path) -> Path:
        book = Workbook()
        clients = book.active
        clients.title = "Clients"
        clients.append(["client_code", "given_name", "family_name", "birth_date"])
        clients.append(["H-1", "Hana", "Hostile", "1980-01-01"])
        events = book.create_sheet("Events")
        events.append(["client_code", "occurred_on", "event", "count"])
        events.append(["H-1", "2026-01-05", "arrest", 1])
        book.save(path)

        def change(data: bytes) -> bytes:
            start = data.index(b'<c r="D2"')
            end = data.index(b"</c>", start) + 4
            return data[:start] + count_cell.encode() + data[end:]

        return rewrite(path, "xl/worksheets/sheet2.xml", change)

    return make


huge_integer = _events('<c r="D2"><v>123456789012345678901234567890</v></c>')
four_hundred_nines = _events(f'<c r="D2" t="inlineStr"><is><t>{"9" * 400}</t></is></c>')


def unpacks_huge(path: Path, megabytes: int = 300) -> Path:
    """A few hundred kilobytes that unpack to `megabytes` of shared text (a zip bomb)."""
    filler = "<si><t>" + "x" * 990 + "</t></si>"
    return good(path, strings=filler * (megabytes * 1000))


def sheet_packed_too_tight(path: Path, megabytes: int = 40) -> Path:
    """A sheet of the same empty row over and over: it packs a thousand times tighter
    than any real sheet, as a zip bomb does."""
    empty = '<row><c t="inlineStr"><is><t></t></is></c></row>' * (megabytes * 20_000)
    given = '<c r="B2" t="s"><v>5</v></c>'
    good(path, given=given)
    return rewrite(
        path, SHEET, lambda data: data.replace(b"</sheetData>", empty.encode() + b"</sheetData>")
    )
