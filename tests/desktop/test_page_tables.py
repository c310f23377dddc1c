"""The client page's tables (desktop/page_tables.py) as a worker reads them: an empty
table's words whole across it, its columns as narrow as their headers."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

from tests.desktop.harness import Desk
from tests.desktop.test_client_hope import _page

EMPTY = {
    "timeline_table": "Nothing recorded yet.",
    "followup_table": "Follow-ups are scheduled from a completed intake.",
}


def _said(table: QTableView) -> str:
    return str(table.model().index(0, 0).data())


def test_a_new_clients_empty_tables_say_so_across_them_without_a_wide_first_column(
    desk: Desk,
) -> None:
    page = _page(desk, "Newcomer", [])
    for name, words in EMPTY.items():
        table = page.findChild(QTableView, name)
        assert isinstance(table, QTableView)
        assert _said(table) == words
        wide = table.fontMetrics().horizontalAdvance(words)
        # The words are shown whole ...
        assert table.visualRect(table.model().index(0, 0)).width() >= wide, name
        # ... and the first column (a date) is not stretched to hold them.
        assert table.columnWidth(0) < wide / 2, name
    desk.close_forms()
