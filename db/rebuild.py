"""The one place where what is derived from a client's history is built again.

Every path that changes a saved history (a correction, a void, a restore, an
import with --update) ends here, inside its own transaction, so that what the
rules read next comes from the current, non-voided records (DOMAIN.md §9a).
Today that is the client's service episodes, built with the same rule the
single save applies one assessment at a time (db.episodes.change_for, through
db.bulk.plan_episodes). Anything else stored per client and derived from its
history belongs in `rebuild_clients` too.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from db import bulk
from db.bulk import EpisodePlan, IdAllocator


def rebuild_clients(
    session: Session,
    client_ids: Sequence[int],
    episode_ids: IdAllocator | None = None,
    *,
    had_episodes: bool = True,
) -> EpisodePlan:
    """Build these clients' episodes again from their live assessments.

    Returns the plan; when `plan.errors` is not empty (an assessment the rule
    refuses, such as a follow-up left without an intake), nothing is written and
    the caller refuses the whole change. `had_episodes=False` skips forgetting
    the old episodes, for clients an import has just added.
    """
    ids = sorted(set(client_ids))
    if not ids:
        return EpisodePlan()
    if had_episodes:
        bulk.delete_episodes(session, ids)
    allocator = episode_ids or IdAllocator(session, "episodes")
    plan = bulk.plan_episodes(bulk.timelines(session, ids), allocator)
    if plan.errors:
        return plan
    bulk.insert_rows(session, "episodes", plan.episodes)
    bulk.assign_episodes(session, plan.assignments)
    return plan


def rebuild_client(session: Session, client_id: int) -> EpisodePlan:
    """`rebuild_clients` for one client: what every correction calls last."""
    return rebuild_clients(session, [client_id])
