"""Any sequence of saves, edits and voids leaves the statuses and episodes that entering
the final history directly gives (DOMAIN.md §9a: computed from the current history)."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from db.codes import CRITERIA
from db.models import Episode
from forms import corrections, records
from reports.datasets.histories import load_histories
from reports.rules.recovery import classify

START = dt.date(2025, 1, 6)
_codes = itertools.count(1)

criteria = st.lists(st.sampled_from(CRITERIA), max_size=4, unique=True).map(";".join)
planned = st.lists(
    st.tuples(criteria, st.sampled_from(["direct", "edit", "void_extra"]), criteria),
    min_size=1,
    max_size=4,
)


def _answers(day: dt.date, kind: str, quality: int) -> dict[str, object]:
    return {
        "assessed_on": day.isoformat(),
        "kind": kind,
        "contact_status": "completed",
        "psych_health": 8,
        "physical_health": 9,
        "quality_of_life": quality,
        "last_use_on": day.isoformat(),
    }


def _substances(chosen: str) -> list[dict[str, object]]:
    return [{"substance_class": "alcohol", "primary": "yes", "criteria": chosen}]


def _client(db, actor, today) -> int:
    code = f"P-{next(_codes)}"
    person = {
        "client_code": code,
        "given_name": "Al",
        "family_name": "Bo",
        "birth_date": "1970-01-01",
    }
    return records.create_client(db, actor, person, today)


def _outcome(db, cid: int, as_of: dt.date) -> tuple[object, ...]:
    with db.reading() as s:
        history = next(iter(load_histories(s, [cid])))
        episodes = s.execute(
            select(Episode.opened_on, Episode.closed_on, Episode.reentry)
            .where(Episode.client_id == cid)
            .order_by(Episode.opened_on)
        ).all()
    return tuple(classify(history, as_of)), tuple(tuple(e) for e in episodes)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(plan=planned, false_death=st.booleans())
def test_corrected_and_direct_histories_have_the_same_statuses(
    database, admin, today, plan, false_death
):
    direct, corrected = _client(database, admin, today), _client(database, admin, today)
    days = [START + dt.timedelta(days=91 * i) for i in range(len(plan))]
    for i, (day, (chosen, how, wrong)) in enumerate(zip(days, plan, strict=True)):
        kind = "intake" if i == 0 else "follow_up"
        answers, right = _answers(day, kind, 10), _substances(chosen)
        records.add_assessment(database, admin, direct, answers, right, today)
        if how == "edit":
            first = records.add_assessment(
                database, admin, corrected, _answers(day, kind, 3), _substances(wrong), today
            )
            corrections.edit_assessment(database, admin, today, first, 1, answers, right, "fix")
            continue
        records.add_assessment(database, admin, corrected, answers, right, today)
        if how == "void_extra":
            extra = _answers(day + dt.timedelta(days=1), "follow_up", 2)
            aid = records.add_assessment(
                database, admin, corrected, extra, _substances(wrong), today
            )
            corrections.void_record(database, admin, today, "assessment", aid, 1, "duplicate")
    if false_death:
        death = {"occurred_on": days[-1].isoformat(), "event": "death"}
        eid = records.add_event(database, admin, corrected, death, today)
        corrections.void_record(database, admin, today, "event", eid, 1, "wrong_client")
    as_of = days[-1] + dt.timedelta(days=30)
    assert _outcome(database, corrected, as_of) == _outcome(database, direct, as_of)
