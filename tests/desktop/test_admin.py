"""Administrators: accounts (add, deactivate, reset a password) and agency settings."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from db import settings as agency_settings
from db import users
from desktop.first_run_wizard import FirstRunWizard
from forms import accounts
from forms.accounts import SignedIn, SignInRefused
from tests.desktop.harness import PASSWORD, Desk


def sign_in(desk: Desk, username: str, password: str) -> SignedIn:
    """A sign-in well after any earlier one, so no wait after a failure is in the way."""
    desk.clock.advance(60)  # the longest wait after failures
    return accounts.sign_in(desk.database, username, password, desk.ctx.attempt())


@pytest.fixture
def admin_desk(desk: Desk) -> Desk:
    desk.sign_in_as("admin")
    return desk


def test_only_administrators_see_users_and_settings(desk: Desk) -> None:
    desk.sign_in_as("manager")
    assert desk.window.nav_keys == ["clients", "worklist", "reports"]
    desk.sign_in_as("admin")
    assert desk.window.nav_keys == ["clients", "worklist", "reports", "users", "settings"]


def test_an_account_is_added_and_can_sign_in(qtbot: Any, admin_desk: Desk) -> None:
    admin_desk.window.go("users")
    view = admin_desk.window.users
    qtbot.keyClicks(view.editors["username"].widget, "newbie")
    qtbot.keyClicks(view.editors["display_name"].widget, "Nell Newbie")
    qtbot.keyClicks(view.editors["role"].widget, "F")
    qtbot.keyClicks(view.password, "a long password")
    qtbot.keyClicks(view.password_again, "a long password")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert view.message.text() == "Account newbie added."
    names = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    assert "newbie" in names
    who = sign_in(admin_desk, "newbie", "a long password")
    assert who.actor.role == "front_desk" and who.display_name == "Nell Newbie"


def test_a_missing_name_is_shown_on_its_field(qtbot: Any, admin_desk: Desk) -> None:
    admin_desk.window.go("users")
    view = admin_desk.window.users
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert view.editors["username"].error.text() == "User name is required"


def test_deactivating_an_account_stops_its_sign_in(qtbot: Any, admin_desk: Desk) -> None:
    admin_desk.window.go("users")
    view = admin_desk.window.users
    row = [view.table.item(r, 0).text() for r in range(view.table.rowCount())].index("manager")
    view.table.selectRow(row)
    qtbot.mouseClick(view.active_button, Qt.MouseButton.LeftButton)
    assert view.table.item(row, 3).text() == "deactivated"
    with pytest.raises(SignInRefused):
        sign_in(admin_desk, "manager", PASSWORD)
    view.table.selectRow(row)
    qtbot.mouseClick(view.active_button, Qt.MouseButton.LeftButton)
    assert sign_in(admin_desk, "manager", PASSWORD).actor.username == "manager"


def test_an_administrator_cannot_lock_themselves_out(qtbot: Any, admin_desk: Desk) -> None:
    admin_desk.window.go("users")
    view = admin_desk.window.users
    row = [view.table.item(r, 0).text() for r in range(view.table.rowCount())].index("admin")
    view.table.selectRow(row)
    qtbot.mouseClick(view.active_button, Qt.MouseButton.LeftButton)
    assert "your own account" in view.message.text()
    with admin_desk.database.reading() as session:
        account = users.by_username(session, "admin")
        assert account is not None and account.active


def test_a_password_is_reset(qtbot: Any, admin_desk: Desk) -> None:
    admin_desk.window.go("users")
    view = admin_desk.window.users
    row = [view.table.item(r, 0).text() for r in range(view.table.rowCount())].index("desk")
    view.table.selectRow(row)
    qtbot.keyClicks(view.new_password, "brand new password")
    qtbot.mouseClick(view.reset_button, Qt.MouseButton.LeftButton)
    assert sign_in(admin_desk, "desk", "brand new password").actor.username == "desk"
    with admin_desk.database.writing() as session:
        account = users.by_username(session, "desk")
        assert account is not None
        users.set_password(session, admin_desk.ctx.user, account.id, PASSWORD)


def test_settings_are_saved_and_used_at_once(qtbot: Any, admin_desk: Desk) -> None:
    window = admin_desk.window
    window.go("settings")
    view = window.settings_view
    view.agency_name.setText("Harbour Street Project")
    view.points.setText("3, 6, 12, 24")
    view.idle.setValue(5)
    assert view.report_language.currentText() == "English"
    view.report_language.setCurrentIndex(view.report_language.findText("Español"))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view.points.setFocus()
    qtbot.keyClick(view.points, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert view.message.text().startswith("Saved.")
    with admin_desk.database.reading() as session:
        stored = agency_settings.load(session)
    assert stored.agency_name == "Harbour Street Project"
    assert stored.followup_months == (3, 6, 12, 24)
    assert stored.report_language == "es"
    assert window.windowTitle() == "Harbour Street Project — Recovery Desk"
    view.points.setText("three")
    qtbot.keyClick(view.points, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "whole numbers" in view.message.text()
    with admin_desk.database.reading() as session:
        assert agency_settings.load(session).followup_months == (3, 6, 12, 24)


def _choices(box: QComboBox) -> list[tuple[str, object]]:
    return [(box.itemText(i), box.itemData(i)) for i in range(box.count())]


def _stored_state(desk: Desk) -> str:
    with desk.database.reading() as session:
        return agency_settings.load(session).state


def test_the_state_is_chosen_from_the_setups_list_and_an_older_typed_one_is_kept(
    qtbot: Any, admin_desk: Desk
) -> None:
    window = admin_desk.window
    window.go("settings")
    view = window.settings_view
    view.load()  # what an earlier test left typed is gone, as when the screen opens
    setup = FirstRunWizard(admin_desk.database, admin_desk.ctx.today)
    qtbot.addWidget(setup)
    assert _choices(view.state) == _choices(setup.state)  # the same list, the same order
    view.state.setCurrentIndex(view.state.findText("New Mexico (NM)"))
    view.save()
    assert view.message.text().startswith("Saved.")
    assert _stored_state(admin_desk) == "NM"  # the code, as the setup stores it

    # An older database's Settings took any text; a value the list lacks is shown and kept.
    with admin_desk.database.writing() as session:
        typed = replace(agency_settings.load(session), state="Oregon (Salem office)")
        agency_settings.save(session, admin_desk.actors["admin"], typed)
    admin_desk.ctx.reload_settings()
    view.load()
    assert view.state.currentText() == "Oregon (Salem office)"
    view.save()
    assert _stored_state(admin_desk) == "Oregon (Salem office)"
    view.state.setCurrentIndex(view.state.findData("OR"))  # until a state is chosen
    view.save()
    assert _stored_state(admin_desk) == "OR"
    view.load()
    assert _choices(view.state) == _choices(setup.state)  # the older value is gone from it


def test_unit_costs_are_typed_saved_in_cents_and_a_bad_one_is_named(
    qtbot: Any, admin_desk: Desk
) -> None:
    window = admin_desk.window
    window.go("settings")
    view = window.settings_view
    view.load()  # what an earlier test left typed is gone, as when the screen opens
    kit = view.costs.editors["cost_naloxone_kit"]
    assert kit.text() == "" and kit.placeholderText() == "not entered"
    kit.setText("47.10")
    view.costs.editors["cost_syringe"].setText("0.12")
    view.save()
    assert view.message.text().startswith("Saved.")
    with admin_desk.database.reading() as session:
        stored = agency_settings.load(session)
    assert (stored.cost_naloxone_kit, stored.cost_syringe, stored.cost_test_strip) == (
        4710,
        12,
        None,
    )
    view.load()  # shown again as typed
    assert kit.text() == "47.10"
    view.costs.editors["cost_test_strip"].setText("2,50")
    view.save()
    assert view.message.text().startswith("Cost of a test strip: write an amount")
    with admin_desk.database.reading() as session:
        assert agency_settings.load(session).cost_test_strip is None
    view.costs.editors["cost_test_strip"].clear()


def test_a_common_password_is_refused_on_the_add_screen(qtbot: Any, admin_desk: Desk) -> None:
    admin_desk.window.go("users")
    view = admin_desk.window.users
    qtbot.keyClicks(view.editors["username"].widget, "weak")
    qtbot.keyClicks(view.editors["display_name"].widget, "Wes Weak")
    view.editors["role"].set_value("front_desk")
    for edit in (view.password, view.password_again):
        qtbot.keyClicks(edit, "1q2w3e4r5t6y7u8i")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert "common or breached" in view.message.text()
    with admin_desk.database.reading() as session:
        assert users.by_username(session, "weak") is None


def test_a_locked_account_shows_and_is_unlocked(qtbot: Any, admin_desk: Desk) -> None:
    for guess in range(5):
        with pytest.raises(SignInRefused):
            sign_in(admin_desk, "manager", f"guess {guess}")
    admin_desk.window.go("users")
    view = admin_desk.window.users
    view.reload()
    row = [view.table.item(r, 0).text() for r in range(view.table.rowCount())].index("manager")
    assert view.table.item(row, 3).text() == "locked (failed sign-ins)"
    with pytest.raises(SignInRefused, match="locked"):
        sign_in(admin_desk, "manager", PASSWORD)
    view.table.selectRow(row)
    qtbot.mouseClick(view.unlock_button, Qt.MouseButton.LeftButton)
    assert view.message.text() == "manager can sign in again."
    assert view.table.item(row, 3).text() == "active"
    assert sign_in(admin_desk, "manager", PASSWORD).actor.username == "manager"


def test_a_shorter_minimum_is_saved_only_after_the_warning(
    qtbot: Any, admin_desk: Desk, fake_dialogs: Any
) -> None:
    window = admin_desk.window
    window.go("settings")
    view = window.settings_view
    view.load()
    view.min_length.setValue(10)
    fake_dialogs.answers = [False]
    view.save()
    assert "much easier to guess" in fake_dialogs.texts("ask")[0]
    with admin_desk.database.reading() as session:
        assert agency_settings.load(session).password_min_length == 15
    view.min_length.setValue(10)
    view.attempts.setValue(3)
    fake_dialogs.answers = [True]
    view.save()
    with admin_desk.database.reading() as session:
        stored = agency_settings.load(session)
    assert (stored.password_min_length, stored.sign_in_attempts) == (10, 3)
    view.min_length.setValue(15)
    view.attempts.setValue(5)
    view.save()  # back up to the default: no question
    with admin_desk.database.reading() as session:
        assert agency_settings.load(session).password_min_length == 15
