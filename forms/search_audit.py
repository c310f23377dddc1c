"""Finding clients the way a person does, with the search in the audit trail.

The trail records that a person searched, where, and how many clients came up:
never what they typed, which is itself about a client. Typing searches at every
key, so one row stands for a burst of searching: the first search, then at most
one row a minute while the person keeps searching in the same place.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from db import audit
from db.access import Actor, Permission
from db.engine import Database
from forms.search import DEFAULT_LIMIT, ClientIndex, search

AUDIT_EVERY_SECONDS = 60.0


@dataclass
class SearchTrail:
    """When a search was last put in the audit trail, per person and place."""

    last: dict[tuple[str, str], float] = field(default_factory=dict)

    def due(self, actor: Actor, where: str, now: float) -> bool:
        seen = self.last.get((actor.username, where))
        return seen is None or now - seen >= AUDIT_EVERY_SECONDS


def find_clients(
    database: Database,
    actor: Actor,
    index: ClientIndex | None,
    text: str,
    *,
    where: str,
    trail: SearchTrail,
    limit: int = DEFAULT_LIMIT,
) -> list[int]:
    """The ids of the clients best matching `text`, best first; the search is audited."""
    actor.require(Permission.VIEW_CLIENTS)
    with database.reading() as session:
        ids = search(session, index, text, limit)
    now = time.monotonic()
    if trail.due(actor, where, now):
        with database.writing() as session:
            audit.record(
                session, actor, "search", "clients", None, after={"where": where, "found": len(ids)}
            )
        trail.last[(actor.username, where)] = now
    return ids
