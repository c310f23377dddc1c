"""The day's call list: the follow-ups the worklist shows, as a CSV file to work through
or a PDF to print (code, name, phone, point, window close, attempts; the PDF adds an
empty column to write each call's result in).

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
from forms.settings import load_settings
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
RESULT = N_("Result of the call")
NO_CONSENT = N_("no consent to contact")
NO_PHONE = N_("no phone")
TITLE = N_("Follow-ups to call on {day}")
COUNTED = N_("{count} follow-ups.")
SHOWN_STATE = N_("shown: {state}")
SHOWN_POINT = N_("the {months}-month point")
SHOWN_DAYS = N_("windows closing within {days} days")
PHONE_RULE = N_(
    "A phone number is printed only for a client who consented to be contacted; "
    "the others are not to be called."
)
HANDLE_WITH_CARE = N_(
    "This sheet names clients: keep it out of sight, do not take it out of the agency, "
    "and shred it after use."
)
NOTHING_DUE = N_("No follow-up to call.")
STATE_WORDS = {
    "due": N_("due"),
    "closing_soon": N_("closing within two weeks"),
    "missed": N_("missed"),
}
PAGE_WORDS = N_("Page {number} of {total}")


def write_call_list(
    database: Database,
    actor: Actor,
    target: Path,
    today: dt.date,
    months: Sequence[int],
    chosen: Filters,
    translate: Callable[[str], str] = str,
) -> int:
    """Write the follow-ups due `today` that pass `chosen` to `target` (CSV); the rows."""
    rows = _rows(database, actor, today, months, chosen, translate)
    target = Path(target)
    with atomic_path(
        target, before_rename=_audit(database, actor, target, today, chosen, rows)
    ) as temp:
        write_csv(temp, [translate(h) for h in HEADER], rows)
    return len(rows)


def write_call_list_pdf(
    database: Database,
    actor: Actor,
    target: Path,
    today: dt.date,
    months: Sequence[int],
    chosen: Filters,
    translate: Callable[[str], str] = str,
) -> int:
    """The same rows as `write_call_list`, as a PDF to print (the agency's paper size,
    landscape, a column to write each call's result in); the rows written."""
    from reports.render.pdf_call_list import CallListPage
    from reports.render.pdf_call_list import write_call_list_pdf as render

    rows = _rows(database, actor, today, months, chosen, translate)
    target = Path(target)
    settings = load_settings(database)
    page = CallListPage(
        agency=settings.agency_name,
        title=translate(TITLE).format(day=today.isoformat()),
        lines=_lines(chosen, len(rows), translate),
        header=[translate(h) for h in (*HEADER, RESULT)],
        empty=translate(NOTHING_DUE),
        warning=translate(HANDLE_WITH_CARE),
        page_words=translate(PAGE_WORDS),
    )
    before_rename = _audit(database, actor, target, today, chosen, rows)
    render(page, rows, target, settings.paper_size, dt.datetime.now(dt.UTC), before_rename)
    return len(rows)


def _rows(
    database: Database,
    actor: Actor,
    today: dt.date,
    months: Sequence[int],
    chosen: Filters,
    translate: Callable[[str], str],
) -> list[list[object]]:
    actor.require(Permission.VIEW_CLIENTS)
    items = filtered(due_followups(database, actor, today, months), chosen, today)
    return [_row(i, translate) for i in items]


def _lines(chosen: Filters, count: int, translate: Callable[[str], str]) -> list[str]:
    shown = []
    if chosen.state:
        shown.append(
            translate(SHOWN_STATE).format(
                state=translate(STATE_WORDS.get(chosen.state, chosen.state))
            )
        )
    if chosen.months:
        shown.append(translate(SHOWN_POINT).format(months=chosen.months))
    if chosen.days_left is not None:
        shown.append(translate(SHOWN_DAYS).format(days=chosen.days_left))
    counted = translate(COUNTED).format(count=count)
    return [counted + (" " + "; ".join(shown) + "." if shown else ""), translate(PHONE_RULE)]


def _audit(
    database: Database,
    actor: Actor,
    target: Path,
    today: dt.date,
    chosen: Filters,
    rows: Sequence[object],
) -> Callable[[], None]:
    """The export's audit row, committed once the file is on disk, before it is renamed."""

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

    return audit_it


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
