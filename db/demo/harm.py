"""Dated events and harm-reduction encounters of the demo agency.

Events follow the client's state: a client in active use overdoses, visits
the emergency department and gets arrested more often than one in
remission. Prison spells, hospital stays and deaths drawn by `db.demo.story`
become their events here, so the timeline and the events tell one story.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterator

from db import codes
from db.demo.answers import Profile
from db.demo.people import AREA_CUM, AREAS
from db.demo.story import DAY, Timeline

# Yearly rate of each event for a client in active use, before the client's risk.
_BASE_RATES = {
    "overdose_nonfatal": 0.06,
    "ed_visit": 0.45,
    "hospitalisation": 0.08,
    "hiv_positive_new": 0.0,
    "hcv_positive_new": 0.0,
    "arrest": 0.18,
    "dui": 0.02,
    "child_welfare_report": 0.0,
    "child_removal": 0.0,
    "family_violence": 0.07,
    "family_reported_harm": 0.12,
    "public_order_citation": 0.15,
}
_KINDS = tuple(_BASE_RATES)
_STATE_FACTOR = {"active": 1.0, "lapse": 0.7, "partial": 0.5, "remission": 0.15, "no_dx": 0.3}
_ENCOUNTERS_PER_YEAR = {"active": 5.0, "lapse": 4.0, "partial": 3.0, "remission": 0.8, "no_dx": 2}
_ONCE = frozenset({"hiv_positive_new", "hcv_positive_new"})
_REPEATABLE = frozenset({"ed_visit", "public_order_citation", "overdose_nonfatal"})


def poisson(rng: random.Random, mean: float) -> int:
    if mean <= 0:
        return 0
    if mean > 30:  # the normal approximation is close enough and needs no loop
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _rates(profile: Profile) -> dict[str, float]:
    rates = dict(_BASE_RATES)
    rates["overdose_nonfatal"] = {"opioid": 0.35, "stimulant": 0.1, "sedative": 0.12}.get(
        profile.primary, 0.03
    ) + (0.1 if "opioid" in profile.others else 0.0)
    rates["dui"] = 0.12 if profile.primary == "alcohol" else 0.02
    # Injecting drives new HIV and HCV diagnoses; sex and other routes keep a low base.
    injecting = profile.injects
    rates["hiv_positive_new"] = 0.05 if injecting else 0.004
    rates["hcv_positive_new"] = 0.15 if injecting else 0.01
    if profile.children:
        rates["child_welfare_report"], rates["child_removal"] = 0.2, 0.05
    return rates


def _periods(timeline: Timeline, states: list[str]) -> Iterator[tuple[dt.date, int, str]]:
    """(start, length in days, state) from each visit to the next, the last to the end."""
    visits = timeline.visits
    for i, visit in enumerate(visits):
        # The deceased contact comes after the death, so the end caps every period.
        stop = min(visits[i + 1].on, timeline.end) if i + 1 < len(visits) else timeline.end
        if stop > visit.on:
            yield visit.on, (stop - visit.on).days, states[i]


def client_events(
    rng: random.Random, profile: Profile, timeline: Timeline, states: list[str]
) -> list[tuple[dt.date, str, int]]:
    """(date, event, count) of one client, in date order."""
    rates = _rates(profile)
    cum, total = [], 0.0
    for kind in _KINDS:
        total += rates[kind]
        cum.append(total)
    found: list[tuple[dt.date, str, int]] = []
    for start, days, state in _periods(timeline, states):
        mean = total * profile.risk * _STATE_FACTOR[state] * days / 365.25
        for _ in range(poisson(rng, mean)):
            kind = rng.choices(_KINDS, cum_weights=cum)[0]
            count = 1 if kind not in _REPEATABLE or rng.random() < 0.85 else rng.randint(2, 3)
            found.append((start + DAY * rng.randrange(days), kind, count))
    found.extend(_story_events(rng, timeline))
    found.sort()
    seen: set[str] = set()
    kept = []
    for day, kind, count in found:
        if kind in _ONCE and kind in seen:
            continue  # a new diagnosis happens once
        seen.add(kind)
        kept.append((day, kind, count))
    return kept


def _story_events(rng: random.Random, timeline: Timeline) -> Iterator[tuple[dt.date, str, int]]:
    for spell in timeline.spells:
        yield max(timeline.first, spell.start - DAY * rng.randint(0, 2)), "arrest", 1
        yield spell.start, "incarceration_start", 1
        if spell.end is not None:
            yield spell.end, "incarceration_end", 1
    for visit in timeline.visits:
        if visit.status == "hospitalized" or visit.setting == "hospital":
            yield max(timeline.first, visit.on - DAY * rng.randint(0, 20)), "hospitalisation", 1
    if timeline.death is not None:
        recorded = any(v.status == "deceased" for v in timeline.visits)
        if not recorded or rng.random() < 0.7:
            yield timeline.death, "death", 1


def tallies(rng: random.Random, opioid: bool, injects: bool) -> dict[str, int]:
    """Supplies and services of one encounter; syringes come back short, mostly."""
    out = rng.randrange(10, 110, 10) if injects and rng.random() < 0.8 else 0
    if out:
        back = round(out * rng.uniform(0.3, 1.0))
        if rng.random() < 0.06:
            back = out + rng.randrange(5, 45, 5)  # a bag of older returns brought in at once
    else:
        back = rng.randrange(10, 60, 10) if rng.random() < 0.03 else 0
    row = {
        "naloxone_kits": rng.randint(1, 3) if rng.random() < (0.5 if opioid else 0.1) else 0,
        "reversals_reported": (rng.random() < 0.04) + (rng.random() < 0.005),
        "syringes_out": out,
        "syringes_returned": back,
        "test_strips": rng.randint(2, 10) if rng.random() < 0.3 else 0,
        "hiv_tests": int(rng.random() < 0.08),
        "hcv_tests": int(rng.random() < 0.08),
        "referrals": (rng.random() < 0.12) + (rng.random() < 0.02),
    }
    if not any(row.values()):
        row["referrals"] = 1  # a conversation that ended in a referral
    return {**row, **referral_types(row, _peek(rng))}


# How often a demo referral goes to each type (codes.REFERRAL_TYPES order).
REFERRAL_WEIGHTS = (35, 15, 20, 10, 15, 5)


def _peek(rng: random.Random) -> int:
    """A number that changes with every draw of `rng`, read without drawing: the agency's
    main random stream, and so every other figure of a demo agency of a given seed, stays
    as it was before referral types were recorded."""
    state = rng.getstate()[1]
    return int(state[int(state[-1]) % 624])


def referral_types(row: dict[str, int], seed: int) -> dict[str, int]:
    """The type of each referral of an encounter, drawn from its own generator."""
    typed = dict.fromkeys(codes.REFERRAL_COLUMNS, 0)
    if not row["referrals"]:
        return typed
    pick = random.Random(seed)
    for column in pick.choices(codes.REFERRAL_COLUMNS, REFERRAL_WEIGHTS, k=row["referrals"]):
        typed[column] += 1
    return typed


def area(rng: random.Random, home: str | None) -> str:
    if home in AREAS and rng.random() < 0.8:
        return home
    return rng.choices(AREAS, cum_weights=AREA_CUM)[0]


def client_encounters(
    rng: random.Random, profile: Profile, timeline: Timeline, states: list[str], home: str | None
) -> list[tuple[dt.date, str, dict[str, int]]]:
    """(date, area, tallies) of a client seen at the harm-reduction counter."""
    if not profile.outreach:
        return []
    opioid = profile.primary == "opioid" or "opioid" in profile.others
    found = []
    for start, days, state in _periods(timeline, states):
        for _ in range(poisson(rng, _ENCOUNTERS_PER_YEAR[state] * days / 365.25)):
            day = start + DAY * rng.randrange(days)
            found.append((day, area(rng, home), tallies(rng, opioid, profile.injects)))
    found.sort(key=lambda item: item[0])
    return found


def anonymous_encounters(
    rng: random.Random, count: int, today: dt.date
) -> Iterator[tuple[dt.date, str, dict[str, int]]]:
    """Participants who want no record: spread over the eight years before today."""
    for _ in range(count):
        day = today - DAY * rng.randrange(8 * 365)
        yield day, area(rng, None), tallies(rng, rng.random() < 0.5, rng.random() < 0.6)
