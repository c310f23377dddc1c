"""A person chooses the language of their screens (File ▸ Language…): a setting on their
account, shown from the next start of the program on this computer (desktop/language.py
says why not at once)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop import dialogs
from desktop.translate import refusal
from forms.account_language import LANGUAGE_NAMES, set_language
from forms.passwords import AccountError

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("language_choice", text)


def language_name(language: str | None) -> str:
    """A language in its own name; None, the computer's language, in the screens' words."""
    if language is None:
        return _tr("the computer's language")
    return LANGUAGE_NAMES.get(language, language)


def language_choice(language: str | None) -> str:
    """A language as a list, a table cell or a button names it: with a capital."""
    name = language_name(language)
    return name[:1].upper() + name[1:]


def choose_language(window: MainWindow) -> None:
    """Ask for the signed-in person's language, save it on their account and say when the
    screens follow it."""
    ctx = window.ctx
    choices: list[str | None] = [None, *LANGUAGE_NAMES]
    picked = dialogs.choose(
        window,
        _tr("Language"),
        _tr("The language of your screens. Recovery Desk shows it from its next start."),
        [language_choice(c) for c in choices],
    )
    if picked is None:
        return
    language = choices[picked]
    try:
        set_language(ctx.database, ctx.user, ctx.user.user_id or 0, language)
    except AccountError as exc:
        dialogs.warn(window, _tr("Language"), refusal(exc.template, exc.params))
        return
    memory = window.language_memory
    later = memory is not None and memory.remember(language)
    saved = (
        _tr("Language saved: %1. Recovery Desk shows it from its next start.")
        if later
        else _tr("Language saved: %1.")
    )
    window.say(saved.replace("%1", language_name(language)))
