"""Harm across clients (DOMAIN.md §7): flagged clients, event totals, paired
change, and the programme tallies of the community summary, by area."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from db.codes import ENCOUNTER_TALLIES
from db.dates import Period
from reports.rules.facts import ClientHistory, death_date
from reports.rules.harm import (
    COMMUNITY,
    INDICATOR_LEVEL,
    OTHERS,
    SELF,
    ClientHarm,
    harm_from,
    latest_completed,
    paired_harm_at,
)


@dataclass(frozen=True, slots=True)
class IndicatorCount:
    """Clients with one indicator set; the percentage is among clients assessed."""

    indicator: str
    level: str
    clients_flagged: int
    assessed_flagged: int
    percent_of_assessed: float | None


@dataclass(frozen=True, slots=True)
class LevelMeans:
    """Mean flag counts per level and mean index over `clients` clients."""

    clients: int
    harm_self: float | None
    harm_others: float | None
    harm_community: float | None
    ahi: float | None


@dataclass(frozen=True, slots=True)
class PairedChange:
    """Intake against latest assessment, for clients who have both."""

    pairs: int
    at_intake: LevelMeans
    at_latest: LevelMeans
    ahi_change: float | None
    flagged_at_intake: Mapping[str, int]
    flagged_at_latest: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class HarmSummary:
    period: Period
    clients: int
    assessed: int
    indicators: tuple[IndicatorCount, ...]
    event_totals: Mapping[str, int]
    assessed_means: LevelMeans
    paired: PairedChange


class _Sums:
    """Running sums of flag counts and index over clients, so an agency's harm is
    summarised in constant memory however many clients pass."""

    __slots__ = ("ahi", "clients", "flags", "harm_community", "harm_others", "harm_self")

    def __init__(self) -> None:
        self.clients = 0
        self.harm_self = self.harm_others = self.harm_community = 0
        self.ahi = 0.0
        self.flags = dict.fromkeys(INDICATOR_LEVEL, 0)

    def add(self, harm: ClientHarm) -> None:
        self.clients += 1
        self.harm_self += harm.harm_self
        self.harm_others += harm.harm_others
        self.harm_community += harm.harm_community
        self.ahi += harm.ahi
        for flag in harm.flags:
            self.flags[flag] += 1

    def means(self) -> LevelMeans:
        n = self.clients
        if n == 0:
            return LevelMeans(0, None, None, None, None)
        return LevelMeans(
            n,
            round(self.harm_self / n, 2),
            round(self.harm_others / n, 2),
            round(self.harm_community / n, 2),
            round(self.ahi / n, 1),
        )


class _Pairs:
    """Intake and latest sides of every pair, and the sum of the change in index."""

    __slots__ = ("after", "before", "change")

    def __init__(self) -> None:
        self.before, self.after, self.change = _Sums(), _Sums(), 0.0

    def add(self, pair: tuple[ClientHarm, ClientHarm]) -> None:
        self.before.add(pair[0])
        self.after.add(pair[1])
        self.change += pair[1].ahi - pair[0].ahi

    def summary(self) -> PairedChange:
        n = self.before.clients
        return PairedChange(
            n,
            self.before.means(),
            self.after.means(),
            round(self.change / n, 1) if n else None,
            self.before.flags,
            self.after.flags,
        )


def _indicators(all_flags: dict[str, int], assessed: _Sums) -> tuple[IndicatorCount, ...]:
    n = assessed.clients
    return tuple(
        IndicatorCount(
            key,
            level,
            all_flags[key],
            assessed.flags[key],
            round(100 * assessed.flags[key] / n, 1) if n else None,
        )
        for key, level in INDICATOR_LEVEL.items()
    )


# What the summary needs of one client: its harm, whether it was assessed in the period,
# and its intake/latest pair. Plain data, so walk workers send it to the parent, which sums
# them in walk order (the means are float sums: their order is kept, not trusted).
HarmPart = tuple[ClientHarm, bool, tuple[ClientHarm, ClientHarm] | None]


def harm_part(history: ClientHistory, period: Period) -> HarmPart:
    latest = latest_completed(history, period)
    harm = harm_from(history, period, latest)  # client_harm, with `latest` kept
    pair = paired_harm_at(history, latest) if latest is not None else None
    return harm, latest is not None, pair


def summarise_harm(histories: Iterable[ClientHistory], period: Period) -> HarmSummary:
    """Every client given counts (deceased ones too); percentages and means are
    over clients with a completed assessment in the period, whose 28-day items
    are known."""
    return summary_of_parts((harm_part(history, period) for history in histories), period)


def summary_of_parts(parts: Iterable[HarmPart], period: Period) -> HarmSummary:
    """`summarise_harm` of the clients whose `harm_part`s these are, in their order."""
    clients = 0
    assessed = _Sums()
    all_flags = dict.fromkeys(INDICATOR_LEVEL, 0)
    totals: dict[str, int] = {}
    pairs = _Pairs()
    for harm, was_assessed, pair in parts:
        clients += 1
        for flag in harm.flags:
            all_flags[flag] += 1
        for event, count in harm.event_counts.items():
            totals[event] = totals.get(event, 0) + count
        if was_assessed:
            assessed.add(harm)
            if pair is not None:
                pairs.add(pair)
    return HarmSummary(
        period,
        clients,
        assessed.clients,
        _indicators(all_flags, assessed),
        totals,
        assessed.means(),
        pairs.summary(),
    )


class EncounterLike(Protocol):
    """What the tallies read from an encounter row (EncounterFacts or a DB row)."""

    @property
    def occurred_on(self) -> date: ...
    @property
    def area(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class AreaTally:
    """Programme tallies of one area (None: area not recorded)."""

    area: str | None
    encounters: int
    tallies: Mapping[str, int]
    known_deaths: int

    @property
    def syringe_return_ratio(self) -> float | None:
        """Syringes returned per syringe handed out; None when none went out."""
        out = self.tallies.get("syringes_out", 0)
        return round(self.tallies.get("syringes_returned", 0) / out, 2) if out else None


class AreaTotalsLike(Protocol):
    """Encounters already summed per area, as db.report_queries.programme_tallies gives them."""

    @property
    def area(self) -> str | None: ...
    @property
    def encounters(self) -> int: ...
    @property
    def tallies(self) -> Mapping[str, int]: ...


def known_deaths_by_area(
    histories: Iterable[ClientHistory], period: Period
) -> dict[str | None, int]:
    """Clients who died in the period (death event or deceased contact), by postal code."""
    deaths: dict[str | None, int] = {}
    for history in histories:
        died = death_date(history)
        if died is not None and died in period:
            deaths[history.postal_code] = deaths.get(history.postal_code, 0) + 1
    return deaths


@dataclass(frozen=True, slots=True)
class ProgrammeTallies:
    """One row per area, sorted (area not recorded last), and the agency total."""

    areas: tuple[AreaTally, ...]
    total: AreaTally


def _zero() -> dict[str, int]:
    return dict.fromkeys(ENCOUNTER_TALLIES, 0)


def area_tallies(
    per_area: Iterable[AreaTotalsLike], deaths_by_area: Mapping[str | None, int] | None = None
) -> ProgrammeTallies:
    """Per-area sums (from SQL or from `programme_tallies`) with known deaths and a total."""
    found = {row.area: row for row in per_area}
    deaths = dict(deaths_by_area or {})
    areas = sorted(set(found) | set(deaths), key=lambda a: (a is None, a or ""))
    rows = tuple(
        AreaTally(
            a,
            found[a].encounters if a in found else 0,
            {**_zero(), **found[a].tallies} if a in found else _zero(),
            deaths.get(a, 0),
        )
        for a in areas
    )
    total = {name: sum(r.tallies[name] for r in rows) for name in ENCOUNTER_TALLIES}
    visits = sum(r.encounters for r in rows)
    return ProgrammeTallies(rows, AreaTally(None, visits, total, sum(deaths.values())))


def programme_tallies(
    encounters: Iterable[EncounterLike],
    period: Period,
    deaths_by_area: Mapping[str | None, int] | None = None,
) -> ProgrammeTallies:
    """Sums per area of the encounter rows dated in `period`, with known deaths beside them."""
    sums: dict[str | None, dict[str, int]] = {}
    visits: dict[str | None, int] = {}
    for row in encounters:
        if row.occurred_on not in period:
            continue
        into = sums.setdefault(row.area, _zero())
        visits[row.area] = visits.get(row.area, 0) + 1
        for name in ENCOUNTER_TALLIES:
            into[name] += getattr(row, name) or 0
    per_area = [AreaTally(area, visits[area], sums[area], 0) for area in sums]
    return area_tallies(per_area, deaths_by_area)


__all__ = [
    "COMMUNITY",
    "OTHERS",
    "SELF",
    "AreaTally",
    "HarmSummary",
    "IndicatorCount",
    "LevelMeans",
    "PairedChange",
    "ProgrammeTallies",
    "area_tallies",
    "known_deaths_by_area",
    "programme_tallies",
    "summarise_harm",
]
