"""What a job of `reports.outputs.registry` is given, and how each calls its output:
from who runs it (`Caller`) and what was asked (`JobInputs`) to the output
function's own arguments. The output modules are imported when a job runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from db.access import Actor
from db.dates import Period
from db.jobs import IsCancelled, Progress
from reports.tables.language import Catalogues

if TYPE_CHECKING:
    from db.engine import Database
    from forms.consents import Recipient


@dataclass(frozen=True)
class JobInputs:
    """What a job was asked for: the screen's choices, or the command line's options."""

    month: Period | None = None
    period: Period | None = None
    as_of: dt.date | None = None
    flags: frozenset[str] = frozenset()  # e.g. "internal", "rows", "all_clients", "update"
    # Who receives an identified export: a purpose of codes.EXPORT_PURPOSES, or None for a
    # recipient named in clients' consents, and the recipient's name.
    purpose: str | None = None
    recipient: str | None = None

    def the_month(self) -> Period:
        if self.month is None:
            raise ValueError("no month was chosen")
        return self.month

    def the_period(self) -> Period:
        if self.period is None:
            raise ValueError("no period was chosen")
        return self.period


@dataclass(frozen=True)
class Caller:
    """Who runs a job, on which day, on which database (None for a job that reads none).
    The command line signs in only for a job that reads the database, so a job that
    reads none (the empty template) has no actor either."""

    actor: Actor | None
    today: dt.date
    database: Database | None = None
    # The translations of the reports' words (desktop/report_words.py); None: English.
    catalogues: Catalogues | None = None

    def the_actor(self) -> Actor:
        if self.actor is None:
            raise ValueError("this job needs a signed-in user")
        return self.actor

    def the_database(self) -> Database:
        if self.database is None:
            raise ValueError("this job needs a database")
        return self.database


Runner = Callable[[Caller, JobInputs, Path, Progress | None, IsCancelled | None], object]


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
        caller.the_actor(),
        month.start.year,
        month.start.month,
        target,
        internal="internal" in i.flags,
        progress=progress,
        cancelled=cancelled,
        catalogues=caller.catalogues,
    )


def funder(
    caller: Caller,
    i: JobInputs,
    target: Path,
    progress: Progress | None,
    cancelled: IsCancelled | None,
) -> object:
    from reports.outputs.funder import funder_workbook
    from reports.outputs.funder_profiles import FUNDER

    period = i.the_period()
    return funder_workbook(
        caller.the_database(),
        caller.the_actor(),
        period.start,
        period.end,
        target,
        rows="rows" in i.flags,
        threshold=FUNDER.threshold,
        progress=progress,
        cancelled=cancelled,
        catalogues=caller.catalogues,
    )


def call_list(
    caller: Caller,
    i: JobInputs,
    target: Path,
    _progress: Progress | None,
    _cancelled: IsCancelled | None,
) -> object:
    """The printable call list of the day asked (default today): every follow-up due or
    just missed, as the worklist lists them unfiltered."""
    from forms.settings import load_settings
    from reports.datasets.followups_due import Filters
    from reports.outputs.call_list import write_call_list_pdf

    database = caller.the_database()
    months = load_settings(database).followup_months
    day = i.as_of or caller.today
    return write_call_list_pdf(database, caller.the_actor(), target, day, months, Filters())


def profile(key: str) -> Runner:
    """The runner of the funder profile `key` (reports.outputs.funder_profiles)."""

    def run(
        caller: Caller,
        i: JobInputs,
        target: Path,
        progress: Progress | None,
        cancelled: IsCancelled | None,
    ) -> object:
        from reports.outputs.funder_profiles import PROFILES
        from reports.outputs.profiles import profile_output
        from reports.tables.profile_spec import Asked

        chosen = next(p for p in PROFILES if p.key == key)
        period = i.the_month() if chosen.period is Asked.MONTH else i.the_period()
        return profile_output(
            caller.the_database(),
            caller.the_actor(),
            chosen,
            period,
            target,
            progress=progress,
            cancelled=cancelled,
        )

    return run


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
        caller.the_actor(),
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
        caller.the_actor(),
        source,
        caller.today,
        update="update" in i.flags,
        progress=progress,
        cancelled=cancelled,
    )
