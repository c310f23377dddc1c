"""The monthly report's tables, as the PDF and the funder workbook both print them.

`report_data` lays the counts of a `MonthlyDataset` out as sections of table
specs, in print order. Every count goes into one ledger, which suppresses
small numbers across all tables at once (unless the report is internal); the
result holds only printed values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from db.dates import Period
from db.settings import AgencySettings, unit_costs
from reports.datasets.board_summary import BoardComparison
from reports.datasets.demographics import Demographics
from reports.datasets.monthly_dataset import MonthlyDataset
from reports.datasets.outcome_change import OutcomeChange
from reports.datasets.referral_months import ReferralMonths
from reports.rules.followup import FOLLOWUP_TARGET_PERCENT
from reports.rules.words import N_, Sentence
from reports.tables.board_summary import summary_spec
from reports.tables.definitions import definitions
from reports.tables.demographic_tables import demographic_specs
from reports.tables.language import ENGLISH, ReportLanguage
from reports.tables.ledger import Ledger
from reports.tables.monthly_community import caseload_spec, community_specs, register_areas
from reports.tables.monthly_followup import followup_spec
from reports.tables.monthly_harm import harm_specs
from reports.tables.monthly_recovery import recovery_specs
from reports.tables.monthly_trends import trend_specs
from reports.tables.outcome_tables import outcome_specs
from reports.tables.referral_tables import SECTION_INTRO, SECTION_TITLE, referral_spec
from reports.tables.report_tables import Disclosure, Row, Table, TableSpec, render
from reports.tables.stewardship import stewardship_section


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    intro: str
    tables: tuple[Table, ...]


@dataclass(frozen=True)
class ReportData:
    agency: str
    period: Period
    harm_period: Period
    generated_at: dt.datetime
    disclosure: Disclosure
    paper_size: str
    state: str
    followup_months: tuple[int, ...]
    sections: tuple[Section, ...]
    trend_dates: tuple[dt.date, ...]
    trends: tuple[Table, ...]
    community: Table  # every area with every column, for the workbook
    definitions: tuple[tuple[str, str], ...]
    # ("YYYY-MM", n): n records of an earlier month were corrected after its report.
    revisions: tuple[tuple[str, int], ...] = ()
    # ("YYYY-MM", n): n records of an earlier closed month were corrected after it was
    # closed; its figures stay as closed (those months are not in `revisions`).
    closed_revisions: tuple[tuple[str, int], ...] = ()
    # Every count and printed equation behind the tables, for checking them.
    ledger: Ledger = field(repr=False, compare=False, default_factory=Ledger)
    # The summary page (the monthly PDF only): None when not asked for.
    summary: Table | None = None
    # Sections printed after the trends (the monthly PDF only): outcome change, demographics.
    board_sections: tuple[Section, ...] = ()
    # The language its words are in: English as laid out, another after `in_language`.
    language: ReportLanguage = ENGLISH

    def table(self, key: str) -> Table:
        everything = (*self.sections, *self.board_sections)
        for table in (*(t for s in everything for t in s.tables), *self.trends):
            if table.key == key:
                return table
        raise KeyError(key)


SectionSpecs = tuple[str, str, str, list[TableSpec]]
# More tables an output asks for (a funder profile's): registered after the report's own,
# suppressed with them, printed among the board sections.
MoreSections = Sequence[Callable[[Ledger], SectionSpecs]]


def report_data(
    data: MonthlyDataset,
    settings: AgencySettings,
    *,
    internal: bool = False,
    generated_at: dt.datetime | None = None,
    board: BoardComparison | None = None,
    outcomes: OutcomeChange | None = None,
    people: Demographics | None = None,
    more: MoreSections = (),
    referrals: ReferralMonths | None = None,
) -> ReportData:
    """The printed tables of `data`, suppressed as `settings` and `internal` say; with
    `board`, the summary page too; `more` adds an output's own sections. `referrals`
    (by type and month) print in Stewardship with `board`, else in a section of their own."""
    disclosure = Disclosure(settings.suppression_threshold, internal)
    ledger = Ledger()
    # Registered in print order: the ledger's suppression takes lines in that order.
    register_areas(data.areas, ledger)
    caseload = caseload_spec(data.caseload, ledger)
    community = community_specs(data.areas, ledger)
    referral = None if referrals is None else referral_spec(referrals, ledger)
    sections = _sections(data, caseload, community, ledger)
    if referral is not None and board is None:
        sections.append(("referrals", SECTION_TITLE, SECTION_INTRO, [referral]))
    trend = trend_specs(data.trend, data.followups, ledger)
    summary = None
    if board is not None:
        target = FOLLOWUP_TARGET_PERCENT
        summary = summary_spec(board, data.trend, data.followups, ledger, target)
    board_sections = _board_sections(outcomes, people, ledger)
    if board is not None:
        costs = unit_costs(settings)
        board_sections.append(stewardship_section(data.areas, costs, ledger, referral))
    board_sections += [make(ledger) for make in more]
    ledger.suppress(disclosure.effective_threshold)
    printed = _Printed(ledger, disclosure)
    return ReportData(
        agency=settings.agency_name,
        period=data.period,
        harm_period=Period.twelve_months_ending(data.period.end),
        generated_at=generated_at or dt.datetime.now(dt.UTC),
        disclosure=disclosure,
        paper_size=settings.paper_size,
        state=settings.state,
        followup_months=tuple(settings.followup_months),
        sections=tuple(Section(k, title, intro, printed(ss)) for k, title, intro, ss in sections),
        trend_dates=data.trend.dates,
        trends=printed(trend),
        community=printed([community[2]])[0],
        definitions=tuple(
            definitions(
                suppression_threshold=settings.suppression_threshold,
                followup_months=settings.followup_months,
            )
        ),
        ledger=ledger,
        summary=None if summary is None else printed([summary])[0],
        board_sections=tuple(Section(k, t, i, printed(ss)) for k, t, i, ss in board_sections),
    )


def _board_sections(
    outcomes: OutcomeChange | None, people: Demographics | None, ledger: Ledger
) -> list[SectionSpecs]:
    found: list[SectionSpecs] = []
    if outcomes is not None:
        p = outcomes.period
        found.append(
            (
                "outcomes",
                N_("Outcome change"),
                Sentence(
                    N_(
                        "Clients with a completed follow-up or discharge from {start} to"
                        " {end}: their latest one beside the intake before it, for each"
                        " measure both answered."
                    ),
                    start=p.start,
                    end=p.end,
                ),
                outcome_specs(outcomes, ledger),
            )
        )
    if people is not None:
        found.append(
            (
                "demographics",
                N_("Demographics"),
                N_("The clients served in the period (section 1), as recorded on their record."),
                demographic_specs(people, ledger),
            )
        )
    return found


@dataclass(frozen=True)
class _Printed:
    """Renders table specs once the ledger has suppressed."""

    ledger: Ledger
    disclosure: Disclosure

    def __call__(self, specs: list[TableSpec]) -> tuple[Table, ...]:
        return tuple(render(s, self.ledger, self.disclosure) for s in specs)


def _sections(
    data: MonthlyDataset, caseload: TableSpec, community: list[TableSpec], ledger: Ledger
) -> list[SectionSpecs]:
    as_of = data.period.end
    unknown = data.unknown
    return [
        ("caseload", N_("1. Caseload"), N_("Clients and contacts in the period."), [caseload]),
        (
            "followups",
            N_("2. Follow-ups"),
            N_("Follow-up points of every intake, and the windows that closed in the period."),
            [followup_spec(data.followups, ledger)],
        ),
        (
            "recovery",
            N_("3. Recovery"),
            Sentence(
                N_("Status of the primary substance on {day}, for clients with a known status."),
                day=as_of,
            ),
            recovery_specs(
                data.recovery, ledger, as_of, unknown.followed, unknown.not_followed, data.deceased
            ),
        ),
        (
            "harm",
            N_("4. Harm"),
            Sentence(
                N_(
                    "The 12 months ending on {day}: flags at three levels, raw counts beside"
                    " every mean."
                ),
                day=as_of,
            ),
            harm_specs(data.harm, data.unassessed, data.trend.harm[-1], ledger),
        ),
        (
            "community",
            N_("5. Community"),
            N_("Programme tallies of the encounters in the period, by area."),
            community[:2],
        ),
    ]


def in_language(data: ReportData, language: ReportLanguage) -> ReportData:
    """The report with every marked word said in `language` (titles, labels, columns,
    notes, section intros, definitions); the numbers, keys and ledger as they are."""
    if language == data.language:
        return data
    say = language.say

    def table(t: Table) -> Table:
        rows = tuple(
            Row(say(r.label), tuple(say(v) if isinstance(v, str) else v for v in r.values),
                r.total, r.kind)
            for r in t.rows
        )  # fmt: skip
        columns = tuple(say(c) for c in t.columns)
        return replace(t, title=say(t.title), row_header=say(t.row_header), columns=columns,
                       rows=rows, note=say(t.note))  # fmt: skip

    def section(s: Section) -> Section:
        return Section(s.key, say(s.title), say(s.intro), tuple(table(t) for t in s.tables))

    return replace(
        data,
        sections=tuple(section(s) for s in data.sections),
        trends=tuple(table(t) for t in data.trends),
        community=table(data.community),
        definitions=tuple((say(h), say(p)) for h, p in data.definitions),
        summary=None if data.summary is None else table(data.summary),
        board_sections=tuple(section(s) for s in data.board_sections),
        language=language,
    )
