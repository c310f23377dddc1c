"""The milestones ahead over random histories: the day a remission milestone names is the
first day an interview with no new criterion shows that status (hypothesis)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import event, given

from reports.rules import milestone_words as w
from reports.rules.facts import ClientHistory, SubstanceFacts
from reports.rules.milestones import outlook
from reports.rules.recovery import classify
from tests.reports.rules.test_recovery_properties import SETTINGS, histories

REMISSION_STEPS = {words: step for step, words in w.AHEAD.items() if step[0].endswith("_remission")}


def _with_quiet_visit(history: ClientHistory, day: date) -> ClientHistory:
    """One more completed follow-up on `day` like the last one, with no criterion."""
    last = [a for a in history.assessments if a.contact_status == "completed"][-1]
    quiet = tuple(SubstanceFacts(s.substance_class, s.primary) for s in last.substances)
    visit = replace(last, assessed_on=day, kind="follow_up", substances=quiet)
    return replace(history, assessments=(*history.assessments, visit))


@SETTINGS
@given(histories())
def test_the_first_remission_milestone_is_reached_on_its_day_and_not_before(
    history: ClientHistory,
) -> None:
    history = replace(history, events=())  # no death cuts the story short
    as_of = history.assessments[-1].assessed_on
    statuses = classify(history, as_of)
    if not statuses or statuses[0].d_last != as_of:
        return
    found = outlook(history, statuses, as_of)
    noun = w.substance_noun(statuses[0].substance_class)
    ahead = [
        m for m in found.ahead
        if m.sentence.template in REMISSION_STEPS and m.sentence.params["substance"] == noun
    ]  # fmt: skip
    if not ahead:
        return
    first = ahead[0]
    event(f"checked {REMISSION_STEPS[first.sentence.template]}")
    assert first.on is not None and first.on > as_of
    status, kind = REMISSION_STEPS[first.sentence.template]
    on_the_day = classify(_with_quiet_visit(history, first.on), first.on)[0]
    assert (on_the_day.dsm_status, on_the_day.remission_type) == (status, kind)
    day_before = first.on - timedelta(days=1)
    if day_before > as_of:
        before = classify(_with_quiet_visit(history, day_before), day_before)[0]
        assert (before.dsm_status, before.remission_type) != (status, kind)
