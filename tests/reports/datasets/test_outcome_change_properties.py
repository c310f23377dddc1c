"""`outcome_change.pair_of` equals the pairing read literally, over random histories.

The outcome change pairs a client's latest completed follow-up or discharge dated in the
period with the latest completed intake before it (reports/datasets/outcome_change.py).
The walk asks it of every client, so it scans from the end of the history and stops
early; here the pairing is read as the docstring says it, and the two must agree for
histories drawn around month ends, leap days, the 183-day edge and several intakes.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings

from db.dates import Period
from reports.datasets.outcome_change import pair_of
from reports.rules.facts import AssessmentFacts, ClientHistory
from tests.reports.rules.fast_path_histories import anchored

EXAMPLES = 300


def literally(
    history: ClientHistory, period: Period
) -> tuple[AssessmentFacts, AssessmentFacts] | None:
    done = [a for a in history.assessments if a.contact_status == "completed"]
    later = [a for a in done if a.kind != "intake" and a.assessed_on in period]
    if not later:
        return None
    latest = later[-1]
    intakes = [a for a in done if a.kind == "intake" and a.assessed_on < latest.assessed_on]
    return (intakes[-1], latest) if intakes else None


@settings(max_examples=EXAMPLES, deadline=None)
@given(anchored())
def test_pair_of_is_the_pairing_read_literally(drawn: tuple[date, ClientHistory]) -> None:
    as_of, history = drawn
    for period in (Period.twelve_months_ending(as_of), Period.month(as_of.year, as_of.month)):
        expected = literally(history, period)
        found = pair_of(history, period)
        # The very same records, not only equal ones: the measures read their answers.
        assert found == expected
        if expected is not None:
            assert found is not None
            assert found[0] is expected[0] and found[1] is expected[1]
