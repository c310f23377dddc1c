"""On the agency server, a client code typed at a desk that a running import has loaded
(not yet committed): the save waits a moment at most, one line says the database is busy
with an import, the form is kept; once the import has committed, the same Save names the
code field as already in use."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

import db.engine
from db.engine import Database
from db.models import Client
from db.startup import open_database
from desktop.client_form import ClientFormView
from forms.importer import ImportResult, import_workbook
from tests.conftest import PG_URL, TODAY, new_server_database
from tests.desktop.harness import Desk, FakeDialogs
from tests.forms.exchange_books import client, intake, substance, write_book

pytestmark = pytest.mark.skipif(
    PG_URL is None, reason="set RECOVERY_DESK_TEST_PG_URL to run the PostgreSQL tests"
)


@pytest.fixture(scope="module")
def module_database() -> Iterator[Database]:
    """The desk of this module works on a server database (tests/desktop/conftest.py)."""
    with new_server_database("rd_busy_gui") as url:
        database = open_database(url)
        yield database
        database.dispose()


class LoadedImport:
    """An import in a thread, stopped once every row is read (the Clients rows loaded),
    before its commit."""

    def __init__(self, desk: Desk, path: Path) -> None:
        self.loaded = threading.Event()
        self.release = threading.Event()
        self.result: ImportResult | None = None
        self.thread = threading.Thread(target=self._run, args=(desk, path))

    def _hold(self, done: int, total: int) -> None:
        if done >= total and not self.loaded.is_set():
            self.loaded.set()
            self.release.wait(30)

    def _run(self, desk: Desk, path: Path) -> None:
        actor = desk.actors["admin"]
        self.result = import_workbook(desk.database, actor, path, TODAY, progress=self._hold)

    def __enter__(self) -> LoadedImport:
        self.thread.start()
        assert self.loaded.wait(30)
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.thread.join(30)


def test_a_code_the_running_import_loaded_says_busy_then_names_the_field(
    qtbot: Any, desk: Desk, fake_dialogs: FakeDialogs, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr(db.engine, "IMPORT_WAIT_MS", 300)  # the desk's wait, kept short here
    codes = ("SRV-1", "SRV-2")
    book = write_book(
        tmp_path / "codes.xlsx",
        {
            "Clients": [client(code) for code in codes],
            "Assessments": [intake(code) for code in codes],
            "Substances": [substance(code) for code in codes],
        },
    )
    desk.sign_in_as("desk")
    desk.window.new_client()
    form = desk.window.clients.top
    assert isinstance(form, ClientFormView)
    typed = {
        "client_code": "SRV-2",
        "given_name": "Ilse",
        "family_name": "Typed",
        "birth_date": "1970-02-03",
    }
    for key, text in typed.items():
        form.editors[key].widget.setFocus()
        qtbot.keyClicks(form.editors[key].widget, text)

    with LoadedImport(desk, book) as held:
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        warnings = fake_dialogs.texts("warn")
        assert len(warnings) == 1 and "busy with an import" in warnings[0], (
            fake_dialogs.shown,
            form.summary.text(),
        )
        assert "\n" not in warnings[0].strip() and "Ilse" not in warnings[0]
        assert desk.window.clients.top is form
        assert form.editors["family_name"].raw() == "Typed"
    assert held.result is not None and held.result.ok, held.result

    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert desk.window.clients.top is form
    assert "SRV-2" in form.summary.text() and "already used" in form.summary.text()
    assert len(fake_dialogs.texts("warn")) == 1  # the field, not a second dialog
    with desk.database.reading() as session:
        typed_rows = session.scalar(
            select(func.count()).select_from(Client).where(Client.family_name == "Typed")
        )
    assert typed_rows == 0
    form.discard()
    desk.window.clients.back_to_root()
