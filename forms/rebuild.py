"""The one place where what is derived from a client's history is built again.

Every path that changes a saved history (a correction, a void, a restore, an
import) ends here, inside its own transaction, so that what the rules read next
comes from the current, non-voided records (DOMAIN.md §9a). Today that is the
client's service episodes, built with `reports.rules.episodes.episodes_of`: the
rule a single save applies one assessment at a time, applied to the whole
timeline; and, for a correction, the client's stored status (`db.status_rows`,
the rules' walk). An import rebuilds the stored status of every client it
touched once, at its end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import groupby

from db import episodes, status_rows
from db.bulk import IdAllocator
from db.engine import Session
from db.episodes import TimelineRow
from reports.rules.episodes import ClientEpisodes, EpisodeError, episodes_of


@dataclass
class Rebuilt:
    """How many episodes were written, and the assessments the rule refused."""

    episodes: int = 0
    errors: list[tuple[TimelineRow, EpisodeError]] = field(default_factory=list)


def rebuild_clients(
    session: Session,
    client_ids: Sequence[int],
    episode_ids: IdAllocator | None = None,
    *,
    had_episodes: bool = True,
) -> Rebuilt:
    """Build these clients' episodes again from their live assessments.

    When `errors` is not empty (an assessment the rule refuses, such as a
    follow-up left without an intake) nothing is written and the caller refuses
    the whole change. `had_episodes=False` skips forgetting the old episodes, for
    clients an import has just added.
    """
    ids = sorted(set(client_ids))
    if not ids:
        return Rebuilt()
    if had_episodes:
        episodes.delete_episodes(session, ids)
    built = [
        (client_id, episodes_of(list(timeline)))
        for client_id, timeline in groupby(
            episodes.timelines(session, ids), key=lambda r: r.client_id
        )
    ]
    errors = [error for _, client in built for error in client.errors]
    if errors:
        return Rebuilt(0, errors)  # type: ignore[arg-type]
    allocator = episode_ids or IdAllocator(session, "episodes")
    return Rebuilt(_write(session, built, allocator))


def rebuild_client(session: Session, client_id: int) -> Rebuilt:
    """`rebuild_clients` for one client, then its stored status: what every correction
    calls last."""
    rebuilt = rebuild_clients(session, [client_id])
    if not rebuilt.errors:
        status_rows.rebuild(session, [client_id])
    return rebuilt


def _write(session: Session, built: list[tuple[int, ClientEpisodes]], ids: IdAllocator) -> int:
    # Keys for the whole page at once: on PostgreSQL each take is a round trip.
    keys = iter(ids.take(sum(len(client.episodes) for _, client in built)))
    rows: list[dict[str, object]] = []
    assignments: list[tuple[int, int]] = []
    for client_id, client in built:
        taken = [next(keys) for _ in client.episodes]
        rows.extend(
            {
                "id": taken[position],
                "client_id": client_id,
                "opened_on": e.opened_on,
                "closed_on": e.closed_on,
                "reentry": e.reentry,
            }
            for position, e in enumerate(client.episodes)
        )
        assignments.extend((aid, taken[position]) for aid, position in client.assignments)
    episodes.insert_episodes(session, rows)
    episodes.assign_episodes(session, assignments)
    return len(rows)
