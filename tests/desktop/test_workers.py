"""Long work on a real thread pool: progress and results arrive on the GUI thread, Cancel
stops the job and leaves no file, a failure becomes a message."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThread, QThreadPool
from PySide6.QtWidgets import QWidget

from db.files import atomic_path
from db.jobs import Cancelled
from desktop.job_runner import JobRunner

STEPS = 50


def slow_file(target: Path) -> Callable[[Callable[[int, int], None], Callable[[], bool]], Path]:
    def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Path:
        with atomic_path(target) as temp, open(temp, "w", encoding="utf-8") as out:
            for step in range(STEPS):
                if cancelled():
                    raise Cancelled()
                out.write(f"line {step}\n")
                progress(step + 1, STEPS)
                time.sleep(0.01)
        return target

    return work


@pytest.fixture
def runner(qtbot: Any) -> JobRunner:
    parent = QWidget()
    qtbot.addWidget(parent)
    pool = QThreadPool(parent)
    pool.setMaxThreadCount(1)
    return JobRunner(pool, parent)


def test_a_job_runs_on_another_thread_and_reports_on_the_gui_thread(
    qtbot: Any, runner: JobRunner, tmp_path: Path
) -> None:
    seen_on: list[bool] = []
    runner.succeeded.connect(lambda *_: seen_on.append(QThread.currentThread().isMainThread()))
    worker_threads: list[int] = []

    def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Path:
        worker_threads.append(threading.get_ident())
        return slow_file(tmp_path / "done.txt")(progress, cancelled)

    with qtbot.waitSignal(runner.succeeded, timeout=10_000) as done:
        runner.start("demo", "Writing", work)
    assert done.args == ["demo", tmp_path / "done.txt"]
    assert (tmp_path / "done.txt").read_text().count("line") == STEPS
    assert worker_threads != [threading.get_ident()] and seen_on == [True]
    qtbot.waitUntil(lambda: not runner.running)


def test_cancel_stops_the_job_and_leaves_no_file(
    qtbot: Any, runner: JobRunner, tmp_path: Path
) -> None:
    with qtbot.waitSignal(runner.busy, timeout=1000):
        runner.start("demo", "Writing", slow_file(tmp_path / "never.txt"))
    assert runner.dialog is not None
    with qtbot.waitSignal(runner.cancelled, timeout=10_000):
        runner.dialog.canceled.emit()  # the Cancel button
    qtbot.waitUntil(lambda: not runner.running)
    assert list(tmp_path.iterdir()) == []


def test_a_failure_becomes_a_message(qtbot: Any, runner: JobRunner) -> None:
    def broken(_progress: object, _cancelled: object) -> None:
        raise OSError("the disk is full")

    with qtbot.waitSignal(runner.failed, timeout=10_000) as failed:
        runner.start("demo", "Writing", broken)
    assert failed.args == ["demo", "the disk is full"]
    qtbot.waitUntil(lambda: not runner.running)


def test_no_full_collection_can_freeze_the_window_while_a_job_runs(
    qtbot: Any, runner: JobRunner
) -> None:
    import gc

    seen: list[bool] = []

    def work(_progress: object, _cancelled: object) -> None:
        seen.append(gc.isenabled())

    assert gc.isenabled()
    with qtbot.waitSignal(runner.succeeded, timeout=10_000):
        runner.start("demo", "Working", work)
    qtbot.waitUntil(lambda: not runner.running)
    assert seen == [False] and gc.isenabled()
