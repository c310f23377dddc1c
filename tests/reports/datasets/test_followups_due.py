"""The worklist's filters over due follow-up points: state, point and days left."""

from __future__ import annotations

import datetime as dt

from db.worklist import DueClient
from reports.datasets.followups_due import DueItem, Filters, filtered
from reports.rules.followup import FollowupPoint

TODAY = dt.date(2026, 11, 27)


def item(name: str, closes_on: str, state: str = "open", months: int = 3) -> DueItem:
    client = DueClient(1, name, name, "Due", None, None, False)
    closes = dt.date.fromisoformat(closes_on)
    point = FollowupPoint(dt.date(2026, 1, 1), months, closes, closes, closes)
    return DueItem(client, point, state, ())


ITEMS = [
    item("today", "2026-11-27", "closing_soon"),
    item("seven", "2026-12-04", "closing_soon"),
    item("eight", "2026-12-05", "closing_soon", months=6),
    item("thirty", "2026-12-27"),
    item("later", "2027-01-27"),
    item("missed", "2026-11-20", "missed"),
]


def names(chosen: Filters) -> list[str]:
    return [i.client.client_code for i in filtered(ITEMS, chosen, TODAY)]


def test_days_left_keeps_windows_closing_on_or_before_that_day_and_never_missed_ones() -> None:
    assert names(Filters(days_left=7)) == ["today", "seven"]
    assert names(Filters(days_left=30)) == ["today", "seven", "eight", "thirty"]
    assert names(Filters()) == [i.client.client_code for i in ITEMS]


def test_the_filters_combine() -> None:
    assert names(Filters(state="closing_soon", months=6, days_left=30)) == ["eight"]
    assert names(Filters(state="missed", days_left=30)) == []
