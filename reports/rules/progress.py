"""The client's own ratings over the current episode, and the changes named as progress.

The three 0-20 self-ratings (psychological health, physical health, quality of life)
and the BARC-10 total (10-60) of every completed interview from the episode's intake
(the latest completed intake on or before the as-of date, the one §5 compares quality of
life with) to the as-of date, with the client's own goal. A rating higher than at intake
is said as progress ("Quality of life up from 8 at intake to 13"); one that held is said
as holding; one lower is said plainly, without a verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reports.rules import milestone_words as w
from reports.rules.facts import AssessmentFacts, ClientHistory
from reports.rules.remission import COMPLETED, INTAKE
from reports.rules.words import Sentence

RATING_MIN, RATING_MAX = 0, 20
BARC10_MIN, BARC10_MAX = 10, 60
RATINGS = ("psych_health", "physical_health", "quality_of_life")
MEASURES = (*RATINGS, "barc10")


@dataclass(frozen=True, slots=True)
class ProgressPoint:
    """One completed interview's ratings (None: not asked or not answered)."""

    on: date
    psych_health: int | None
    physical_health: int | None
    quality_of_life: int | None
    barc10: int | None  # the total of the ten items

    def value(self, measure: str) -> int | None:
        value: int | None = getattr(self, measure)
        return value


@dataclass(frozen=True, slots=True)
class Progress:
    intake_on: date | None  # None: no completed intake yet
    points: tuple[ProgressPoint, ...]  # oldest first, the intake's first
    goal: str | None  # the client's own goal, as last told

    def series(self, measure: str) -> list[tuple[date, int]]:
        """(day, value) of the interviews that gave this measure."""
        return [(p.on, v) for p in self.points if (v := p.value(measure)) is not None]

    @property
    def changes(self) -> tuple[Sentence, ...]:
        """Each measure's change from intake to the last interview that gave it."""
        said = []
        for measure in MEASURES:
            sentence = change(measure, self.series(measure))
            if sentence is not None:
                said.append(sentence)
        return tuple(said)


def change(measure: str, series: Sequence[tuple[date, int]]) -> Sentence | None:
    """Up, held or lower since the first value (the intake's); None with fewer than two."""
    if len(series) < 2:
        return None
    before, now = series[0][1], series[-1][1]
    name = Sentence(w.MEASURE_NAMES[measure])
    if now > before:
        return Sentence(w.RATING_UP, measure=name, before=before, now=now)
    if now == before:
        return Sentence(w.RATING_STEADY, measure=name, now=now)
    return Sentence(w.RATING_NOW, measure=name, before=before, now=now)


def _point(a: AssessmentFacts) -> ProgressPoint:
    barc = sum(a.barc10) if a.barc10 is not None else None
    return ProgressPoint(a.assessed_on, a.psych_health, a.physical_health, a.quality_of_life, barc)


def progress(history: ClientHistory, as_of: date) -> Progress:
    """The current episode's ratings up to `as_of` (DOMAIN.md §1: the 0-20 self-ratings
    and the BARC-10 items of completed interviews)."""
    completed = [
        a for a in history.assessments if a.contact_status == COMPLETED and a.assessed_on <= as_of
    ]
    start = max((i for i, a in enumerate(completed) if a.kind == INTAKE), default=None)
    if start is None:
        return Progress(None, (), None)
    episode = completed[start:]
    goal = next((a.goal for a in reversed(episode) if a.goal is not None), None)
    return Progress(episode[0].assessed_on, tuple(_point(a) for a in episode), goal)
