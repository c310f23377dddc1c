"""A main window of a module's own, built after the module changed what the system hands
the program (its font, its palette): the shared `desk` is built before; and the
program's own style."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from db.startup import open_database
from tests.conftest import TODAY
from tests.desktop.harness import Clock, Desk, make_accounts


@contextmanager
def the_programs_look(qapp: Any) -> Iterator[None]:
    """The application's style as the program sets it at start (desktop.look), and the
    platform's again afterwards."""
    from PySide6.QtWidgets import QStyleFactory

    from desktop.look import install_look

    before = qapp.style().name()
    install_look(qapp)
    try:
        yield
    finally:
        qapp.setStyle(QStyleFactory.create(before))


@contextmanager
def own_desk(qapp: Any, folder: Path) -> Iterator[Desk]:
    from desktop.context import AppContext
    from desktop.main_window import MainWindow
    from desktop.workers import InlinePool

    database = open_database(str(folder / "desk.sqlite3"))
    clock = Clock()
    ctx = AppContext(database, today=lambda: TODAY, pool=InlinePool(), clock=clock)
    window = MainWindow(ctx, idle_ms=60 * 60 * 1000)
    window.start()
    window.show()
    try:
        yield Desk(database, window, make_accounts(database), clock)
    finally:
        window.ctx.actor = None
        window.close()
        window.deleteLater()
        qapp.processEvents()
        database.dispose()
