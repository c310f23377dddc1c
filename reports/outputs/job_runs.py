"""How each job of `reports.outputs.registry` calls its output: from who runs it
(`Caller`) and what was asked (`JobInputs`) to the output function's own arguments.
The output modules are imported when a job runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from db.jobs import IsCancelled, Progress

if TYPE_CHECKING:
    from forms.consents import Recipient
    from reports.outputs.registry import Caller, JobInputs


def monthly(
    caller: Caller,
    i: JobInputs,
    target: Path,
    progress: Progress | None,
    cancelled: IsCancelled | None,
) -> object:
    from reports.outputs.monthly_pdf import monthly_report

    month = i.the_month()
    return monthly_report(
        caller.the_database(),
        caller.actor,
        month.start.year,
        month.start.month,
        target,
        internal="internal" in i.flags,
        progress=progress,
        cancelled=cancelled,
    )


def funder(
    caller: Caller,
    i: JobInputs,
    target: Path,
    progress: Progress | None,
    cancelled: IsCancelled | None,
) -> object:
    from reports.outputs.funder import funder_workbook

    period = i.the_period()
    return funder_workbook(
        caller.the_database(),
        caller.actor,
        period.start,
        period.end,
        target,
        rows="rows" in i.flags,
        progress=progress,
        cancelled=cancelled,
    )


def recipient(i: JobInputs, today: dt.date) -> Recipient | None:
    """The recipient of an identified export (None: the internal copy of every client);
    raises ValidationFailed, keyed by field, for one that cannot be."""
    from forms.consents import parse_recipient

    if "all_clients" in i.flags:
        return None
    return parse_recipient(i.purpose, i.recipient, today)


def export(
    caller: Caller,
    i: JobInputs,
    target: Path,
    progress: Progress | None,
    cancelled: IsCancelled | None,
) -> object:
    from reports.outputs.exchange_export import export_workbook

    return export_workbook(
        caller.the_database(),
        caller.actor,
        target,
        i.as_of or caller.today,
        recipient=recipient(i, caller.today),
        all_clients="all_clients" in i.flags,
        today=caller.today,
        progress=progress,
        cancelled=cancelled,
    )


def template(
    _caller: Caller,
    _i: JobInputs,
    target: Path,
    _progress: Progress | None,
    cancelled: IsCancelled | None,
) -> object:
    from reports.outputs.exchange_template import write_template

    write_template(target, cancelled)
    return None


def import_(
    caller: Caller,
    i: JobInputs,
    source: Path,
    progress: Progress | None,
    cancelled: IsCancelled | None,
) -> object:
    from forms.importer import import_workbook

    return import_workbook(
        caller.the_database(),
        caller.actor,
        source,
        caller.today,
        update="update" in i.flags,
        progress=progress,
        cancelled=cancelled,
    )
