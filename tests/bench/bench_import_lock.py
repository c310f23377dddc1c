"""A large import while the front desk saves: how long the import holds SQLite's write
lock, and what the saves made meanwhile met.

    python -m tests.bench --only import_lock     (also part of `make bench`)

The 10,000-client demo agency is exported (an exchange workbook of about 250,000
rows) and imported into a new database, in a fresh process, while a second process
registers a new client (code left blank, as the GUI offers) every ~100 ms and a third
tries SQLite's write lock every 10 ms without waiting. The longest stretch that third
process could not take the lock is how long the import held it at a time. Then the same
with `--update` into a new database (every row added), and `--update` of the export into
the agency it came from, every client's family name altered there first, so the import
changes all 10,000 clients back (each change audited, every client's rows and statuses
replaced by the merge): the worst case of a staged --update. The import also times its
one write transaction (the merge) itself, in wall and CPU seconds, the CPU telling what
the wall would be on a quiet machine. Figures only: the import's own time, the longest
hold, the merge, the saves' p50/p99/worst and their errors.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from db.startup import open_database
from tests.bench.agency import MEMORY_CLIENTS, TODAY, new_database, raw_connect, working_copy
from tests.bench.bench_exchange import EXPORT
from tests.bench.measure import Figure, child_run, percentile

# The import, and its own clock on its one write transaction of the database (the merge,
# from taking the write lock to the end of its commit): wall and this process's CPU.
IMPORT = """
import contextlib, datetime as dt, json, sys, time
from pathlib import Path
import db.import_stage
from db.engine import Database
from forms.importer import import_workbook
from tests.accounts import quick_hashing, signed_in
database = Database("sqlite:///" + sys.argv[1])
quick_hashing()
manager = signed_in(database, "manager")
held = {"wall": 0.0, "cpu": 0.0}
merging = db.import_stage.merging
@contextlib.contextmanager
def timed_merging(*args):
    wall, cpu = time.perf_counter(), time.process_time()
    with merging(*args) as session:
        yield session
    held.update(wall=time.perf_counter() - wall, cpu=time.process_time() - cpu)
db.import_stage.merging = timed_merging
print("ready", flush=True)
sys.stdin.readline()
start = time.perf_counter()
result = import_workbook(database, manager, Path(sys.argv[2]), dt.date.fromisoformat(sys.argv[3]),
                         update=sys.argv[4] == "update")
print(json.dumps({"seconds": time.perf_counter() - start, "ok": result.ok,
                  "rows": sum(result.added.values()), "changed": sum(result.updated.values()),
                  "merge": held}), flush=True)
"""

# Registers a client every ~100 ms until told to stop; writes each save's time or error to
# a file (a pipe nobody reads during the import would fill and stall the desk).
SAVER = """
import datetime as dt, json, select, sys, time
from db.engine import Database
from forms import records
from forms.failures import failure_line
from tests.accounts import quick_hashing, signed_in
database = Database("sqlite:///" + sys.argv[1])
quick_hashing()
desk = signed_in(database, "front_desk")
today = dt.date.fromisoformat(sys.argv[2])
print("ready", flush=True)
log = open(sys.argv[3], "w", encoding="utf-8")
n = 0
while not select.select([sys.stdin], [], [], 0.1)[0]:
    person = {"given_name": "Bench", "family_name": f"Saver{n}", "birth_date": "1980-01-01"}
    began = time.perf_counter()
    try:
        records.create_client(database, desk, person, today)
        print(json.dumps({"seconds": time.perf_counter() - began}), file=log, flush=True)
    except Exception as exc:
        print(json.dumps({"seconds": time.perf_counter() - began,
                          "error": failure_line("Saving the client", exc)}), file=log, flush=True)
    n += 1
log.close()
"""

# Tries the write lock every 10 ms without waiting; prints the longest stretch refused.
PROBE = """
import select, sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)
print("ready", flush=True)
refused_since = None
longest = 0.0
while not select.select([sys.stdin], [], [], 0.01)[0]:
    now = time.perf_counter()
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        if refused_since is not None:
            longest = max(longest, now - refused_since)
        refused_since = None
    except sqlite3.OperationalError:
        refused_since = now if refused_since is None else refused_since
if refused_since is not None:
    longest = max(longest, time.perf_counter() - refused_since)
