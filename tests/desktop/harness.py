"""Helpers of the GUI tests: scripted dialogs, accounts, a signed-in main window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from db.access import Actor
from db.engine import Database
from forms import accounts, records
from forms.accounts import SignedIn
from tests.conftest import TODAY

PASSWORD = "correct horse battery"
ACCOUNTS = (
    ("admin", "Ada Admin", "admin"),
    ("manager", "Max Manager", "manager"),
    ("desk", "Dee Desk", "front_desk"),
)


class Clock:
    """The time sign-ins are tried at, moved on by the tests instead of waiting."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


class FakeDialogs:
    """Stands in for desktop.dialogs: records what would be shown, answers from a script."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answers: list[Any] = []
        self.paths: list[Path | None] = []
        self.opened: list[Path] = []
        self.press_cancel = False  # the person presses Cancel as soon as progress shows
        self.offered: list[tuple[list[str], int]] = []  # pick's options and the one offered

    def _answer(self, kind: str, title: str, text: str) -> Any:
        self.shown.append((kind, title, text))
        if not self.answers:
            raise AssertionError(f"unexpected question: {title}: {text}")
        return self.answers.pop(0)

    def ask(self, parent: object, title: str, text: str, yes: str = "", no: str = "") -> bool:
        return bool(self._answer("ask", title, text))

    def choose(self, parent: object, title: str, text: str, options: list[str]) -> int | None:
        return self._answer("choose", title, text)  # type: ignore[no-any-return]

    def pick(
        self, parent: object, title: str, label: str, options: list[str], current: int
    ) -> int | None:
        self.offered.append((options, current))
        return self._answer("pick", title, label)  # type: ignore[no-any-return]

    def passphrase(self, parent: object, title: str, text: str) -> str | None:
        return self._answer("passphrase", title, text)  # type: ignore[no-any-return]

    def text(self, parent: object, title: str, label: str) -> str | None:
        return self._answer("text", title, label)  # type: ignore[no-any-return]

    def inform(self, parent: object, title: str, text: str) -> None:
        self.shown.append(("inform", title, text))

    def warn(self, parent: object, title: str, text: str) -> None:
        self.shown.append(("warn", title, text))

    def save_path(self, parent: object, title: str, suggested: Path, _filter: str) -> Path | None:
        self.shown.append(("save_path", title, str(suggested)))
        return self.paths.pop(0) if self.paths else None

    def open_path(self, parent: object, title: str, folder: Path, _filter: str) -> Path | None:
        self.shown.append(("open_path", title, str(folder)))
        return self.paths.pop(0) if self.paths else None

    def folder_path(self, parent: object, title: str, folder: Path) -> Path | None:
        self.shown.append(("folder_path", title, str(folder)))
        return self.paths.pop(0) if self.paths else None

    def open_location(self, path: Path) -> bool:
        self.opened.append(path)
        return True

    def progress(self, parent: Any, label: str) -> Any:
        from PySide6.QtWidgets import QProgressDialog

        fake = self

        class ProgressDialog(QProgressDialog):
            def setValue(self, value: int) -> None:
                super().setValue(value)
                if fake.press_cancel:
                    self.canceled.emit()  # what the Cancel button does

        dialog = ProgressDialog(label, "Cancel", 0, 0, parent)
        dialog.setMinimumDuration(0)
        return dialog

    def texts(self, kind: str) -> list[str]:
        return [text for k, _, text in self.shown if k == kind]


FAKE = FakeDialogs()
REPLACED = (
    "ask",
    "text",
    "passphrase",
    "choose",
    "pick",
    "inform",
    "warn",
    "save_path",
    "open_path",
    "folder_path",
    "open_location",
    "progress",
)


def make_accounts(database: Database) -> dict[str, Actor]:
    """The accounts of ACCOUNTS, each signed in once with its password (as the screen does)."""
    username, name, _ = ACCOUNTS[0]
    raw = {"username": username, "display_name": name}
    admin = accounts.add_first_admin(database, raw, PASSWORD, PASSWORD, TODAY).actor
    for username, name, role in ACCOUNTS[1:]:
        raw = {"username": username, "display_name": name, "role": role}
        accounts.add_account(database, admin, raw, PASSWORD, PASSWORD, TODAY)
    return {u: accounts.sign_in(database, u, PASSWORD).actor for u, _, _ in ACCOUNTS}


def add_client(database: Database, actor: Actor, **values: object) -> int:
    return records.create_client(database, actor, values, TODAY)


class Desk:
    """A main window on its own database, signed in as whoever the test needs."""

    def __init__(
        self, database: Database, window: Any, actors: dict[str, Actor], clock: Clock
    ) -> None:
        self.clock = clock
        self.database = database
        self.window = window
        self.ctx = window.ctx
        self.actors = actors

    def close_forms(self) -> None:
        """Drop whatever an earlier test left open, without the unsaved-work question."""
        for view in self.window.clients.views:
            discard = getattr(view, "discard", None)
            if discard is not None:
                discard()
        assert self.window.clients.back_to_root()

    def sign_in_as(self, username: str) -> None:
        self.close_forms()
        if self.ctx.actor is not None and self.ctx.actor.username == username:
            return
        if self.ctx.actor is not None:
            assert self.window.sign_out()
        names = {a[0]: a[1] for a in ACCOUNTS}
        self.window.signed_in(SignedIn(self.actors[username], names[username]))
