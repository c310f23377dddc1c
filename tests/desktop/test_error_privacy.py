"""No client data in messages or logs: a failing save names the operation, never the person.

Each test provokes a database error below validation with a recognisable name
and birth date, then reads every message shown and the whole log file.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

import db.engine
from db import clients
from desktop.client_form import ClientFormView
from desktop.logs import configure_logging
from forms import validation
from tests.desktop.harness import Desk, FakeDialogs, add_client

GIVEN, FAMILY, BORN = "Quintessa", "Marchbanks", "1961-03-14"
SECRETS = (GIVEN, FAMILY, BORN, "03/14/1961", "14.03.1961")


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    before = list(root.handlers)
    hook, level = sys.excepthook, root.level
    path = configure_logging(tmp_path / "logs")
    yield path
    for handler in root.handlers[:]:
        if handler not in before:
            handler.close()
            root.removeHandler(handler)
    sys.excepthook = hook
    root.setLevel(level)


def new_client_form(desk: Desk, qtbot: Any, **values: str) -> ClientFormView:
    desk.sign_in_as("desk")
    desk.window.new_client()
    form = desk.window.clients.top
    assert isinstance(form, ClientFormView)
    for key, text in values.items():
        form.editors[key].widget.setFocus()
        qtbot.keyClicks(form.editors[key].widget, text)
    return form


def assert_nothing_leaked(fake_dialogs: FakeDialogs, log_file: Path, operation: str) -> None:
    shown = [f"{title}\n{text}" for _, title, text in fake_dialogs.shown]
    assert any(operation in text for text in shown), shown
    logged = log_file.read_text(encoding="utf-8")
    assert operation in logged
    for text in [*shown, logged]:
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} leaked into: {text}"
    for text in shown:
        assert "[SQL" not in text and "parameters" not in text
        assert len(text.strip().splitlines()) <= 3, text  # a title and one line, not a dump


def test_a_check_violation_below_validation_names_the_operation_only(
    qtbot: Any, desk: Desk, fake_dialogs: FakeDialogs, log_file: Path, monkeypatch
) -> None:
    real = validation.validate_client

    def lets_a_bad_code_through(raw: Any, today: Any) -> Any:
        result = real(raw, today)
        result.values["sex_at_birth"] = "not-a-code"  # the database's CHECK refuses it
        return result

    monkeypatch.setattr("forms.records.validate_client", lets_a_bad_code_through)
    form = new_client_form(desk, qtbot, given_name=GIVEN, family_name=FAMILY, birth_date=BORN)
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert desk.window.clients.top is form  # still open with the typing kept
    assert form.editors["family_name"].raw() == FAMILY
    assert_nothing_leaked(fake_dialogs, log_file, "Saving the client failed")
    form.discard()


def test_a_unique_violation_below_the_check_names_the_operation_only(
    qtbot: Any, desk: Desk, fake_dialogs: FakeDialogs, log_file: Path, monkeypatch
) -> None:
    code = f"{FAMILY}-{BORN}"
    add_client(
        desk.database,
        desk.actors["admin"],
        given_name="Other",
        family_name="Person",
        birth_date="1980-01-01",
        client_code=code,
    )
    monkeypatch.setattr(clients, "code_exists", lambda session, code: False)
    form = new_client_form(
        desk, qtbot, client_code=code, given_name=GIVEN, family_name=FAMILY, birth_date=BORN
    )
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert_nothing_leaked(fake_dialogs, log_file, "Saving the client failed")
    assert any("already" in t or "rule" in t for t in fake_dialogs.texts("warn"))
    form.discard()


def test_a_locked_database_says_so_in_one_line(
    qtbot: Any, desk: Desk, fake_dialogs: FakeDialogs, log_file: Path, monkeypatch
) -> None:
    monkeypatch.setattr(db.engine, "BUSY_TIMEOUT_MS", 50)
    desk.database.engine.dispose()  # new connections wait 50 ms, not 10 s
    path = desk.database.engine.url.database
    assert path
    form = new_client_form(desk, qtbot, given_name=GIVEN, family_name=FAMILY, birth_date=BORN)
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    try:
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    finally:
        holder.rollback()
        holder.close()
        monkeypatch.undo()
        desk.database.engine.dispose()
    assert_nothing_leaked(fake_dialogs, log_file, "Saving the client failed")
    assert any("locked" in t or "busy" in t for t in fake_dialogs.texts("warn"))
    form.discard()


def named_workbook(path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Clients"
    sheet.append(["client_code", "given_name", "family_name", "birth_date", "consent_share"])
    sheet.append([f"{FAMILY}-1", GIVEN, FAMILY, BORN, "yes"])
    book.save(path)
    return path


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """The command as a manager signs in to run it; everything it printed."""
    from tests.desktop.cli_helpers import run_as

    code, out, err = run_as(capsys, "manager", *argv)
    return code, out + err


def test_the_command_line_names_the_operation_when_the_database_is_locked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    import forms.importer
    from tests.desktop.cli_helpers import database_with_accounts

    path = tmp_path / "agency.sqlite3"
    database_with_accounts(path, "manager")
    book = named_workbook(tmp_path / "clients.xlsx")
    monkeypatch.setattr(db.engine, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(path, timeout=0)
    real_import = forms.importer.import_workbook

    def import_meeting_a_lock(*args: Any, **kwargs: Any) -> Any:
        # Another workstation takes the write lock once the manager has signed in (the
        # sign-in writes its own row), so it is the import's save that meets it.
        holder.execute("BEGIN IMMEDIATE")
        return real_import(*args, **kwargs)

    monkeypatch.setattr(forms.importer, "import_workbook", import_meeting_a_lock)
    try:
        code, printed = cli(capsys, "import", str(book), "--db", str(path))
    finally:
        holder.rollback()
        holder.close()
    assert code == 1
    assert "import failed: the database is locked" in printed
    assert len(printed.strip().splitlines()) == 1, printed
    for secret in SECRETS:
        assert secret not in printed


def test_the_command_line_names_the_operation_when_a_rule_refuses_a_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.desktop.cli_helpers import database_with_accounts

    path = tmp_path / "agency.sqlite3"
    database_with_accounts(path, "manager")
    with sqlite3.connect(path) as conn:  # a rule below validation that refuses every client
        conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON clients "
            "BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: refused'); END"
        )
    conn.close()
    book = named_workbook(tmp_path / "c.xlsx")
    code, printed = cli(capsys, "import", str(book), "--db", str(path))
    assert code == 1
    assert "import failed: a value broke one of the database's rules" in printed
    assert len(printed.strip().splitlines()) == 1, printed
    for secret in SECRETS:
        assert secret not in printed


def test_an_unexpected_database_error_reaches_the_log_and_the_person_without_data(
    log_file: Path, monkeypatch
) -> None:
    from sqlalchemy.exc import IntegrityError

    from desktop import logs

    shown: list[str] = []
    monkeypatch.setattr(logs, "on_unexpected", shown.append)
    error = IntegrityError("INSERT ...", (GIVEN, FAMILY, BORN), sqlite3.IntegrityError("x"))
    try:
        raise error
    except IntegrityError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    logged = log_file.read_text(encoding="utf-8")
    assert "an action failed: other [IntegrityError (sqlite3.IntegrityError)]" in logged
    assert shown == ["the database reported an error"]
    for secret in SECRETS:
        assert secret not in logged
