"""Short builders for the histories the rules tests read (dates as ISO text)."""

from __future__ import annotations

from datetime import date
from typing import Any

from reports.rules.facts import AssessmentFacts, ClientHistory, EventFacts, SubstanceFacts

SIX = "larger_longer;cut_down;time_spent;role_failure;social_problems;activities_given_up"
EIGHT = SIX + ";hazardous_use;physical_psych_problems"


def d(text: str) -> date:
    return date.fromisoformat(text)


def sub(
    criteria: str = "",
    last_met: str | None = None,
    *,
    cls: str = "opioid",
    primary: bool = True,
    use: int | None = None,
) -> SubstanceFacts:
    codes = frozenset(c for c in criteria.split(";") if c)
    return SubstanceFacts(cls, primary, codes, d(last_met) if last_met else None, use)


def visit(
    on: str, *subs: SubstanceFacts, kind: str = "follow_up", **fields: Any
) -> AssessmentFacts:
    """A completed assessment unless `contact_status` says otherwise."""
    for key in ("last_use_on",):
        if isinstance(fields.get(key), str):
            fields[key] = d(fields[key])
    return AssessmentFacts(d(on), kind, substances=subs, **fields)


def intake(on: str, *subs: SubstanceFacts, **fields: Any) -> AssessmentFacts:
    return visit(on, *subs, kind="intake", **fields)


def event(on: str, name: str, count: int = 1) -> EventFacts:
    return EventFacts(d(on), name, count)


def client(*assessments: AssessmentFacts, events: tuple[EventFacts, ...] = ()) -> ClientHistory:
    return ClientHistory(
        1,
        "RD-1",
        date(1980, 1, 1),
        tuple(sorted(assessments, key=lambda a: a.assessed_on)),
        tuple(sorted(events, key=lambda e: e.occurred_on)),
    )
