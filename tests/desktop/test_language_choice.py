"""A person's language: chosen in File ▸ Language… or by an administrator on the Users
screen, kept on the account, remembered at sign-in for the next start on this computer,
where --language and RECOVERY_DESK_LANGUAGE still win."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from db import users
from desktop.language import ENVIRONMENT, LanguageMemory, chosen_locale
from forms import accounts
from forms.account_language import set_language
from tests.desktop.harness import FAKE, PASSWORD, Desk

ENGLISH_US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


@pytest.fixture
def memory(desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[LanguageMemory]:
    """The window remembers languages in a file of this test, with English on screen."""
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    QLocale.setDefault(ENGLISH_US)
    kept = LanguageMemory(tmp_path / "language")
    desk.window.language_memory = kept
    yield kept
    desk.window.language_memory = None


def _stored(desk: Desk, username: str) -> str | None:
    with desk.database.reading() as session:
        user = users.by_username(session, username)
        assert user is not None
        return user.language


def test_the_next_start_speaks_the_last_sign_ins_language_unless_told_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    QLocale.setDefault(ENGLISH_US)
    kept = LanguageMemory(tmp_path / "language")
    assert kept.recalled() is None  # nobody signed in yet: the system's language
    assert chosen_locale(None, kept.recalled()).name() == QLocale.system().name()
    assert kept.remember("es") is True  # English on screen: Spanish comes at the next start
    assert (tmp_path / "language").read_text() == "es"
    assert chosen_locale(None, kept.recalled()).language() == QLocale.Language.Spanish
    assert chosen_locale("en", "es").language() == QLocale.Language.English  # --language
    assert LanguageMemory(tmp_path / "language", override="en").remember("es") is False
    assert kept.remember("en") is False  # already English
    monkeypatch.setenv(ENVIRONMENT, "en")
    assert chosen_locale(None, "es").language() == QLocale.Language.English
    (tmp_path / "language").write_text("klingon")
    assert kept.recalled() is None


def test_a_person_chooses_spanish_in_the_file_menu(desk: Desk, memory: LanguageMemory) -> None:
    desk.sign_in_as("manager")
    FAKE.answers.append(2)  # the computer's language, English, Español
    desk.window.actions_by_name["language"].trigger()
    assert FAKE.shown[-1][1] == "Language"
    assert _stored(desk, "manager") == "es"
    assert memory.recalled() == "es"
    assert desk.window.confirmation.text() == (
        "Language saved: Español. Recovery Desk shows it from its next start."
    )
    FAKE.answers.append(None)  # cancelled: nothing changes
    desk.window.actions_by_name["language"].trigger()
    assert _stored(desk, "manager") == "es"


def test_sign_in_brings_the_accounts_language_for_the_next_start(
    desk: Desk, memory: LanguageMemory
) -> None:
    desk.sign_in_as("admin")
    admin = desk.ctx.user
    desk.window.sign_out()
    desk.clock.advance(60)
    set_language(desk.database, admin, admin.user_id or 0, "es")
    try:
        who = accounts.sign_in(desk.database, "admin", PASSWORD, desk.ctx.attempt())
        desk.window.signed_in(who)
        assert memory.recalled() == "es"
        assert desk.window.confirmation.text() == (
            "Your language, Español, is shown from the next start of Recovery Desk."
        )
    finally:
        set_language(desk.database, admin, admin.user_id or 0, None)


def test_an_administrator_sets_someones_language_on_the_users_screen(
    qtbot: Any, desk: Desk
) -> None:
    desk.sign_in_as("admin")
    desk.window.go("users")
    view = desk.window.users
    row = [r.username for r in view.rows].index("desk")
    view.table.setCurrentCell(row, 0)
    view.language.setCurrentIndex(view.language.findText("Español"))
    view.language_button.click()
    assert _stored(desk, "desk") == "es"
    assert view.table.item(row, 4).text() == "Español"
    assert view.message.text().startswith("desk's language is now Español")
    view.table.setCurrentCell(row, 0)
    view.language.setCurrentIndex(0)
    view.language_button.click()
    assert _stored(desk, "desk") is None
    assert view.table.item(row, 4).text() == "The computer's language"
