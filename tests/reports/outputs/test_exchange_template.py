"""The exchange template checks dates and numbers as they are typed, with the limits the
import applies: the workbook is reopened with openpyxl and its data validations read."""

from __future__ import annotations

from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from forms.exchange import RECORD_SHEETS
from forms.fields import Kind
from reports.outputs.exchange_template import write_template


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Any:
    target = tmp_path_factory.mktemp("template") / "template.xlsx"
    write_template(target)
    return load_workbook(target)


def rule_of(book: Any, sheet: str, key: str) -> Any:
    """The one data validation that covers the column `key` of `sheet`, below its header."""
    ws = book[sheet]
    header = [c.value for c in ws[1]]
    letter = get_column_letter(header.index(key) + 1)
    found = [
        r for r in ws.data_validations.dataValidation if str(r.sqref).startswith(f"{letter}2:")
    ]
    assert len(found) == 1, f"{sheet}.{key}: {len(found)} rules"
    assert str(found[0].sqref) == f"{letter}2:{letter}1048576"
    return found[0]


# DOMAIN.md §1: 28-day items 0-28, the three ratings 0-20, BARC-10 items 1-6.
@pytest.mark.parametrize(
    ("sheet", "key", "low", "high"),
    [
        ("Assessments", "injecting_days_28", "0", "28"),
        ("Assessments", "offending_days_28", "0", "28"),
        ("Assessments", "work_days_28", "0", "28"),
        ("Assessments", "psych_health", "0", "20"),
        ("Assessments", "physical_health", "0", "20"),
        ("Assessments", "quality_of_life", "0", "20"),
        ("Assessments", "barc10_1", "1", "6"),
        ("Assessments", "barc10_10", "1", "6"),
        ("Substances", "use_days_28", "0", "28"),
    ],
)
def test_numbers_are_held_to_the_ranges_of_the_domain(
    book: Any, sheet: str, key: str, low: str, high: str
) -> None:
    rule = rule_of(book, sheet, key)
    assert (rule.type, rule.operator, rule.formula1, rule.formula2) == (
        "whole",
        "between",
        low,
        high,
    )
    assert rule.allow_blank and rule.showErrorMessage and rule.errorStyle in (None, "stop")
    assert f"from {low} to {high}" in rule.error


@pytest.mark.parametrize(
    ("sheet", "key"),
    [
        ("Clients", "birth_date"),
        ("Assessments", "assessed_on"),
        ("Assessments", "last_use_on"),
        ("Events", "occurred_on"),
        ("Encounters", "occurred_on"),
    ],
)
def test_a_date_must_be_a_date_from_1900_and_not_in_the_future(
    book: Any, sheet: str, key: str
) -> None:
    rule = rule_of(book, sheet, key)
    assert (rule.type, rule.operator) == ("date", "between")
    assert (rule.formula1, rule.formula2) == ("DATE(1900,1,1)", "TODAY()")
    assert "YYYY-MM-DD" in rule.error


def test_an_expiry_may_lie_ahead(book: Any) -> None:
    rule = rule_of(book, "Consents", "expires_on")
    assert (rule.type, rule.operator, rule.formula1) == (
        "date",
        "greaterThanOrEqual",
        "DATE(1900,1,1)",
    )


def test_every_checked_field_of_the_import_has_its_rule(book: Any) -> None:
    """The limits are read from the fields the import validates with, not copied."""
    for sheet in RECORD_SHEETS:
        for f in sheet.fields:
            if f.kind is Kind.INTEGER and f.minimum is not None and f.maximum is not None:
                rule = rule_of(book, sheet.name, f.key)
                assert (rule.formula1, rule.formula2) == (str(f.minimum), str(f.maximum))
            elif f.kind is Kind.DATE:
                assert rule_of(book, sheet.name, f.key).type == "date"


def test_code_columns_keep_their_drop_downs(book: Any) -> None:
    rule = rule_of(book, "Assessments", "contact_status")
    assert rule.type == "list" and rule.formula1.startswith("Lists!")
