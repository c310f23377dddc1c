"""The printed Definitions follow the constants the rules compute with."""

from __future__ import annotations

import pytest

from reports.rules import followup, recovery, remission
from reports.tables.definitions import definitions


def _text(**kwargs: object) -> str:
    return "\n".join(f"{h}: {p}" for h, p in definitions(**kwargs))  # type: ignore[arg-type]


def test_every_threshold_a_reader_checks_is_printed() -> None:
    text = _text()
    for phrase in [
        "more than 183 days",
        "at least 2 DSM-5 criteria",
        "within 12 months",
        "2-3 mild, 4-5 moderate, 6 or more severe",
        "at least 3 months (early) or 12 months (sustained)",
        "early from 1 month, sustained from 12 months, stable from 60 months",
        "BARC-10 total of at least 47",
        "at least 50 % below intake",
        "self/6 + others/4 + community/5",
        "due 3, 6 and 12 months after intake",
        "opens 1 month before the due date and closes 2 months after it",
        "14 days",
        "target 80 %",
        "Counts from 1 to 10 print as <11",
    ]:
        assert phrase in text


def test_headings_are_unique_and_paragraphs_are_sentences() -> None:
    pairs = definitions()
    assert len({h for h, _ in pairs}) == len(pairs)
    assert all(p.endswith(".") and len(p) > 40 for _, p in pairs)


def test_parameters_reach_the_text() -> None:
    text = _text(suppression_threshold=6, followup_months=(1, 12))
    assert "Counts from 1 to 5 print as <6" in text
    assert "due 1 and 12 months after intake" in text


@pytest.mark.parametrize(
    ("module", "name", "value", "phrase"),
    [
        (recovery, "UNKNOWN_AFTER_DAYS", 200, "more than 200 days"),
        (recovery, "BARC10_HEALTH_MIN", 50, "at least 50, no"),
        (remission, "EARLY_REMISSION_MONTHS", 4, "at least 4 months (early)"),
        (followup, "CLOSING_SOON_DAYS", 7, "last day is at most 7 days away"),
    ],
)
def test_text_is_read_from_the_rule_constants(
    monkeypatch: pytest.MonkeyPatch, module: object, name: str, value: int, phrase: str
) -> None:
    monkeypatch.setattr(module, name, value)
    assert phrase in _text()
