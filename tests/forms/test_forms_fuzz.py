"""Hypothesis throws arbitrary values at every form: no crash, every rejection names a
field the form has, and a rejected save writes nothing."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from db.models import AuditEntry, Client
from forms import definitions as d
from forms import records
from forms.validation import (
    ValidationFailed,
    validate_assessment,
    validate_client,
    validate_encounter,
    validate_event,
    validate_followup_attempt,
)

TODAY = dt.date(2026, 11, 27)
BORN = dt.date(1980, 6, 1)

anything = st.one_of(
    st.none(),
    st.text(max_size=120),
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.datetimes(),
    st.sampled_from(
        [
            "yes",
            "NO",
            "2024-01-10",
            "45301",
            "completed",
            "intake",
            "opioid",
            "craving;withdrawal",
            "=1+1",
            "\x07",
            "é" * 200,
            "  ",
        ]
    ),
)


def form_of(fields: tuple) -> st.SearchStrategy[dict]:
    return st.fixed_dictionaries({}, optional={f.key: anything for f in fields})


def keys_of(fields: tuple) -> set[str]:
    return {f.key for f in fields}


FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(form_of(d.CLIENT_FIELDS))
def test_client_form(raw: dict) -> None:
    result = validate_client(raw, TODAY)
    assert set(result.errors) <= keys_of(d.CLIENT_FIELDS)
    assert all(message.strip() for message in result.errors.values())


@FUZZ
@given(form_of(d.ASSESSMENT_FIELDS), st.lists(form_of(d.SUBSTANCE_FIELDS), max_size=3))
def test_assessment_form(raw: dict, substances: list) -> None:
    result = validate_assessment(raw, substances, BORN, TODAY)
    allowed = (
        keys_of(d.ASSESSMENT_FIELDS)
        | {"substances"}
        | {f"substances.{i}.{f.key}" for i in range(3) for f in d.SUBSTANCE_FIELDS}
    )
    assert set(result.errors) <= allowed


@FUZZ
@given(form_of(d.EVENT_FIELDS), form_of(d.ENCOUNTER_FIELDS), form_of(d.FOLLOWUP_ATTEMPT_FIELDS))
def test_event_encounter_and_attempt_forms(event: dict, encounter: dict, attempt: dict) -> None:
    assert set(validate_event(event, BORN, TODAY).errors) <= keys_of(d.EVENT_FIELDS)
    assert set(validate_encounter(encounter, TODAY).errors) <= keys_of(d.ENCOUNTER_FIELDS)
    assert set(validate_followup_attempt(attempt, TODAY).errors) <= keys_of(
        d.FOLLOWUP_ATTEMPT_FIELDS
    )


@FUZZ
@given(raw=form_of(d.CLIENT_FIELDS))
def test_a_rejected_client_save_writes_nothing(database, admin, raw: dict) -> None:
    with database.reading() as s:
        before = (
            s.scalar(select(func.count()).select_from(Client)),
            s.scalar(select(func.count()).select_from(AuditEntry)),
        )
    try:
        records.create_client(database, admin, raw, TODAY)
        grew = 1
    except ValidationFailed as exc:
        assert exc.errors and set(exc.errors) <= keys_of(d.CLIENT_FIELDS)
        grew = 0
    with database.reading() as s:
        after = (
            s.scalar(select(func.count()).select_from(Client)),
            s.scalar(select(func.count()).select_from(AuditEntry)),
        )
    assert after == (before[0] + grew, before[1] + grew)
