"""Phone numbers stored in one format; one word for a hospital stay (issue 16)."""

from __future__ import annotations

import datetime as dt

import pytest

from forms import definitions as d
from forms.definitions import by_key
from forms.validation import validate_client

TODAY = dt.date(2026, 11, 27)
PERSON = {
    "client_code": "P-1",
    "given_name": "Pat",
    "family_name": "Phone",
    "birth_date": "1980-01-01",
}


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("(503) 555-0101", "(503) 555-0101"),
        ("503.555.0101", "(503) 555-0101"),
        ("503 555 0101", "(503) 555-0101"),
        ("5035550101", "(503) 555-0101"),
        ("+1 503-555-0101", "(503) 555-0101"),
        ("1-503-555-0101", "(503) 555-0101"),
        ("555 0101", "555-0101"),
        ("5550101", "555-0101"),
        ("503-555-0101 ext. 12", "(503) 555-0101 ext. 12"),
        ("503 555 0101 x12", "(503) 555-0101 ext. 12"),
        ("+44  20 7946 0958", "+44 20 7946 0958"),
        ("", None),
    ],
)
def test_a_phone_number_is_stored_in_one_format(typed: str, stored: str | None) -> None:
    result = validate_client({**PERSON, "phone": typed}, TODAY)
    assert result.ok, result.errors
    assert result.values["phone"] == stored


@pytest.mark.parametrize("typed", ["call her mum", "503-555-O101", "ask at desk"])
def test_a_phone_with_words_is_refused_naming_the_field(typed: str) -> None:
    result = validate_client({**PERSON, "phone": typed}, TODAY)
    assert result.errors["phone"].startswith("Phone ")
    assert "digits" in result.errors["phone"]


def test_a_hospital_stay_reads_the_same_in_events_and_follow_ups() -> None:
    event = by_key(d.EVENT_FIELDS)["event"].label_of("hospitalisation")
    contact = by_key(d.ASSESSMENT_FIELDS)["contact_status"].label_of("hospitalized")
    assert event == "Hospital stay"
    assert contact == "In hospital"
