"""What a funder profile is: the data that describes one funder's output
(`reports.outputs.profiles` builds it; `reports.outputs.funder_profiles` lists them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

# The catalogue a profile chooses from (`reports.tables.profile_tables` prints them).
AREA, MONTH, GOAL = "area", "month", "goal"
BREAKDOWNS = {
    AREA: "the community tables one row per area, not only All areas",
    MONTH: "the trend tables one row per month-end, not only the period's end",
    GOAL: "the outcome change table again for each of the clients' own goals",
}
COMMUNITY = ("community_supplies", "community_services", "community_by_area")
TRENDS = ("trend_recovery", "trend_followups", "trend_harm")
OUTCOMES = ("outcome_change", "outcome_goal_clients", "outcome_goal_improved")
REPORT = (
    "caseload",
    "followups",
    "recovery_population",
    "dsm_by_goal",
    "severity",
    "specifiers",
    "recovery_by_goal",
    "sobriety_by_goal",
    "serial_recovery",
    "self_identified",
    "harm_clients",
    "harm_self",
    "harm_others",
    "harm_community",
    "event_totals",
    "harm_index",
    "harm_paired",
    "community_supplies",
    "community_services",
    "referrals_by_type",
)
# Every key a profile may name: the monthly report's tables, the workbook's table of
# every area, the trends, and outcome change (counted over the profile's own period).
MEASURES = (*REPORT, "community_by_area", *TRENDS, *OUTCOMES)
BY_GOAL = "outcomes_by_goal"


class Layout(StrEnum):
    FUNDER = "funder"  # the funder workbook: Summary, Community, Trends, Flat, Dictionary, About
    TABLES = "tables"  # a workbook: a sheet per measure, then Flat and About
    CSV = "csv"  # the Flat sheet's rows as a CSV file


class Asked(StrEnum):
    MONTH = "month"  # one calendar month
    PERIOD = "period"  # any period, from one day to another


@dataclass(frozen=True)
class FunderProfile:
    key: str  # the job's key; its subcommand is `export KEY` with - for _
    title: str  # marked with N_ for translation
    description: str
    measures: tuple[str, ...]  # keys of profile_tables.MEASURES, in print order
    breakdowns: frozenset[str] = frozenset()  # keys of profile_tables.BREAKDOWNS
    period: Asked = Asked.PERIOD
    threshold: int | None = None  # None: the agency's; a larger one raises it
    layout: Layout = Layout.TABLES
    help: str = field(default="", compare=False)  # the subcommand's one-line help

    @property
    def suffix(self) -> str:
        return ".csv" if self.layout is Layout.CSV else ".xlsx"

    def problems(self) -> list[str]:
        """What is wrong with the profile, one line each (empty when it can be built)."""
        found = [f"{self.key}: unknown measure {m}" for m in self.measures if m not in MEASURES]
        found += [
            f"{self.key}: unknown breakdown {b}"
            for b in sorted(self.breakdowns)
            if b not in BREAKDOWNS
        ]
        if not self.measures:
            found.append(f"{self.key}: no measures")
        if len(set(self.measures)) != len(self.measures):
            found.append(f"{self.key}: a measure named twice")
        if self.threshold is not None and self.threshold < 2:
            found.append(f"{self.key}: a threshold below 2 hides nothing")
        if self.layout is Layout.FUNDER and self.measures != FUNDER_MEASURES:
            found.append(f"{self.key}: the funder workbook's sheets hold the whole report")
        return found


# What the funder workbook's own sheets print: every table of the report, every area, every
# month of the trends.
FUNDER_MEASURES = (*REPORT, "community_by_area", *TRENDS)
