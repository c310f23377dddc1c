"""Properties of the status over random histories (hypothesis)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.codes import CRITERIA
from reports.rules.facts import AssessmentFacts, ClientHistory, EventFacts, SubstanceFacts
from reports.rules.recovery import classify, classify_series, primary_status

REMISSIONS = {"early_remission", "sustained_remission"}
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Few criteria per record, so histories cross the 2-criteria line often both ways.
criteria: st.SearchStrategy[frozenset[str]] = st.frozensets(
    st.sampled_from(CRITERIA), max_size=4
) | st.just(frozenset())


@st.composite
def substance(draw: st.DrawFn, on: date, cls: str, primary: bool) -> SubstanceFacts:
    crit = draw(criteria)
    dated = draw(st.booleans())
    last_met = None
    if crit and dated:
        last_met = on - timedelta(days=draw(st.integers(0, 150)))
    return SubstanceFacts(cls, primary, crit, last_met, draw(st.none() | st.integers(0, 28)))


@st.composite
def assessment(draw: st.DrawFn, on: date, first: bool) -> AssessmentFacts:
    subs = [draw(substance(on, "opioid", True))]
    if draw(st.booleans()):
        subs.append(draw(substance(on, "alcohol", False)))
    return AssessmentFacts(
        on,
        "intake" if first or draw(st.integers(0, 9)) == 0 else "follow_up",
        "completed" if first else draw(st.sampled_from(["completed"] * 5 + ["refused"])),
        last_use_on=on - timedelta(days=draw(st.integers(0, 2000)))
        if draw(st.booleans())
        else None,
        offending_days_28=draw(st.sampled_from([0, 0, 3, None])),
        quality_of_life=draw(st.integers(0, 20)),
        medication=draw(st.sampled_from(["none", "methadone", "naltrexone"])),
        medication_as_prescribed=draw(st.sampled_from([True, False, None])),
        controlled_environment=draw(st.sampled_from(["none", "none", "jail_prison", None])),
        barc10=draw(st.none() | st.tuples(*[st.integers(1, 6)] * 10)),
        prior_recovery_attempts=draw(st.none() | st.integers(0, 3)),
        substances=tuple(subs),
    )


@st.composite
def histories(draw: st.DrawFn, max_visits: int = 7) -> ClientHistory:
    on = draw(st.dates(date(2016, 1, 1), date(2020, 12, 31)))
    visits = []
    for i in range(draw(st.integers(1, max_visits))):
        if i:
            on += timedelta(days=draw(st.integers(20, 300)))
        visits.append(draw(assessment(on, i == 0)))
    events = []
    for _ in range(draw(st.integers(0, 3))):
        when = visits[0].assessed_on + timedelta(days=draw(st.integers(0, 1500)))
        events.append(EventFacts(when, draw(st.sampled_from(["arrest", "death", "dui"]))))
    events.sort(key=lambda e: e.occurred_on)
    return ClientHistory(1, "RD-1", date(1980, 1, 1), tuple(visits), tuple(events))


def _completed_dates(history: ClientHistory) -> list[date]:
    return [a.assessed_on for a in history.assessments if a.contact_status == "completed"]


def _events_until(history: ClientHistory, until: date) -> ClientHistory:
    return replace(history, events=tuple(e for e in history.events if e.occurred_on <= until))


@SETTINGS
@given(histories(), st.integers(0, 150), st.integers(1, 400))
def test_time_alone_only_turns_a_status_unknown(h: ClientHistory, lag: int, more: int) -> None:
    d_last = h.assessments[-1].assessed_on
    first = d_last + timedelta(days=lag)
    h = _events_until(h, first)
    later = first + timedelta(days=more)
    before, after = classify(h, first), classify(h, later)
    for b, a in zip(before, after, strict=True):
        if b.dsm_status != "deceased" and b.d_last and (later - b.d_last).days > 183:
            assert a.dsm_status == "unknown"
            assert (a.remission_episodes, a.recurrences) == (b.remission_episodes, b.recurrences)
        else:
            assert a == b


@SETTINGS
@given(histories())
def test_remission_ends_in_active_only_through_a_recurrence(h: ClientHistory) -> None:
    h = replace(h, events=())
    previous = None
    for on in _completed_dates(h):
        now = classify(h, on)[0]
        if previous is not None and previous.substance_class == now.substance_class:
            if previous.dsm_status in REMISSIONS and now.dsm_status == "active":
                assert now.recurrences == previous.recurrences + 1
            if previous.dsm_status == "sustained_remission" and now.dsm_status == "early_remission":
                # Back to early only when a criterion other than craving restarted the
                # clock, a recurrence opened a new episode, or partial turned full (§4 rows).
                assert (
                    now.B != previous.B
                    or now.recurrences > previous.recurrences
                    or (previous.remission_type, now.remission_type) == ("partial", "full")
                )
            assert now.remission_episodes >= previous.remission_episodes
        previous = now


@SETTINGS
@given(histories(), st.integers(1, 183))
def test_craving_alone_never_ends_a_full_remission(h: ClientHistory, gap: int) -> None:
    h = replace(h, events=())
    d_last = h.assessments[-1].assessed_on
    before = primary_status(h, d_last)
    if before.remission_type != "full" or before.d_last != d_last:
        return
    craving = SubstanceFacts(before.substance_class or "opioid", True, frozenset({"craving"}))
    extra = AssessmentFacts(d_last + timedelta(days=gap), "follow_up", substances=(craving,))
    after = primary_status(replace(h, assessments=(*h.assessments, extra)), extra.assessed_on)
    assert after.dsm_status in REMISSIONS
    assert after.remission_type == "full"
    assert after.B == before.B


@SETTINGS
@given(histories(), st.integers(0, 2500), st.integers(1, 400), st.data())
def test_a_later_assessment_never_changes_an_earlier_status(
    h: ClientHistory, offset: int, gap: int, data: st.DataObject
) -> None:
    as_of = h.assessments[0].assessed_on + timedelta(days=offset)
    last = max(as_of, h.assessments[-1].assessed_on)
    extra = data.draw(assessment(last + timedelta(days=gap), False))
    longer = replace(h, assessments=(*h.assessments, extra))
    assert classify(longer, as_of) == classify(h, as_of)


@SETTINGS
@given(histories(), st.lists(st.integers(-100, 2800), min_size=1, max_size=14))
def test_series_equals_classify_at_each_date(h: ClientHistory, offsets: list[int]) -> None:
    start = h.assessments[0].assessed_on
    dates = [start + timedelta(days=o) for o in offsets]
    assert classify_series(h, dates) == [classify(h, on) for on in dates]
