"""Sections 1 and 5 of the report: caseload, and programme tallies by area.

Both come straight from SQL aggregates (db.report_queries). Areas are
printed only as rows of these aggregate tables, suppressed like every other
count, and only when they hold enough people (`pool_areas`); the all-areas
row is a printed total of each column.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from db import codes
from db.report_queries import AreaTotals, Caseload
from forms.definitions import ENCOUNTER_FIELDS, by_key
from reports.ledger import CellId, Ledger
from reports.report_tables import Kind, Ratio, Spec, SpecRow, TableSpec

log = logging.getLogger(__name__)

ENCOUNTERS = "encounters"
DEATHS = "known_deaths"
ALL_AREAS: Hashable = ("all",)
NOT_RECORDED = "Area not recorded"
OTHER_AREAS = "Other areas"
TALLIES = codes.ENCOUNTER_TALLIES
_LABELS = {key: by_key(ENCOUNTER_FIELDS)[key].label for key in codes.ENCOUNTER_TALLIES}
FIRST_TABLE = (
    ENCOUNTERS,
    "naloxone_kits",
    "reversals_reported",
    "syringes_out",
    "syringes_returned",
)
SECOND_TABLE = ("test_strips", "hiv_tests", "hcv_tests", "referrals", DEATHS)
LABELS = {ENCOUNTERS: "Encounters", DEATHS: "Known deaths", **_LABELS}
RATIO_LABEL = "Returned per syringe given"
# The funder workbook's Community sheet: both tables side by side.
COMMUNITY_COLUMNS = (
    *(LABELS[w] for w in FIRST_TABLE),
    RATIO_LABEL,
    *(LABELS[w] for w in SECOND_TABLE),
)
DEATHS_NOTE = (
    "Known deaths: clients with a death recorded in the period, by the postal code on their record."
)


# The ledger's count of clients served in the period (DOMAIN.md §8), which an export's
# audit row names as its scope.
CLIENTS_SERVED: CellId = ("case", "served")


def com_id(area: Hashable, what: str) -> CellId:
    return ("com", area, what)


def caseload_spec(c: Caseload, ledger: Ledger) -> TableSpec:
    rows = (
        (
            "Clients served (completed assessment or identified encounter)",
            "served",
            c.clients_served,
        ),
        (
            "Clients with only an event recorded (not counted as served)",
            "events_only",
            c.events_only,
        ),
        ("New intakes (a first episode)", "new_intakes", c.new_intakes),
        ("Re-entries (intake after a discharge or 90 days away)", "reentries", c.reentries),
        ("Discharges", "discharges", c.discharges),
    )
    spec = [SpecRow(label, (ledger.put(("case", key), n),)) for label, key, n in rows]
    # The encounter total is the all-areas cell of the community table: one cell.
    spec.append(SpecRow("Harm-reduction encounters", (com_id(ALL_AREAS, ENCOUNTERS),)))
    spec.append(
        SpecRow("Of which anonymous", (ledger.put(("case", "anonymous"), c.anonymous_encounters),))
    )
    return TableSpec("caseload", "Caseload", "Measure", ("Number",), tuple(spec))


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


def register_areas(rows: Sequence[AreaRow], ledger: Ledger) -> None:
    """Put every row's tallies and the all-areas totals."""
    for what in (*FIRST_TABLE, *SECOND_TABLE):
        parts = [ledger.put(com_id(r.cell, what), _tally(r, what)) for r in rows]
        ledger.put(com_id(ALL_AREAS, what), sum(ledger.value(p) for p in parts))
        ledger.line(parts, com_id(ALL_AREAS, what))


def _tally(row: AreaRow, what: str) -> int:
    if what == DEATHS:
        return row.deaths
    return row.encounters if what == ENCOUNTERS else row.tallies[what]


def community_specs(rows_in_order: Sequence[AreaRow], ledger: Ledger) -> list[TableSpec]:
    """The PDF's two tables (an area with nothing to show in one is left out of it), then
    the workbook's single table of every area and every column."""
    keys: list[tuple[Hashable, str, bool]] = [(r.cell, r.label, False) for r in rows_in_order]
    keys.append((ALL_AREAS, "All areas", True))

    def cells(key: Hashable, what: tuple[str, ...], ratio: bool) -> tuple[Spec, ...]:
        found: tuple[Spec, ...] = tuple(com_id(key, w) for w in what)
        if ratio:
            found += (Ratio(com_id(key, "syringes_returned"), com_id(key, "syringes_out")),)
        return found

    def rows(what: tuple[str, ...], ratio: bool, every: bool) -> tuple[SpecRow, ...]:
        return tuple(
            SpecRow(label, cells(k, what, ratio), total=total)
            for k, label, total in keys
            if every or total or any(ledger.value(com_id(k, w)) for w in what)
        )

    ratio_label = RATIO_LABEL
    first_kinds = (*(Kind.COUNT for _ in FIRST_TABLE), Kind.RATIO)
    return [
        TableSpec(
            "community_supplies",
            "Programme tallies by area: contacts and supplies",
            "Area",
            (*(LABELS[w] for w in FIRST_TABLE), ratio_label),
            rows(FIRST_TABLE, True, False),
            kinds=first_kinds,
        ),
        TableSpec(
            "community_services",
            "Programme tallies by area: tests, referrals, deaths",
            "Area",
            tuple(LABELS[w] for w in SECOND_TABLE),
            rows(SECOND_TABLE, False, False),
            note=DEATHS_NOTE,
        ),
        TableSpec(
            "community_by_area",
            "Programme tallies by area",
            "Area",
            COMMUNITY_COLUMNS,
            tuple(
                SpecRow(r.label, (*r.cells, *s.cells), total=r.total)
                for r, s in zip(
                    rows(FIRST_TABLE, True, True), rows(SECOND_TABLE, False, True), strict=True
                )
            ),
            kinds=(*first_kinds, *(Kind.COUNT for _ in SECOND_TABLE)),
            note=DEATHS_NOTE,
        ),
    ]
