"""The harm tally of the monthly report: DOMAIN.md §7 over the clients of a period.

The assessed clients go through `reports.datasets.harm_summary` (and, at each
month-end of the trend, `HarmPoint`); the others have only events, so their
flags are counted in SQL (`Unassessed`) rather than by loading tens of
thousands of histories to read one event each.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from db.dates import Period
from reports.rules import harm as rules
from reports.rules.facts import ClientHistory
from reports.rules.harm_trend import Levels


def assessed_in(history: ClientHistory, period: Period) -> bool:
    """A completed assessment dated in `period`: the client's 28-day items are known."""
    return any(
        a.assessed_on in period and a.contact_status == "completed" for a in history.assessments
    )


@dataclass(frozen=True)
class Unassessed:
    """Clients with events in the period but no completed assessment: their flags come
    from events alone, so SQL counts them without loading their histories."""

    clients: int
    flagged: dict[str, int]
    event_totals: dict[str, int]  # events of every client, each counted `count` times
    deaths: int  # clients who died in the period (a death is one per client, not an event)


@dataclass
class HarmPoint:
    """Assessed clients' harm in the 12 months ending on one date.

    Clients are counted by their (self, others, community, index) tuple: an
    agency has a few hundred distinct ones, so the sums are taken once at the
    end instead of four additions per client and date.
    """

    seen: dict[Levels, int] = field(default_factory=dict)

    def add(self, levels: Levels) -> None:
        self.seen[levels] = self.seen.get(levels, 0) + 1

    def merge(self, other: HarmPoint) -> None:
        for levels, n in other.seen.items():
            self.seen[levels] = self.seen.get(levels, 0) + n

    @property
    def assessed(self) -> int:
        return sum(self.seen.values())

    @property
    def flags(self) -> dict[str, int]:
        """Flags raised per level, summed over the assessed clients."""
        return {
            level: sum(int(v[i]) * n for v, n in self.seen.items())
            for i, level in enumerate(rules.LEVELS)
        }

    @property
    def any_flag(self) -> dict[str, int]:
        """Assessed clients with at least one flag, per level."""
        return {
            level: sum(n for v, n in self.seen.items() if v[i] > 0)
            for i, level in enumerate(rules.LEVELS)
        }

    @property
    def ahi_sum(self) -> float:
        # In tenths, as whole numbers: the same total whatever order clients came in.
        return sum(round(v[3] * 10) * n for v, n in self.seen.items()) / 10
