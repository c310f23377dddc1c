"""The one garbage-collector guard: only the last block out switches the collector back on."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

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
