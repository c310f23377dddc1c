"""The due follow-ups of the agency as of a day, from the follow-up rules (no widgets).

Only intakes whose points can be due around `today` are read: from the one
whose last window closed `JUST_MISSED_DAYS` ago to the one whose first
window opens today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from forms import worklist
from forms.vocabulary import Actor, Database, add_months
from reports.rules.facts import AssessmentFacts, ClientHistory, EventFacts
from reports.rules.followup import (
    CLOSING_SOON,
    MISSED,
    OPEN,
    WINDOW_CLOSES_MONTHS_AFTER,
    WINDOW_OPENS_MONTHS_BEFORE,
    FollowupPoint,
    client_followups,
)

# A missed point stays on the list this long, so the worker sees what slipped.
JUST_MISSED_DAYS = 30
SHOWN = (CLOSING_SOON, OPEN, MISSED)
URGENCY = {CLOSING_SOON: 0, OPEN: 1, MISSED: 2}


@dataclass(frozen=True, slots=True)
class DueItem:
    client: worklist.DueClient
    point: FollowupPoint
    state: str
    attempts: tuple[worklist.Attempt, ...]

    @property
    def key(self) -> tuple[int, dt.date, int]:
        return (self.client.client_id, self.point.intake_on, self.point.months)

    @property
    def last_attempt(self) -> worklist.Attempt | None:
        return self.attempts[-1] if self.attempts else None


def intake_range(today: dt.date, months: Sequence[int]) -> tuple[dt.date, dt.date]:
    first = add_months(
        today - dt.timedelta(days=JUST_MISSED_DAYS), -(max(months) + WINDOW_CLOSES_MONTHS_AFTER)
    )
    last = add_months(today, -(min(months) - WINDOW_OPENS_MONTHS_BEFORE))
    return first, last


def due_followups(
    database: Database, actor: Actor, today: dt.date, months: Sequence[int]
) -> list[DueItem]:
    """Points open, closing soon or missed in the last `JUST_MISSED_DAYS`, most urgent first."""
    first, last = intake_range(today, months)
    read = worklist.read_worklist(database, actor, first, last)
    dates, due, deaths, attempts = read.dates, read.clients, read.deaths, read.attempts
    missed_since = today - dt.timedelta(days=JUST_MISSED_DAYS)
    items = []
    for client in due:
        history = _history(client, dates[client.client_id], deaths)
        tried = attempts.get(client.client_id, [])
        for st in client_followups(history, today, months):
            if st.state not in SHOWN or (st.state == MISSED and st.point.closes_on < missed_since):
                continue
            mine = tuple(
                a
                for a in tried
                if (a.intake_on, a.point_months) == (st.point.intake_on, st.point.months)
            )
            items.append(DueItem(client, st.point, st.state, mine))
    items.sort(key=lambda i: (URGENCY[i.state], i.point.closes_on, i.client.family_name))
    return items


def _history(
    client: worklist.DueClient, dates: list[worklist.AssessmentDate], deaths: dict[int, dt.date]
) -> ClientHistory:
    died = deaths.get(client.client_id)
    return ClientHistory(
        client_id=client.client_id,
        client_code=client.client_code,
        assessments=tuple(AssessmentFacts(d.assessed_on, d.kind, d.contact_status) for d in dates),
        events=(EventFacts(died, "death"),) if died else (),
    )


# What the worklist's "Show" filter keeps; None keeps everything.
STATE_FILTERS: dict[str, tuple[str, ...]] = {
    "due": (CLOSING_SOON, OPEN),
    "closing_soon": (CLOSING_SOON,),
    "missed": (MISSED,),
}


# The days-left filter's choices: windows that close within this many days from today.
DAYS_LEFT_CHOICES = (7, 14, 30)


@dataclass(frozen=True, slots=True)
class Filters:
    """What the worklist shows; None keeps everything."""

    state: str | None = None  # a key of STATE_FILTERS
    months: int | None = None  # the follow-up point
    days_left: int | None = None  # the window closes within this many days (missed: never)


def filtered(items: Sequence[DueItem], chosen: Filters, today: dt.date) -> list[DueItem]:
    """The items in one of the filter's states, at the chosen point, closing in time."""
    keep = STATE_FILTERS.get(chosen.state or "")
    last = None if chosen.days_left is None else today + dt.timedelta(days=chosen.days_left)
    return [
        i
        for i in items
        if (keep is None or i.state in keep)
        and (chosen.months is None or i.point.months == chosen.months)
        and (last is None or (i.state != MISSED and i.point.closes_on <= last))
    ]
