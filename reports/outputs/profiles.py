"""Funder profiles: an output described by data, not code.

A `FunderProfile` says which measures (tables of `reports.tables.profile_tables.MEASURES`)
a funder receives, broken down how, for a month or a period, suppressed at which
threshold (never below the agency's own), and as what file: the funder workbook's own
sheets, a workbook with a sheet per measure, or a CSV of flat rows. The profiles an
agency ships are listed in `reports.outputs.funder_profiles`; the job registry makes a
job (and a subcommand) of each, so the Reports screen and the command line list them.

`profile_output` builds the profile's file. A closed month prints from the figures kept
when it was closed (`reports.outputs.closed_reports`) when every table the profile asks
for was kept; outcome change, counted over the profile's own period, is never kept.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from db import audit
from db import settings as agency_settings
from db.access import Actor, Permission
from db.dates import Period
from db.engine import Database
from db.jobs import IsCancelled, Progress
from reports.datasets.outcome_change import OutcomeChange
from reports.tables import profile_spec as catalogue
from reports.tables.monthly_community import CLIENTS_SERVED
from reports.tables.profile_spec import FunderProfile
from reports.tables.profile_tables import GOAL, Selected, outcomes_by_goal, records, selected
from reports.tables.report_data import MoreSections, ReportData

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProfileResult:
    data: ReportData
    tables: tuple[Selected, ...]
    figures: int  # numbers and hidden figures written
    suppressed: int
    as_closed: bool  # printed from the figures kept when the month was closed


def effective_threshold(profile: FunderProfile, agency: int) -> int:
    """The profile's threshold, never below the agency's own."""
    return max(agency, profile.threshold or agency)


def profile_output(
    database: Database,
    actor: Actor,
    profile: FunderProfile,
    period: Period,
    target: Path,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    generated_at: dt.datetime | None = None,
) -> ProfileResult:
    """Build `profile` for `period` into `target` and record the export (its audit row
    commits before the file takes its name: never a file without its row)."""
    actor.require(Permission.REPORTS)
    problems = profile.problems()
    if problems:
        raise ValueError(problems[0])
    with database.reading() as session:
        agency = agency_settings.load(session).suppression_threshold
    threshold = effective_threshold(profile, agency)
    kept = _kept(database, actor, profile, period, threshold, generated_at)
    data = kept or _built(
        database, actor, profile, period, threshold, progress, cancelled, generated_at
    )
    database.require_healthy_file()  # nothing is written from a damaged file
    tables = tuple(selected(data, profile.measures, profile.breakdowns))
    figures = tuple(records(data, tables))
    hidden = sum(1 for f in figures if f.suppressed)
    result = ProfileResult(data, tables, len(figures), hidden, kept is not None)

    def audit_it() -> None:
        _audit(database, actor, profile, period, Path(target), result)

    from reports.render import profile_files  # xlsxwriter is loaded when a profile runs

    profile_files.write(profile, data, tables, figures, Path(target), cancelled, audit_it)
    log.info("profile %s %s..%s written to %s", profile.key, period.start, period.end, target)
    return result


def _kept(
    database: Database,
    actor: Actor,
    profile: FunderProfile,
    period: Period,
    threshold: int,
    generated_at: dt.datetime | None,
) -> ReportData | None:
    """The closed month's kept figures, when they hold every table the profile asks for
    at a threshold at least the profile's."""
    from reports.outputs.closed_reports import closed_report

    if any(m in catalogue.OUTCOMES for m in profile.measures):
        return None
    data = closed_report(database, actor, period, False, generated_at)
    if data is None or data.disclosure.threshold < threshold:
        return None
    return data


def _built(
    database: Database,
    actor: Actor,
    profile: FunderProfile,
    period: Period,
    threshold: int,
    progress: Progress | None,
    cancelled: IsCancelled | None,
    generated_at: dt.datetime | None,
) -> ReportData:
    from reports.outputs.monthly_data import build_report_data

    outcomes = None
    more: MoreSections = ()
    if any(m in catalogue.OUTCOMES for m in profile.measures):
        outcomes = OutcomeChange(period)
        if GOAL in profile.breakdowns and "outcome_change" in profile.measures:
            more = (outcomes_by_goal(outcomes),)
    return build_report_data(
        database,
        actor,
        period,
        generated_at=generated_at,
        progress=progress,
        cancelled=cancelled,
        threshold=threshold,
        outcomes=outcomes,
        more=more,
    )


def _audit(
    database: Database,
    actor: Actor,
    profile: FunderProfile,
    period: Period,
    target: Path,
    result: ProfileResult,
) -> None:
    with database.writing() as session:
        audit.record(
            session,
            actor,
            "export",
            "funder_profile",
            f"{profile.key} {period.start}..{period.end}",
            after={
                "profile": profile.key,
                "file": target.name,
                "from": period.start,
                "to": period.end,
                "clients_served": result.data.ledger.value(CLIENTS_SERVED),
                "threshold": result.data.disclosure.threshold,
                "as_closed": result.as_closed,
                "scope": "aggregate tables, small counts suppressed",
            },
        )
