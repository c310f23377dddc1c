"""What report monthly and export funder print once the job has written its file."""

from __future__ import annotations

import argparse
from typing import Any

from reports.outputs.funder_profiles import PROFILES
from reports.outputs.registry import Caller, JobInputs
from reports.tables.profile_spec import Layout


def monthly_done(args: argparse.Namespace, inputs: JobInputs, data: Any, caller: Caller) -> int:
    from forms.closing import month_closing
    from reports.render.pdf_monthly import month_title

    internal = "internal" in inputs.flags
    kind = "internal (exact small counts)" if internal else "small counts suppressed"
    closed = None
    if caller.database is not None:
        closed = month_closing(caller.database, caller.the_actor(), f"{data.period.start:%Y-%m}")
    as_closed = "" if closed is None else f", as closed on {closed.closed_at:%Y-%m-%d}"
    print(f"Wrote {args.out}: monthly report for {month_title(data.period)}, {kind}{as_closed}.")
    return 0


def funder_done(args: argparse.Namespace, inputs: JobInputs, result: Any, _caller: Caller) -> int:
    period = inputs.the_period()
    with_rows = "rows" in inputs.flags
    rows = f", {result.client_rows:,} de-identified client rows" if with_rows else ""
    closed = ", as the month was closed" if result.as_closed else ""
    print(
        f"Wrote {args.out}: funder workbook for {period.start.isoformat()} to "
        f"{period.end.isoformat()}{rows}{closed}."
    )
    if with_rows:
        print(ROWS_WARNING)
    return 0


def calls_done(args: argparse.Namespace, inputs: JobInputs, rows: Any, caller: Caller) -> int:
    day = inputs.as_of or caller.today
    print(f"Wrote {args.out}: {rows:,} follow-ups to call on {day.isoformat()}.")
    return 0


def profile_done(args: argparse.Namespace, inputs: JobInputs, result: Any, _caller: Caller) -> int:
    data = result.data
    closed = ", as closed" if result.as_closed else ""
    print(
        f"Wrote {args.out}: {data.period.start.isoformat()} to {data.period.end.isoformat()}"
        f"{closed}, {result.figures:,} figures, {result.suppressed:,} of them suppressed."
    )
    return 0


DONE = {
    "monthly_pdf": monthly_done,
    "funder": funder_done,
    "call_list": calls_done,
    **{p.key: profile_done for p in PROFILES if p.layout is not Layout.FUNDER},
}

# What a funder file with rows is, said wherever such a file is made (reports.outputs.funder).
ROWS_WARNING = (
    "The de-identified rows hold every client the summary counts, so every count the "
    "summary hides can be worked out from them: handle this file as row-level data, "
    "not as an aggregate report."
)
