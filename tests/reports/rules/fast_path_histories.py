"""Random histories for the properties that hold a fast path to its reference rule.

Dates are drawn against an anchor (the as-of date the test asks at): whole months
before it, a day either side, the 183-day edge, or anywhere in 2023-2025; each later
assessment whole months after the one before, a day either side. So a twelve-month
window's first and last day, a follow-up window's opening and closing day, month ends
and 29 February 2024 are met often. Assessments of every contact and kind, every harm
item, events of every kind (several on one day), deaths by event or contact.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from db.dates import add_months
from reports.rules.facts import AssessmentFacts, ClientHistory, EventFacts
from reports.rules.harm import EVENT_INDICATOR

FIRST = date(2023, 1, 1)
DAYS = 3 * 365
EVENTS = (*EVENT_INDICATOR, "death", "death", "death", "incarceration_end")
CONTACTS = ("completed", "completed", "completed", "refused", "not_located", "deceased")
KINDS = ("intake", "intake", "follow_up", "follow_up", "discharge")
NEAR = (-1, 0, 0, 1)
# Months from one assessment to the next: often a follow-up window's first or last day
# (3, 6 and 12 months: 2, 5, 11 and 5, 8, 14 months after the intake).
STEPS = (0, 1, 2, 2, 3, 5, 5, 5, 6, 8, 8, 11, 11, 12, 14, 14)


@st.composite
def anchors(draw: st.DrawFn) -> date:
    """An as-of date: often a month's last day or 29 February 2024."""
    base = FIRST + timedelta(days=draw(st.integers(0, DAYS)))
    shape = draw(st.integers(0, 3))
    if shape == 0:
        return date(base.year, base.month, 1) - timedelta(days=1)
    if shape == 1:
        return date(2024, 2, 29)
    return base


@st.composite
def near(draw: st.DrawFn, anchor: date) -> date:
    shape = draw(st.integers(0, 4))
    if shape == 0:
        return FIRST + timedelta(days=draw(st.integers(0, DAYS)))
    if shape == 1:
        return anchor - timedelta(days=183 + draw(st.sampled_from(NEAR)))
    months = add_months(anchor, -draw(st.integers(0, 30)))
    if shape == 2:  # a month's first day: a twelve-month window ending on a month end starts then
        return add_months(months, -12).replace(day=1)
    return months + timedelta(days=draw(st.sampled_from(NEAR)))


def _before(anchor: date) -> st.SearchStrategy[date]:
    """A first assessment early enough for later ones to come before the anchor."""
    return st.integers(0, 30).map(lambda n: add_months(anchor, -n))


@st.composite
def assessment(draw: st.DrawFn, on: date, first: bool) -> AssessmentFacts:
    """Mostly a completed intake first, so its follow-up windows are there to meet."""
    contact = draw(st.sampled_from(CONTACTS[:1] * 4 + CONTACTS if first else CONTACTS))
    kind = draw(st.sampled_from(KINDS[:1] * 6 + KINDS if first else KINDS))
    if contact != "completed":
        return AssessmentFacts(on, kind, contact)
    maybe_bool = st.sampled_from((None, False, True))
    return AssessmentFacts(
        on,
        kind,
        contact,
        shared_equipment=draw(maybe_bool),
        housing_problem=draw(maybe_bool),
        offending_days_28=draw(st.sampled_from((None, 0, 1, 28))),
        controlled_environment=draw(st.sampled_from((None, "jail_prison", "treatment"))),
    )


@st.composite
def histories(draw: st.DrawFn, anchor: date) -> ClientHistory:
    on = draw(st.one_of(near(anchor), _before(anchor)))
    visits = []
    for i in range(draw(st.integers(0, 7))):
        visits.append(draw(assessment(on, i == 0)))
        later = add_months(on, draw(st.sampled_from(STEPS)))
        on = later + timedelta(days=draw(st.sampled_from(NEAR)) if later > on else 0)
    around = [anchor, *(v.assessed_on for v in visits)]
    events = [
        EventFacts(
            draw(near(draw(st.sampled_from(around)))),
            draw(st.sampled_from(EVENTS)),
            draw(st.integers(1, 3)),
        )
        for _ in range(draw(st.integers(0, 6)))
    ]
    return ClientHistory(
        7,
        "RD-7",
        date(1980, 1, 1),
        tuple(sorted(visits, key=lambda a: a.assessed_on)),
        tuple(sorted(events, key=lambda e: e.occurred_on)),
    )


@st.composite
def anchored(draw: st.DrawFn) -> tuple[date, ClientHistory]:
    """An as-of date and a history drawn against it."""
    anchor = draw(anchors())
    return anchor, draw(histories(anchor))
