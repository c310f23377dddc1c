"""What HIPAA §164.312(b) asks the audit trail to show, each done the way the GUI does it:
sign-in, sign-out, lock and unlock; every view of a client page; that a search ran (never
what was typed); changes with their before and after values; exports with their scope;
account and permission changes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from db import audit
from db.dates import Period
from db.models import AuditEntry
from desktop.signin_view import UNLOCK
from forms import accounts, records
from reports.outputs.registry import Caller, JobInputs, all_jobs
from tests.conftest import TODAY
from tests.desktop.harness import PASSWORD, Desk, add_client


def rows_since(desk: Desk, seq: int) -> list[AuditEntry]:
    with desk.database.reading() as session:
        query = select(AuditEntry).where(AuditEntry.seq > seq).order_by(AuditEntry.seq)
        return list(session.scalars(query))


def last_seq(desk: Desk) -> int:
    with desk.database.reading() as session:
        found = audit.entries(session, limit=1)
    return found[0].seq if found else 0


def only(rows: list[AuditEntry], action: str) -> AuditEntry:
    matching = [r for r in rows if r.action == action]
    assert len(matching) == 1, [(r.action, r.entity) for r in rows]
    return matching[0]


def test_signing_in_is_audited(desk: Desk) -> None:
    mark = last_seq(desk)
    accounts.sign_in(desk.database, "desk", PASSWORD)
    row = only(rows_since(desk, mark), "sign_in")
    assert (row.username, row.entity, row.entity_id) == (
        "desk",
        "user",
        str(desk.actors["desk"].user_id),
    )


def test_locking_and_unlocking_are_audited(qtbot: Any, desk: Desk) -> None:
    desk.sign_in_as("desk")
    mark = last_seq(desk)
    desk.window.lock()
    assert desk.window.signin.mode == UNLOCK
    qtbot.keyClicks(desk.window.signin.password, PASSWORD)
    qtbot.keyClick(desk.window.signin.password, Qt.Key.Key_Return)
    assert desk.window.pages.currentWidget() is desk.window.workspace
    rows = rows_since(desk, mark)
    assert [(r.action, r.username) for r in rows] == [("lock", "desk"), ("unlock", "desk")]


def test_signing_out_is_audited(desk: Desk) -> None:
    desk.sign_in_as("desk")
    mark = last_seq(desk)
    assert desk.window.sign_out()
    row = only(rows_since(desk, mark), "sign_out")
    assert (row.username, row.entity) == ("desk", "user")


def test_opening_a_client_page_is_audited(desk: Desk) -> None:
    desk.sign_in_as("desk")
    cid = add_client(
        desk.database,
        desk.actors["admin"],
        given_name="Vera",
        family_name="Viewed",
        birth_date="1970-01-01",
    )
    mark = last_seq(desk)
    assert desk.window.clients.open_client(cid)
    row = only(rows_since(desk, mark), "view")
    assert (row.username, row.entity, row.entity_id) == ("desk", "client", str(cid))
    desk.close_forms()


def test_a_search_is_audited_without_what_was_typed(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk.sign_in_as("desk")
    add_client(
        desk.database,
        desk.actors["admin"],
        given_name="Sorcha",
        family_name="Quill",
        birth_date="1971-01-01",
    )
    clock = [1000.0]
    monkeypatch.setattr("forms.search_audit.time.monotonic", lambda: clock[0])
    mark = last_seq(desk)
    view = desk.window.clients.search
    for text in ("Sor", "Sorcha Qu"):  # a person typing: one search, however many keys
        view.run_search(text)
    clock[0] += 61
    view.run_search("Quillfeather")
    rows = rows_since(desk, mark)
    assert [(r.action, r.username, r.entity) for r in rows] == [("search", "desk", "clients")] * 2
    for row in rows:
        stored = " ".join(str(v) for v in (row.entity_id, row.before, row.after))
        assert "sor" not in stored.lower() and "quill" not in stored.lower()
        assert json.loads(row.after or "{}")["where"] == "client list"


def test_a_search_in_the_client_picker_is_audited(desk: Desk, monkeypatch) -> None:
    from desktop.client_picker import ClientPickerEdit

    desk.sign_in_as("desk")
    monkeypatch.setattr("forms.search_audit.time.monotonic", lambda: 5000.0)
    picker = ClientPickerEdit(desk.ctx)
    mark = last_seq(desk)
    picker._suggest("Vera")
    row = only(rows_since(desk, mark), "search")
    assert json.loads(row.after or "{}")["where"] == "client picker"
    assert "vera" not in (row.after or "").lower()
    picker.deleteLater()


def test_an_export_from_the_reports_screen_is_audited_with_its_scope(
    desk: Desk, tmp_path: Path
) -> None:
    desk.sign_in_as("manager")
    job = next(j for j in all_jobs() if j.key == "full_export")
    inputs = JobInputs(
        Period.month(2026, 10), Period.month(2026, 10), dt.date(2026, 10, 31), purpose="treatment"
    )
    mark = last_seq(desk)
    caller = Caller(desk.ctx.user, desk.ctx.today(), desk.ctx.database)
    job.run(caller, inputs, tmp_path / "export.xlsx", lambda *_: None, lambda: False)
    row = only(rows_since(desk, mark), "export")
    scope = json.loads(row.after or "{}")
    assert (row.username, row.entity) == ("manager", "exchange_workbook")
    assert scope["as_of"] == "2026-10-31" and scope["scope"] == "clients whose consent covers it"


def test_a_change_of_a_client_keeps_the_values_before_and_after(desk: Desk) -> None:
    desk.sign_in_as("desk")
    person = {
        "given_name": "Cal",
        "family_name": "Changed",
        "birth_date": "1972-02-02",
        "client_code": "CH-1",
        "phone": "555 0100",
    }
    cid = records.create_client(desk.database, desk.ctx.user, person, TODAY)
    mark = last_seq(desk)
    records.update_client(
        desk.database, desk.ctx.user, cid, 1, {**person, "phone": "555 0199"}, TODAY
    )
    row = only(rows_since(desk, mark), "update")
    assert json.loads(row.before or "{}")["phone"] == "555-0100"
    assert json.loads(row.after or "{}")["phone"] == "555-0199"


def test_deactivating_an_account_keeps_the_state_before_and_after(qtbot: Any, desk: Desk) -> None:
    desk.sign_in_as("admin")
    desk.window.go("users")
    view = desk.window.users
    row_of = [view.table.item(r, 0).text() for r in range(view.table.rowCount())].index("manager")
    view.table.selectRow(row_of)
    mark = last_seq(desk)
    qtbot.mouseClick(view.active_button, Qt.MouseButton.LeftButton)
    row = only(rows_since(desk, mark), "update")
    assert (row.entity, row.entity_id) == ("user", str(desk.actors["manager"].user_id))
    assert json.loads(row.before or "{}") == {"active": True}
    assert json.loads(row.after or "{}") == {"active": False}
    view.table.selectRow(row_of)
    qtbot.mouseClick(view.active_button, Qt.MouseButton.LeftButton)  # as it was


def test_a_password_reset_by_an_administrator_is_audited_without_the_password(
    desk: Desk, qtbot: Any
) -> None:
    desk.sign_in_as("admin")
    desk.window.go("users")
    view = desk.window.users
    row_of = [view.table.item(r, 0).text() for r in range(view.table.rowCount())].index("desk")
    view.table.selectRow(row_of)
    qtbot.keyClicks(view.new_password, PASSWORD)
    mark = last_seq(desk)
    qtbot.mouseClick(view.reset_button, Qt.MouseButton.LeftButton)
    row = only(rows_since(desk, mark), "update")
    assert (row.username, row.entity, row.entity_id) == (
        "admin",
        "user",
        str(desk.actors["desk"].user_id),
    )
    assert PASSWORD not in f"{row.before} {row.after}"
