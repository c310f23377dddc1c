"""The episode rule (DOMAIN.md §1, §6) on plain values, without a database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from reports.rules.episodes import (
    BuiltEpisode,
    EpisodeChange,
    EpisodeError,
    EpisodeRow,
    change_for,
    episodes_of,
)

D = dt.date.fromisoformat


@dataclass(frozen=True)
class Seen:
    id: int
    assessed_on: dt.date
    kind: str
    contact_status: str = "completed"


def test_a_first_intake_opens_an_episode_that_is_no_reentry() -> None:
    assert change_for([], "intake", D("2024-01-10"), None) == EpisodeChange(use_id=None)


def test_a_follow_up_joins_the_open_episode_and_a_discharge_closes_it_that_day() -> None:
    open_one = [EpisodeRow(7, D("2024-01-10"), None)]
    assert change_for(open_one, "follow_up", D("2024-04-10"), None) == EpisodeChange(7)
    assert change_for(open_one, "discharge", D("2024-06-01"), None) == EpisodeChange(
        7, close=(7, D("2024-06-01"))
    )


def test_an_intake_within_90_days_of_a_completed_one_closes_the_open_episode_there() -> None:
    open_one = [EpisodeRow(3, D("2024-01-10"), None)]
    change = change_for(open_one, "intake", D("2024-04-09"), D("2024-01-10"))  # 90 days
    assert change == EpisodeChange(None, close=(3, D("2024-01-10")), reentry=False)


def test_an_intake_91_days_after_the_last_completed_one_is_a_reentry() -> None:
    open_one = [EpisodeRow(3, D("2024-01-10"), None)]
    change = change_for(open_one, "intake", D("2024-04-10"), D("2024-01-10"))  # 91 days
    assert change == EpisodeChange(None, close=(3, D("2024-01-10")), reentry=True)


def test_an_intake_after_a_discharge_is_a_reentry_and_closes_nothing() -> None:
    closed = [EpisodeRow(3, D("2024-01-10"), D("2024-02-01"))]
    assert change_for(closed, "intake", D("2024-02-15"), D("2024-02-01")) == EpisodeChange(
        None, reentry=True
    )


def test_a_follow_up_needs_an_intake_and_an_open_episode() -> None:
    with pytest.raises(EpisodeError, match="Record an intake") as first:
        change_for([], "follow_up", D("2024-01-10"), None)
    assert first.value.field == "kind"
    closed = [EpisodeRow(3, D("2024-01-10"), D("2024-02-01"))]
    with pytest.raises(EpisodeError, match="closed by a discharge on 2024-02-01"):
        change_for(closed, "follow_up", D("2024-03-01"), None)


def test_a_timeline_builds_what_saving_it_oldest_first_would() -> None:
    built = episodes_of(
        [
            Seen(1, D("2024-01-10"), "intake"),
            Seen(2, D("2024-02-10"), "follow_up", "not_located"),
            Seen(3, D("2024-03-10"), "discharge"),
            Seen(4, D("2024-03-20"), "follow_up"),  # after the discharge: refused
            Seen(5, D("2024-05-01"), "intake"),
        ]
    )
    assert built.episodes == [
        BuiltEpisode(D("2024-01-10"), D("2024-03-10"), reentry=False),
        BuiltEpisode(D("2024-05-01"), None, reentry=True),
    ]
    assert built.assignments == [(1, 0), (2, 0), (3, 0), (5, 1)]
    assert [(visit.id, error.field) for visit, error in built.errors] == [(4, "kind")]
