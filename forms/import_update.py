"""`import --update`: rows for clients that were in the database before the import.

Without --update such rows are refused (import_clients.existing_allowed). With
it, the database is brought in line with the file and every change gets its
own audit row; nothing stored is ever deleted:
- a Clients row changes the stored client (the GUI's own update path);
- an Assessments row on a date the client already has replaces that
  assessment and its substances when anything differs; on a new date it is
  added, and the client's episodes are built again from all its assessments;
- Events and Encounters rows have no identity of their own: a row equal to
  one stored before is taken to be that row; any other row is added.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from db import audit, bulk, clients, codes
from db.assessments import ASSESSMENT_COLUMNS, criteria_text
from forms.exchange import ASSESSMENTS, CLIENTS, ENCOUNTERS, EVENTS, Sheet
from forms.import_run import ImportRun

log = logging.getLogger(__name__)

_KEYS = {
    EVENTS.name: ("client_id", "occurred_on", "event", "count"),
    ENCOUNTERS.name: ("client_id", "occurred_on", "area", *codes.ENCOUNTER_TALLIES),
}
_TABLES = {EVENTS.name: "events", ENCOUNTERS.name: "encounters"}


def client(run: ImportRun, ref: bulk.ClientRef, values: Mapping[str, Any]) -> None:
    """Change a stored client to the file's values, through the GUI's save path."""
    stored = clients.get(run.session, ref.id)
    assert stored is not None
    if clients.as_dict(stored) == {k: values.get(k) for k in clients.CLIENT_COLUMNS}:
        run.unchanged[CLIENTS.name] += 1
        return
    clients.update_client(run.session, run.actor, ref.id, stored.version, values)
    run.updated[CLIENTS.name] += 1


def _substance_set(rows: Sequence[Mapping[str, Any]]) -> set[tuple[Any, ...]]:
    return {
        (
            r["substance_class"],
            bool(r.get("primary")),
            criteria_text(r.get("criteria")),
            r.get("criteria_last_met_on"),
            r.get("use_days_28"),
        )
        for r in rows
    }


def assessment(
    run: ImportRun, ref: bulk.ClientRef, assessment_id: int, values: Mapping[str, Any]
) -> bool:
    """Bring a stored assessment in line with the file; True when it was one stored before."""
    if assessment_id > run.assessments_before:
        return False
    before, before_substances = bulk.stored_assessment(run.session, assessment_id)
    after = {k: values.get(k) for k in ASSESSMENT_COLUMNS}
    substances = values["substances"]
    if before == after and _substance_set(before_substances) == _substance_set(substances):
        run.unchanged[ASSESSMENTS.name] += 1
        return True
    bulk.update_assessment(run.session, assessment_id, after, substances, run.now)
    audit.record(
        run.session,
        run.actor,
        "update",
        "assessment",
        assessment_id,
        before={**before, "substances": before_substances},
        after={**after, "substances": [bulk.substance_row(assessment_id, s) for s in substances]},
    )
    run.updated[ASSESSMENTS.name] += 1
    if before["kind"] != after["kind"] or before["contact_status"] != after["contact_status"]:
        run.rebuild_clients.add(ref.id)
    return True


def added_assessment(
    run: ImportRun,
    ref: bulk.ClientRef,
    assessment_id: int,
    row: Mapping[str, Any],
    substances: Sequence[Mapping[str, Any]],
) -> None:
    """Audit an assessment added to a client stored before; its episodes are rebuilt."""
    audit.record(
        run.session,
        run.actor,
        "create",
        "assessment",
        assessment_id,
        after={**row, "substances": [bulk.substance_row(assessment_id, s) for s in substances]},
    )
    run.rebuild_clients.add(ref.id)


def new_only(run: ImportRun, sheet: Sheet, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows not already stored; each added row of an existing client is audited."""
    if not run.update:
        return rows
    old = [r for r in rows if _is_old(run, r)]
    if not old:
        return rows
    pool = _stored_pool(run, sheet, old)
    keys = _KEYS[sheet.name]
    fresh = []
    for row in rows:
        if _is_old(run, row):
            ids = pool.get(tuple(row[k] for k in keys))
            if ids:
                run.matched.add((sheet.name, ids.pop()))
                run.unchanged[sheet.name] += 1
                continue
            if row["client_id"] is not None:
                audit.record(run.session, run.actor, "create", sheet.entity, None, after=row)
        fresh.append(row)
    return fresh


def _is_old(run: ImportRun, row: Mapping[str, Any]) -> bool:
    client_id = row["client_id"]
    return client_id is None or client_id <= run.clients_before


def _stored_pool(
    run: ImportRun, sheet: Sheet, rows: list[dict[str, Any]]
) -> dict[tuple[Any, ...], list[int]]:
    keys = _KEYS[sheet.name]
    name = _TABLES[sheet.name]
    found = bulk.stored_rows(
        run.session,
        name,
        keys,
        [r["client_id"] for r in rows if r["client_id"] is not None],
        [r["occurred_on"] for r in rows if r["client_id"] is None],
        run.stored_before[name],
    )
    pool: dict[tuple[Any, ...], list[int]] = {}
    for stored_id, values in found:
        if (sheet.name, stored_id) not in run.matched:
            pool.setdefault(values, []).append(stored_id)
    return pool
