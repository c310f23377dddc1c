"""Every count a report prints, with every sum that ties counts together, suppressed as one.

`reports.rules.suppression.suppress_table` protects one table against its own
totals. A report prints the same count in several places (the number of
clients with a known status heads four tables; the follow-up rate of the
report's month is also the last point of the trend), and a hidden cell of
one table could be worked out through a total printed by another. So the
report registers each count once, under an id, with every printed equation
"these parts add up to that total"; one pass then applies the rule of
DOMAIN.md §9 and `reports.rules.suppression` — counts 1 to threshold-1 hidden; a
line with exactly one hidden cell loses its smallest other non-zero part (its
total only when no such part is left); repeat until nothing changes — across
all of them, and every table prints from the same hidden set.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Iterable, Sequence

from reports.rules import suppression

log = logging.getLogger(__name__)

CellId = tuple[Hashable, ...]


class LedgerError(ValueError):
    """A printed total does not equal the sum of its parts: a bug, never a data problem."""


class Ledger:
    def __init__(self) -> None:
        self._values: dict[CellId, int] = {}
        self._lines: list[tuple[CellId, ...]] = []
        self._hidden: set[CellId] | None = None

    def put(self, cell: CellId, value: int) -> CellId:
        """Register a count; putting the same id twice must give the same value."""
        known = self._values.get(cell)
        if known is not None and known != value:
            raise LedgerError(f"{cell} is {known} and {value}")
        self._values[cell] = int(value)
        return cell

    def __contains__(self, cell: object) -> bool:
        return cell in self._values

    def value(self, cell: CellId) -> int:
        return self._values[cell]

    def line(self, parts: Sequence[CellId], total: CellId) -> None:
        """Record that the printed `parts` add up to the printed `total`."""
        found = sum(self._values[p] for p in parts)
        if found != self._values[total]:
            raise LedgerError(f"{total} is {self._values[total]} but its parts add up to {found}")
        self._lines.append((*parts, total))

    def suppress(self, threshold: int) -> None:
        hidden = {c for c, v in self._values.items() if suppression.is_small(v, threshold)}
        changed = True
        while changed:
            changed = False
            for line in self._lines:
                if sum(c in hidden for c in line) == 1:
                    hidden.add(self._complement(line, hidden))
                    changed = True
        self._hidden = hidden
        log.debug(
            "ledger: %d counts, %d lines, %d hidden",
            len(self._values),
            len(self._lines),
            len(hidden),
        )

    def _complement(self, line: tuple[CellId, ...], hidden: set[CellId]) -> CellId:
        parts = [c for c in line[:-1] if c not in hidden and self._values[c] != 0]
        if not parts:
            return line[-1]
        return min(parts, key=lambda c: (self._values[c], repr(c)))

    def is_small(self, cell: CellId, threshold: int) -> bool:
        """Hidden because the count itself is small (printed as the <threshold marker)."""
        return self.is_hidden(cell) and suppression.is_small(self._values[cell], threshold)

    def is_hidden(self, cell: CellId) -> bool:
        if self._hidden is None:
            raise RuntimeError("suppress() has not run")
        return cell in self._hidden

    def lines(self) -> Iterable[tuple[CellId, ...]]:
        """The printed equations, each with its total last (for tests and checks)."""
        return iter(self._lines)
