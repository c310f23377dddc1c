"""The areas of the community tables (DOMAIN.md §9): the programme tallies of the
encounters summed per area, and the areas pooled that hold too few people to print.

Areas are free text: the same area typed with other spaces or case is one.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from db import codes
from db.report_queries import AreaTotals
from reports.rules.words import N_

NOT_RECORDED = N_("Area not recorded")
OTHER_AREAS = N_("Other areas")
TALLIES = codes.ENCOUNTER_TALLIES


@dataclass
class AreaRow:
    """One printed row of the community tables: an area, "Other areas" or not recorded."""

    label: str
    cell: Hashable  # where the row's counts live in the ledger
    encounters: int = 0
    tallies: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TALLIES, 0))
    deaths: int = 0
    people: int = 0

    def add(self, area: AreaTotals) -> None:
        self.encounters += area.encounters
        for name in TALLIES:
            self.tallies[name] += area.tallies.get(name, 0)


def area_key(text: str | None) -> str | None:
    """Areas are free text: the same area typed with other spaces or case is one."""
    if text is None or not text.strip():
        return None
    return " ".join(text.split()).casefold()


def spelled_apart(areas: Iterable[str | None]) -> dict[str, list[str]]:
    """The areas typed in more than one way: their key and every spelling."""
    found: dict[str, list[str]] = {}
    for text in areas:
        key = area_key(text)
        if key is not None and text is not None:
            found.setdefault(key, []).append(text)
    return {key: texts for key, texts in found.items() if len(texts) > 1}


def pool_areas(
    areas: Sequence[AreaTotals],
    people: Mapping[str | None, tuple[int, int]],
    deaths: Mapping[str | None, int],
    threshold: int | None,
    shared: Mapping[str, int] | None = None,
) -> list[AreaRow]:
    """The rows to print, in order: areas by name, then "Other areas", then the area not
    recorded. `people`: for each area as typed, its distinct clients and its anonymous
    encounters (who cannot be told apart, so each counts); `shared`: for an area typed in
    several ways (`spelled_apart`), its distinct clients across all of them. With a
    `threshold` (a report that suppresses), an area with fewer people, or with nothing
    but deaths, is pooled into "Other areas" (DOMAIN.md §9)."""
    shared = shared or {}
    rows: dict[str | None, AreaRow] = {}
    spellings: dict[str, set[str]] = {}

    def row(text: str | None) -> AreaRow:
        key = area_key(text)
        if key is None or text is None:
            return rows.setdefault(None, AreaRow(NOT_RECORDED, ("not_recorded",)))
        spellings.setdefault(key, set()).add(" ".join(text.split()))
        return rows.setdefault(key, AreaRow("", ("area", key)))

    for totals in areas:
        row(totals.area).add(totals)
    for place, n in deaths.items():
        row(place).deaths += n
    for place, (clients, anonymous) in people.items():
        row(place).people += anonymous + (0 if area_key(place) in shared else clients)
    for key, clients in shared.items():
        rows[key].people += clients
    for key, found in spellings.items():
        rows[key].label = min(found)
    return _pooled(rows, threshold)


def _pooled(rows: dict[str | None, AreaRow], threshold: int | None) -> list[AreaRow]:
    named = [rows[k] for k in sorted(k for k in rows if k is not None)]
    other = AreaRow(OTHER_AREAS, ("other",))
    shown = []
    for r in named:
        if threshold is None or (r.people >= threshold and r.encounters > 0):
            shown.append(r)
        else:
            other.add(AreaTotals(None, r.encounters, r.tallies))
            other.deaths += r.deaths
            other.people += r.people
    if other.encounters or other.deaths:
        shown.append(other)
    if None in rows:
        shown.append(rows[None])
    return shown
