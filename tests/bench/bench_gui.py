"""The desktop program: cold start to a shown main window, and the event loop during an export.

Both run in a fresh process on Qt's offscreen platform. Cold start is timed
from just before the process is launched to the sign-in screen shown with its
events processed: the window a person first uses (DESIGN.md's target). A second
figure goes on to the client list: the window is signed in at once, the way the
sign-in screen does after a correct password, with a bench account whose hash is
made at Argon2's lowest cost (hashing the password is deliberately slow and not
part of start-up). Signing in writes, so it waits for the full page check of the
file that starts with the window (`open_database(background_check=True)`); a
person typing a password gives the check that time, the bench does not.

Each start follows a clean quit (the -wal checkpointed away, as closing the window
does): a start after a crash checks the file before the window shows. The
children may write their compiled bytecode, as an installed program has it.

The client page figure (tests/bench/bench_client_page.py) opens the page of a client
with ten years of history, chart included.

The stall figure runs the full export the way the Reports screen does
(`ReportsView.start_job` on the worker pool, progress dialog included) while a
timer in the GUI thread ticks every 10 ms; the longest gap between ticks is
how long the window could not answer. It runs on the 10,000-client agency:
the work per row and per statement is the same as at 100,000, only repeated
less.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import time
from pathlib import Path

from tests.bench import bench_client_page
from tests.bench.agency import MEMORY_CLIENTS, working_copy
from tests.bench.measure import Figure, child_run

STARTS = 5
TICK_MS = 10

COLD_START = """
import os, sys, time
launched = float(sys.argv[2])
from db.startup import open_database
from desktop.passphrase import for_command
from desktop.app import make_application
from desktop.context import AppContext
from desktop.main_window import MainWindow
from forms import accounts
from tests.accounts import PASSWORD, USERNAMES
app = make_application(["recovery-desk"])
# as run_gui opens it
database = open_database(sys.argv[1], background_check=True, passphrase=for_command)
window = MainWindow(AppContext(database))
window.start()
window.show()
app.processEvents()
shown = time.time() - launched
window.signed_in(accounts.sign_in(database, USERNAMES["manager"], PASSWORD))
app.processEvents()
rows = window.clients.search.model.rowCount()
print(shown, time.time() - launched, rows, flush=True)
os._exit(0)  # the times are taken; tearing down Qt and the index thread is not start-up
"""

STALL = """
import datetime as dt, json, os, sys, time
from pathlib import Path
from PySide6.QtCore import QEventLoop, Qt, QTimer
from db.startup import open_database
from desktop.passphrase import for_command
from desktop import dialogs
from desktop.app import make_application
from desktop.context import AppContext
from desktop.main_window import MainWindow
from forms import accounts
from tests.accounts import PASSWORD, USERNAMES
dialogs.choose = lambda *args: None  # "Done. Open it now?" answered by closing it
def refused(parent, title, text):  # a modal message offscreen would wait for ever
    print(f"{title}: {text}", file=sys.stderr, flush=True)
    os._exit(3)
dialogs.warn = dialogs.inform = refused
app = make_application(["recovery-desk"])
window = MainWindow(AppContext(open_database(sys.argv[1], passphrase=for_command)))
window.start()
window.signed_in(accounts.sign_in(window.ctx.database, USERNAMES["admin"], PASSWORD))
window.show()
while window.ctx.index is None:  # the name index is built at sign-in; let it finish first
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
window.go("reports")
# What the exchange bench exports: every client who consented to share for treatment.
window.reports.purpose.setCurrentIndex(window.reports.purpose.findData("treatment"))
window.reports.recipient.setText("bench")
gaps, last = [], [time.perf_counter()]
def tick():
    now = time.perf_counter()
    gaps.append(now - last[0])
    last[0] = now
timer = QTimer()
timer.setTimerType(Qt.TimerType.PreciseTimer)
timer.timeout.connect(tick)
loop = QEventLoop()
window.reports.runner.busy.connect(lambda busy: busy or loop.quit())
started = time.perf_counter()
timer.start(int(sys.argv[3]))
last[0] = time.perf_counter()
assert window.reports.start_job("full_export", Path(sys.argv[2]))
loop.exec()
timer.stop()
took = time.perf_counter() - started
gaps.sort()
print(json.dumps({"max": gaps[-1], "p99": gaps[int(0.99 * len(gaps))], "ticks": len(gaps),
                  "seconds": took, "written": Path(sys.argv[2]).exists()}), flush=True)
os._exit(0)
"""


def run(folder: Path, clients: int = 100_000) -> list[Figure]:
    env_before = os.environ.get("QT_QPA_PLATFORM")
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the children inherit it
    try:
        page = bench_client_page.run(folder, clients)
        return [*_cold_start(clients, folder), _stall(folder), *page]
    finally:
        if env_before is None:
            del os.environ["QT_QPA_PLATFORM"]
        else:
            os.environ["QT_QPA_PLATFORM"] = env_before


def _cold_start(clients: int, folder: Path) -> list[Figure]:
    path = _with_accounts(working_copy(clients, folder, "start"))
    compiled = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    child_run("import desktop.app", env=compiled)  # reads the libraries from disk, compiles
    shown, listed, rows = [], [], 0
    for _ in range(STARTS):
        _quit_cleanly(path)
        _, _, out = child_run(COLD_START, str(path), repr(time.time()), env=compiled)
        shown_text, listed_text, rows_text = out.split()[-3:]
        shown.append(float(shown_text))
        listed.append(float(listed_text))
        rows = int(rows_text)
    _quit_cleanly(path)
    return [
        Figure(
            "cold start to the sign-in screen",
            statistics.median(shown),
            1.5,
            note=f"{clients:,}-client agency; median of {STARTS} fresh processes",
        ),
        Figure(
            "cold start signed in at once, client list shown",
            statistics.median(listed),
            None,
            note=f"{rows} rows listed; includes waiting for the full page check of the "
            "file, which a person typing a password does not see",
        ),
    ]


def _quit_cleanly(path: Path) -> None:
    """What closing the window leaves: the -wal a start wrote checkpointed into the file
    and removed (the child ends with os._exit, as a crash would, which leaves it)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _with_accounts(path: Path) -> Path:
    """The bench's manager and administrator accounts in a working copy, quick to check."""
    from db.startup import open_database
    from tests.accounts import quick_hashing, signed_in

    quick_hashing()
    database = open_database(str(path))
    signed_in(database, "manager")
    database.dispose()
    return path


def _stall(folder: Path) -> Figure:
    database = _with_accounts(working_copy(MEMORY_CLIENTS, folder, "gui"))
    target = folder / "gui-export.xlsx"
    _, _, out = child_run(STALL, str(database), str(target), str(TICK_MS))
    found = json.loads(out.splitlines()[-1])
    if not found["written"]:
        raise RuntimeError("the export run from the Reports screen wrote no file")
    target.unlink()
    return Figure(
        "longest GUI stall during a full export",
        found["max"],
        0.100,
        note=f"{MEMORY_CLIENTS:,}-client agency; timer every {TICK_MS} ms, "
        f"{found['ticks']:,} ticks over {found['seconds']:.1f} s, "
        f"p99 gap {found['p99'] * 1000:.0f} ms",
    )
