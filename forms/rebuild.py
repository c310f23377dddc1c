"""The one place where what is derived from a client's history is built again.

Every path that changes a saved history (a correction, a void, a restore, an
import) ends here, inside its own transaction, so that what the rules read next
comes from the current, non-voided records (DOMAIN.md §9a). Today that is the
client's service episodes, built with `reports.rules.episodes.episodes_of`: the
rule a single save applies one assessment at a time, applied to the whole
timeline; and, for a correction, the client's stored status (`db.status_rows`,
the rules' walk). An import rebuilds the stored status of every client it
touched once, at its end.

Most corrections change an answer, not a date or a kind, and leave the client's
episodes as they were: a client whose rebuilt episodes equal the stored ones
(dates, re-entry, every assessment in the same episode, none voided still in one)
is left unwritten, which spares a correction's save five statements.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from db import episodes, status_rows
from db.bulk import IdAllocator
from db.engine import Session
from db.episodes import StoredEpisodeRow, TimelineRow
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
    """Build these clients' episodes again from their live assessments; `episodes` counts
    the episodes they now have.

    When `errors` is not empty (an assessment the rule refuses, such as a
    follow-up left without an intake) nothing is written and the caller refuses
    the whole change. `had_episodes=False` skips reading the old episodes, for
    clients an import has just added.
    """
    ids = sorted(set(client_ids))
    if not ids:
        return Rebuilt()
    live: dict[int, list[TimelineRow]] = defaultdict(list)
    voided_in_episode: set[int] = set()
    for row, voided in episodes.every_assessment(session, ids):
        if not voided:
            live[row.client_id].append(row)
        elif row.episode_id is not None:
            voided_in_episode.add(row.client_id)
    built = {client_id: episodes_of(live[client_id]) for client_id in ids}
    errors = [error for client in built.values() for error in client.errors]
    if errors:
        return Rebuilt(0, errors)  # type: ignore[arg-type]
    changed = ids
    if had_episodes:
        stored = _stored_by_client(session, ids)
        changed = [
            c
            for c in ids
            if c in voided_in_episode or not _same(built[c], live[c], stored.get(c, []))
        ]
        episodes.delete_episodes(session, changed)
    if changed:
        allocator = episode_ids or IdAllocator(session, "episodes")
        _write(session, [(c, built[c]) for c in changed], allocator)
    return Rebuilt(sum(len(client.episodes) for client in built.values()))


def _stored_by_client(session: Session, ids: list[int]) -> dict[int, list[StoredEpisodeRow]]:
    stored: dict[int, list[StoredEpisodeRow]] = defaultdict(list)
    for row in episodes.stored_episodes(session, ids):
        stored[row.client_id].append(row)
    return stored


def _same(
    built: ClientEpisodes, timeline: list[TimelineRow], stored: list[StoredEpisodeRow]
) -> bool:
    """Whether the stored episodes, and each live assessment's place in them, are these."""
    if [(e.opened_on, e.closed_on, e.reentry) for e in built.episodes] != [
        (e.opened_on, e.closed_on, e.reentry) for e in stored
    ]:
        return False
    placed = {row.id: row.episode_id for row in timeline}
    return len(built.assignments) == len(timeline) and all(
        placed[aid] == stored[position].id for aid, position in built.assignments
    )


def rebuild_client(session: Session, client_id: int) -> Rebuilt:
    """`rebuild_clients` for one client, then its stored status: what every correction
    calls last."""
    rebuilt = rebuild_clients(session, [client_id])
    if not rebuilt.errors:
        status_rows.rebuild(session, [client_id])
    return rebuilt


def _write(session: Session, built: list[tuple[int, ClientEpisodes]], ids: IdAllocator) -> None:
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
