"""The monthly report's data, as both the monthly PDF and the funder workbook print it:
the dataset of a period, read in one read transaction, laid out as its tables."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from db import closed_months, corrections, walk_share
from db import settings as agency_settings
from db.access import Actor, Permission
from db.dates import Period
from db.engine import Database, Session
from db.jobs import IsCancelled, Progress
from reports.datasets.alongside import Once
from reports.datasets.board_summary import (
    BoardComparison,
    KeptFigures,
    compared_months,
    month_before,
    year_before,
)
from reports.datasets.demographics import Demographics, demographics
from reports.datasets.monthly_dataset import WalkObserver, monthly_dataset
from reports.datasets.outcome_change import OutcomeChange
from reports.datasets.referral_months import ReferralMonths, referral_months
from reports.tables.kept_figures import kept_figures
from reports.tables.language import Catalogues, ReportLanguage, report_language
from reports.tables.report_data import MoreSections, ReportData, report_data


def agency_language(database: Database, catalogues: Catalogues | None) -> ReportLanguage:
    """The language the agency's settings choose for its reports, as `catalogues` (from
    whoever runs the report: the desktop or the command line) translate it."""
    with database.reading() as session:
        chosen = agency_settings.load(session).report_language
    return report_language(chosen, catalogues)


def build_report_data(
    database: Database,
    actor: Actor,
    period: Period,
    *,
    internal: bool = False,
    generated_at: dt.datetime | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    observers: Sequence[WalkObserver] = (),
    summary: bool = False,
    threshold: int | None = None,
    outcomes: OutcomeChange | None = None,
    more: MoreSections = (),
) -> ReportData:
    """Everything the report prints for `period`; status and harm are read at its last day.

    `observers` also see every client the tables count as the walk passes (the
    funder workbook's de-identified rows). `summary` adds the summary page's comparison
    with the month before and the same month a year before (the monthly PDF).
    `threshold` replaces the agency's suppression threshold (a funder profile's, never
    lower); `outcomes` counts outcome change over its own period and `more` adds an
    output's own sections (`reports.outputs.profiles`).
    """
    actor.require(Permission.REPORTS)
    with database.reading() as session:
        walk_share.read_at_one_moment(session)  # its walk workers read the same state
        settings = agency_settings.load(session)
        if threshold is not None:
            settings = replace(settings, suppression_threshold=threshold)
        if outcomes is None and summary:
            outcomes = OutcomeChange(Period.twelve_months_ending(period.end))
        watching = tuple(observers)
        read = Once(lambda: _read_beside(session, period, settings.followup_months, summary))
        data = monthly_dataset(
            session,
            period,
            settings.followup_months,
            pool_below=None if internal else settings.suppression_threshold,
            observers=watching if outcomes is None else (*watching, outcomes),
            progress=progress,
            cancelled=cancelled,
            also=read,
        )
        beside = read()
    board = beside.compared
    if board is not None:  # a compared month that is closed compares as it was printed
        kept_before = _kept(database, actor, month_before(period))
        kept_year = _kept(database, actor, year_before(period))
        board = replace(board, kept_before=kept_before, kept_year=kept_year)
    made = report_data(
        data,
        settings,
        internal=internal,
        generated_at=generated_at,
        board=board,
        outcomes=outcomes,
        people=beside.people,
        more=more,
        referrals=beside.referrals,
    )
    return replace(made, revisions=beside.revisions, closed_revisions=beside.closed)


@dataclass(frozen=True)
class _Beside:
    """What the report reads besides its dataset, needing nothing the walk finds."""

    compared: BoardComparison | None
    people: Demographics | None
    referrals: ReferralMonths
    closed: tuple[tuple[str, int], ...]
    revisions: tuple[tuple[str, int], ...]


def _read_beside(session: Session, period: Period, months: Sequence[int], summary: bool) -> _Beside:
    reported = corrections.revisions_of_reported_months(session, period.start)
    return _Beside(
        compared_months(session, period, months) if summary else None,
        demographics(session, period) if summary else None,
        referral_months(session, period),
        tuple(closed_months.revisions_after_closing(session, period.start)),
        # A closed month's figures stand as closed: only what changed since is listed.
        tuple(r for r in reported if closed_months.closing(session, r[0]) is None),
    )


def _kept(database: Database, actor: Actor, month: Period) -> KeptFigures | None:
    """The summary figures `month`'s report printed when it was closed; None while open."""
    # closed_reports keeps a month's report by building it here: imported when called.
    from reports.outputs.closed_reports import closed_report

    data = closed_report(database, actor, month, internal=True)
    return None if data is None else kept_figures(data)
