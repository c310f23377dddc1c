"""The language each person chose for the screens: a setting on the account, which the
person changes for themself and an administrator for anyone.

None means the operating system's language. The desktop applies the language of
whoever signed in last on a workstation when the program next starts there
(desktop/language.py): the screens are built once, and rebuilding them under a
person's open work was not reliable. Stored data never changes with it.
"""

from __future__ import annotations

from db import users
from db.access import Actor, Permission
from db.engine import Database
from forms.fields import N_
from forms.passwords import AccountError

__all__ = ["LANGUAGES", "LANGUAGE_NAMES", "set_language"]

LANGUAGES = ("en", "es")
# Each language is named in itself, so a person finds theirs whatever the screens speak.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}
UNKNOWN_LANGUAGE = N_("Language: choose one of {choices}, or the computer's language")


def set_language(database: Database, actor: Actor, user_id: int, language: str | None) -> None:
    """Choose the screens' language of an account: one's own, or (an administrator)
    anyone's. `language` is one of LANGUAGES, or None for the operating system's."""
    if not (actor.verified and actor.user_id == user_id):
        actor.require(Permission.MANAGE_USERS)
    chosen = (language or "").strip().lower() or None
    if chosen is not None and chosen not in LANGUAGES:
        raise AccountError("language", UNKNOWN_LANGUAGE, choices=", ".join(LANGUAGES))
    with database.writing() as session:
        users.set_language(session, actor, user_id, chosen)
