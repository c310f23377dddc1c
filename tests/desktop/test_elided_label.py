"""The status bar's database name never sets the window's width: a deep folder made the
window's minimum wider than a screen at 200 % (seen with the worklist in Spanish); the
label now shortens the path in the middle and keeps the whole in its tooltip."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.desktop.harness import Desk

DEEP = "Database: " + "/agency shared drive/front desk records" * 6 + "/agency.sqlite3"


def test_a_deep_database_path_does_not_widen_the_window(desk: Desk) -> None:
    label = desk.window.db_label
    before = label.text()
    try:
        label.setText(DEEP)
        desk.window.resize(1200, 800)
        QApplication.processEvents()
        whole = label.fontMetrics().horizontalAdvance(DEEP)
        assert desk.window.statusBar().minimumSizeHint().width() < whole / 2
        assert label.toolTip() == DEEP and label.accessibleName() == DEEP
        shown = label.shown_text()
        assert shown.startswith("Database: /agency") and shown.endswith("agency.sqlite3")
        assert "…" in shown and len(shown) < len(DEEP)
    finally:
        label.setText(before)
