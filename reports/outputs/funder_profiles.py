"""The funder profiles this agency ships: each becomes a job on the Reports screen and a
subcommand (`recovery-desk export KEY`), through `reports.outputs.registry`.

To add a funder, add a `FunderProfile` to `PROFILES` (docs/profiles.md says how): its
measures are keys of `reports.tables.profile_tables.MEASURES`, its breakdowns keys of
`BREAKDOWNS`. Nothing else changes. tests/reports/outputs/test_profiles.py checks every
profile here against the catalogue, builds it and checks its suppression.
"""

from __future__ import annotations

from forms.fields import N_
from reports.tables.profile_spec import (
    AREA,
    FUNDER_MEASURES,
    GOAL,
    MONTH,
    OUTCOMES,
    Asked,
    FunderProfile,
    Layout,
)

FUNDER = FunderProfile(
    "funder",
    N_("Funder workbook"),
    N_(
        "The report's tables for the chosen period, small counts hidden, with a data "
        "dictionary: nothing in it identifies a client."
    ),
    FUNDER_MEASURES,
    frozenset({AREA, MONTH}),
    layout=Layout.FUNDER,
)

OUTCOME_WORKBOOK = FunderProfile(
    "outcomes",
    N_("Outcomes workbook (TOP / NOMs)"),
    N_(
        "Change from intake to the latest follow-up in the chosen period, per measure: "
        "clients with both answers, the mean at each, the change and the shares improved, "
        "unchanged and worse, for all clients and by their own goal. Small counts hidden."
    ),
    OUTCOMES,
    frozenset({GOAL}),
    help="outcome change from intake to the latest follow-up (TOP / NOMs shape)",
)

MONTHLY_CSV = FunderProfile(
    "monthly_csv",
    N_("Monthly measures (CSV)"),
    N_(
        "The month's aggregate measures as one CSV row each (caseload, follow-ups, "
        "status, harm, programme tallies by area), small counts hidden."
    ),
    (
        "caseload",
        "followups",
        "recovery_population",
        "harm_clients",
        "community_by_area",
        "trend_recovery",
        "trend_harm",
    ),
    frozenset({AREA}),
    period=Asked.MONTH,
    layout=Layout.CSV,
    help="the month's aggregate measures as CSV rows",
)

PROFILES: tuple[FunderProfile, ...] = (FUNDER, OUTCOME_WORKBOOK, MONTHLY_CSV)
