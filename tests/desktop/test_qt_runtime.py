"""The Qt binding the program runs on must survive a working day of signals.

PySide6 6.12.0 drops one reference to None each time Qt calls a Python slot.
On Python 3.11, where None is an ordinary object, the interpreter aborts
("deallocating None") once the count reaches zero: after some tens of
thousands of slot calls, that is a few hours of typing at the front desk.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer

CALLS = 2000


def test_calling_python_slots_does_not_use_up_references_to_none(qapp: Any) -> None:
    calls: list[int] = []
    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(lambda: calls.append(1))
    before = sys.getrefcount(None)
    timer.start()
    while len(calls) < CALLS:
        QCoreApplication.processEvents()
    timer.stop()
    lost = before - sys.getrefcount(None)
    _give_back(lost)  # so that a failure here does not abort the rest of the run
    assert lost < CALLS // 4, (
        f"{lost} references to None lost in {CALLS} slot calls: this PySide6 release aborts "
        "the program after a few hours of use; exclude it in pyproject.toml"
    )


def _give_back(lost: int) -> None:
    for _ in range(max(0, lost)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
