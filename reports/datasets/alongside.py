"""The report's own SQL counts, read while its walk workers walk.

While the workers walk (reports.datasets.walk_split), the parent only waits on their
pipes, and most of a report's other figures (caseload, areas, the unknown, the deaths)
are SQL counts that need nothing the walk finds. So a thread of the parent reads them
meanwhile, through the parent's own session: the same read transaction, so the same
moment of the database. The session is the thread's alone while it runs: the parent's
own thread touches it again only once the thread has ended (`Workers.run` joins it
before it returns, whatever happened). When one process walks, the counts are read
after the walk, as before.

`Once` is that piece of work: run at most once, by whichever asks first (the thread, or
the report after the walk), its result or its error kept for the report.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Once(Generic[T]):
    """`work`, run at most once; every call returns its result or raises its error. A call
    made while another thread runs it waits for that run."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work: Callable[[], T] | None = work
        self._result: T | None = None
        self._error: BaseException | None = None
        self._lock = threading.Lock()

    def __call__(self) -> T:
        with self._lock:
            work, self._work = self._work, None
            if work is not None:
                try:
                    self._result = work()
                except BaseException as exc:  # kept for whoever asks for the result
                    self._error = exc
        if self._error is not None:
            raise self._error
        return self._result  # type: ignore[return-value]


def started(meanwhile: Callable[[], object] | None) -> threading.Thread | None:
    """A thread running `meanwhile` (its error is kept in it, for the report to raise)."""
    if meanwhile is None:
        return None
    thread = threading.Thread(target=_quietly, args=(meanwhile,), name="report-counts")
    thread.start()
    return thread


def joined(thread: threading.Thread) -> None:
    """Wait for `thread` to end, even through a second interrupt: until it has, the
    session it reads through must not be closed under it."""
    interrupted = False
    while thread.is_alive():
        try:
            thread.join()
        except KeyboardInterrupt:
            interrupted = True
    if interrupted:
        raise KeyboardInterrupt


def _quietly(meanwhile: Callable[[], object]) -> None:
    # `Once` keeps the error: the report raises it after the walk, in its own thread.
    with contextlib.suppress(BaseException):
        meanwhile()
