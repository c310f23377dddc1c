"""What every screen shares: the database, who is signed in, the agency settings, the clock.

Screens never keep their own copy of these; they read them here and listen
to `changed` to refresh after a save made anywhere in the window.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop.workers import Job, Pool, default_pool
from forms.accounts import Attempt
from forms.client_list import load_index
from forms.database_file import database_name
from forms.search import ClientIndex
from forms.search_audit import SearchTrail
from forms.settings import AgencySettings, load_settings
from forms.vocabulary import Actor, Database, Permission, utc_now

log = logging.getLogger(__name__)


def keep_out_of_garbage_collection() -> None:
    """Move what lives for the whole session out of the cyclic collector's reach.

    A full collection walks every container object; with the window, the
    libraries and the name index of 100,000 clients that took ~250 ms, held
    the interpreter lock, and froze the window while an export ran on the
    pool. Frozen, the same collections take ~50 ms.
    """
    gc.freeze()


class AppContext(QObject):
    # entity ("client", "assessment", "event", "encounter", "followup_attempt",
    # "settings", "user") and the client id it concerns (0 when none).
    changed = Signal(str, int)
    signed_in = Signal()

    def __init__(
        self,
        database: Database,
        today: Callable[[], dt.date] = dt.date.today,
        pool: Pool | None = None,
        parent: QObject | None = None,
        clock: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.today = today
        self.clock = clock  # when sign-ins are tried: failures slow the next try down
        self.pool: Pool = pool if pool is not None else default_pool()
        self.actor: Actor | None = None
        self.display_name = ""
        self.language: str | None = None  # the signed-in account's; None: the computer's
        self.settings = AgencySettings()
        self.index: ClientIndex | None = None
        self._index_job: Job | None = None
        self.search_trail = SearchTrail()  # when each person's search was last audited
        self.locked = False
        self._after_unlock: list[Callable[[], None]] = []

    @property
    def user(self) -> Actor:
        if self.actor is None:
            raise RuntimeError("nobody is signed in")
        return self.actor

    def attempt(self) -> Attempt:
        """Where and when a sign-in from this window is tried (failures are counted by it)."""
        return Attempt(clock=self.clock)

    def can(self, permission: Permission) -> bool:
        return self.actor is not None and self.actor.can(permission)

    def sign_in(self, actor: Actor, display_name: str, language: str | None = None) -> None:
        self.actor = actor
        self.display_name = display_name
        self.language = language
        self.reload_settings()
        self.signed_in.emit()

    def sign_out(self) -> None:
        self.actor = None
        self.display_name = ""
        self.language = None
        self.locked = False
        if self._after_unlock:
            log.info("%d messages for the signed-out person dropped", len(self._after_unlock))
        self._after_unlock.clear()

    def lock(self) -> None:
        self.locked = True

    def unlock(self) -> None:
        self.locked = False
        waiting, self._after_unlock = self._after_unlock, []
        for show in waiting:
            show()

    def when_unlocked(self, show: Callable[[], None]) -> None:
        """Run `show` now, or after the unlock: work that ends while the screen is locked
        (an export, a failure) must not put a window over the lock screen."""
        if self.locked:
            self._after_unlock.append(show)
        else:
            show()

    def reload_settings(self) -> None:
        self.settings = load_settings(self.database)

    def start_index_build(self) -> None:
        """Build the name index on the pool, so the first keystroke does not wait for it."""
        if self._index_job is not None:
            return
        database = self.database

        def build(_progress: object, _cancelled: object) -> ClientIndex:
            return load_index(database)

        self._index_job = Job(build, "client name index")
        self._index_job.signals.succeeded.connect(self._index_built)
        self._index_job.signals.finished.connect(self._index_job_done)
        self.pool.start(self._index_job)

    def rebuild_index(self) -> None:
        """After many clients changed at once (an import); the old index serves meanwhile."""
        self.start_index_build()

    def _index_built(self, index: ClientIndex) -> None:
        self.index = index
        log.info("client name index built: %d clients", len(index))
        keep_out_of_garbage_collection()

    def _index_job_done(self) -> None:
        self._index_job = None

    def ensure_index(self) -> ClientIndex:
        """The in-memory name index for typo-tolerant search, built on first use."""
        if self.index is None:
            self.index = load_index(self.database)
            log.info("client name index built: %d clients", len(self.index))
        return self.index

    def notify(self, entity: str, client_id: int = 0) -> None:
        self.changed.emit(entity, client_id)

    def database_name(self) -> str:
        return database_name(self.database)
