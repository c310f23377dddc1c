"""Long work (reports, exports, imports) on a thread pool, results back through signals.

A job is a plain function `work(progress, cancelled)` from reports/ or forms/:
`progress(done, total)` reports how far it got, `cancelled()` says whether
the person pressed Cancel. Nothing here touches a widget from the worker
thread; the signals are delivered on the thread that owns `JobSignals` (the
GUI thread). The pool is injected, so tests can run jobs inline.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.translate import label
from forms.failures import log_failure, reason
from forms.vocabulary import IsCancelled, Progress, collector_paused

log = logging.getLogger(__name__)

Work = Callable[[Progress, IsCancelled], Any]
# Flooding the GUI thread with a signal per row would freeze it; a few per second suffice.
PROGRESS_INTERVAL_S = 0.05


class Pool(Protocol):
    def start(self, runnable: QRunnable) -> None: ...


class InlinePool:
    """Runs a job at once on the calling thread (for tests and tiny jobs)."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()


class JobSignals(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()  # after any of the three above


class Job(QRunnable):
    """One run of `work`; `cancel()` may be called from the GUI thread at any time."""

    def __init__(self, work: Work, name: str) -> None:
        super().__init__()
        self.work = work
        self.name = name
        self.signals = JobSignals()
        self.setAutoDelete(False)  # the screen keeps the job until its signals are handled
        self._cancel = threading.Event()
        self._last_progress = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._last_progress >= PROGRESS_INTERVAL_S:
            self._last_progress = now
            self.signals.progress.emit(int(done), int(total))

    def run(self) -> None:
        started = time.monotonic()
        try:
            with collector_paused():
                result = self.work(self._progress, self.is_cancelled)
        except Exception as exc:  # every failure is reported, none is lost
            if self.is_cancelled():
                log.info("%s cancelled", self.name)
                self.signals.cancelled.emit()
            else:
                log_failure(log, self.name, exc)
                why = reason(exc)  # a database error's own text carries client data
                self.signals.failed.emit(
                    label(why) if why else " ".join(str(exc).split()) or type(exc).__name__
                )
        else:
            log.info("%s finished in %.1f s", self.name, time.monotonic() - started)
            self.signals.succeeded.emit(result)
        self.signals.finished.emit()


def default_pool() -> QThreadPool:
    return QThreadPool.globalInstance()
