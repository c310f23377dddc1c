"""The one garbage-collector guard: only the last block out switches the collector back on."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterator

import pytest

from db import jobs
from db.jobs import collector_paused


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_an_inner_block_leaves_the_collector_off_for_the_outer_one() -> None:
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_blocks_that_end_out_of_order_keep_it_off_until_the_last() -> None:
    # A report's walk on a worker thread and the pool's own pause around the job:
    # the one that began first may end first.
    report, job = collector_paused(), collector_paused()
    report.__enter__()
    job.__enter__()
    report.__exit__(None, None, None)
    assert not gc.isenabled()
    job.__exit__(None, None, None)
    assert gc.isenabled()


def test_a_block_on_another_thread_does_not_switch_it_back_on() -> None:
    inside, leave = threading.Event(), threading.Event()
    seen: list[bool] = []

    def job() -> None:
        with collector_paused():
            inside.set()
            leave.wait(5)

    worker = threading.Thread(target=job)
    worker.start()
    inside.wait(5)
    with collector_paused():
        pass
    seen.append(gc.isenabled())
    leave.set()
    worker.join(5)
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_the_collector_is_back_on_after_a_failure() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("the export failed")
    assert gc.isenabled()


def _pauses_in(seconds: float, monkeypatch: pytest.MonkeyPatch) -> int:
    """How often a job's loop calling let_others_run for `seconds` pauses, on this thread."""
    paused: list[float] = []
    monkeypatch.setattr(jobs.time, "sleep", paused.append)
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        jobs.let_others_run()
    return len(paused)


def test_a_job_on_a_background_thread_lets_the_screen_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """The screen's thread gets a turn about every BREATHE_EVERY_S (0.02 s) of a job."""
    counted: list[int] = []
    job = threading.Thread(target=lambda: counted.append(_pauses_in(0.2, monkeypatch)))
    job.start()
    job.join()
    assert 5 <= counted[0] <= 11


def test_a_job_on_the_main_thread_does_not_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line runs its job on the main thread: there is no screen to wait for."""
    assert _pauses_in(0.1, monkeypatch) == 0
