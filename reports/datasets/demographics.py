"""The clients served in a period by age band, sex at birth, gender, race and ethnicity,
from grouped SQL counts (db.demographics); ages at the period's last day."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from db import demographics as queries
from db.dates import Period
from db.engine import Session
from reports.rules.words import N_

# (label, lowest age) in print order; each band runs to the next one's lowest age.
AGE_BANDS = (
    (N_("Under 18"), 0),
    ("18-24", 18),
    ("25-34", 25),
    ("35-44", 35),
    ("45-54", 45),
    ("55-64", 55),
    (N_("65 and over"), 65),
)


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def age_band(age: int) -> str:
    label = AGE_BANDS[0][0]
    for name, lowest in AGE_BANDS:
        if age >= lowest:
            label = name
    return label


@dataclass(frozen=True)
class Demographics:
    period: Period
    ages: Counter[str]  # by AGE_BANDS label
    answers: dict[str, Counter[str | None]]  # per coded answer, None: not recorded


def demographics(session: Session, period: Period) -> Demographics:
    ages: Counter[str] = Counter()
    for born, n in queries.served_birth_dates(session, period.start, period.end).items():
        ages[age_band(age_on(born, period.end))] += n
    return Demographics(period, ages, queries.served_answers(session, period.start, period.end))
