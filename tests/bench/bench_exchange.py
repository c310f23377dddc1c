"""The full exchange workbook: export at agency scale against bare xlsxwriter in
constant-memory mode writing the same cells, its peak memory at 10,000 and 100,000
clients, and importing it back.

Each export and import runs in a fresh process, as the command line runs it,
so its peak resident memory is its own. The 100,000-client export takes
minutes and runs once; the import is measured on the 10,000-client export
(its time against that export's, the same per-row work at a tenth of the
wait), since importing the big one would take the whole run's budget alone.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Callable
from pathlib import Path

from tests.bench.agency import MEMORY_CLIENTS, TODAY, working_copy
from tests.bench.measure import Figure, child_run, wall_and_cpu
from tests.bench.raw_xlsx import plan_from, write_raw_stream

REPEAT = 3
BUDGET_S = 60.0  # stop repeating the small export or the import once they took this long
KIB_PER_MIB = 1024

EXPORT = """
import datetime as dt, json, sys, time
from pathlib import Path
from db.startup import open_database
from desktop.passphrase import for_command
from forms.consents import Recipient
from reports.outputs.exchange_export import export_workbook
from tests.accounts import quick_hashing, signed_in
database = open_database(sys.argv[1], passphrase=for_command)
quick_hashing()
manager = signed_in(database, "manager")
start, cpu = time.perf_counter(), time.process_time()
as_of = dt.date.fromisoformat(sys.argv[3])
summary = export_workbook(database, manager, Path(sys.argv[2]), as_of,
                          recipient=Recipient("treatment", "bench"), today=as_of)
print(json.dumps({"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
                  "rows": summary.rows, "clients": summary.clients}))
"""

IMPORT = """
import datetime as dt, json, sys, time
from pathlib import Path
from db.startup import open_database
from desktop.passphrase import for_command
from forms.importer import import_workbook
from tests.accounts import quick_hashing, signed_in
database = open_database(sys.argv[1], passphrase=for_command)
quick_hashing()
manager = signed_in(database, "manager")
start, cpu = time.perf_counter(), time.process_time()
result = import_workbook(database, manager, Path(sys.argv[2]),
                         dt.date.fromisoformat(sys.argv[3]))
if not result.ok:
    raise SystemExit(f"import rejected: {result.problems[:5]}")
print(json.dumps({"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
                  "rows": result.added}))
"""


def run(folder: Path, clients: int = 100_000) -> list[Figure]:
    small_db = working_copy(MEMORY_CLIENTS, folder, "exchange")
    small = exports(str(small_db), folder / f"exchange-{MEMORY_CLIENTS}.xlsx", REPEAT)
    small_db.unlink()
    imported = imports(small["file"], lambda n: str(folder / f"import-{n}.sqlite3"))
    for leftover in folder.glob("import-*.sqlite3*"):
        leftover.unlink()
    big_db = working_copy(clients, folder, "exchange")
    big = exports(str(big_db), folder / f"exchange-{clients}.xlsx", 1)
    big_db.unlink()
    return figures(folder, clients, small, big, imported)


def figures(
    folder: Path, clients: int, small: dict, big: dict, imported: dict, on: str = ""
) -> list[Figure]:
    """The three rows from the exports and imports made on one kind of database; `on`
    ends their names (" [PostgreSQL]"). The big export's file is compared and removed."""
    plans = plan_from(big["file"], big["rows"])
    cells = sum(plan.cells for plan in plans)
    raw = wall_and_cpu(lambda: write_raw_stream(folder / "raw.xlsx", plans), 1)
    big["file"].unlink()
    small["file"].unlink()
    (folder / "raw.xlsx").unlink()
    listed = f"{big['clients']:,} clients with a treatment consent in force, of {clients:,}"
    return [
        Figure(
            f"exchange export, {clients:,}-client agency{on}",
            big["seconds"],
            None,
            raw.wall,
            1.2,
            note=f"{listed}; {cells:,} cells; once; baseline: bare xlsxwriter constant-memory "
            "write_row",
            cpu_seconds=big["cpu"],
            baseline_cpu_seconds=raw.cpu,
        ),
        Figure(
            f"exchange export peak memory, {clients // 1000}k vs {MEMORY_CLIENTS // 1000}k "
            f"(MiB){on}",
            big["rss"] / KIB_PER_MIB,
            None,
            small["rss"] / KIB_PER_MIB,
            1.3,
            unit="MiB",
            note="peak resident memory of the exporting process, MiB",
        ),
        Figure(
            f"import exported workbook ({MEMORY_CLIENTS // 1000}k agency) vs export{on}",
            imported["seconds"],
            None,
            small["seconds"],
            3.0,
            note=f"into an empty database; median of {imported['runs']}; baseline: its export",
            cpu_seconds=imported["cpu"],
            baseline_cpu_seconds=small["cpu"],
        ),
    ]


def exports(database: str, target: Path, repeat: int) -> dict:
    """Export `database` to `target` in a fresh process `repeat` times (fewer if slow):
    medians, and the file of the last."""
    runs: list[dict] = []
    while len(runs) < repeat and sum(r["seconds"] for r in runs) < BUDGET_S:
        _, rss, out = child_run(EXPORT, database, str(target), TODAY.isoformat())
        runs.append({**json.loads(out.splitlines()[-1]), "rss": rss})
    return {
        **_medians(runs),
        "rows": runs[0]["rows"],
        "clients": runs[0]["clients"],
        "file": target,
    }


def imports(workbook: Path, empty: Callable[[int], str]) -> dict:
    """Import `workbook` in a fresh process into `empty(n)`, a new database each run."""
    runs: list[dict] = []
    while len(runs) < REPEAT and sum(r["seconds"] for r in runs) < BUDGET_S:
        _, rss, out = child_run(IMPORT, empty(len(runs)), str(workbook), TODAY.isoformat())
        runs.append({**json.loads(out.splitlines()[-1]), "rss": rss})
    return _medians(runs)


def _medians(runs: list[dict]) -> dict:
    return {key: statistics.median(r[key] for r in runs) for key in ("seconds", "cpu", "rss")} | {
        "runs": len(runs)
    }
