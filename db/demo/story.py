"""When things happen to a demo client: episodes, follow-up visits, prison spells, death.

A client's life in the agency is walked forward from a first intake: the 3-,
6- and 12-month follow-ups (and yearly ones for some), each on time, late,
missed or attempted without reaching the client; a planned or administrative
discharge; a re-entry after a discharge or after a long silence. Prison spells
are drawn first so a follow-up falling inside one is `incarcerated` or held in
jail. What the client says at each visit is `db.demo.answers`' job.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from db.dates import add_months

DAY = dt.timedelta(days=1)
MAX_EPISODES = 5
# (cumulative weight, outcome) of a follow-up point; late = inside the window
# but after its first month, outside = after the window closed (DOMAIN.md §8).
_POINT_OUTCOMES = (
    (60, "on_time"),
    (70, "late"),
    (75, "outside"),
    (86, "missed"),
    (100, "attempted"),
)
_ATTEMPT_STATUS = ("not_located", "not_located", "not_located", "refused", "hospitalized")
_SETTINGS_AT_INTAKE = ((89, "none"), (97, "residential"), (99, "hospital"), (100, "other"))
_SETTINGS_LATER = ((95, "none"), (98, "residential"), (99.5, "hospital"), (100, "other"))


@dataclass
class Visit:
    on: dt.date
    kind: str
    status: str
    episode: int
    setting: str = "none"


@dataclass
class Spell:
    """A prison stay; `end` is None while it lasts past the client's last day."""

    start: dt.date
    end: dt.date | None

    def holds(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass
class Timeline:
    first: dt.date
    end: dt.date  # the last day anything can happen: today, or the day of death
    death: dt.date | None
    spells: list[Spell]
    visits: list[Visit] = field(default_factory=list)
    # (opened_on, closed_on) per episode, in order; closed_on None while open.
    episodes: list[tuple[dt.date, dt.date | None]] = field(default_factory=list)

    @property
    def last_visit_day(self) -> dt.date:
        return self.end - DAY if self.death is not None else self.end

    def visit(self, on: dt.date, kind: str, status: str, setting: str = "none") -> Visit:
        return Visit(on, kind, status, len(self.episodes) - 1, setting)


def _pick(rng: random.Random, table: tuple[tuple[float, str], ...]) -> str:
    roll = rng.random() * table[-1][0]
    return next(name for limit, name in table if roll < limit)


def make_timeline(
    rng: random.Random, birth: dt.date, today: dt.date, death_risk: float, jail_risk: float
) -> Timeline:
    earliest = max(add_months(today, -96), add_months(birth, 16 * 12))
    first = earliest + DAY * rng.randrange(max(1, (today - earliest).days))
    death = None
    if rng.random() < death_risk and (today - first).days > 60:
        death = first + DAY * rng.randrange(60, (today - first).days)
    end = death or today
    timeline = Timeline(first, end, death, _spells(rng, first, end, jail_risk))
    opened: dt.date | None = first
    while opened is not None and len(timeline.episodes) < MAX_EPISODES:
        opened = _episode(rng, timeline, opened)
    if death is not None:
        _after_death(rng, timeline, death, today)
    return timeline


def _spells(rng: random.Random, first: dt.date, end: dt.date, risk: float) -> list[Spell]:
    spells: list[Spell] = []
    span = max(0, (end - first).days - 1)
    count = sum(1 for _ in range(3) if rng.random() < risk)
    starts = sorted(first + DAY * rng.randrange(span + 1) for _ in range(count))
    for start in starts:
        if spells and (spells[-1].end is None or start <= spells[-1].end + DAY * 30):
            continue
        days = rng.randint(3, 60) if rng.random() < 0.6 else rng.randint(61, 540)
        stop = start + DAY * days
        spells.append(Spell(start, stop if stop <= end else None))
    return spells


def _jailed(timeline: Timeline, day: dt.date) -> bool:
    return any(spell.holds(day) for spell in timeline.spells)


def _add(rng: random.Random, timeline: Timeline, visit: Visit) -> None:
    if visit.status in ("completed", "not_located") and _jailed(timeline, visit.on):
        # Inside a spell the worker either reached the client in jail or not at all.
        if visit.kind == "intake" or rng.random() < 0.45:
            visit.status, visit.setting = "completed", "jail_prison"
        else:
            visit.status, visit.setting = "incarcerated", "none"
    timeline.visits.append(visit)


def _episode(rng: random.Random, timeline: Timeline, opened: dt.date) -> dt.date | None:
    """Visits of one service episode from its intake; returns the next intake, if any."""
    timeline.episodes.append((opened, None))
    intake_setting = _pick(rng, _SETTINGS_AT_INTAKE)
    _add(rng, timeline, timeline.visit(opened, "intake", "completed", intake_setting))
    ending = _follow_ups(rng, timeline, opened, intake_setting)
    visits = [v for v in timeline.visits if v.episode == len(timeline.episodes) - 1]
    last_seen = visits[-1].on
    completed = max(v.on for v in visits if v.status == "completed")
    discharged = visits[-1].kind == "discharge"
    closed = last_seen if discharged else None
    timeline.episodes[-1] = (opened, closed)
    if discharged and rng.random() < 0.4:
        nxt = last_seen + DAY * rng.randint(30, 1500)
    elif not discharged and ending == "lost" and rng.random() < 0.3:
        # After 90 days without a completed assessment the next intake is a re-entry.
        nxt = max(last_seen + DAY * 30, completed + DAY * rng.randint(95, 1500))
    else:
        return None
    if nxt > timeline.last_visit_day:
        return None
    if not discharged:
        # As db.assessments does: a new intake closes the open episode on the
        # date of its last completed assessment.
        timeline.episodes[-1] = (opened, completed)
    return nxt


def _follow_ups(rng: random.Random, timeline: Timeline, opened: dt.date, setting: str) -> str:
    """Follow-up visits of the open episode; returns 'discharged', 'lost' or 'open'."""
    lost = False
    months = 0
    # Some clients stay in continuing care for years: their yearly check-ups
    # are what shows sustained and stable recovery.
    stay, drift = (0.9, 0.04) if rng.random() < 0.12 else (0.5, 0.12)
    while months < 12 or rng.random() < stay:
        months = {0: 3, 3: 6, 6: 12}.get(months, months + 12)
        prev = timeline.visits[-1].on
        due = add_months(opened, months)
        outcome = _pick(rng, _POINT_OUTCOMES) if not lost else rng.choice(("missed", "attempted"))
        on = max(due + DAY * _offset(rng, outcome), prev + DAY * 30)
        if on > timeline.last_visit_day:
            return "lost" if lost else "open"
        if outcome == "attempted":
            _add(rng, timeline, timeline.visit(on, "follow_up", rng.choice(_ATTEMPT_STATUS)))
        elif outcome != "missed":
            _add(
                rng,
                timeline,
                timeline.visit(on, "follow_up", "completed", _later(rng, setting, months)),
            )
        lost = lost or rng.random() < drift
        if _discharge(rng, timeline, months, lost, final=False):
            return "discharged"
    # Follow-up is over: most agencies then close the episode, some forget to.
    if _discharge(rng, timeline, months, lost, final=True):
        return "discharged"
    return "lost" if lost else "open"


def _later(rng: random.Random, intake_setting: str, months: int) -> str:
    if intake_setting == "residential" and months == 3 and rng.random() < 0.4:
        return "residential"  # still in the residential programme three months on
    return _pick(rng, _SETTINGS_LATER)


def _offset(rng: random.Random, outcome: str) -> int:
    if outcome == "late":
        return rng.randint(36, 58)
    if outcome == "outside":
        return rng.randint(64, 95)
    return rng.randint(-25, 35)


def _discharge(
    rng: random.Random, timeline: Timeline, months: int, lost: bool, final: bool
) -> bool:
    """Maybe close the episode: planned after a completed follow-up, or administratively."""
    last = timeline.visits[-1]
    if lost or (final and last.status != "completed"):
        if rng.random() >= (0.6 if final else 0.25):
            return False
        on, status = last.on + DAY * rng.randint(90, 200), "not_located"
    else:
        chance = 0.6 if final else 0.4 if months >= 12 else 0.1 if months >= 6 else 0.0
        if last.status != "completed" or rng.random() >= chance:
            return False
        on, status = last.on + DAY * rng.randint(7, 60), "completed"
    if on > timeline.last_visit_day:
        return False
    _add(rng, timeline, timeline.visit(on, "discharge", status))
    return True


def _after_death(rng: random.Random, timeline: Timeline, death: dt.date, today: dt.date) -> None:
    """A deceased contact if the episode was still open; a death event otherwise (db.demo.harm)."""
    opened, closed = timeline.episodes[-1]
    on = death + DAY * rng.randint(7, 120)
    if closed is not None or on > today or rng.random() < 0.25:
        return
    kind = "discharge" if rng.random() < 0.6 else "follow_up"
    timeline.visits.append(timeline.visit(on, kind, "deceased"))
    if kind == "discharge":
        timeline.episodes[-1] = (opened, on)
