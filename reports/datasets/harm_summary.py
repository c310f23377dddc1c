"""Harm across clients (DOMAIN.md §7): flagged clients, event totals, paired
change, and the programme tallies of the community summary, by area."""

from __future__ import annotations

from array import array
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
    """Flag counts and index over clients, summed as they pass; the index's float terms
    are kept (8 bytes a client) and added at the end in the order the clients passed."""

    __slots__ = ("ahi", "clients", "flags", "harm_community", "harm_others", "harm_self")

    def __init__(self) -> None:
        self.clients = 0
        self.harm_self = self.harm_others = self.harm_community = 0
        self.ahi = array("d")
        self.flags = dict.fromkeys(INDICATOR_LEVEL, 0)

    def add(self, harm: ClientHarm) -> None:
        self.clients += 1
        self.harm_self += harm.harm_self
        self.harm_others += harm.harm_others
        self.harm_community += harm.harm_community
        self.ahi.append(harm.ahi)
        for flag in harm.flags:
            self.flags[flag] += 1

    def merge(self, later: _Sums) -> None:
        self.clients += later.clients
        self.harm_self += later.harm_self
        self.harm_others += later.harm_others
        self.harm_community += later.harm_community
        self.ahi.extend(later.ahi)
        for flag, count in later.flags.items():
            self.flags[flag] += count

    def means(self) -> LevelMeans:
        n = self.clients
        if n == 0:
            return LevelMeans(0, None, None, None, None)
        return LevelMeans(
            n,
            round(self.harm_self / n, 2),
            round(self.harm_others / n, 2),
            round(self.harm_community / n, 2),
            round(_added_in_order(self.ahi) / n, 1),
        )


class _Pairs:
    """Intake and latest sides of every pair; the change in index is their difference."""

    __slots__ = ("after", "before")

    def __init__(self) -> None:
        self.before, self.after = _Sums(), _Sums()

    def add(self, pair: tuple[ClientHarm, ClientHarm]) -> None:
        self.before.add(pair[0])
        self.after.add(pair[1])

    def merge(self, later: _Pairs) -> None:
        self.before.merge(later.before)
        self.after.merge(later.after)

    def summary(self) -> PairedChange:
        n = self.before.clients
        sides = zip(self.after.ahi, self.before.ahi, strict=True)
        change = _added_in_order(after - before for after, before in sides)
        return PairedChange(
            n,
            self.before.means(),
            self.after.means(),
            round(change / n, 1) if n else None,
            self.before.flags,
            self.after.flags,
        )


def _added_in_order(terms: Iterable[float]) -> float:
    """Left to right from 0.0, as the figures have always been added (not `sum`, which
    compensates its rounding from Python 3.12 on: one walk's sum and a split walk's must
    be the same float)."""
    total = 0.0
    for term in terms:
        total += term
    return total


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
# and its intake/latest pair.
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
    return harm_tally(histories, period).summary(period)


def harm_tally(histories: Iterable[ClientHistory], period: Period) -> HarmTally:
    """The tally `summarise_harm` sums up, of `histories` in their order."""
    tally = HarmTally()
    for history in histories:
        tally.add(harm_part(history, period))
    return tally


class HarmTally:
    """The harm summary of clients added one by one in walk order (`add`), or of parts of
    the walk added in walk order (`merge`): a walk worker sends its part's tally, a few
    bytes a client, for the parent to add up (reports.datasets.walk_split)."""

    __slots__ = ("all_flags", "assessed", "clients", "pairs", "totals")

    def __init__(self) -> None:
        self.clients = 0
        self.assessed = _Sums()
        self.all_flags = dict.fromkeys(INDICATOR_LEVEL, 0)
        self.totals: dict[str, int] = {}  # in the order the walk first met each event
        self.pairs = _Pairs()

    def add(self, part: HarmPart) -> None:
        harm, was_assessed, pair = part
        self.clients += 1
        for flag in harm.flags:
            self.all_flags[flag] += 1
        for event, count in harm.event_counts.items():
            self.totals[event] = self.totals.get(event, 0) + count
        if was_assessed:
            self.assessed.add(harm)
            if pair is not None:
                self.pairs.add(pair)

    def merge(self, later: HarmTally) -> None:
        """Add the tally of the clients walked after this one's."""
        self.clients += later.clients
        for flag, count in later.all_flags.items():
            self.all_flags[flag] += count
        for event, count in later.totals.items():
            self.totals[event] = self.totals.get(event, 0) + count
        self.assessed.merge(later.assessed)
        self.pairs.merge(later.pairs)

    def summary(self, period: Period) -> HarmSummary:
        return HarmSummary(
            period,
            self.clients,
            self.assessed.clients,
            _indicators(self.all_flags, self.assessed),
            self.totals,
            self.assessed.means(),
            self.pairs.summary(),
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
