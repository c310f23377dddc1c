"""Section 4 of the report, and the harm line of the trend: DOMAIN.md §7 at three levels.

The period is the 12 months ending on the report date, as the printed
definition says. Clients counted are those with an event or a completed
assessment in it; percentages and means are over the assessed ones, whose
28-day items are known. Raw flag counts print beside every mean. The counts
come from `reports.datasets.harm_summary` and `reports.datasets.harm_tally`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Hashable

from forms.definitions import EVENT_FIELDS, by_key
from reports.datasets.harm_summary import HarmSummary, LevelMeans
from reports.datasets.harm_tally import HarmPoint, Unassessed
from reports.rules import harm as rules
from reports.rules.words import N_, Sentence
from reports.tables.ledger import CellId, Ledger
from reports.tables.report_tables import Fixed, Given, Kind, Mean, Pct, SpecRow, TableSpec

log = logging.getLogger(__name__)

LEVELS: dict[str, str] = {
    rules.SELF: N_("Harm to self"),
    rules.OTHERS: N_("Harm to others"),
    rules.COMMUNITY: N_("Harm to the community"),
}
INDICATORS: dict[str, str] = {
    "overdose_nonfatal": N_("Overdose (survived)"),
    "death": N_("Death"),
    "ed_visit_or_hospitalisation": N_("Emergency visit or hospital stay"),
    "shared_equipment": N_("Shared injecting equipment (28 days)"),
    "hiv_or_hcv_positive_new": N_("New HIV or HCV diagnosis"),
    "housing_problem": N_("Housing problem (28 days)"),
    "child_welfare_report": N_("Child welfare report"),
    "child_removal": N_("Child removed"),
    "family_violence": N_("Family violence"),
    "family_reported_harm": N_("Harm reported by family"),
    "arrest": N_("Arrest"),
    "incarceration": N_("Incarceration, or in jail at the assessment"),
    "dui": N_("Driving under the influence"),
    "offending": N_("Offending (28 days)"),
    "public_order_citation": N_("Public order citation"),
}
EVENTS: dict[str, str] = {c.value: c.label for c in by_key(EVENT_FIELDS)["event"].codes}
DEATH_ROW = N_("Death (clients; a death event or a deceased contact)")


PAIRED_NOTE = N_(
    "Like with like: each side reads its interview's 28-day items and the events of equal"
    " look-backs, only as far back as the agency's records of the client go (for a client"
    " first met at intake, the interview items alone)."
)


def harm_id(end: dt.date, *parts: Hashable) -> CellId:
    return ("harm", end.isoformat(), *parts)


def register_point(point: HarmPoint, end: dt.date, ledger: Ledger) -> None:
    ledger.put(harm_id(end, "assessed"), point.assessed)
    for level in LEVELS:
        ledger.put(harm_id(end, "flags", level), point.flags[level])
        ledger.put(harm_id(end, "any", level), point.any_flag[level])


def mean_index(point: HarmPoint, end: dt.date) -> Mean:
    """Mean index over assessed clients: with the three flag totals it would give one away."""
    flags = tuple(harm_id(end, "flags", level) for level in LEVELS)
    return Mean(point.ahi_sum, harm_id(end, "assessed"), flags, digits=1)


def harm_specs(
    summary: HarmSummary, others: Unassessed, point: HarmPoint, ledger: Ledger
) -> list[TableSpec]:
    """Section 4 from the assessed clients' summary and the SQL counts of the others."""
    end = summary.period.end
    register_point(point, end, ledger)
    counted = (
        SpecRow(
            N_("Clients with an event, a death or a completed assessment"),
            (ledger.put(harm_id(end, "clients"), summary.clients + others.clients),),
        ),
        SpecRow(
            N_("Of whom assessed (28-day items known)"),
            (ledger.put(harm_id(end, "assessed"), summary.assessed),),
        ),
        SpecRow(
            N_("Of whom with an intake and a later assessment (pairs)"),
            (ledger.put(harm_id(end, "pairs"), summary.paired.pairs),),
        ),
    )
    specs = [
        TableSpec(
            "harm_clients",
            N_("Clients counted in harm"),
            N_("In the harm period"),
            (N_("Clients"),),
            counted,
        )
    ]
    specs += [_level_table(summary, others, level, ledger) for level in LEVELS]
    specs += [_events(others, end, ledger), _index(point, end), _paired(summary, ledger)]
    return specs


