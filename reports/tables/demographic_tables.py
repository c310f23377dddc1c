"""The demographics of the clients served: one table per characteristic, each adding up
to the clients served of section 1 (the same ledger cell), so small cells are suppressed
as in every other table, with their complements (DOMAIN.md §9)."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from forms.definitions import CLIENT_FIELDS, by_key
from reports.datasets.demographics import AGE_BANDS, Demographics
from reports.rules.words import N_
from reports.tables.ledger import CellId, Ledger
from reports.tables.monthly_community import CLIENTS_SERVED
from reports.tables.report_tables import SpecRow, TableSpec

NOT_RECORDED = N_("Not recorded")
TITLES = {
    "sex_at_birth": N_("Sex at birth"),
    "gender": N_("Gender"),
    "race": N_("Race"),
    "ethnicity": N_("Ethnicity"),
}


def demo_id(what: str, category: Hashable) -> CellId:
    return ("demo", what, category)


def demographic_specs(d: Demographics, ledger: Ledger) -> list[TableSpec]:
    ages = [(label, label, d.ages[label]) for label, _ in AGE_BANDS]
    specs = [
        _table("age", N_("Age band on the last day of the period"), ages, ledger, N_("Age band"))
    ]
    fields = by_key(CLIENT_FIELDS)
    for name, title in TITLES.items():
        counts = d.answers[name]
        rows: list[tuple[Hashable, str, int]] = [
            (c.value, str(c.label), counts[c.value]) for c in fields[name].codes
        ]
        rows.append((None, NOT_RECORDED, counts[None]))
        specs.append(_table(name, title, rows, ledger))
    return specs


def _table(
    what: str,
    title: str,
    rows: Sequence[tuple[Hashable, str, int]],
    ledger: Ledger,
    header: str = "",
) -> TableSpec:
    cells = [ledger.put(demo_id(what, key), n) for key, _, n in rows]
    ledger.line(cells, CLIENTS_SERVED)
    spec = [SpecRow(label, (cell,)) for (_, label, _), cell in zip(rows, cells, strict=True)]
    spec.append(SpecRow(N_("Clients served"), (CLIENTS_SERVED,), total=True))
    return TableSpec(
        f"demographics_{what}", title, header or title, (N_("Clients served"),), tuple(spec)
    )
