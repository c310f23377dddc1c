"""A save made while an import holds the database: one line that says so, the form kept,
and the same save goes through once the import is done."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

import db.engine
from db.models import Client
from desktop.client_form import ClientFormView
from forms.importer import ImportResult, import_workbook
from tests.conftest import TODAY
from tests.desktop.harness import Desk, FakeDialogs
from tests.forms.exchange_books import client, write_book

BUSY = "busy with an import"


class HeldImport:
    """An import stopped after its first chunk, inside its write transaction."""

    def __init__(self, desk: Desk, path: Path) -> None:
        self.inside = threading.Event()
        self.release = threading.Event()
        self.result: ImportResult | None = None
        self.thread = threading.Thread(target=self._run, args=(desk, path))

    def _progress(self, done: int, total: int) -> None:
        self.inside.set()
        self.release.wait(30)

    def _run(self, desk: Desk, path: Path) -> None:
        actor = desk.actors["admin"]
        self.result = import_workbook(desk.database, actor, path, TODAY, progress=self._progress)

    def __enter__(self) -> HeldImport:
        self.thread.start()
        assert self.inside.wait(30)
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.thread.join(30)


@pytest.fixture
def quick_busy(monkeypatch, desk: Desk) -> Iterator[None]:
    """New connections wait 50 ms for a lock, not 10 s."""
    monkeypatch.setattr(db.engine, "BUSY_TIMEOUT_MS", 50)
    desk.database.engine.dispose()
    yield
    monkeypatch.undo()
    desk.database.engine.dispose()


def clients_named(desk: Desk, family: str) -> int:
    with desk.database.reading() as session:
        query = select(func.count()).select_from(Client).where(Client.family_name == family)
        return int(session.scalar(query) or 0)


def test_a_save_during_an_import_says_the_database_is_busy_and_keeps_the_form(
    qtbot: Any, desk: Desk, fake_dialogs: FakeDialogs, tmp_path: Path, quick_busy: None
) -> None:
    book = write_book(tmp_path / "big.xlsx", {"Clients": [client(f"IMP-{n}") for n in range(3)]})
    desk.sign_in_as("desk")
    desk.window.new_client()
    form = desk.window.clients.top
    assert isinstance(form, ClientFormView)
    for key, text in {
        "given_name": "Walter",
        "family_name": "Waiting",
        "birth_date": "1970-02-03",
    }.items():
        form.editors[key].widget.setFocus()
        qtbot.keyClicks(form.editors[key].widget, text)

    with HeldImport(desk, book) as held:
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        warnings = fake_dialogs.texts("warn")
        assert len(warnings) == 1 and BUSY in warnings[0], warnings
        assert len(warnings[0].strip().splitlines()) == 1
        assert desk.window.clients.top is form
        assert form.editors["family_name"].raw() == "Waiting"
    assert held.result is not None and held.result.ok  # the import kept its promise
    assert clients_named(desk, "Waiting") == 0

    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert clients_named(desk, "Waiting") == 1
    assert len(fake_dialogs.texts("warn")) == 1  # no second warning
