"""Running one long job with a progress dialog whose Cancel sets the job's flag."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop import dialogs
from desktop.workers import Job, Pool, Work

log = logging.getLogger(__name__)


class JobRunner(QObject):
    """One job at a time; `busy` tells the screen to disable its buttons."""

    busy = Signal(bool)
    succeeded = Signal(str, object)  # job name, result
    failed = Signal(str, str)  # job name, message
    cancelled = Signal(str)

    def __init__(self, pool: Pool, parent: QWidget) -> None:
        super().__init__(parent)
        self.pool = pool
        self.window = parent
        self.job: Job | None = None
        self._name = ""
        self.dialog: QProgressDialog | None = None

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self, name: str, label: str, work: Work) -> Job:
        if self.job is not None:
            raise RuntimeError("a job is already running")
        job = Job(work, name)
        self.job = job
        self._name = name
        self.dialog = dialogs.progress(self.window, label)
        self.dialog.canceled.connect(job.cancel)
        self._connect(job)
        self.busy.emit(True)
        log.info("starting %s", name)
        self.pool.start(job)
        return job

    def _connect(self, job: Job) -> None:
        # Bound methods of this GUI-thread object: Qt queues the worker's signals to them.
        s = job.signals
        s.progress.connect(self._progress)
        s.succeeded.connect(self._succeeded)
        s.failed.connect(self._failed)
        s.cancelled.connect(self._cancelled)
        s.finished.connect(self._finished)

    def _succeeded(self, result: object) -> None:
        self.succeeded.emit(self._name, result)

    def _failed(self, message: str) -> None:
        self.failed.emit(self._name, message)

    def _cancelled(self) -> None:
        self.cancelled.emit(self._name)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            if self.dialog is not None:
                self.dialog.setLabelText(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int) -> None:
        if self.dialog is None:
            return
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)

    def _finished(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = None
        self.job = None
        self.busy.emit(False)
