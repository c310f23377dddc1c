"""What the worklist reads: the clients whose follow-up points may be due, with their
assessment dates, deaths and contact attempts, as plain frozen records. Which points
are due is decided by the follow-up rules (reports/rules/followup.py) in the screen's
worklist dataset (reports/datasets/followups_due.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db import worklist
from db.access import Actor, Permission
from db.engine import Database
from db.worklist import AssessmentDate, Attempt, DueClient

__all__ = ["AssessmentDate", "Attempt", "DueClient", "WorklistRows", "read_worklist"]

INTAKE = "intake"
COMPLETED_CONTACT = "completed"


@dataclass(frozen=True)
class WorklistRows:
    dates: dict[int, list[AssessmentDate]]  # by client id, in date order
    clients: list[DueClient]
    deaths: dict[int, dt.date]  # by client id
    attempts: dict[int, list[Attempt]]  # by client id


def read_worklist(database: Database, actor: Actor, first: dt.date, last: dt.date) -> WorklistRows:
    """The clients with a completed intake between `first` and `last`, and what the
    follow-up rules read about them since `first`, in one short read."""
    actor.require(Permission.VIEW_CLIENTS)
    with database.reading() as session:
        dates = worklist.assessments_since(session, first)
        ids = [
            cid
            for cid, rows in dates.items()
            if any(
                r.kind == INTAKE and r.contact_status == COMPLETED_CONTACT and r.assessed_on <= last
                for r in rows
            )
        ]
        return WorklistRows(
            dates,
            worklist.clients(session, ids),
            worklist.deaths(session),
            worklist.attempts_since(session, first),
        )
