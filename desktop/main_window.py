"""The main window: sign-in or lock screen in front, the sections behind it.

Sections: Clients, Follow-ups due, Reports, and for administrators Users and
Settings. The menus carry every keyboard shortcut, so they are listed where
a new user looks for them. Locking shows the lock screen over the untouched
work, with every action but Quit disabled and no other window on screen
(desktop/screen_lock.py); only the password brings the work back. Signing out
or quitting asks about any unsaved form: by name when signed in, only by
number from the lock screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop import dialogs
from desktop.admin_settings import SettingsView
from desktop.admin_users import UsersView
from desktop.clients_section import ClientsSection
from desktop.context import AppContext
from desktop.elided_label import ElidedLabel
from desktop.idle import IdleWatcher
from desktop.language import LanguageMemory
from desktop.language_choice import language_name
from desktop.qt_application import running_application
from desktop.reports_view import ReportsView
from desktop.screen_lock import LockGuard
from desktop.signin_view import FIRST, SIGN_IN, UNLOCK, SignInView
from desktop.translate import code_label
from desktop.window_menus import build_menus
from desktop.window_place import remember_place, restore_place
from desktop.window_shortcuts import WindowShortcutsFirst
from desktop.worklist_view import WorklistView
from forms import sessions
from forms.accounts import SignedIn, needs_first_admin
from forms.definitions import USER_FIELDS, by_key
from forms.vocabulary import Actor, Database, Permission

log = logging.getLogger(__name__)

MINUTE_MS = 60_000
STATUS_MESSAGE_MS = 6_000


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: AppContext,
        idle_ms: int | None = None,
        place_file: Path | None = None,
        language_memory: LanguageMemory | None = None,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.place_file = place_file  # None: open fitted to the screen, remember nothing
        self.language_memory = language_memory  # None: no language kept for the next start
        self._idle_override = idle_ms
        self.idle = IdleWatcher(idle_ms or MINUTE_MS * ctx.settings.idle_lock_minutes, self)
        self.guard = LockGuard(self)
        self._focus_before_lock: QWidget | None = None
        self._build_ui()
        self.actions_by_name: dict[str, QAction] = build_menus(self)
        self.shortcuts_first = WindowShortcutsFirst(self, self.actions_by_name)
        self.shortcuts_first.follow_focus(running_application())
        self._connect_signals()
        restore_place(self, place_file)

    # -- building -------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.pages = QStackedWidget(self)
        self.signin = SignInView(self.ctx, self.pages)
        self.workspace = QWidget(self.pages)
        self.pages.addWidget(self.signin)
        self.pages.addWidget(self.workspace)
        self.setCentralWidget(self.pages)
        row = QHBoxLayout(self.workspace)
        self.nav = QListWidget(self.workspace)
        self.nav.setObjectName("sections")
        self.nav.setAccessibleName(self.tr("Sections"))
        self.sections = QStackedWidget(self.workspace)
        self.clients = ClientsSection(self.ctx, self.sections)
        self.worklist = WorklistView(self.ctx, self.sections)
        self.reports = ReportsView(self.ctx, self.sections)
        self.users = UsersView(self.ctx, self.sections)
        self.settings_view = SettingsView(self.ctx, self.sections)
        self.section_views = {
            "clients": self.clients,
            "worklist": self.worklist,
            "reports": self.reports,
            "users": self.users,
            "settings": self.settings_view,
        }
        for view in self.section_views.values():
            self.sections.addWidget(view)
        row.addWidget(self.nav)
        row.addWidget(self.sections, 1)
        self.db_label = ElidedLabel(self)
        self.user_label = QLabel(self)
        self.user_label.setObjectName("signed_in_user")
        # The confirmation gets the room: a temporary status-bar message was hidden
        # behind the database name.
        self.confirmation = QLabel(self)
        self.confirmation.setObjectName("confirmation")
        self.confirmation.setTextFormat(Qt.TextFormat.PlainText)
        self.confirmation_timer = QTimer(self)
        self.confirmation_timer.setSingleShot(True)
        self.statusBar().addWidget(self.confirmation, 1)
        self.statusBar().addPermanentWidget(self.db_label)
        self.statusBar().addPermanentWidget(self.user_label)

    def _connect_signals(self) -> None:
        self.signin.signed_in.connect(self.signed_in)
        self.signin.unlocked.connect(self.unlocked)
        self.signin.sign_out.connect(self.sign_out)
        self.settings_view.sign_out_first = self._sign_out_for_restore
        self.settings_view.restored.connect(self.start)  # the restored file's own settings
        self.nav.currentRowChanged.connect(self._section_chosen)
        self.clients.message.connect(self.say)
        self.worklist.open_client.connect(self.open_client)
        self.worklist.message.connect(self.say)
        self.idle.idle.connect(self.lock)
        self.confirmation_timer.timeout.connect(lambda: self._confirm(""))
        self.ctx.changed.connect(self._data_changed)

    # -- signing in, locking, signing out -------------------------------------------------
    def start(self) -> None:
        """Show the first-administrator or the sign-in screen."""
        self.ctx.reload_settings()
        self._show_front(FIRST if needs_first_admin(self.ctx.database) else SIGN_IN)
        self.db_label.setText(self.tr("Database: %1").replace("%1", self.ctx.database_name()))

    def _show_front(self, mode: str) -> None:
        self.pages.setCurrentWidget(self.signin)
        self._enable_actions(False)
        self.signin.show_mode(mode)
        self.setWindowTitle(self._title())

    def _title(self) -> str:
        # Ending with the program's name: the window system then adds it no second time.
        return self.tr("%1 — Recovery Desk").replace("%1", self.ctx.settings.agency_name)

    def signed_in(self, who: SignedIn) -> None:
        self.ctx.sign_in(who.actor, who.display_name, who.language)
        self._fill_nav()
        role = code_label(by_key(USER_FIELDS)["role"], who.actor.role)
        self.user_label.setText(
            self.tr("Signed in: %1 (%2)").replace("%1", who.display_name).replace("%2", role)
        )
        self.pages.setCurrentWidget(self.workspace)
        self._enable_actions(True)
        self.ctx.start_index_build()
        self.go("clients")
        self.clients.search.focus_search()
        self._arm_idle()
        memory = self.language_memory
        if memory is not None and memory.remember(who.language):
            self.say(
                self.tr("Your language, %1, is shown from the next start of Recovery Desk.")
                .replace("%1", language_name(who.language))
            )  # fmt: skip

    def _arm_idle(self) -> None:
        self.idle.set_timeout(
            self._idle_override or MINUTE_MS * self.ctx.settings.idle_lock_minutes
        )
        self.idle.watch(running_application())
        self.idle.start()

    @property
    def locked(self) -> bool:
        return self.ctx.locked

    def lock_now(self) -> None:
        """Ctrl+L: the worker leaves the desk."""
        self.lock(by_hand=True)

    def lock(self, by_hand: bool = False) -> None:
        if self.ctx.actor is None or self.locked or self.pages.currentWidget() is self.signin:
            return
        self.signin.locked_by_hand = by_hand
        self.idle.stop()
        focus = QApplication.focusWidget()
        inside = focus is not None and self.workspace.isAncestorOf(focus)
        self._focus_before_lock = focus if inside else None
        self.ctx.lock()
        self.guard.engage()
        self._show_front(UNLOCK)
        self._audit(sessions.lock)
        log.info("locked")

    def _audit(self, action: Callable[[Database, Actor], None]) -> None:
        """Record a lock or sign-out; the screen locks even if the database fails to."""
        try:
            action(self.ctx.database, self.ctx.user)
        except Exception:
            log.exception("could not record %s in the audit trail", action.__name__)

    def unlocked(self, who: SignedIn) -> None:
        self.ctx.actor = who.actor  # freshly signed in: the same person, their role as it is now
        self.guard.release()
        self.pages.setCurrentWidget(self.workspace)
        self._enable_actions(True)
        if self._focus_before_lock is not None and shiboken6.isValid(self._focus_before_lock):
            self._focus_before_lock.setFocus(Qt.FocusReason.OtherFocusReason)
        self._focus_before_lock = None
        self.idle.start()
        self.say(self.tr("Welcome back."))
        self.ctx.unlock()

    def sign_out(self) -> bool:
        if self.locked:
            return self._leave_locked(self.tr("Sign out"), self.tr("Sign out and discard"))
        if self.ctx.actor is not None and not self._may_leave_work():
            return False
        self._finish_sign_out()
        return True

    def _sign_out_for_restore(self) -> bool:
        """Before a restore replaces the file: the person's sign-out is recorded in the
        database they signed in to, not in the restored one, whose accounts may differ."""
        if not self._may_leave_work():
            return False
        self._finish_sign_out()
        return True

    def _finish_sign_out(self) -> None:
        self.worklist.form.cancel()  # the contact attempt: cleared without a question
        self.clients.close_all()
        self.idle.stop()
        self.idle.unwatch(running_application())
        log.info("%s signed out", self.ctx.actor.username if self.ctx.actor else "nobody")
        if self.ctx.actor is not None:
            self._audit(sessions.sign_out)
        self.ctx.sign_out()
        self.guard.release()
        self.clients.search.search_box.clear()
        self.user_label.clear()
        self._show_front(SIGN_IN)

    def _leave_locked(self, title: str, leave: str) -> bool:
        """Sign out from the lock screen: the question counts unsaved forms, naming nobody."""
        unsaved = self._unsaved_forms()
        if unsaved:
            text = (
                self.tr("Unsaved work in 1 open form will be lost.")
                if unsaved == 1
                else self.tr("Unsaved work in %1 open forms will be lost.").replace(
                    "%1", str(unsaved)
                )
            )
            with self.guard.allowing():
                if not dialogs.ask(self, title, text, yes=leave, no=self.tr("Stay locked")):
                    self.signin.password.setFocus(Qt.FocusReason.OtherFocusReason)
                    return False
        self._finish_sign_out()
        return True

    def _unsaved_forms(self) -> int:
        views = [*self.clients.views, self.worklist.form]
        return sum(1 for v in views if getattr(v, "is_dirty", lambda: False)())

    def _may_leave_work(self) -> bool:
        """Ask about every unsaved form: the contact attempt first, then the client forms."""
        if not self.worklist.form.may_leave():
            self.go("worklist")
            return False
        self.worklist.form.cancel()
        return self.clients.may_leave_all()

    def _enable_actions(self, enabled: bool) -> None:
        # Before signing in, help is harmless; while locked, only Quit.
        always = ("quit",) if self.locked else ("quit", "about", "shortcuts")
        for name, action in self.actions_by_name.items():
            action.setEnabled(enabled or name in always)
        self.nav.setEnabled(enabled)

    # -- sections -------------------------------------------------------------------------
    def _fill_nav(self) -> None:
        self.nav.clear()
        names = {
            "clients": self.tr("Clients"),
            "worklist": self.tr("Follow-ups due"),
            "reports": self.tr("Reports"),
            "users": self.tr("Users"),
            "settings": self.tr("Settings"),
        }
        admin = self.ctx.can(Permission.MANAGE_USERS)
        self.nav_keys = [k for k in names if admin or k not in ("users", "settings")]
        for key in self.nav_keys:
            self.nav.addItem(names[key])
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 24)
        for name in ("users", "settings"):
            self.actions_by_name[f"go_{name}"].setVisible(admin)

    def go(self, key: str) -> None:
        if key not in self.nav_keys:
            return
        row = self.nav_keys.index(key)
        if self.nav.currentRow() == row:
            # Already there (Ctrl+2 from the attempt's note): the focus goes where the
            # section's work starts, as on arriving, or Down and Enter did nothing.
            self._section_chosen(row)
        else:
            self.nav.setCurrentRow(row)

    def _section_chosen(self, row: int) -> None:
        if 0 <= row < len(self.nav_keys):
            view = self.section_views[self.nav_keys[row]]
            self.sections.setCurrentWidget(view)
            # The focus would otherwise fall to the first field of the section (the
            # contact attempt's date on the worklist), not where the work starts.
            if self.nav_keys[row] == "worklist":
                self.worklist.take_focus()

    def current_section(self) -> str:
        return next(k for k, v in self.section_views.items() if v is self.sections.currentWidget())

    # -- shortcuts ------------------------------------------------------------------------
    def find_client(self) -> None:
        self.go("clients")
        if self.clients.back_to_root():
            self.clients.search.focus_search()

    def new_client(self) -> None:
        self.go("clients")
        self.clients.new_client()

    def quick_encounter(self) -> None:
        client = self.clients.current_client() if self.current_section() == "clients" else None
        self.go("clients")
        self.clients.new_encounter(client)

    def open_client(self, client_id: int) -> None:
        self.go("clients")
        self.clients.open_client(client_id)

    def say(self, text: str) -> None:
        """Confirm a save, merge or unlock: shown, and read out by a screen reader."""
        self._confirm(text)
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.confirmation, text))
        self.confirmation_timer.start(STATUS_MESSAGE_MS)

    def _confirm(self, text: str) -> None:
        self.confirmation.setText(text)
        self.confirmation.setAccessibleName(text)

    def remember_place(self) -> None:
        remember_place(self, self.place_file)

    def _data_changed(self, entity: str, _client_id: int) -> None:
        if entity == "settings":
            self.setWindowTitle(self._title())
            if self.ctx.actor is not None:
                self._arm_idle()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.locked:
            if not self._leave_locked(self.tr("Quit"), self.tr("Quit and discard")):
                event.ignore()
                return
        elif self.ctx.actor is not None and not self._may_leave_work():
            event.ignore()
            return
        self.idle.unwatch(running_application())
        self.shortcuts_first.stop(running_application())
        self.remember_place()
        event.accept()


def shortcut_help() -> str:
    return QCoreApplication.translate(
        "MainWindow",
        "Ctrl+F  find a client\nCtrl+N  new client\nCtrl+E  quick encounter\n"
        "Ctrl+S  save the form\nEsc  cancel the form or go back\n"
        "Tab  next field (in the order of the paper form)\n"
        "Ctrl+L  lock now\nCtrl+1 … Ctrl+5  go to a section",
    )


def show_shortcuts(parent: QWidget) -> None:
    dialogs.inform(
        parent, QCoreApplication.translate("MainWindow", "Keyboard shortcuts"), shortcut_help()
    )
