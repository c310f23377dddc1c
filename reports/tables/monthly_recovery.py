"""Section 3 of the report: recovery at the report date, from each client's headline status.

Laid out from `reports.datasets.recovery_tally`. Every table shares the same
clients, so their totals are one cell of the ledger, and the DSM status,
recovery and sobriety tables all split them by the client's own goal.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Hashable

from forms.definitions import ASSESSMENT_FIELDS, by_key
from reports.datasets.recovery_tally import (
    GROUP_KEYS,
    NO_DIAGNOSIS,
    NOT_RECORDED,
    UNRATED,
    RecoveryTally,
    group_of,
)
from reports.rules import recovery as rules
from reports.rules.words import N_, Sentence
from reports.tables.ledger import CellId, Ledger
from reports.tables.report_tables import CrossIds, Fixed, Kind, Mean, SpecRow, TableSpec, cross_rows

log = logging.getLogger(__name__)

_GOAL_FIELD = by_key(ASSESSMENT_FIELDS)["goal"]
_SELF_ID_FIELD = by_key(ASSESSMENT_FIELDS)["self_identified_recovery"]
GOALS: dict[Hashable, str] = {
    **{c.value: c.label for c in _GOAL_FIELD.codes},
    NOT_RECORDED: N_("Not recorded"),
}
SELF_IDENTIFIED: dict[Hashable, str] = {
    **{c.value: c.label for c in _SELF_ID_FIELD.codes},
    NOT_RECORDED: N_("Not recorded"),
}

DSM_ROWS: dict[Hashable, str] = {
    NO_DIAGNOSIS: N_("No diagnosis"),
    "active": N_("Active"),
    "early_remission/full": N_("Early remission, full"),
    "early_remission/partial": N_("Early remission, partial"),
    "sustained_remission/full": N_("Sustained remission, full"),
    "sustained_remission/partial": N_("Sustained remission, partial"),
}
REMISSION_ROWS = {k: v for k, v in DSM_ROWS.items() if "/" in str(k)}
DIAGNOSED_ROWS = {k: v for k, v in DSM_ROWS.items() if k != NO_DIAGNOSIS}
SEVERITIES: dict[Hashable, str] = {
    "mild": N_("Mild"),
    "moderate": N_("Moderate"),
    "severe": N_("Severe"),
}

# Recovery status with its time frame; "not_applicable" is exactly "no diagnosis".
RECOVERY_ROWS: dict[Hashable, str] = {
    "full/early": N_("Full recovery, early"),
    "full/sustained": N_("Full recovery, sustained"),
    "full/stable": N_("Full recovery, stable"),
    "partial/early": N_("Partial recovery, in early remission"),
    "partial/sustained": N_("Partial recovery, in sustained remission"),
    "partial/": N_("Partial recovery, fewer criteria or less use"),
    "no_improvement": N_("No improvement"),
    "not_applicable": N_("Not applicable (no diagnosis)"),
}
GROUPS: dict[Hashable, str] = dict(
    zip(
        GROUP_KEYS,
        (N_("Full recovery"), N_("Partial recovery"), N_("No improvement"), N_("Not applicable")),
        strict=True,
    )
)
SOBRIETY_ROWS: dict[Hashable, str] = {
    "none": N_("None (used in the past month)"),
    "early": N_("Early (1 month or more)"),
    "sustained": N_("Sustained (12 months or more)"),
    "stable": N_("Stable (60 months or more)"),
    "unknown": N_("Not known (last use not given)"),
}
EPISODES: dict[Hashable, str] = {
    0: N_("No remission episode"),
    1: N_("1 episode"),
    2: N_("2 episodes"),
    3: N_("3 or more episodes"),
}
RECURRENCES: dict[Hashable, str] = {
    0: N_("No recurrence"),
    1: N_("1 recurrence"),
    2: N_("2 or more"),
}


def rec_id(as_of: dt.date, *parts: Hashable) -> CellId:
    return ("rec", as_of.isoformat(), *parts)


def known_id(as_of: dt.date) -> CellId:
    return rec_id(as_of, "known")


def group_id(as_of: dt.date, group: Hashable) -> CellId:
    # Clients "not applicable" are exactly those with no diagnosis: one cell.
    if group == "not_applicable":
        return rec_id(as_of, "dsm_total", NO_DIAGNOSIS)
    return rec_id(as_of, "group", group)


def _by_goal(as_of: dt.date, name: str) -> CrossIds:
    def cell(r: Hashable, c: Hashable) -> CellId:
        if name == "recovery" and r == "not_applicable":
            return rec_id(as_of, "dsm", NO_DIAGNOSIS, c)
        return rec_id(as_of, name, r, c)

    def row_total(r: Hashable) -> CellId:
        if name == "recovery" and r == "not_applicable":
            return rec_id(as_of, "dsm_total", NO_DIAGNOSIS)
        return rec_id(as_of, f"{name}_total", r)

    return CrossIds(cell, row_total, lambda c: rec_id(as_of, "goal", c), known_id(as_of))


def recovery_specs(
    t: RecoveryTally,
    ledger: Ledger,
    as_of: dt.date,
    followed: int,
    not_followed: int,
    deceased: int,
) -> list[TableSpec]:
    """The tables of section 3, registered in `ledger`, in print order. `followed` and
    `not_followed`: the clients of unknown status the agency still follows, and the others."""
    dsm = _dsm(t, ledger, as_of)
    return [
        _population(ledger, as_of, followed, not_followed, deceased),
        dsm,
        _severity(t, ledger, as_of),
        _specifiers(t, ledger, as_of),
        _recovery(t, ledger, as_of),
        _sobriety(t, ledger, as_of),
        _serial(t, ledger, as_of),
        _self_identified(t, ledger, as_of),
    ]


def _population(
    ledger: Ledger, as_of: dt.date, followed: int, not_followed: int, deceased: int
) -> TableSpec:
    rows = (
        SpecRow(N_("Known status (in the tables below)"), (known_id(as_of),)),
        SpecRow(
            Sentence(
                N_(
                    "Status unknown, still followed: not assessed in {days} days,"
                    " a follow-up is due"
                ),
                days=rules.UNKNOWN_AFTER_DAYS,
            ),
            (ledger.put(rec_id(as_of, "unknown_followed"), followed),),
        ),
        SpecRow(
            N_("No longer followed: discharged, or past the last follow-up window"),
            (ledger.put(rec_id(as_of, "not_followed"), not_followed),),
        ),
        SpecRow(
            N_("Deceased (left out of status and recovery)"),
            (ledger.put(rec_id(as_of, "deceased"), deceased),),
        ),
    )
    return TableSpec(
        "recovery_population",
        N_("Clients counted"),
        N_("Status on the report date"),
        (N_("Clients"),),
        rows,
    )


def _goal_columns() -> tuple[str, ...]:
    return (*GOALS.values(), N_("Total"))


def _dsm(t: RecoveryTally, ledger: Ledger, as_of: dt.date) -> TableSpec:
    rows = cross_rows(ledger, t.dsm, DSM_ROWS, GOALS, _by_goal(as_of, "dsm"))
    return TableSpec(
        "dsm_by_goal",
        N_("DSM status of the primary substance, by the client's goal"),
        N_("DSM status"),
        _goal_columns(),
        rows,
    )


def _severity(t: RecoveryTally, ledger: Ledger, as_of: dt.date) -> TableSpec:
    columns = dict(SEVERITIES)
    if any(c == UNRATED for _, c in t.severity.counts):
        columns[UNRATED] = N_("Not rated")
    ids = CrossIds(
        lambda r, c: rec_id(as_of, "sev", r, c),
        lambda r: rec_id(as_of, "dsm_total", r),
        lambda c: rec_id(as_of, "sev_total", c),
        rec_id(as_of, "diagnosed"),
    )
    rows = cross_rows(ledger, t.severity, DIAGNOSED_ROWS, columns, ids)
    ledger.line(
        [rec_id(as_of, "diagnosed"), rec_id(as_of, "dsm_total", NO_DIAGNOSIS)], known_id(as_of)
    )
    return TableSpec(
        "severity",
        N_("DSM status by severity (clients with a diagnosis)"),
        N_("DSM status"),
        (*columns.values(), N_("Total")),
        rows,
    )


def _specifiers(t: RecoveryTally, ledger: Ledger, as_of: dt.date) -> TableSpec:
    rows = tuple(
        SpecRow(
            label,
            tuple(
                ledger.put(rec_id(as_of, "spec", r, c), t.specifiers.get(r, c))
                for c in ("controlled", "maintenance")
            ),
        )
        for r, label in REMISSION_ROWS.items()
    )
    return TableSpec(
        "specifiers",
        N_("Remission specifiers"),
        N_("Remission"),
        (N_("In a controlled environment"), N_("On maintenance therapy")),
        rows,
        note=N_("Clients in each remission who carry the specifier; one client may carry both."),
    )


def _recovery(t: RecoveryTally, ledger: Ledger, as_of: dt.date) -> TableSpec:
    rows = cross_rows(ledger, t.recovery, RECOVERY_ROWS, GOALS, _by_goal(as_of, "recovery"))
    for group in ("full", "partial", "no_improvement"):
        members = [
            _by_goal(as_of, "recovery").row_total(r) for r in RECOVERY_ROWS if group_of(r) == group
        ]
        ledger.put(group_id(as_of, group), sum(ledger.value(m) for m in members))
        ledger.line(members, group_id(as_of, group))
    return TableSpec(
        "recovery_by_goal",
        N_("Recovery status and time frame, by the client's goal"),
        N_("Recovery status"),
        _goal_columns(),
        rows,
    )


def _sobriety(t: RecoveryTally, ledger: Ledger, as_of: dt.date) -> TableSpec:
    rows = cross_rows(ledger, t.sobriety, SOBRIETY_ROWS, GOALS, _by_goal(as_of, "sob"))
    return TableSpec(
        "sobriety_by_goal",
        N_("Sobriety (time since last use), by the client's goal"),
        N_("Sobriety"),
        _goal_columns(),
        rows,
    )


def _serial(t: RecoveryTally, ledger: Ledger, as_of: dt.date) -> TableSpec:
    ids = CrossIds(
        lambda r, c: rec_id(as_of, "serial", r, c),
        lambda r: rec_id(as_of, "episodes", r),
        lambda c: rec_id(as_of, "recurrences", c),
        known_id(as_of),
    )
    rows = cross_rows(ledger, t.serial, EPISODES, RECURRENCES, ids)
    blank = tuple(Fixed(None) for _ in RECURRENCES)
    attempts = SpecRow(
        N_("Mean recovery attempts (earlier attempts + remission episodes)"),
        (*blank, Mean(t.attempts, known_id(as_of))),
        kind=Kind.MEAN,
    )
    return TableSpec(
        "serial_recovery",
        N_("Serial recovery: remission episodes and recurrences"),
        N_("Remission episodes"),
        (*RECURRENCES.values(), N_("Total")),
        (*rows, attempts),
    )


def _self_identified(t: RecoveryTally, ledger: Ledger, as_of: dt.date) -> TableSpec:
    ids = CrossIds(
        lambda r, c: rec_id(as_of, "selfid", r, c),
        lambda r: group_id(as_of, r),
        lambda c: rec_id(as_of, "selfid_total", c),
        known_id(as_of),
    )
    rows = cross_rows(ledger, t.self_identified, GROUPS, SELF_IDENTIFIED, ids)
    return TableSpec(
        "self_identified",
        N_("Self-identified recovery beside the computed status"),
        N_("Computed recovery"),
        (*SELF_IDENTIFIED.values(), N_("Total")),
        rows,
        note=N_(
            "Columns: the client's answer to \"Do you see yourself as in "
            'recovery?" at the latest assessment.'
        ),
    )
