"""Service episodes: an intake opens one, a discharge closes it (DOMAIN.md §1, §6).

The rule is a pure function so the single save and the bulk importer apply
exactly the same one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

REENTRY_GAP_DAYS = 90


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


def change_for(
    episodes: list[EpisodeRow], kind: str, day: dt.date, last_completed_before: dt.date | None
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
        raise EpisodeError("kind", "Record an intake before a follow-up or discharge")
    if latest.closed_on is not None and latest.closed_on < day:
        raise EpisodeError(
            "kind",
            f"The episode was closed by a discharge on "
            f"{latest.closed_on.isoformat()}; record a new intake",
        )
    close = (latest.id, day) if kind == "discharge" else None
    return EpisodeChange(use_id=latest.id, close=close)


def _intake(latest: EpisodeRow | None, day: dt.date, last_seen: dt.date | None) -> EpisodeChange:
    if latest is None:
        return EpisodeChange(use_id=None)
    gap = (day - last_seen).days if last_seen else REENTRY_GAP_DAYS + 1
    reentry = latest.closed_on is not None or gap > REENTRY_GAP_DAYS
    # The last completed interview may belong to an earlier episode (this one may
    # hold only a refused or not-located intake); an episode never closes before it opened.
    closed_on = max(last_seen, latest.opened_on) if last_seen else latest.opened_on
    close = None if latest.closed_on is not None else (latest.id, closed_on)
    return EpisodeChange(use_id=None, close=close, reentry=reentry)
