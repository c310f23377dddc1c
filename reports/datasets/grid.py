"""Counts by (row key, column key), filled one client at a time: what a tally keeps for a
cross table until the table is laid out (`reports.tables.report_tables.cross_rows`)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field


@dataclass
class Grid:
    """Counts by (row key, column key), filled one client at a time."""

    counts: dict[tuple[Hashable, Hashable], int] = field(default_factory=dict)

    def add(self, row: Hashable, column: Hashable, n: int = 1) -> None:
        key = (row, column)
        self.counts[key] = self.counts.get(key, 0) + n

    def get(self, row: Hashable, column: Hashable) -> int:
        return self.counts.get((row, column), 0)

    def total(self) -> int:
        return sum(self.counts.values())

    def merge(self, other: Grid) -> None:
        """Add `other`'s counts (a walk worker's): new keys after these, in its order."""
        for key, n in other.counts.items():
            self.counts[key] = self.counts.get(key, 0) + n
