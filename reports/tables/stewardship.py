"""Stewardship of community resources (the monthly PDF, after demographics): what was
handed out in the month and what it cost, in all and per area and per client served;
syringes returned per syringe given; referrals, and referrals by type and month.

Every count is the ledger cell section 5 prints (`monthly_community.com_id`), so a
supply count hidden there is hidden here: supply counts are not people, but a small
tally of an area or a month points at the few people who took it, and printing it here
would undo section 5's suppression. A cost is count × unit cost, so it is withheld with
its count (anyone could divide); a sum of costs, and a cost per client served, with any
count they rest on (and with the clients served). Money is whole cents (`Kind.MONEY`):
the unit costs are the agency's own (db.settings.SUPPLY_COSTS), and a cost nobody
entered prints as "not entered", never as 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal

from forms.fields import N_
from reports.datasets.areas import AreaRow
from reports.tables.ledger import CellId, Ledger
from reports.tables.monthly_community import ALL_AREAS, CLIENTS_SERVED, com_id
from reports.tables.report_tables import Fixed, Given, Kind, Ratio, Spec, SpecRow, TableSpec

SUPPLIES = ("naloxone_kits", "syringes_out", "test_strips", "hiv_tests", "hcv_tests")
LABELS = {
    "naloxone_kits": N_("Naloxone kits"),
    "syringes_out": N_("Syringes"),
    "test_strips": N_("Test strips"),
    "hiv_tests": N_("HIV tests"),
    "hcv_tests": N_("HCV tests"),
}
NOT_ENTERED = N_("not entered")
TITLE = N_("Stewardship of resources")
INTRO = N_(
    "What the programme handed out in the period and what it cost the agency, at the unit"
    " costs entered in Settings; syringes returned; referrals."
)
TYPED_NOTE = N_("Referrals by type and month follow in the next table.")

Costs = Mapping[str, int | None]


def stewardship_section(
    areas: Sequence[AreaRow], costs: Costs, ledger: Ledger, referrals: TableSpec | None = None
) -> tuple[str, str, str, list[TableSpec]]:
    """The section as report_data lays board sections out: key, title, intro, tables;
    `referrals`: the table of referrals by type (reports.tables.referral_tables)."""
    tables = [supplies_spec(costs, ledger)]
    if any(costs[s] is not None for s in SUPPLIES):
        tables.append(area_spec(areas, costs, ledger))
    tables.append(returns_spec(ledger, typed=referrals is not None))
    if referrals is not None:
        tables.append(referrals)
    return ("stewardship", TITLE, INTRO, tables)


def per_client(cents: int, served: int) -> int | None:
    """`cents` shared by `served` clients, to the nearest cent (half a cent up)."""
    if served == 0:
        return None
    share = (Decimal(cents) / Decimal(served)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(share)


def supplies_spec(costs: Costs, ledger: Ledger) -> TableSpec:
    served = ledger.value(CLIENTS_SERVED)
    rows = [_supply_row(what, costs[what], served, ledger) for what in SUPPLIES]
    costed = [com_id(ALL_AREAS, w) for w in SUPPLIES if costs[w] is not None]
    if costed:
        total = _cost(costed, costs, ledger)
        cells: tuple[Spec, ...] = (
            Fixed(None),
            Fixed(None),
            Given(total, tuple(costed)),
            Given(per_client(total, served), (*costed, CLIENTS_SERVED)),
        )
    else:
        cells = (Fixed(None), Fixed(None), Fixed(NOT_ENTERED), Fixed(NOT_ENTERED))
    rows.append(SpecRow(N_("All supplies with a unit cost"), cells, total=True))
    return TableSpec(
        "stewardship_supplies",
        N_("Supplies handed out and their cost"),
        N_("Supply"),
        (N_("Handed out"), N_("Unit cost"), N_("Cost"), N_("Cost per client served")),
        tuple(rows),
        kinds=(Kind.COUNT, Kind.MONEY, Kind.MONEY, Kind.MONEY),
        note=_missing_note(costs),
    )


def _supply_row(what: str, unit: int | None, served: int, ledger: Ledger) -> SpecRow:
    count = com_id(ALL_AREAS, what)
    if unit is None:
        missing = Fixed(NOT_ENTERED)
        return SpecRow(LABELS[what], (count, missing, missing, missing))
    cost = ledger.value(count) * unit
    return SpecRow(
        LABELS[what],
        (
            count,
            Fixed(unit),
            Given(cost, (count,)),
            Given(per_client(cost, served), (count, CLIENTS_SERVED)),
        ),
    )


def area_spec(areas: Sequence[AreaRow], costs: Costs, ledger: Ledger) -> TableSpec:
    """The cost of each supply with a unit cost, per area as section 5 prints the areas."""
    costed = [w for w in SUPPLIES if costs[w] is not None]
    keys = [(r.cell, r.label, False) for r in areas] + [(ALL_AREAS, N_("All areas"), True)]
    rows = []
    for key, label, total in keys:
        counts = [com_id(key, w) for w in costed]
        if not total and not any(ledger.value(c) for c in counts):
            continue
        cells = [Given(_cost([c], costs, ledger), (c,)) for c in counts]
        cells.append(Given(_cost(counts, costs, ledger), tuple(counts)))
        rows.append(SpecRow(label, tuple(cells), total=total))
    return TableSpec(
        "stewardship_by_area",
        N_("Cost of supplies by area"),
        N_("Area"),
        (*(LABELS[w] for w in costed), N_("Total cost")),
        tuple(rows),
        kinds=tuple(Kind.MONEY for _ in range(len(costed) + 1)),
        note=_missing_note(costs),
    )


def returns_spec(ledger: Ledger, typed: bool = False) -> TableSpec:
    given, returned = com_id(ALL_AREAS, "syringes_out"), com_id(ALL_AREAS, "syringes_returned")
    referrals = com_id(ALL_AREAS, "referrals")
    return TableSpec(
        "stewardship_returns",
        N_("Syringe return and referrals"),
        N_("Measure"),
        (N_("Number"),),
        (
            SpecRow(N_("Syringes given"), (given,)),
            SpecRow(N_("Syringes returned"), (returned,)),
            SpecRow(N_("Returned per syringe given"), (Ratio(returned, given),), kind=Kind.RATIO),
            SpecRow(N_("Referrals made"), (referrals,)),
            SpecRow(
                N_("Referrals per client served"),
                (Ratio(referrals, CLIENTS_SERVED),),
                kind=Kind.RATIO,
            ),
        ),
        note=TYPED_NOTE if typed else "",
    )


def _cost(counts: Sequence[CellId], costs: Costs, ledger: Ledger) -> int:
    """The cost in cents of the supplies counted in `counts` (cells ending in the tally)."""
    total = 0
    for cell in counts:
        # Callers pass only the supplies with a unit cost; none adds nothing.
        total += ledger.value(cell) * (costs[str(cell[-1])] or 0)
    return total


def _missing_note(costs: Costs) -> str:
    missing = [LABELS[w] for w in SUPPLIES if costs[w] is None]
    if not missing:
        return ""
    if len(missing) == len(SUPPLIES):
        return N_(
            "No unit cost is entered yet: an administrator enters them in Settings. No cost"
            " is printed as 0."
        )
    return N_("No unit cost entered in Settings for: {supplies}.").format(
        supplies=", ".join(missing)
    )


STEWARDSHIP_HEADING = N_("Stewardship")


def stewardship_text() -> str:
    """The Definitions paragraph of the stewardship section."""
    return N_(
        "Handed out: the tallies of the encounters dated in the period (section 5, all"
        " areas): naloxone kits, syringes given, test strips, HIV and HCV tests. Cost:"
        " number handed out times the unit cost the agency entered in Settings, exact to"
        " the cent; a supply without a unit cost prints as not entered and is left out of"
        " the totals. Cost per client served: the cost divided by the clients served of"
        " section 1, to the nearest cent; supplies given at anonymous encounters are in the"
        " cost but their participants are not clients served. Returned per syringe given:"
        " syringes returned divided by syringes given in the same period (a dash when none"
        " were given); returns may be of syringes given earlier, so it can exceed 1."
        " Supply counts are suppressed like counts of people (a small tally points at the"
        " few people who took it), and a cost is withheld with the count it rests on."
        " Referrals by type: the referrals of the encounters of each calendar month, by"
        " the type staff recorded (substance use treatment, medication for opioid use"
        " disorder included; mental health; medical: primary care, HIV or hepatitis C"
        " care, wound care; housing; other social services: benefits, legal help, food,"
        " identity documents; other). Type not recorded: referrals of encounters saved"
        " before the type was asked, counted in the total, never given a type. Each"
        " count is suppressed like a count of people; the total of the period is the"
        " referrals of section 5."
    )
