"""Service episodes: an intake opens one, a discharge closes it (DOMAIN.md §1, §6).

One rule for both ways in: a single save asks `change_for` what one new
assessment does to the stored episodes; the workbook import rebuilds a
client's episodes with `episodes_of`, which is the same rule applied to each
assessment oldest first. Storage (reading and writing episode rows) is db's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from reports.rules.words import N_, Sentence

REENTRY_GAP_DAYS = 90


class Episode(Protocol):
    """What the rule reads of a stored episode."""

    @property
    def id(self) -> int: ...
    @property
    def opened_on(self) -> dt.date: ...
    @property
    def closed_on(self) -> dt.date | None: ...


class Visit(Protocol):
    """What the rule reads of an assessment."""

    @property
    def id(self) -> int: ...
    @property
    def assessed_on(self) -> dt.date: ...
    @property
    def kind(self) -> str: ...
    @property
    def contact_status(self) -> str: ...


@dataclass(frozen=True, slots=True)
class EpisodeRow:
    id: int
    opened_on: dt.date
    closed_on: dt.date | None


@dataclass(frozen=True, slots=True)
class EpisodeChange:
    """What saving an assessment does to the episodes.

    `use_id` is the episode the assessment belongs to (None: the new one);
    `close` is (episode id, closed_on) to write, if any; `reentry` is set for a new episode.
    """

    use_id: int | None
    close: tuple[int, dt.date] | None = None
    reentry: bool = False


class EpisodeError(ValueError):
    """The assessment does not fit the client's episodes; `field` names the field at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message  # a Sentence or an N_-marked text, for a screen to translate


def change_for(
    episodes: Sequence[Episode], kind: str, day: dt.date, last_completed_before: dt.date | None
) -> EpisodeChange:
    """The episode change for an assessment of `kind` on `day`.

    A re-entry is an intake after a discharge or after 90 days without a
    completed assessment. An intake while an episode is still open closes
    that episode on the last completed assessment before it.
    """
    latest = max(
        (e for e in episodes if e.opened_on <= day), key=lambda e: e.opened_on, default=None
    )
    if kind == "intake":
        return _intake(latest, day, last_completed_before)
    if latest is None:
        raise EpisodeError("kind", N_("Record an intake before a follow-up or discharge"))
    if latest.closed_on is not None and latest.closed_on < day:
        raise EpisodeError(
            "kind",
            Sentence(
                N_("The episode was closed by a discharge on {date}; record a new intake"),
                date=latest.closed_on,
            ),
        )
    close = (latest.id, day) if kind == "discharge" else None
    return EpisodeChange(use_id=latest.id, close=close)


def _intake(latest: Episode | None, day: dt.date, last_seen: dt.date | None) -> EpisodeChange:
    if latest is None:
        return EpisodeChange(use_id=None)
    gap = (day - last_seen).days if last_seen else REENTRY_GAP_DAYS + 1
    reentry = latest.closed_on is not None or gap > REENTRY_GAP_DAYS
    # The last completed interview may belong to an earlier episode (this one may
    # hold only a refused or not-located intake); an episode never closes before it opened.
    closed_on = max(last_seen, latest.opened_on) if last_seen else latest.opened_on
    close = None if latest.closed_on is not None else (latest.id, closed_on)
    return EpisodeChange(use_id=None, close=close, reentry=reentry)


@dataclass(frozen=True, slots=True)
class BuiltEpisode:
    opened_on: dt.date
    closed_on: dt.date | None
    reentry: bool


@dataclass
class ClientEpisodes:
    """A client's episodes built from its whole timeline.

    `assignments` pairs an assessment id with its episode's position in `episodes`;
    `errors` are the assessments that broke the rule (they belong to no episode).
    """

    episodes: list[BuiltEpisode] = field(default_factory=list)
    assignments: list[tuple[int, int]] = field(default_factory=list)
    errors: list[tuple[Visit, EpisodeError]] = field(default_factory=list)


def episodes_of(timeline: Sequence[Visit]) -> ClientEpisodes:
    """One client's episodes: what saving `timeline` (sorted by date) one by one would store."""
    built = ClientEpisodes()
    episodes: list[EpisodeRow] = []  # ids are positions in the list
    reentry: list[bool] = []
    last_completed: dt.date | None = None
    for visit in timeline:
        try:
            change = change_for(episodes, visit.kind, visit.assessed_on, last_completed)
            _close(episodes, change.close)
        except EpisodeError as exc:
            built.errors.append((visit, exc))
            continue
        position = change.use_id
        if position is None:
            position = len(episodes)
            episodes.append(EpisodeRow(position, visit.assessed_on, None))
            reentry.append(change.reentry)
        built.assignments.append((visit.id, position))
        if visit.contact_status == "completed":
            last_completed = visit.assessed_on
    built.episodes = [
        BuiltEpisode(e.opened_on, e.closed_on, again)
        for e, again in zip(episodes, reentry, strict=True)
    ]
    return built


def _close(episodes: list[EpisodeRow], close: tuple[int, dt.date] | None) -> None:
    if close is None:
        return
    episode = episodes[close[0]]
    if close[1] < episode.opened_on:
        # The database refuses an episode closed before it opened (a CHECK constraint).
        raise EpisodeError(
            "kind",
            Sentence(
                N_(
                    "The episode opened on {date} has no completed interview; record a"
                    " discharge before this intake"
                ),
                date=episode.opened_on,
            ),
        )
    episodes[close[0]] = EpisodeRow(episode.id, episode.opened_on, close[1])
