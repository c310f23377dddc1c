"""The manager's monthly PDF, the funder's workbook and the outcomes workbook (a funder
profile), end to end at agency scale.

They write an audit row per export, so they run on a copy of the cached
agency. The monthly PDF and the funder workbook without rows are compared with their
raw reads: the statements they run, run again by the bare driver (tests.bench.replay).
The funder workbook's row-level sheet is compared with bare xlsxwriter
in constant-memory mode writing the same cells (the library the workbook is
written with): its time is what `--rows` adds to the workbook without rows
(computing the de-identified rows and streaming them out). The CPU figures are of the
benchmark's process and the report's walk workers together: with the walk split over
the cores, the wall time is the target and the CPU what it costs in all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from db.dates import Period
from db.engine import Database
from db.startup import open_database
from desktop.passphrase import for_command
from reports.datasets.deidentify import SHEET as ROWS_SHEET
from reports.datasets.walk_split import workers_cpu_seconds
from reports.outputs.funder import funder_workbook
from reports.outputs.funder_profiles import OUTCOME_WORKBOOK
from reports.outputs.monthly_data import build_report_data
from reports.outputs.monthly_pdf import monthly_report
from reports.outputs.profiles import profile_output
from tests.accounts import quick_hashing, signed_in
from tests.bench.agency import MEMORY_CLIENTS, TODAY, working_copy
from tests.bench.measure import Figure, Timing, child_run, timed_figure, wall_and_cpu
from tests.bench.raw_xlsx import plan_from, write_raw_stream
from tests.bench.replay import Statement, recorded_reads, replay_sqlite

# The last whole month before the demo's today, and the twelve months ending with it.
MONTH_END = dt.date(TODAY.year, TODAY.month, 1) - dt.timedelta(days=1)
MONTH = Period.month(MONTH_END.year, MONTH_END.month)
YEAR = Period.twelve_months_ending(MONTH_END)
REPEAT = 3
REPORT_S = 5.0  # the monthly PDF and the funder workbook without rows
READS_RATIO = 2.0  # ... against their raw reads
BUDGET_S = 20.0  # stop repeating a run this slow: one already shows the miss
KIB_PER_MIB = 1024

# One funder workbook with rows in a fresh process, so its peak memory is its own.
ROWS_CHILD = """
import datetime as dt, sys
from pathlib import Path
from db.startup import open_database
from desktop.passphrase import for_command
from reports.outputs.funder import funder_workbook
from tests.accounts import quick_hashing, signed_in
database = open_database(sys.argv[1], passphrase=for_command)
quick_hashing()
start, end = dt.date.fromisoformat(sys.argv[3]), dt.date.fromisoformat(sys.argv[4])
funder_workbook(database, signed_in(database, "manager"), start, end, Path(sys.argv[2]), rows=True)
"""


def run(folder: Path, clients: int = 100_000) -> list[Figure]:
    path = working_copy(clients, folder, "reports")
    database = open_database(str(path), passphrase=for_command)
    try:
        figures = _figures(database, folder, clients, lambda reads: replay_sqlite(path, reads))
    finally:
        database.dispose()
    return [*figures, _rows_memory(folder, clients)]


def _rows_memory(folder: Path, clients: int) -> Figure:
    """Peak resident memory of the workbook with rows, at agency scale and at a tenth."""
    peaks = []
    for size in (clients, MEMORY_CLIENTS):
        copy = working_copy(size, folder, "rows-memory")
        target = folder / "rows-memory.xlsx"
        args = (str(copy), str(target), YEAR.start.isoformat(), YEAR.end.isoformat())
        peaks.append(child_run(ROWS_CHILD, *args)[1] / KIB_PER_MIB)
        for leftover in (target, *folder.glob(f"{copy.name}*")):
            leftover.unlink()
    return Figure(
        f"funder workbook with rows, peak memory, {clients // 1000}k vs "
        f"{MEMORY_CLIENTS // 1000}k (MiB)",
        peaks[0],
        None,
        peaks[1],
        1.3,
        unit="MiB",
        note="peak resident memory of the exporting process, MiB",
    )


def _figures(
    database: Database, folder: Path, clients: int, replay: Callable[[list[Statement]], int]
) -> list[Figure]:
    pdf, funder, with_rows = folder / "monthly.pdf", folder / "funder.xlsx", folder / "rows.xlsx"
    quick_hashing()
    manager = signed_in(database, "manager")
    data = _timing(lambda: build_report_data(database, manager, MONTH))

    def make_pdf() -> object:
        return monthly_report(database, manager, MONTH.start.year, MONTH.start.month, pdf)

    def make_plain() -> object:
        return funder_workbook(database, manager, YEAR.start, YEAR.end, funder)

    report, report_reads = _timing(make_pdf), _raw_reads(database, make_pdf, replay)
    plain, plain_reads = _timing(make_plain), _raw_reads(database, make_plain, replay)
    written: list[int] = []
    rows = _timing(
        lambda: written.append(
            funder_workbook(
                database, manager, YEAR.start, YEAR.end, with_rows, rows=True
            ).client_rows
        )
    )
    outcomes = _timing(
        lambda: profile_output(database, manager, OUTCOME_WORKBOOK, YEAR, folder / "outcomes.xlsx")
    )
    plans = [p for p in plan_from(with_rows, {ROWS_SHEET: written[0]}) if p.title == ROWS_SHEET]
    raw = wall_and_cpu(lambda: write_raw_stream(folder / "raw.xlsx", plans), 1)
    month, year = f"{MONTH.start:%Y-%m}", f"{YEAR.start} to {YEAR.end}"
    return [
        timed_figure(
            f"monthly report dataset, {month}",
            data,
            None,
            note=f"{clients:,}-client agency; status, harm, follow-ups, 12 trend months",
        ),
        _against_reads(
            f"monthly PDF end to end, {month}",
            report,
            report_reads,
            f"with trends; {pdf.stat().st_size // 1024:,} KiB",
        ),
        _against_reads("funder workbook without rows", plain, plain_reads, year),
        timed_figure(
            "outcomes workbook (funder profile)",
            outcomes,
            10.0,
            note=f"{year}; intake to latest follow-up, 9 measures, all and by goal",
        ),
        Figure(
            "funder workbook: what --rows adds",
            rows.wall - plain.wall,
            None,
            raw.wall,
            1.2,
            note=f"{written[0]:,} de-identified rows, {plans[0].cells:,} cells; whole "
            f"workbook {rows.wall:.1f} s; baseline: bare xlsxwriter constant-memory, same cells",
            cpu_seconds=rows.cpu - plain.cpu,
            baseline_cpu_seconds=raw.cpu,
        ),
    ]


def _raw_reads(
    database: Database, work: Callable[[], object], replay: Callable[[list[Statement]], int]
) -> tuple[Timing, int]:
    """The time the bare driver takes to run the reads of `work`, and the rows they fetch."""
    reads = recorded_reads(database, work)
    rows: list[int] = []
    timing = wall_and_cpu(lambda: rows.append(replay(reads)), REPEAT)
    return timing, rows[0]


def _against_reads(name: str, t: Timing, reads: tuple[Timing, int], note: str) -> Figure:
    raw, rows = reads
    why = f"{note}; baseline: its {rows:,} rows read by the bare driver"
    return timed_figure(name, t, REPORT_S, raw, READS_RATIO, why)


def _timing(work: Callable[[], object]) -> Timing:
    """Wall time (the target) and the CPU of this process and of the walk's worker
    processes together (reports.datasets.walk_split): the work done on every core."""
    before = workers_cpu_seconds()
    timing = wall_and_cpu(work, REPEAT, BUDGET_S)
    # As the workers report it: a forkserver's workers are not this process's children.
    workers = (workers_cpu_seconds() - before) / timing.runs
    return replace(timing, cpu=timing.cpu + workers)
