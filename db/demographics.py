"""The demographics of the clients served in a period, counted in SQL."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Client
from db.report_queries import served_subquery

ANSWERS = ("sex_at_birth", "gender", "race", "ethnicity")


def served_answers(
    session: Session, start: dt.date, end: dt.date
) -> dict[str, Counter[str | None]]:
    """Per coded answer, the clients served from `start` to `end` by their answer (None:
    not recorded), one grouped count each."""
    served = served_subquery(start, end)
    found: dict[str, Counter[str | None]] = {}
    for name in ANSWERS:
        column = getattr(Client, name)
        rows = session.execute(
            select(column, func.count()).join(served, served.c[0] == Client.id).group_by(column)
        )
        found[name] = Counter({value: int(n) for value, n in rows})
    return found


def served_birth_dates(session: Session, start: dt.date, end: dt.date) -> Counter[dt.date]:
    """The clients served from `start` to `end`, counted by birth date."""
    served = served_subquery(start, end)
    rows = session.execute(
        select(Client.birth_date, func.count())
        .join(served, served.c[0] == Client.id)
        .group_by(Client.birth_date)
    )
    return Counter({born: int(n) for born, n in rows})
