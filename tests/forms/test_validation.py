"""Whole-form validation: the messages a front-desk worker sees, keyed by the field at fault."""

from __future__ import annotations

import datetime as dt

import pytest

from forms.validation import (
    validate_assessment,
    validate_client,
    validate_encounter,
    validate_event,
)

TODAY = dt.date(2026, 11, 27)
BORN = dt.date(1980, 6, 1)
CLIENT = {
    "client_code": "C-1",
    "given_name": "Ana",
    "family_name": "Ruiz",
    "birth_date": "1980-06-01",
}
COMPLETED = {
    "assessed_on": "2024-01-10",
    "kind": "intake",
    "contact_status": "completed",
    "psych_health": "10",
    "physical_health": 12,
    "quality_of_life": 9.0,
}
ALCOHOL = {"substance_class": "alcohol", "primary": "yes", "criteria": "craving;cut_down"}


def assessment_errors(raw: dict, substances: list | None = None) -> dict[str, str]:
    return validate_assessment(
        raw, [ALCOHOL] if substances is None else substances, BORN, TODAY
    ).errors


def test_a_complete_intake_is_accepted_with_typed_values() -> None:
    result = validate_assessment(COMPLETED, [ALCOHOL], BORN, TODAY)
    assert result.ok, result.errors
    assert result.values["psych_health"] == 10 and result.values["quality_of_life"] == 9
    assert result.values["substances"][0]["criteria"] == {"craving", "cut_down"}


@pytest.mark.parametrize(
    ("raw", "field", "words"),
    [
        ({**CLIENT, "birth_date": "31/12/1980"}, "birth_date", "YYYY-MM-DD"),
        ({**CLIENT, "birth_date": "2027-01-01"}, "birth_date", "in the future"),
        ({**CLIENT, "birth_date": "1890-01-01"}, "birth_date", "too long ago"),
        ({**CLIENT, "given_name": ""}, "given_name", "required"),
        ({**CLIENT, "given_name": "An\u0000a"}, "given_name", "control character"),
        ({**CLIENT, "family_name": "x" * 101}, "family_name", "at most 100"),
        ({**CLIENT, "gender": "robot"}, "gender", "not one of the choices"),
        ({**CLIENT, "consent_contact": "maybe"}, "consent_contact", "yes or no"),
    ],
)
def test_client_rejections_name_the_field(raw: dict, field: str, words: str) -> None:
    errors = validate_client(raw, TODAY).errors
    assert list(errors) == [field]
    assert words in errors[field]


def test_codes_are_matched_whatever_their_case_and_spacing() -> None:
    result = validate_client({**CLIENT, "gender": "Non-Binary", "race": " WHITE "}, TODAY)
    assert result.ok and (result.values["gender"], result.values["race"]) == ("non_binary", "white")


def test_formula_like_names_are_ordinary_text() -> None:
    result = validate_client({**CLIENT, "given_name": '=HYPERLINK("x")'}, TODAY)
    assert result.ok and result.values["given_name"] == '=HYPERLINK("x")'


@pytest.mark.parametrize(
    ("raw", "substances", "field", "words"),
    [
        (
            {**COMPLETED, "assessed_on": "1979-01-01"},
            None,
            "assessed_on",
            "before the client's birth",
        ),
        ({**COMPLETED, "assessed_on": "2026-11-28"}, None, "assessed_on", "in the future"),
        ({**COMPLETED, "last_use_on": "2024-01-11"}, None, "last_use_on", "after the date"),
        ({**COMPLETED, "quality_of_life": None}, None, "quality_of_life", "required"),
        ({**COMPLETED, "quality_of_life": 21}, None, "quality_of_life", "between 0 and 20"),
        (COMPLETED, [], "substances", "at least one substance"),
        (
            COMPLETED,
            [{**ALCOHOL, "criteria_last_met_on": "2024-02-01"}],
            "substances.0.criteria_last_met_on",
            "after the date",
        ),
        (COMPLETED, [{**ALCOHOL, "primary": "no"}], "substances.0.primary", "exactly one"),
        (
            COMPLETED,
            [ALCOHOL, {**ALCOHOL, "substance_class": "opioid"}],
            "substances.1.primary",
            "exactly one",
        ),
        (
            COMPLETED,
            [ALCOHOL, {**ALCOHOL, "primary": "no"}],
            "substances.1.substance_class",
            "twice",
        ),
        ({**COMPLETED, "barc10_1": 3}, None, "barc10_2", "all ten"),
        (
            {**COMPLETED, "kind": "follow_up", "prior_recovery_attempts": 2},
            None,
            "prior_recovery_attempts",
            "intake only",
        ),
        (
            {
                "assessed_on": "2024-01-10",
                "kind": "follow_up",
                "contact_status": "refused",
                "quality_of_life": 5,
            },
            [],
            "quality_of_life",
            "not completed",
        ),
        (
            {**COMPLETED, "medication": "methadone", "medication_as_prescribed": "yes"},
            [{"substance_class": "opioid", "primary": "yes", "criteria": "withdrawal;tolerance"}],
            "substances.0.criteria",
            "Tolerance and withdrawal do not count while methadone",
        ),
    ],
)
def test_assessment_rejections_name_the_field(raw, substances, field, words) -> None:
    errors = assessment_errors(raw, substances)
    assert field in errors, errors
    assert words in errors[field]


def test_withdrawal_counts_when_methadone_is_not_taken_as_prescribed() -> None:
    raw = {**COMPLETED, "medication": "methadone", "medication_as_prescribed": "no"}
    opioid = [{"substance_class": "opioid", "primary": "yes", "criteria": "withdrawal;craving"}]
    assert assessment_errors(raw, opioid) == {}


def test_a_not_located_follow_up_needs_nothing_else() -> None:
    raw = {"assessed_on": "2024-04-10", "kind": "follow_up", "contact_status": "not_located"}
    assert assessment_errors(raw, []) == {}


def test_excel_serial_dates_and_iso_datetimes_are_dates() -> None:
    raw = {"occurred_on": 45301, "event": "ARREST"}
    result = validate_event(raw, BORN, TODAY)
    assert result.values["occurred_on"] == dt.date(2024, 1, 10)
    assert validate_event({**raw, "occurred_on": "2024-01-10T00:00:00"}, BORN, TODAY).ok


def test_an_encounter_must_record_something() -> None:
    errors = validate_encounter({"occurred_on": "2024-01-10", "area": "02139"}, TODAY).errors
    assert "at least one" in errors["naloxone_kits"]
    assert validate_encounter({"occurred_on": "2024-01-10", "syringes_out": "20"}, TODAY).ok