print(longest, flush=True)
"""


# What is imported, into what: (title, --update, into the altered agency instead of a new file).
MODES = (
    ("import of the workbook", False, False),
    ("import --update into a new database", True, False),
    ("import --update changing every client", True, True),
)


def run(folder: Path, modes: tuple[tuple[str, bool, bool], ...] = MODES) -> list[Figure]:
    workbook, rows = _exported(folder)
    figures = []
    for n, (title, update, changes) in enumerate(modes):
        target = folder / f"import-lock-{n}.sqlite3"
        if changes:
            _altered_agency(target)
        else:
            new_database(target)
        figures += _figures(title, measure(target, workbook, update=update), rows)
    workbook.unlink()
    return figures


def _altered_agency(target: Path) -> None:
    """The agency the workbook was exported from, every client's family name changed behind
    the program's back (no audit row), so an --update of the export changes every client."""
    working_copy(MEMORY_CLIENTS, target.parent, "import-lock-agency").rename(target)
    open_database(str(target)).dispose()  # the cached agency brought to the head schema
    conn = raw_connect(target)
    try:
        conn.execute("UPDATE clients SET family_name = family_name || 'x'")
        conn.commit()
    finally:
        conn.close()


def _figures(title: str, outcome: dict, rows: int) -> list[Figure]:
    """An import's figures while a desk saves, with targets."""
    saves = outcome["saves"]
    note = (
        f"{rows:,}-row workbook ({MEMORY_CLIENTS:,}-client agency), "
        f"{outcome['changed']:,} records changed; "
        f"{len(saves)} saves, {len(outcome['errors'])} errors"
        + (f" ({outcome['errors'][0]})" if outcome["errors"] else "")
    )
    return [
        Figure(f"{title} while a desk saves", outcome["import_seconds"], None, note=note),
        Figure("  longest write-lock hold during it", outcome["longest_hold"], 5.0, note=note),
        Figure(
            "  the merge's write transaction",
            outcome["merge"]["wall"],
            None,
            cpu_seconds=outcome["merge"]["cpu"],
            note="the import's own clock: lock taken to commit done",
        ),
        Figure("  new-client save during it, p50", percentile(saves, 0.5), None),
        Figure("  new-client save during it, p99", percentile(saves, 0.99), 0.5),
        Figure("  new-client save during it, worst", max(saves), None),
        Figure("  new-client saves that failed", float(len(outcome["errors"])), 0.0, unit="n"),
    ]


def _exported(folder: Path) -> tuple[Path, int]:
    agency = working_copy(MEMORY_CLIENTS, folder, "import-lock-export")
    workbook = folder / "import-lock.xlsx"
    _, _, out = child_run(EXPORT, str(agency), str(workbook), TODAY.isoformat())
    agency.unlink()
    return workbook, sum(json.loads(out.splitlines()[-1])["rows"].values())


def measure(target: Path, workbook: Path, *, update: bool = False) -> dict:
    """Import `workbook` into `target` while a saver and a lock probe run beside it."""
    mode = "update" if update else "new"
    importer = _start(IMPORT, str(target), str(workbook), TODAY.isoformat(), mode)
    saves_log = target.with_name("saves.jsonl")
    saver = _start(SAVER, str(target), TODAY.isoformat(), str(saves_log))
    probe = _start(PROBE, str(target))
    time.sleep(1.0)  # the desk's first saves are made before the import begins
    assert importer.stdin is not None and importer.stdout is not None
    importer.stdin.write("go\n")
    importer.stdin.flush()
    result = json.loads(importer.stdout.readline())
    time.sleep(1.0)
    _stop(saver)
    samples = [json.loads(line) for line in saves_log.read_text(encoding="utf-8").splitlines()]
    longest = float(_stop(probe).strip() or 0)
    _stop(importer)
    return {
        "import_seconds": result["seconds"],
        "import_ok": result["ok"],
        "changed": result["changed"],
        "merge": result["merge"],
        "longest_hold": longest,
        "saves": [s["seconds"] for s in samples if "error" not in s] or [0.0],
        "errors": [s["error"] for s in samples if "error" in s],
    }


def _start(code: str, *args: str) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    ready = child.stdout.readline().strip()
    if ready != "ready":
        raise RuntimeError(f"benchmark child did not start: {ready!r}")
    return child


def _stop(child: subprocess.Popen[str]) -> str:
    out, _ = child.communicate(input="stop\n", timeout=120)
    return out


if __name__ == "__main__":
    import tempfile

    from tests.bench.measure import print_table

    # `python -m tests.bench.bench_import_lock 2`: only the third mode (--update changing
    # every client), and so on.
    chosen = tuple(MODES[int(n)] for n in sys.argv[1:]) or MODES
    with tempfile.TemporaryDirectory(prefix="recovery-desk-bench-") as where:
        print_table(run(Path(where), chosen))
