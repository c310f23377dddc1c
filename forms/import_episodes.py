"""The episodes of an import: the episode rule over each client's whole timeline.

Built after every row is loaded, for the clients the import added or whose
assessments it changed, by `forms.rebuild` (the rebuild every correction ends
with, applying the rule a single save applies too), a page of clients at a time.
"""

from __future__ import annotations

import datetime as dt

from forms.exchange import ASSESSMENTS
from forms.import_run import ImportRun, chunks
from forms.rebuild import rebuild_clients
from reports.rules.episodes import EpisodeError

EPISODE_PAGE_CLIENTS = 500


def build_episodes(run: ImportRun) -> int:
    """Episodes of every client the import added, or whose assessments it changed."""
    rebuild = sorted(run.rebuild_clients)
    pages = [
        rebuild[i : i + EPISODE_PAGE_CLIENTS] for i in range(0, len(rebuild), EPISODE_PAGE_CLIENTS)
    ]
    built = sum(_episodes_of(run, page, had_episodes=True) for page in pages)
    for page in chunks(run.client_rows.ids(), EPISODE_PAGE_CLIENTS):
        built += _episodes_of(run, list(page), had_episodes=False)
    return built


def _episodes_of(run: ImportRun, client_ids: list[int], had_episodes: bool) -> int:
    rebuilt = rebuild_clients(
        run.session, client_ids, run.ids["episodes"], had_episodes=had_episodes
    )
    for visit, exc in rebuilt.errors:
        _report(run, visit.id, visit.assessed_on, exc)
    return rebuilt.episodes


def _report(run: ImportRun, assessment_id: int, day: dt.date, exc: EpisodeError) -> None:
    number = run.assessment_rows.row_of(assessment_id)
    message = str(exc) if number else f"the stored assessment of {day.isoformat()}: {exc}"
    run.problems.add(ASSESSMENTS.name, number, exc.field, message)
