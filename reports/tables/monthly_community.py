"""Sections 1 and 5 of the report: caseload, and programme tallies by area.

Both come straight from SQL aggregates (db.report_queries). Areas are
printed only as rows of these aggregate tables, suppressed like every other
count, and only when they hold enough people (`reports.datasets.areas`); the
all-areas row is a printed total of each column.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Sequence

from db import codes
from db.report_queries import Caseload
from forms.definitions import ENCOUNTER_FIELDS, by_key
from reports.datasets.areas import AreaRow
from reports.rules.words import N_
from reports.tables.ledger import CellId, Ledger
from reports.tables.report_tables import Kind, Ratio, Spec, SpecRow, TableSpec

log = logging.getLogger(__name__)

ENCOUNTERS = "encounters"
DEATHS = "known_deaths"
ALL_AREAS: Hashable = ("all",)
_LABELS = {key: by_key(ENCOUNTER_FIELDS)[key].label for key in codes.ENCOUNTER_TALLIES}
FIRST_TABLE = (
    ENCOUNTERS,
    "naloxone_kits",
    "reversals_reported",
    "syringes_out",
    "syringes_returned",
)
SECOND_TABLE = ("test_strips", "hiv_tests", "hcv_tests", "referrals", DEATHS)
LABELS = {ENCOUNTERS: N_("Encounters"), DEATHS: N_("Known deaths"), **_LABELS}
RATIO_LABEL = N_("Returned per syringe given")
# The funder workbook's Community sheet: both tables side by side.
COMMUNITY_COLUMNS = (
    *(LABELS[w] for w in FIRST_TABLE),
    RATIO_LABEL,
    *(LABELS[w] for w in SECOND_TABLE),
)
DEATHS_NOTE = N_(
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
            N_("Clients served (completed assessment or identified encounter)"),
            "served",
            c.clients_served,
        ),
        (
            N_("Clients with only an event recorded (not counted as served)"),
            "events_only",
            c.events_only,
        ),
        (N_("New intakes (a first episode)"), "new_intakes", c.new_intakes),
        (N_("Re-entries (intake after a discharge or 90 days away)"), "reentries", c.reentries),
        (N_("Discharges"), "discharges", c.discharges),
    )
    spec = [SpecRow(label, (ledger.put(("case", key), n),)) for label, key, n in rows]
    # The encounter total is the all-areas cell of the community table: one cell.
    spec.append(SpecRow(N_("Harm-reduction encounters"), (com_id(ALL_AREAS, ENCOUNTERS),)))
    spec.append(
        SpecRow(
            N_("Of which anonymous"), (ledger.put(("case", "anonymous"), c.anonymous_encounters),)
        )
    )
    return TableSpec("caseload", N_("Caseload"), N_("Measure"), (N_("Number"),), tuple(spec))


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
    keys.append((ALL_AREAS, N_("All areas"), True))

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
            N_("Programme tallies by area: contacts and supplies"),
            N_("Area"),
            (*(LABELS[w] for w in FIRST_TABLE), ratio_label),
            rows(FIRST_TABLE, True, False),
            kinds=first_kinds,
        ),
        TableSpec(
            "community_services",
            N_("Programme tallies by area: tests, referrals, deaths"),
            N_("Area"),
            tuple(LABELS[w] for w in SECOND_TABLE),
            rows(SECOND_TABLE, False, False),
            note=DEATHS_NOTE,
        ),
        TableSpec(
            "community_by_area",
            N_("Programme tallies by area"),
            N_("Area"),
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
