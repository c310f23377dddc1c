"""The episodes of an import: the episode rule over each client's whole timeline.

Built after every row is loaded, for the clients the import added or whose
assessments it changed, with `reports.rules.episodes` (the rule a single save
applies too), and written in bulk a page of clients at a time.
"""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from db import episodes
from forms.exchange import ASSESSMENTS
from forms.import_run import ImportRun, chunks
from reports.rules.episodes import EpisodeError, episodes_of

EPISODE_PAGE_CLIENTS = 500


def build_episodes(run: ImportRun) -> int:
    """Episodes of every client the import added, or whose assessments it changed."""
    rebuild = sorted(run.rebuild_clients)
    episodes.delete_episodes(run.session, rebuild)
    pages = [
        rebuild[i : i + EPISODE_PAGE_CLIENTS] for i in range(0, len(rebuild), EPISODE_PAGE_CLIENTS)
    ]
    built = sum(_episodes_of(run, page) for page in pages)
    for page in chunks(run.client_rows.ids(), EPISODE_PAGE_CLIENTS):
        built += _episodes_of(run, page)
    return built


def _episodes_of(run: ImportRun, client_ids: list[int]) -> int:
    timelines = episodes.timelines(run.session, client_ids)
    built = [
        (client_id, episodes_of(list(timeline)))
        for client_id, timeline in groupby(timelines, key=lambda r: r.client_id)
    ]
    for _, client in built:
        for visit, exc in client.errors:
            _report(run, visit.id, visit.assessed_on, exc)
    # Keys for the whole page at once: on PostgreSQL each take is a round trip.
    ids = iter(run.ids["episodes"].take(sum(len(client.episodes) for _, client in built)))
    rows: list[dict[str, object]] = []
    assignments: list[tuple[int, int]] = []
    for client_id, client in built:
        taken = [next(ids) for _ in client.episodes]
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
    episodes.insert_episodes(run.session, rows)
    episodes.assign_episodes(run.session, assignments)
    return len(rows)


def _report(run: ImportRun, assessment_id: int, day: dt.date, exc: EpisodeError) -> None:
    number = run.assessment_rows.row_of(assessment_id)
    message = str(exc) if number else f"the stored assessment of {day.isoformat()}: {exc}"
    run.problems.add(ASSESSMENTS.name, number, exc.field, message)
