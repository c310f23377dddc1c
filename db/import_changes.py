"""The changes an `import --update` made in its staging copy, merged into the database.

An import with --update changes records stored before it (clients, assessments
and their substances, consents) and rebuilds the episodes and stored statuses
of the clients it touched. Staged like a plain import (db/import_stage.py), it
writes all that in the copy; the merge then replaces, in the database, the rows
of exactly those clients (`written`, kept in the copy's `import_changed` table)
with the copy's: rows the copy no longer has are deleted, rows it changed are
updated by id, and the rows it added come with the plain import's INSERT ...
SELECT. Every other client's rows are left as they are.

A desk may have changed one of those clients while the copy was loaded; the
copy's rows would then silently undo that change. Every write appends an audit
row (db/audit.py), so the audit rows the database gained since the copy was
taken name every record a desk wrote meanwhile: one of a written client refuses
the whole import (`ChangedAtDeskError`) before anything is written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from db.models import AuditEntry, Base

_CHANGED = "import_changed"
# Tables holding a client's records, by the audit rows' entity name.
_ENTITY_TABLES = {
    "assessment": "assessments",
    "event": "events",
    "encounter": "encounters",
    "followup_attempt": "followup_attempts",
    "consent": "consents",
    "client_note": "client_notes",
}
# Audit actions that write nothing to a client's records.
_READS = ("view", "search", "export", "sign_in", "sign_in_failed", "sign_out", "lock", "unlock")
# The tables whose rows of a written client the merge replaces, parents first; how a
# row belongs to one of those clients (`{t}` is the table's name or alias).
_OWNED_BY = {
    "clients": '{t}."id" IN (SELECT "client_id" FROM stage."import_changed")',
    "episodes": '{t}."client_id" IN (SELECT "client_id" FROM stage."import_changed")',
    "assessments": '{t}."client_id" IN (SELECT "client_id" FROM stage."import_changed")',
    "substance_records": '{t}."assessment_id" IN (SELECT "id" FROM stage."assessments" '
    'WHERE "client_id" IN (SELECT "client_id" FROM stage."import_changed"))',
    "events": '{t}."client_id" IN (SELECT "client_id" FROM stage."import_changed")',
    "encounters": '{t}."client_id" IN (SELECT "client_id" FROM stage."import_changed")',
    "consents": '{t}."client_id" IN (SELECT "client_id" FROM stage."import_changed")',
}
_STATUS = "status_after_assessment"


def highest_audit_seq(session: Session) -> int:
    return int(session.scalar(select(func.coalesce(func.max(AuditEntry.seq), 0))) or 0)


def keep_written(session: Session, written: Mapping[int, tuple[str, int, str]]) -> None:
    """Keep in the staging copy the clients the import wrote, each with the file row
    (sheet, row, client code) that names it."""
    conn = session.connection()
    conn.exec_driver_sql(
        f'CREATE TABLE "{_CHANGED}" ("client_id" INTEGER PRIMARY KEY, '
        '"sheet" TEXT, "row" INTEGER, "code" TEXT)'
    )
    rows = [(cid, *where) for cid, where in sorted(written.items())]
    if rows:
        conn.exec_driver_sql(f'INSERT INTO "{_CHANGED}" VALUES (?, ?, ?, ?)', rows)


class ChangedAtDeskError(Exception):
    """Clients the import changes that a desk wrote to after the staging copy was taken."""

    def __init__(self, changed: list[tuple[str, int, str]]) -> None:
        super().__init__(f"{len(changed)} clients were changed at a desk during the import")
        self.changed = changed  # (sheet, row, client code) of each


def refuse_desk_changes(live: Session, audit_seq: int) -> None:
    """ChangedAtDeskError when an audit row added since the copy (past `audit_seq`) names
    a client the import wrote, or a record of one (a merge names both clients)."""
    owners = [
        f'SELECT t."client_id" FROM desk JOIN main."{table}" AS t '
        f'ON desk."entity" = \'{entity}\' AND t."id" = desk."eid"'
        for entity, table in _ENTITY_TABLES.items()
    ]
    reads = ", ".join(f"'{action}'" for action in _READS)
    rows = live.connection().exec_driver_sql(
        'WITH desk AS (SELECT "action", "entity", CAST("entity_id" AS INTEGER) AS "eid", '
        f'"before" FROM main."audit_log" WHERE "seq" > ? AND "action" NOT IN ({reads})), '
        'touched AS (SELECT "eid" AS "client_id" FROM desk WHERE "entity" = \'client\' '
        "UNION SELECT CAST(json_extract(\"before\", '$.merged_id') AS INTEGER) FROM desk "
        "WHERE \"action\" = 'merge' UNION " + " UNION ".join(owners) + ") "
        f'SELECT c."sheet", c."row", c."code" FROM stage."{_CHANGED}" AS c '
        'WHERE c."client_id" IN (SELECT "client_id" FROM touched) ORDER BY c."row"',
        (audit_seq,),
    )
    changed = [(str(sheet), int(row), str(code)) for sheet, row, code in rows]
    if changed:
        raise ChangedAtDeskError(changed)


def delete_dropped(live: Session, before: Mapping[str, int]) -> None:
    """Delete the written clients' rows the copy no longer has (rebuilt episodes, replaced
    substances): rows stored before the import only, so a row it adds is never touched."""
    conn = live.connection()
    for name in reversed(tuple(_OWNED_BY)):
        owned = _OWNED_BY[name].format(t=f'main."{name}"')
        conn.exec_driver_sql(
            f'DELETE FROM main."{name}" WHERE "id" <= ? AND {owned} '
            f'AND "id" NOT IN (SELECT "id" FROM stage."{name}")',
            (before[name],),
        )


def update_changed(live: Session, before: Mapping[str, int], moved: Any) -> None:
    """The written clients' rows stored before the import set to the copy's values, by id,
    each reference to a row the import added moved like the added rows (`moved(table,
    column, prefix)` gives the SQL and its parameters, from db/import_stage.py). Rows equal
    to the copy's are left unwritten: most of a changed client's rows are."""
    conn = live.connection()
    for name in _OWNED_BY:
        table = _table(name)
        sets: list[str] = []
        same: list[str] = []
        parameters: list[int] = []
        for column in table.columns:
            if column.name == "id":
                continue
            sql, added = moved(table, column, "s.")
            sets.append(f'"{column.name}" = {sql}')
            same.append(f'main."{name}"."{column.name}" IS {sql}')
            parameters.extend(added)
        owned = _OWNED_BY[name].format(t="s")
        conn.exec_driver_sql(
            f'UPDATE main."{name}" SET {", ".join(sets)} FROM stage."{name}" AS s '
            f'WHERE main."{name}"."id" = s."id" AND s."id" <= ? AND {owned} '
            f"AND NOT ({' AND '.join(same)})",
            (*parameters, before[name], *parameters),
        )


def replace_statuses(live: Session, moved: Any) -> None:
    """The written clients' stored statuses made the copy's, built after the import: rows
    the copy does not have alike deleted, then the copy's rows not left in place added."""
    conn = live.connection()
    table = _table(_STATUS)
    values: list[str] = []
    parameters: list[int] = []
    for column in table.columns:
        sql, added = moved(table, column, "s.")
        values.append(sql)
        parameters.extend(added)
    alike = " AND ".join(f'm."{c.name}" IS s."{c.name}"' for c in table.columns)
    keys = " AND ".join(f'm."{c.name}" = s."{c.name}"' for c in table.primary_key.columns)
    written = f'"client_id" IN (SELECT "client_id" FROM stage."{_CHANGED}")'
    conn.exec_driver_sql(
        f'DELETE FROM main."{_STATUS}" AS m WHERE m.{written} AND NOT EXISTS '
        f'(SELECT 1 FROM stage."{_STATUS}" AS s WHERE {alike})'
    )
    listed = ", ".join(f'"{c.name}"' for c in table.columns)
    conn.exec_driver_sql(
        f'INSERT INTO main."{_STATUS}" ({listed}) SELECT {", ".join(values)} '
        f'FROM stage."{_STATUS}" AS s WHERE s.{written} AND NOT EXISTS '
        f'(SELECT 1 FROM main."{_STATUS}" AS m WHERE {keys})',
        tuple(parameters),
    )


def moved_audit_rows(
    rows: Iterable[dict[str, Any]], assessments_before: int, shift: int
) -> list[dict[str, Any]]:
    """The copy's audit rows with the ids of the assessments it added moved by `shift`, as
    the merge moved those assessments (the only added records an audit row names by id)."""
    moved = []
    for row in rows:
        if shift and row["entity"] == "assessment" and row["action"] == "create":
            row = _moved_assessment_row(row, assessments_before, shift)
        moved.append(row)
    return moved


def _moved_assessment_row(row: dict[str, Any], before: int, shift: int) -> dict[str, Any]:
    old = int(row["entity_id"])
    if old <= before:
        return row
    after = json.loads(row["after"]) if row["after"] else {}
    after["id"] = old + shift
    for substance in after.get("substances", []):
        substance["assessment_id"] = old + shift
    text = json.dumps(after, sort_keys=True, ensure_ascii=False)
    return {**row, "entity_id": str(old + shift), "after": text}


def _table(name: str) -> Table:
    return Base.metadata.tables[name]
