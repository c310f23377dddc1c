"""A save made while an import runs: it goes through while the import reads and checks
its workbook; while the import writes its rows, one line says the database is busy with
an import, the form is kept, and the same save goes through once the import is done."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

import db.engine
import db.import_stage
from db.models import Client
from desktop.client_form import ClientFormView
from forms.importer import ImportResult, import_workbook
from tests.conftest import TODAY
from tests.desktop.harness import Desk, FakeDialogs
from tests.forms.exchange_books import client, write_book

BUSY = "busy with an import"


class HeldImport:
    """An import stopped at one moment: `at_progress` after its first chunk of rows
    (reading and checking the workbook), else inside its final write transaction."""

    def __init__(self, desk: Desk, path: Path, monkeypatch: Any, at_progress: bool) -> None:
        self.inside = threading.Event()
        self.release = threading.Event()
        self.result: ImportResult | None = None
        self.progress: Callable[[int, int], None] | None = self._hold if at_progress else None
        if not at_progress:
            merge = db.import_stage.merge

            def held_merge(*args: Any, **kwargs: Any) -> Any:
                counts = merge(*args, **kwargs)
                self._hold(0, 0)
                return counts

            monkeypatch.setattr(db.import_stage, "merge", held_merge)
        self.thread = threading.Thread(target=self._run, args=(desk, path))

    def _hold(self, done: int, total: int) -> None:
        if not self.inside.is_set():
            self.inside.set()
            self.release.wait(30)

    def _run(self, desk: Desk, path: Path) -> None:
        actor = desk.actors["admin"]
        self.result = import_workbook(desk.database, actor, path, TODAY, progress=self.progress)

    def __enter__(self) -> HeldImport:
        self.thread.start()
        assert self.inside.wait(30)
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.thread.join(30)


@pytest.fixture
def quick_busy(monkeypatch, desk: Desk) -> Iterator[None]:
    """A save waits 50 ms behind an import, not 5 s."""
    monkeypatch.setattr(db.engine, "IMPORT_WAIT_MS", 50)
    desk.database.engine.dispose()
    yield
    monkeypatch.undo()
    desk.database.engine.dispose()


def clients_named(desk: Desk, family: str) -> int:
    with desk.database.reading() as session:
        query = select(func.count()).select_from(Client).where(Client.family_name == family)
        return int(session.scalar(query) or 0)


def _new_client_form(qtbot: Any, desk: Desk, family: str) -> ClientFormView:
    desk.sign_in_as("desk")
    desk.window.new_client()
    form = desk.window.clients.top
    assert isinstance(form, ClientFormView)
    for key, text in {
        "given_name": "Walter",
        "family_name": family,
        "birth_date": "1970-02-03",
    }.items():
        form.editors[key].widget.setFocus()
        qtbot.keyClicks(form.editors[key].widget, text)
    return form


def _book(tmp_path: Path, prefix: str) -> Path:
    # The desk's database is the module's: each test imports codes of its own.
    rows = [client(f"{prefix}-{n}") for n in range(3)]
    return write_book(tmp_path / "big.xlsx", {"Clients": rows})


def test_a_save_while_an_import_checks_its_workbook_goes_through(
    qtbot: Any, desk: Desk, fake_dialogs: FakeDialogs, tmp_path: Path, monkeypatch: Any
) -> None:
    form = _new_client_form(qtbot, desk, "Checking")

    with HeldImport(desk, _book(tmp_path, "CHK"), monkeypatch, at_progress=True) as held:
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert fake_dialogs.texts("warn") == []
        assert clients_named(desk, "Checking") == 1
    assert held.result is not None and held.result.ok
    assert clients_named(desk, "Checking") == 1
    with desk.database.reading() as session:
        imported = session.scalars(
            select(Client.client_code).where(Client.client_code.like("CHK-%"))
        )
        assert sorted(imported) == ["CHK-0", "CHK-1", "CHK-2"]


def test_a_save_while_an_import_writes_says_the_database_is_busy_and_keeps_the_form(
    qtbot: Any,
    desk: Desk,
    fake_dialogs: FakeDialogs,
    tmp_path: Path,
    quick_busy: None,
    monkeypatch: Any,
) -> None:
    form = _new_client_form(qtbot, desk, "Waiting")

    with HeldImport(desk, _book(tmp_path, "WRT"), monkeypatch, at_progress=False) as held:
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
