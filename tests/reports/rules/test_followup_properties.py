"""`client_followups` equals the rule read literally (DOMAIN.md §8), over random histories:
every point of every completed intake, its state from `point_state` over the completed
dates, the points a later intake overtakes and those of a client who died left out."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reports.rules.facts import ClientHistory, death_date
from reports.rules.followup import (
    COMPLETED,
    PointState,
    client_followups,
    followed_since,
    followup_points,
    point_state,
    still_followed,
)
from tests.reports.rules.fast_path_histories import anchored

EXAMPLES = 400
POINTS = st.sampled_from(((3, 6, 12), (6,), (1, 2, 3, 24), (12, 3)))


def literally(
    history: ClientHistory, as_of: date, months: tuple[int, ...], day_over: bool
) -> list[PointState]:
    done = [
        a.assessed_on
        for a in history.assessments
        if a.contact_status == "completed" and a.assessed_on <= as_of
    ]
    intakes = [
        a.assessed_on
        for a in history.assessments
        if a.contact_status == "completed" and a.kind == "intake" and a.assessed_on <= as_of
    ]
    died = death_date(history)
    found = []
    for i, intake_on in enumerate(intakes):
        for point in followup_points(intake_on, months):
            if any(later <= point.opens_on for later in intakes[i + 1 :]):
                continue
            state = point_state(point, done, as_of, day_over=day_over)
            gone = died is not None and died <= as_of and died <= point.closes_on
            if state.state != COMPLETED and gone:
                continue
            found.append(state)
    return found


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(anchored(), POINTS, st.booleans())
def test_client_followups_is_the_rule_read_literally(
    drawn: tuple[date, ClientHistory], months: tuple[int, ...], day_over: bool
) -> None:
    as_of, history = drawn
    got = client_followups(history, as_of, months, day_over=day_over)
    assert got == literally(history, as_of, months, day_over)


DAYS = st.dates(date(2020, 1, 1), date(2030, 12, 31))


@settings(max_examples=EXAMPLES, deadline=None)
@given(DAYS, DAYS, POINTS, st.one_of(st.none(), DAYS))
def test_no_episode_opened_before_followed_since_is_still_followed(
    opened_on: date, as_of: date, months: tuple[int, ...], closed_on: date | None
) -> None:
    """The report reads only episodes opened from `followed_since` on: one opened earlier
    is never still followed (its last window closed max(months) + 2 months after)."""
    since = followed_since(as_of, months)
    if opened_on < since:
        assert not still_followed(opened_on, closed_on, as_of, months)
    # Not so early that it reads much more than it needs: an episode opened a month
    # after it, not closed, is still followed.
    assert still_followed(since + timedelta(days=31), None, as_of, months)
