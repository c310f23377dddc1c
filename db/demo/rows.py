"""One demo client as table rows, with primary keys assigned here (no round trips).

Everything about client number `index` comes from two generators seeded with
(seed, index): one for the person, one for the story. A client is therefore
the same whatever the size of the build or the chunk it falls in.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from db import assessments, codes
from db.demo import answers
from db.demo.answers import Course, Profile
from db.demo.harm import client_encounters, client_events
from db.demo.people import Person, client_row, make_person
from db.demo.story import Timeline, Visit, make_timeline

Row = dict[str, Any]
CODE_PREFIX = "DEMO-"
_PRIMARY = ("alcohol", "opioid", "stimulant", "cannabis", "sedative", "hallucinogen",
            "inhalant", "tobacco", "other")  # fmt: skip
_PRIMARY_CUM = (34, 64, 82, 90, 93.5, 95, 95.5, 97.5, 100)
_COMMON = ("alcohol", "opioid", "stimulant", "cannabis", "sedative")
_INJECTS = {"opioid": 0.45, "stimulant": 0.25}
_ASSESSMENT_COLUMNS = (
    "id", "client_id", "episode_id", *assessments.ASSESSMENT_COLUMNS,
    "created_at", "updated_at", "version",
)  # fmt: skip
_BLANK_ASSESSMENT: Row = dict.fromkeys(_ASSESSMENT_COLUMNS)
TABLES = (
    "clients",
    "consents",
    "episodes",
    "assessments",
    "substance_records",
    "events",
    "encounters",
)
# Recipients clients name in their consents (organisations, not people).
RECIPIENTS = ("County Health Department", "Riverside Primary Care", "State Probation Office")


class Ids:
    """The next primary key of each table, counted here so child rows know their parent."""

    def __init__(self, last: dict[str, int]) -> None:
        self.last = dict(last)

    def take(self, table: str) -> int:
        self.last[table] += 1
        return self.last[table]


@dataclass
class Rows:
    """Rows of one chunk, per table, ready for executemany."""

    tables: dict[str, list[Row]] = field(default_factory=lambda: {t: [] for t in TABLES})

    def add(self, table: str, row: Row) -> None:
        self.tables[table].append(row)


def stamp(day: dt.date) -> dt.datetime:
    # Creation times follow the story's dates, never the clock, so builds repeat exactly.
    return dt.datetime(day.year, day.month, day.day, 16, 0, tzinfo=dt.UTC)


def story_rng(seed: int, index: int) -> random.Random:
    return random.Random(seed * 2_000_029 + index * 11 + 5)


def make_profile(rng: random.Random) -> Profile:
    primary = rng.choices(_PRIMARY, cum_weights=_PRIMARY_CUM)[0]
    common = [c for c in _COMMON if c != primary]
    others = rng.sample(common, rng.choices((0, 1, 2), cum_weights=(45, 85, 100))[0])
    if primary != "tobacco" and rng.random() < 0.45:
        others.append("tobacco")
    injects = rng.random() < _INJECTS.get(primary, 0.03)
    return Profile(
        primary=primary,
        others=tuple(c for c in codes.SUBSTANCE_CLASSES if c in others),
        diagnosed=rng.random() > 0.05,
        injects=injects,
        recovery=rng.uniform(0.1, 0.55),
        barc=rng.random() < 0.35,
        children=rng.random() < 0.35,
        risk=rng.lognormvariate(0, 0.5),
        outreach=injects or rng.random() < (0.5 if primary in _INJECTS else 0.12),
    )


def add_client(seed: int, index: int, today: dt.date, ids: Ids, rows: Rows) -> None:
    person = make_person(seed, index, today)
    rng = story_rng(seed, index)
    profile = make_profile(rng)
    death_risk = 0.04 * (2 if profile.primary == "opioid" else 1) * (1.5 if profile.injects else 1)
    timeline = make_timeline(rng, person.birth_date, today, death_risk, 0.07 * profile.risk)
    client_id = ids.take("clients")
    code = f"{CODE_PREFIX}{client_id:06d}"
    rows.add("clients", client_row(person, client_id, code, stamp(timeline.first)))
    _consents(
        random.Random(seed * 4_000_037 + index * 17 + 3), person, timeline, client_id, ids, rows
    )
    episode_ids = _episodes(timeline, client_id, ids, rows)
    states = _assessments(rng, profile, timeline, (client_id, episode_ids), ids, rows)
    _harm(rng, profile, timeline, states, (client_id, person), ids, rows)


def _consents(
    rng: random.Random, person: Person, timeline: Timeline, client_id: int, ids: Ids, rows: Rows
) -> None:
    """The consents signed at the first visit: treatment, payment and operations by those who
    agree to share, some naming a recipient or agreeing to research; a few have expired or
    were revoked since. (A generator of its own, so the rest of the story stays as it was.)"""
    signed = timeline.first
    scopes: list[tuple[str, str | None]] = []
    if person.consent_share:
        scopes.append(("treatment_payment_operations", None))
    if rng.random() < 0.12:
        scopes.append(("named_recipient", rng.choice(RECIPIENTS)))
    if rng.random() < 0.05:
        scopes.append(("research", None))
    for scope, recipient in scopes:
        expires = signed + dt.timedelta(days=rng.choice((365, 730))) if rng.random() < 0.3 else None
        revoked = None
        if rng.random() < 0.08 and timeline.end > signed:
            revoked = signed + dt.timedelta(days=rng.randrange(1, (timeline.end - signed).days + 1))
        row = {"id": ids.take("consents"), "client_id": client_id, "scope": scope}
        rows.add(
            "consents",
            {
                **row,
                "recipient": recipient,
                "signed_on": signed,
                "expires_on": expires,
                "revoked_on": revoked,
                "note": None,
                "recorded_by_id": None,
                "recorded_by": "demo",
                "recorded_at": stamp(signed),
                "revoked_by": "demo" if revoked else None,
            },
        )


def _episodes(timeline: Timeline, client_id: int, ids: Ids, rows: Rows) -> list[int]:
    episode_ids = []
    for number, (opened, closed) in enumerate(timeline.episodes):
        episode_id = ids.take("episodes")
        episode_ids.append(episode_id)
        row = {"id": episode_id, "client_id": client_id, "opened_on": opened}
        rows.add("episodes", {**row, "closed_on": closed, "reentry": number > 0})
    return episode_ids


def _assessments(
    rng: random.Random,
    profile: Profile,
    timeline: Timeline,
    owner: tuple[int, list[int]],
    ids: Ids,
    rows: Rows,
) -> list[str]:
    """Assessment and substance rows of every visit; returns the state after each."""
    client_id, episode_ids = owner
    course = answers.start_course(rng, profile)
    states = []
    for visit in timeline.visits:
        row = dict(_BLANK_ASSESSMENT)
        row.update(
            id=ids.take("assessments"),
            client_id=client_id,
            episode_id=episode_ids[visit.episode],
            assessed_on=visit.on,
            kind=visit.kind,
            contact_status=visit.status,
            created_at=stamp(visit.on),
            updated_at=stamp(visit.on),
            version=1,
        )
        if visit.status == "completed":
            if visit.kind == "intake":
                answers.open_episode(rng, profile, course, first=visit.episode == 0)
            else:
                answers.advance(rng, profile, course, visit.setting)
            _answer(rng, profile, course, visit, row, ids, rows)
            course.previous = visit.on
        rows.add("assessments", row)
        states.append(course.state)
    return states


def _answer(
    rng: random.Random,
    profile: Profile,
    course: Course,
    visit: Visit,
    row: Row,
    ids: Ids,
    rows: Rows,
) -> None:
    medication, prescribed = answers.medication_now(rng, course)
    used = _substances(rng, profile, course, visit, (medication, prescribed), row["id"], ids, rows)
    injecting = _injecting(rng, profile, course, used)
    psych, physical, life = answers.ratings(rng, course)
    active = course.state in ("active", "lapse")
    row.update(
        last_use_on=answers.last_use(rng, course, visit.on, used),
        injecting_days_28=injecting,
        shared_equipment=injecting > 0 and rng.random() < 0.25,
        offending_days_28=_offending(rng, course.state, visit.setting),
        work_days_28=rng.randint(0, 12 if active else 22) if rng.random() < 0.5 else 0,
        housing_problem=rng.random() < (0.45 if active else 0.2),
        psych_health=psych,
        physical_health=physical,
        quality_of_life=life,
        medication=medication,
        medication_as_prescribed=prescribed,
        controlled_environment=visit.setting,
        goal=course.goal,
        self_identified_recovery=answers.self_identified(rng, course),
        prior_recovery_attempts=course.attempts if visit.kind == "intake" else None,
    )
    items = answers.barc10(rng, profile, course)
    if items is not None:
        row.update({f"barc10_{i}": item for i, item in enumerate(items, start=1)})


def _substances(
    rng: random.Random,
    profile: Profile,
    course: Course,
    visit: Visit,
    medication: tuple[str, bool | None],
    assessment_id: int,
    ids: Ids,
    rows: Rows,
) -> int:
    """Substance records of a completed visit; returns the most days any drug was used."""
    most = 0
    for cls in (profile.primary, *profile.others):
        primary = cls == profile.primary
        if not primary and visit.kind != "intake" and rng.random() < 0.15:
            continue  # staff recorded only the primary class this time
        on_it = medication[1] and medication[0] in codes.MEDICATION_FOR_CLASS.get(cls, ())
        blocked = codes.PHYSIOLOGICAL_CRITERIA if on_it else ()
        criteria = answers.criteria_for(rng, course, cls, primary, blocked)
        days = answers.use_days(rng, course, cls, primary, visit.setting)
        if cls != "tobacco":  # tobacco does not count as use (DOMAIN.md §1)
            most = max(most, days)
        rows.add(
            "substance_records",
            {
                "id": ids.take("substance_records"),
                "assessment_id": assessment_id,
                "substance_class": cls,
                "primary": primary,
                "criteria": ";".join(criteria),
                "criteria_last_met_on": answers.last_met(
                    rng, course, visit.on, criteria, visit.setting
                ),
                "use_days_28": days,
            },
        )
    return most


def _injecting(rng: random.Random, profile: Profile, course: Course, used: int) -> int:
    if not profile.injects or used == 0:
        return 0
    return rng.randint(1, used) if rng.random() < 0.75 else 0


def _offending(rng: random.Random, state: str, setting: str) -> int:
    if setting == "jail_prison":
        return 0
    chance = {"active": 0.35, "lapse": 0.12, "partial": 0.1, "no_dx": 0.1}.get(state, 0.03)
    return rng.randint(1, 20 if state == "active" else 4) if rng.random() < chance else 0


def _harm(
    rng: random.Random,
    profile: Profile,
    timeline: Timeline,
    states: list[str],
    who: tuple[int, Person],
    ids: Ids,
    rows: Rows,
) -> None:
    client_id, person = who
    for day, event, count in client_events(rng, profile, timeline, states):
        row = {"id": ids.take("events"), "client_id": client_id, "occurred_on": day}
        rows.add("events", {**row, "event": event, "count": count})
    for day, where, tally in client_encounters(rng, profile, timeline, states, person.postal_code):
        row = {"id": ids.take("encounters"), "occurred_on": day, "client_id": client_id}
        rows.add("encounters", {**row, "area": where, **tally})
