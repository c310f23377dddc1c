"""The current episode's ratings and the changes said as progress (hand-counted values)."""

from __future__ import annotations

from reports.rules.facts import ClientHistory
from reports.rules.progress import progress
from tests.reports.rules_builders import SIX, client, d, intake, sub, visit

BARC_31 = (3, 3, 3, 3, 3, 3, 3, 3, 3, 4)  # 9 x 3 + 4 = 31
BARC_40 = (4,) * 10  # 40


def _history() -> ClientHistory:
    return client(
        # An earlier episode: its ratings are not this episode's starting point.
        intake("2023-01-05", sub(SIX, "2023-01-05"), quality_of_life=2, goal="undecided"),
        intake(
            "2025-01-10",
            sub(SIX, "2025-01-10"),
            psych_health=10,
            physical_health=12,
            quality_of_life=8,
            barc10=BARC_31,
            goal="reduction",
        ),
        visit("2025-04-10", sub(), contact_status="refused"),
        visit("2025-07-10", sub(), psych_health=10, physical_health=9, quality_of_life=11),
        visit(
            "2026-01-12",
            sub(),
            psych_health=10,
            physical_health=9,
            quality_of_life=13,
            barc10=BARC_40,
        ),
    )


def test_changes_since_the_episodes_intake_are_named_as_progress() -> None:
    found = progress(_history(), d("2026-02-01"))
    assert found.intake_on == d("2025-01-10")
    assert found.goal == "reduction"
    assert [p.on for p in found.points] == [d("2025-01-10"), d("2025-07-10"), d("2026-01-12")]
    assert found.series("barc10") == [(d("2025-01-10"), 31), (d("2026-01-12"), 40)]
    assert list(found.changes) == [
        "Psychological health steady at 10 since intake",
        "Physical health at 9 now, 12 at intake",
        "Quality of life up from 8 at intake to 13",
        "Recovery capital (BARC-10) up from 31 at intake to 40",
    ]


def test_the_as_of_date_cuts_the_series() -> None:
    found = progress(_history(), d("2025-07-10"))
    assert list(found.changes)[2] == "Quality of life up from 8 at intake to 11"
    # The BARC-10 was given once by then: no change to name.
    assert len(found.changes) == 3


def test_before_any_completed_intake_there_is_nothing_to_chart() -> None:
    found = progress(
        client(visit("2025-01-10", sub(), kind="intake", contact_status="refused")), d("2025-02-01")
    )
    assert found.intake_on is None and found.points == () and found.changes == ()
