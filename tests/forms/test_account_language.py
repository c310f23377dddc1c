"""Each account's screen language: chosen by the person or by an administrator, given back
at sign-in, audited; anything but a known language is refused and nothing is written."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, text

from db import migrate
from db.access import PermissionDenied
from db.engine import Database
from db.models import AuditEntry
from forms import accounts
from forms.account_language import set_language
from forms.passwords import AccountError
from tests.accounts import PASSWORD, USERNAMES, signed_in


def _stored(database: Database, username: str) -> str | None:
    with database.reading() as session:
        return session.scalar(
            text("SELECT language FROM users WHERE username = :u"), {"u": username}
        )


def test_a_person_chooses_their_language_and_sign_in_brings_it_back(any_database) -> None:
    desk = signed_in(any_database, "front_desk")
    assert accounts.sign_in(any_database, USERNAMES["front_desk"], PASSWORD).language is None
    set_language(any_database, desk, desk.user_id or 0, "es")
    assert _stored(any_database, USERNAMES["front_desk"]) == "es"
    with any_database.reading() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert last is not None and last.username == USERNAMES["front_desk"]
    assert (last.action, json.loads(last.after or "{}")) == ("update", {"language": "es"})
    assert accounts.sign_in(any_database, USERNAMES["front_desk"], PASSWORD).language == "es"
    set_language(any_database, desk, desk.user_id or 0, None)  # back to the computer's
    assert _stored(any_database, USERNAMES["front_desk"]) is None


def test_an_administrator_sets_anyones_but_staff_only_their_own(database: Database) -> None:
    admin = signed_in(database, "admin")
    manager = signed_in(database, "manager")
    set_language(database, admin, manager.user_id or 0, "ES ")
    assert _stored(database, USERNAMES["manager"]) == "es"
    with pytest.raises(PermissionDenied):
        set_language(database, manager, admin.user_id or 0, "es")
    assert _stored(database, USERNAMES["admin"]) is None
    listed = {row.username: row.language for row in accounts.list_accounts(database, admin)}
    assert listed == {USERNAMES["admin"]: None, USERNAMES["manager"]: "es"}


def test_an_unknown_language_is_refused_naming_the_field(database: Database) -> None:
    desk = signed_in(database, "front_desk")
    with pytest.raises(AccountError) as refused:
        set_language(database, desk, desk.user_id or 0, "fr")
    assert refused.value.field == "language"
    assert str(refused.value) == "Language: choose one of en, es, or the computer's language"
    assert _stored(database, USERNAMES["front_desk"]) is None


def test_the_language_migration_goes_down_and_up_keeping_the_accounts(any_database) -> None:
    database = any_database
    admin = signed_in(database, "admin")
    set_language(database, admin, admin.user_id or 0, "es")
    migrate.downgrade(database.engine, "0012_client_code_counter")
    migrate.upgrade(database.engine)
    assert migrate.current_revision(database.engine) == migrate.head_revision()
    assert accounts.sign_in(database, USERNAMES["admin"], PASSWORD).language is None
