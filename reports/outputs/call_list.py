"""The day's call list: the follow-ups the worklist shows, as a CSV file to print or to
work through (code, name, phone, point, window close, attempts).

The phone is written only for a client who consented to be contacted; for the others
the cell says so, as the worklist does. Writing it is an export of client data: the
audit row commits once the file is on disk and before it takes its name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from db import audit
from db.access import Actor, Permission
from db.engine import Database
from db.files import atomic_path
from forms.fields import N_
from reports.datasets.followups_due import DueItem, Filters, due_followups, filtered
from reports.render.csv_text import write_csv

HEADER = (
    N_("Code"),
    N_("Name"),
    N_("Phone"),
    N_("Follow-up point (months)"),
    N_("Window closes"),
    N_("Contact attempts"),
)
NO_CONSENT = N_("no consent to contact")
NO_PHONE = N_("no phone")


def write_call_list(
    database: Database,
    actor: Actor,
    target: Path,
    today: dt.date,
    months: Sequence[int],
    chosen: Filters,
    translate: Callable[[str], str] = str,
) -> int:
    """Write the follow-ups due `today` that pass `chosen` to `target`; the rows written."""
    actor.require(Permission.VIEW_CLIENTS)
    target = Path(target)
    items = filtered(due_followups(database, actor, today, months), chosen, today)
    rows = [_row(i, translate) for i in items]

    def audit_it() -> None:
        with database.writing() as session:
            audit.record(
                session,
                actor,
                "export",
                "call_list",
                target.name[-60:],
                after={
                    "file": target.name,
                    "day": today,
                    "rows": len(rows),
                    "state": chosen.state,
                    "point_months": chosen.months,
                    "days_left": chosen.days_left,
                },
            )

    with atomic_path(target, before_rename=audit_it) as temp:
        write_csv(temp, [translate(h) for h in HEADER], rows)
    return len(rows)


def _row(item: DueItem, translate: Callable[[str], str]) -> list[object]:
    c = item.client
    name = f"{c.family_name}, {c.given_name}" + (
        f" ({c.preferred_name})" if c.preferred_name else ""
    )
    # Staff contact only clients who consented to it (DOMAIN.md: consent_contact).
    phone = (c.phone or translate(NO_PHONE)) if c.consent_contact else translate(NO_CONSENT)
    return [
        c.client_code,
        name,
        phone,
        item.point.months,
        item.point.closes_on.isoformat(),
        len(item.attempts),
    ]