def _level_table(summary: HarmSummary, others: Unassessed, level: str, ledger: Ledger) -> TableSpec:
    end = summary.period.end
    rows = []
    for item in summary.indicators:
        if item.level != level:
            continue
        everyone = ledger.put(
            harm_id(end, "flagged", item.indicator),
            item.clients_flagged + others.flagged.get(item.indicator, 0),
        )
        assessed = ledger.put(
            harm_id(end, "flagged_assessed", item.indicator), item.assessed_flagged
        )
        rows.append(
            SpecRow(
                INDICATORS[item.indicator],
                (everyone, assessed, Pct(assessed, harm_id(end, "assessed"))),
            )
        )
    return TableSpec(
        f"harm_{level}",
        Sentence(N_("{level}: clients flagged"), level=LEVELS[level]),
        N_("Indicator"),
        (N_("All clients counted"), N_("Assessed clients"), N_("% of assessed")),
        tuple(rows),
        kinds=(Kind.COUNT, Kind.COUNT, Kind.PERCENT),
    )


def _events(others: Unassessed, end: dt.date, ledger: Ledger) -> TableSpec:
    rows = tuple(
        SpecRow(DEATH_ROW, (ledger.put(harm_id(end, "deaths"), others.deaths),))
        if code == rules.DEATH_INDICATOR
        else SpecRow(
            label, (ledger.put(harm_id(end, "events", code), others.event_totals.get(code, 0)),)
        )
        for code, label in EVENTS.items()
    )
    return TableSpec(
        "event_totals",
        N_("Events recorded"),
        N_("Event"),
        (N_("Events"),),
        rows,
        note=N_(
            "Each event counted as many times as recorded (an event's count); a death"
            " counts the client once, on the first record of it."
        ),
    )


def _index(point: HarmPoint, end: dt.date) -> TableSpec:
    assessed = harm_id(end, "assessed")
    rows = [
        SpecRow(
            Sentence(N_("{level} (of {n} flags)"), level=label, n=len(rules.LEVELS[level])),
            (
                harm_id(end, "flags", level),
                Mean(point.flags[level], assessed, (harm_id(end, "flags", level),)),
            ),
        )
        for level, label in LEVELS.items()
    ]
    rows.append(
        SpecRow(N_("Harm index (0-100)"), (Fixed(None), mean_index(point, end)), kind=Kind.INDEX)
    )
    return TableSpec(
        "harm_index",
        N_("Harm flags and the harm index among assessed clients"),
        N_("Level"),
        (N_("Flags raised"), N_("Mean per client")),
        tuple(rows),
        kinds=(Kind.COUNT, Kind.MEAN),
    )


def _level_means(means: LevelMeans) -> dict[str, float | None]:
    return {
        rules.SELF: means.harm_self,
        rules.OTHERS: means.harm_others,
        rules.COMMUNITY: means.harm_community,
    }


def _paired(summary: HarmSummary, ledger: Ledger) -> TableSpec:
    end, paired = summary.period.end, summary.paired
    before, after = _level_means(paired.at_intake), _level_means(paired.at_latest)
    rows, every = [], []
    for level, label in LEVELS.items():
        keys = rules.LEVELS[level]
        at_intake = ledger.put(
            harm_id(end, "paired_intake", level), sum(paired.flagged_at_intake[k] for k in keys)
        )
        at_latest = ledger.put(
            harm_id(end, "paired_latest", level), sum(paired.flagged_at_latest[k] for k in keys)
        )
        basis: tuple[CellId, ...] = (harm_id(end, "pairs"), at_intake, at_latest)
        every += [at_intake, at_latest]
        b, a = before[level], after[level]
        change = None if a is None or b is None else round(a - b, 2)
        rows.append(
            SpecRow(
                label,
                (at_intake, at_latest, Given(b, basis), Given(a, basis), Given(change, basis)),
            )
        )
    basis = (harm_id(end, "pairs"), *every)
    rows.append(
        SpecRow(
            N_("Harm index (0-100)"),
            (
                Fixed(None),
                Fixed(None),
                Given(paired.at_intake.ahi, basis),
                Given(paired.at_latest.ahi, basis),
                Given(paired.ahi_change, basis),
            ),
            kind=Kind.INDEX,
        )
    )
    return TableSpec(
        "harm_paired",
        N_("Change from intake to the latest assessment (same clients)"),
        N_("Level"),
        (
            N_("Flags at intake"),
            N_("Flags at latest"),
            N_("Mean at intake"),
            N_("Mean at latest"),
            N_("Change in mean"),
        ),
        tuple(rows),
        kinds=(Kind.COUNT, Kind.COUNT, Kind.MEAN, Kind.MEAN, Kind.MEAN),
        note=PAIRED_NOTE,
    )
