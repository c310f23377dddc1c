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
from db import corrections as stored_records
from db.assessments import ASSESSMENT_COLUMNS, criteria_text
from forms.corrections import apply_assessment_values
from forms.exchange import ASSESSMENTS, CLIENTS, ENCOUNTERS, EVENTS, Sheet
from forms.import_run import ImportRun

log = logging.getLogger(__name__)

_KEYS = {
    EVENTS.name: ("client_id", "occurred_on", "event", "count"),
    ENCOUNTERS.name: (
        "client_id",
        "occurred_on",
        "area",
        *codes.ENCOUNTER_TALLIES,
        *codes.REFERRAL_COLUMNS,
    ),
}
_TABLES = {EVENTS.name: "events", ENCOUNTERS.name: "encounters"}
_NOTE = "import --update"


def client(run: ImportRun, ref: bulk.ClientRef, values: Mapping[str, Any]) -> None:
    """Change a stored client to the file's values, through the GUI's save path."""
    stored = clients.get(run.session, ref.id)
    assert stored is not None
    if clients.as_dict(stored) == {k: values.get(k) for k in clients.CLIENT_COLUMNS}:
        run.unchanged[CLIENTS.name] += 1
        return
    clients.update_client(run.session, run.actor, ref.id, stored.version, values)
    run.changed_clients.add(ref.id)
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
    """Bring a stored assessment in line with the file; True when it was one stored before.
    A change takes the correction path (forms.corrections): the same audit row; the
    client's rebuild comes once, at the end of the import, with the same function."""
    if assessment_id > run.assessments_before:
        return False
    record = stored_records.stored(run.session, "assessment", assessment_id)
    assert record is not None
    after = {k: values.get(k) for k in ASSESSMENT_COLUMNS}
    substances = values["substances"]
    if _same_assessment(record, after, substances):
        run.unchanged[ASSESSMENTS.name] += 1
        return True
    apply_assessment_values(
        run.session, run.actor, record, record.version, after, substances, _NOTE, rebuild=False
    )
    run.updated[ASSESSMENTS.name] += 1
    run.rebuild_clients.add(ref.id)
    run.status_clients.add(ref.id)
    return True


def voided_assessment(
    run: ImportRun, number: int, assessment_id: int, values: Mapping[str, Any]
) -> None:
    """A row on the date of a voided assessment: equal to it, it is left voided; otherwise it
    is refused, since it would change a record someone voided."""
    record = stored_records.stored(run.session, "assessment", assessment_id)
    assert record is not None
    after = {k: values.get(k) for k in ASSESSMENT_COLUMNS}
    if _same_assessment(record, after, values["substances"]):
        run.unchanged[ASSESSMENTS.name] += 1
        return
    run.problems.add(
        ASSESSMENTS.name,
        number,
        "assessed_on",
        f"the assessment of {record.record_on.isoformat()} was voided "
        f"({record.void['void_reason'].replace('_', ' ')}) on "
        f"{record.void['voided_at']:%Y-%m-%d}; restore it in the program before changing it",
    )


def _same_assessment(
    record: stored_records.StoredRecord,
    after: Mapping[str, Any],
    substances: Sequence[Mapping[str, Any]],
) -> bool:
    before = {k: record.values.get(k) for k in after}
    return before == dict(after) and _substance_set(record.substances) == _substance_set(substances)


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
                run.changed_clients.add(row["client_id"])
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
