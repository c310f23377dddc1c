"""Harm across clients (DOMAIN.md §7): flagged clients, event totals, paired
change, and the programme tallies of the community summary, by area."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from db.codes import ENCOUNTER_TALLIES
from reports.dates import Period
from reports.facts import ClientHistory
from reports.harm import (
    COMMUNITY,
    INDICATOR_LEVEL,
    OTHERS,
    SELF,
    ClientHarm,
    client_harm,
    paired_harm,
)
from reports.recovery import death_date


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


def _means(harms: list[ClientHarm]) -> LevelMeans:
    n = len(harms)
    if n == 0:
        return LevelMeans(0, None, None, None, None)
    return LevelMeans(
        n,
        round(sum(h.harm_self for h in harms) / n, 2),
        round(sum(h.harm_others for h in harms) / n, 2),
        round(sum(h.harm_community for h in harms) / n, 2),
        round(sum(h.ahi for h in harms) / n, 1),
    )


def _flag_counts(harms: Iterable[ClientHarm]) -> dict[str, int]:
    counts = dict.fromkeys(INDICATOR_LEVEL, 0)
    for h in harms:
        for flag in h.flags:
            counts[flag] += 1
    return counts


def _paired(pairs: list[tuple[ClientHarm, ClientHarm]]) -> PairedChange:
    before = _means([p[0] for p in pairs])
    after = _means([p[1] for p in pairs])
    change = None
    if pairs:
        change = round(sum(p[1].ahi - p[0].ahi for p in pairs) / len(pairs), 1)
    return PairedChange(
        len(pairs),
        before,
        after,
        change,
        _flag_counts(p[0] for p in pairs),
        _flag_counts(p[1] for p in pairs),
    )


def _indicators(
    all_flags: dict[str, int], assessed: list[ClientHarm]
) -> tuple[IndicatorCount, ...]:
    among_assessed = _flag_counts(assessed)
    n = len(assessed)
    return tuple(
        IndicatorCount(
            key,
            level,
            all_flags[key],
            among_assessed[key],
            round(100 * among_assessed[key] / n, 1) if n else None,
        )
        for key, level in INDICATOR_LEVEL.items()
    )


def summarise_harm(histories: Iterable[ClientHistory], period: Period) -> HarmSummary:
    """Every client given counts (deceased ones too); percentages and means are
    over clients with a completed assessment in the period, whose 28-day items
    are known."""
    clients = 0
    assessed: list[ClientHarm] = []
    all_flags = dict.fromkeys(INDICATOR_LEVEL, 0)
    totals: dict[str, int] = {}
    pairs = []
    for history in histories:
        clients += 1
        harm = client_harm(history, period)
        for flag in harm.flags:
            all_flags[flag] += 1
        for event, count in harm.event_counts.items():
            totals[event] = totals.get(event, 0) + count
        if harm.assessed_on is not None:
            assessed.append(harm)
            pair = paired_harm(history, period)
            if pair is not None:
                pairs.append(pair)
    return HarmSummary(
        period,
        clients,
        len(assessed),
        _indicators(all_flags, assessed),
        totals,
        _means(assessed),
        _paired(pairs),
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
